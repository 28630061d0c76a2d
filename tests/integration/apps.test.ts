/**
 * The React 18, React 19 and Vue 3 apps in tests/integration/apps, as a web team would build them: copied
 * out of the repository (so nothing resolves from its node_modules), given the packed zwgk-kit tarball
 * and their framework from the npm registry, type-checked (tsc, vue-tsc), built (Vite) and run in
 * Chromium: a `data` property set, an event received, the elements rendered.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import vue from '@vitejs/plugin-vue';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build } from 'vite';
import { browserArgs, findBrowser } from '../../scripts/browser-path.mjs';
import { installed, npm, pack, ROOT } from './pack.ts';

const APPS = join(ROOT, 'tests/integration/apps');
const work = mkdtempSync(join(tmpdir(), 'zwgk-integration-'));
let browser: Browser;

before(async () => {
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The app copied out of the repository with its own node_modules: its framework, and zwgk-kit from the tarball. */
function install(app: string): string {
  const dir = join(work, app);
  cpSync(join(APPS, app), dir, { recursive: true });
  cpSync(join(APPS, 'fixture.ts'), join(dir, 'fixture.ts'));
  npm(['install', '--no-audit', '--no-fund', '--no-package-lock', pack('zwgk-kit').file], dir);
  const { packages } = installed(dir);
  console.log(`${app}: ${packages.length} packages installed`);
  return dir;
}

function typeCheck(dir: string, checker: 'typescript/bin/tsc' | 'vue-tsc/bin/vue-tsc.js'): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', checker), '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    assert.fail(`type check failed:\n${stdout}${stderr}`);
  }
}

async function bundle(dir: string, app: string): Promise<void> {
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    plugins: app === 'vue3' ? [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('zwgk-') } } })] : [],
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir: join(dir, 'dist'), emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = join(dir, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    if (!path.startsWith(dir) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${address.port}/` });
    }),
  );
}

/** In Chromium: the card got `data` as a property and shows it at heading level 3, the directory lists the items, a search reaches the app. */
async function check(dir: string): Promise<void> {
  const { server, url } = await serve(join(dir, 'dist'));
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('#card')?.shadowRoot?.textContent?.includes('集成测试市人民政府办公室'), {
      timeout: 10_000,
    });
    const card = await page.$eval('#card', (element) => ({
      attribute: element.getAttribute('data'),
      agency: (element as unknown as { data?: { agency?: string } }).data?.agency,
      text: element.shadowRoot?.textContent ?? '',
      heading: element.shadowRoot?.querySelector('h1, h2, h3, h4, h5, h6')?.localName,
    }));
    assert.equal(card.attribute, null, 'data is not turned into an attribute');
    assert.equal(card.heading, 'h3', 'the heading level reached the element');
    assert.equal(card.agency, '集成测试市人民政府办公室', 'data is set as a property');
    assert.match(card.text, /0591-12345678/);
    await page.waitForFunction(() => document.querySelector('#directory')?.shadowRoot?.textContent?.includes('道路建设项目批复'), {
      timeout: 10_000,
    });
    const search = await page.waitForSelector('#directory >>> input[type="search"], #directory >>> [part~="search-input"]');
    await search!.type('预算');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#searched')?.textContent === '预算', { timeout: 10_000 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    server.close();
  }
}

for (const [app, checker] of [
  ['react18', 'typescript/bin/tsc'],
  ['react19', 'typescript/bin/tsc'],
  ['vue3', 'vue-tsc/bin/vue-tsc.js'],
] as const) {
  test(`${app} app: installs from the tarball, type-checks, builds, sets data and hears events in Chromium`, async () => {
    const dir = install(app);
    typeCheck(dir, checker);
    await bundle(dir, app);
    await check(dir);
  });
}
