// Browser tests in the machine's own Chromium (never a downloaded one), with the
// reference server mounted at /api so interactive elements talk to the real thing.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { litDecoratorsToStaticInTests } from './scripts/lit-decorators.mjs';
import { referenceApi } from './scripts/wtr-api.mjs';
import { failureStubs } from './scripts/wtr-stubs.mjs';
import { browserArgs, findBrowser } from './scripts/browser-path.mjs';

const executablePath = findBrowser();
const args = browserArgs();

const api = referenceApi();

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: true,
  // One test file at a time: every file's page shares the one system clipboard.
  concurrency: 1,
  testFramework: { config: { timeout: 15000 } },
  middleware: [api.middleware, failureStubs()],
  // The elements as they ship: Lit's decorators compiled away as in the builds (scripts/lit-decorators.mjs).
  plugins: [litDecoratorsToStaticInTests(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), api.plugin],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args },
      // Copy buttons are tested by reading the real clipboard back.
      async createPage({ context }) {
        // A window of its own per test file: a background tab gets no animation frames and no clipboard focus.
        const page = await context.newPage({ type: 'window' });
        const session = await page.createCDPSession();
        await session.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
        return page;
      },
    }),
  ],
};
