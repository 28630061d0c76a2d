/**
 * The CDN autoloader in Chromium: it defines each element when it first appears, now or added later, and
 * a page downloads only what its elements use — measured from a real page load (the gzip bytes of every
 * script the browser requested), against size-budgets.json. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { browserArgs, findBrowser } from '../../scripts/browser-path.mjs';
import { ROOT } from './pack.ts';

const CDN = join(ROOT, 'packages/zwgk-kit/dist/cdn');
const budgets = JSON.parse(readFileSync(join(ROOT, 'size-budgets.json'), 'utf8')) as { pages: Record<string, number> };
const manifest = JSON.parse(readFileSync(join(ROOT, 'packages/zwgk-kit/custom-elements.json'), 'utf8'));
const TAGS: string[] = manifest.modules.flatMap((m: { declarations: { tagName?: string }[] }) =>
  m.declarations.map((d) => d.tagName).filter(Boolean),
);

let browser: Browser;
let server: Server;
let origin: string;
const pages = new Map<string, string>();
/** Script files the test server answers with 404 while it has them here (a dropped connection). */
const unreachable = new Set<RegExp>();
/** JSON the test server answers with, and how many times each was asked for. */
const answers = new Map<string, { body: unknown; requests: number }>();

before(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const page = pages.get(path);
    if (page) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    const answer = answers.get(path);
    if (answer) {
      answer.requests++;
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    }
    if ([...unreachable].some((pattern) => pattern.test(path))) return void res.writeHead(404).end();
    const file = join(CDN, path);
    if (path.endsWith('.js') && file.startsWith(CDN) && existsSync(file)) {
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Loads `body` under the autoloader; the scripts it requested and their gzip bytes. */
async function load(
  name: string,
  body: string,
  until: string,
): Promise<{ scripts: string[]; preloaded: string[]; fetchPreloads: string[]; bytes: number; errors: string[] }> {
  pages.set(
    `/${name}`,
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="/autoloader.js"></script></head><body>${body}</body></html>`,
  );
  const tab = await browser.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  let preloaded: string[] = [];
  let fetchPreloads: string[] = [];
  tab.on('request', (request) => {
    // Every script file, whatever asks for it: modules, modulepreloads, workers.
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  tab.on('pageerror', (error) => errors.push(String(error)));
  try {
    await tab.goto(`${origin}/${name}`, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(until, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    preloaded = await tab.$$eval('link[rel="modulepreload"]', (links) =>
      links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
    );
    fetchPreloads = await tab.$$eval('link[rel="preload"]', (links) =>
      links.map((link) => `${(link as HTMLLinkElement).as} ${new URL((link as HTMLLinkElement).href).pathname}`),
    );
  } finally {
    await tab.close();
  }
  const bytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(CDN, path)), { level: 9 }).length, 0);
  return { scripts, preloaded, fetchPreloads, bytes, errors };
}

test('a page with one contact card loads the contact card and nothing else', async () => {
  const { scripts, preloaded, bytes, errors } = await load(
    'contact-card',
    '<zwgk-contact-card agency="福建省商务厅" phone="0591-87270308"></zwgk-contact-card>',
    "customElements.get('zwgk-contact-card') && document.querySelector('zwgk-contact-card').shadowRoot?.textContent.includes('福建省商务厅')",
  );
  console.log(
    `page with one <zwgk-contact-card> (autoloader): ${scripts.length} scripts, ${bytes} bytes gzip, budget ${budgets.pages.contactCard}`,
  );
  assert.deepEqual(errors, []);
  const others = scripts.filter((path) =>
    /directory|application|feedback|report|view|solver|lookup|\/en-|messages-en|\/forms-|\/common-/.test(path),
  );
  assert.deepEqual(others, [], "no other element, no English, no report tables, none of the forms' or the other elements' shared code");
  assert.ok(bytes <= budgets.pages.contactCard, `${bytes} bytes within the page budget ${budgets.pages.contactCard}`);
  // The chunks the card's chunk imports are fetched beside it (one round trip), not after it.
  assert.ok(
    preloaded.some((path) => /^\/chunks\/runtime-[\w-]+\.js$/.test(path)),
    `the kit runtime is preloaded with the card (${preloaded.join(', ') || 'nothing preloaded'})`,
  );
  assert.deepEqual(
    preloaded.filter((path) => !scripts.includes(path)),
    [],
    'nothing is preloaded that the page does not use',
  );
});

test("the card's data is fetched beside its code, once", async () => {
  answers.set('/contact.json', { body: { agency: '福建省商务厅', phone: '0591-87270308' }, requests: 0 });
  const { fetchPreloads, errors } = await load(
    'card-with-src',
    '<zwgk-contact-card src="/contact.json"></zwgk-contact-card>',
    "document.querySelector('zwgk-contact-card').shadowRoot?.textContent.includes('0591-87270308')",
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(fetchPreloads, ['fetch /contact.json'], 'the autoloader preloads the URL the card fetches');
  // The card's own fetch takes the preloaded answer: one request, not two.
  assert.equal(answers.get('/contact.json')!.requests, 1);
});

test('a directory that searches its own table gets the search beside its code; one whose server searches never loads it', async () => {
  const table = await load(
    'directory-table',
    `<zwgk-directory url-state="off"><table><thead><tr><th data-field="title">标题</th><th data-field="publishedAt">发布日期</th></tr></thead>
<tbody><tr><td><a href="/a.htm">关于道路建设项目的批复</a></td><td>2024-05-06</td></tr></tbody></table></zwgk-directory>`,
    "document.querySelector('zwgk-directory').shadowRoot?.querySelector('[part~=\"item\"]')?.textContent.includes('道路建设项目')",
  );
  assert.deepEqual(table.errors, []);
  const search = (paths: string[]) => paths.filter((path) => /^\/chunks\/local-search-[\w-]+\.js$/.test(path));
  assert.equal(search(table.scripts).length, 1, `the search on the page is loaded (${table.scripts.join(', ')})`);
  assert.equal(search(table.preloaded).length, 1, 'and preloaded with the directory, not a round trip after it');

  answers.set('/disclosures', { body: { items: [], total: 0, page: 1, pageSize: 10 }, requests: 0 });
  const remote = await load(
    'directory-remote',
    '<zwgk-directory src="/disclosures" mode="remote" url-state="off"></zwgk-directory>',
    'document.querySelector(\'zwgk-directory\').shadowRoot?.querySelector(\'[part~="empty"], [part~="count"]\')',
  );
  assert.deepEqual(remote.errors, []);
  assert.equal(answers.get('/disclosures')!.requests, 1);
  assert.deepEqual(search(remote.scripts), [], 'remote mode: the server searches, the page does not load the search');
});

test('a directory whose search cannot be fetched says so, with Retry, and its table stays in view', async () => {
  const search = /^\/chunks\/local-search-[\w-]+\.js$/;
  unreachable.add(search);
  pages.set(
    '/directory-offline',
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>offline</title>
<script type="module" src="/autoloader.js"></script></head><body><zwgk-directory url-state="off"><table>
<thead><tr><th data-field="title">标题</th><th data-field="publishedAt">发布日期</th></tr></thead>
<tbody><tr><td><a href="/a.htm">关于道路建设项目的批复</a></td><td>2024-05-06</td></tr></tbody></table></zwgk-directory></body></html>`,
  );
  const tab = await browser.newPage();
  try {
    await tab.goto(`${origin}/directory-offline`, { waitUntil: 'networkidle0' });
    await tab.waitForFunction(() => document.querySelector('zwgk-directory')?.shadowRoot?.querySelector('[part~="error"] button'), {
      timeout: 10_000,
    });
    const state = await tab.evaluate(() => {
      const root = document.querySelector('zwgk-directory')!.shadowRoot!;
      const link = document.querySelector('zwgk-directory table a') as HTMLElement;
      return { error: root.querySelector('[part~="error"]')!.textContent!.replace(/\s+/g, ''), linkShown: link.checkVisibility() };
    });
    // (Chromium keeps a failed module fetch for the page's life: Retry tries again, a reload loads it.)
    assert.match(state.error, /无法连接到服务器[\s\S]*重试/);
    assert.ok(state.linkShown, "the server's table, and its link, still shown");
  } finally {
    unreachable.delete(search);
    await tab.close();
  }
});

test('an element whose src is not a URL is still loaded, and says so', async () => {
  const { errors } = await load(
    'card-bad-src',
    '<zwgk-contact-card src="http://[not-a-host"></zwgk-contact-card>',
    "customElements.get('zwgk-contact-card') && document.querySelector('zwgk-contact-card').shadowRoot?.querySelector('[part~=\"error\"]')",
  );
  assert.deepEqual(errors, []);
});

test('an element added later is defined when it appears', async () => {
  const { errors } = await load(
    'added-later',
    "<div id=slot></div><script type=module>setTimeout(() => { document.getElementById('slot').innerHTML = '<zwgk-directory url-state=\"off\"></zwgk-directory>'; }, 300);</script>",
    "customElements.get('zwgk-directory') && document.querySelector('zwgk-directory')?.shadowRoot",
  );
  assert.deepEqual(errors, []);
});

test('every element of the manifest is known to the autoloader', async () => {
  assert.ok(TAGS.length >= 6);
  const all = TAGS.map((tag) => `<${tag} api-base="/none" url-state="off"></${tag}>`).join('\n');
  const { bytes, errors } = await load('every-element', all, `${JSON.stringify(TAGS)}.every((tag) => customElements.get(tag))`);
  console.log(`page with every element, the office's too (autoloader): ${bytes} bytes gzip`);
  assert.deepEqual(errors, []);
});

// The office's elements (the desk, the report editor, with its rich-text editor) sit on staff pages, never beside the citizen's.
const OFFICE_TAGS = ['zwgk-request-desk', 'zwgk-report-editor'];

test('a page with every citizen element stays within its budget', async () => {
  const citizen = TAGS.filter((tag) => !OFFICE_TAGS.includes(tag));
  assert.equal(citizen.length, 6);
  const all = citizen.map((tag) => `<${tag} api-base="/none" url-state="off"></${tag}>`).join('\n');
  const { bytes, errors } = await load('every-citizen-element', all, `${JSON.stringify(citizen)}.every((tag) => customElements.get(tag))`);
  console.log(`page with the six citizen elements (autoloader): ${bytes} bytes gzip, budget ${budgets.pages.everyElement}`);
  assert.deepEqual(errors, []);
  assert.ok(bytes <= budgets.pages.everyElement, `${bytes} bytes within the page budget ${budgets.pages.everyElement}`);
});
