// Browser tests in the machine's own Chromium (never a downloaded one), with the
// reference server mounted at /api so interactive elements talk to the real thing.
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { referenceApi } from './scripts/wtr-api.mjs';
import { failureStubs } from './scripts/wtr-stubs.mjs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const executablePath = candidates.find((path) => path && existsSync(path));
if (!executablePath) {
  throw new Error('No Chromium or Chrome found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
}

const args = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
if (process.getuid?.() === 0) args.push('--no-sandbox');

const api = referenceApi();

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 15000 } },
  middleware: [api.middleware, failureStubs()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), api.plugin],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args },
      // Copy buttons are tested by reading the real clipboard back.
      async createPage({ context }) {
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
        return page;
      },
    }),
  ],
};
