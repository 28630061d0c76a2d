/**
 * Hydration in Chromium: the server's HTML (tests/ssr/render.ts) loaded in a page, the same `data` set on
 * the elements, the kit loaded with Lit's hydration support. No hydration mismatch, no error, and no stale
 * server state left beside the live one: each element shows one root, its content and none of the empty,
 * loading or error states.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { browserArgs, findBrowser } from '../../scripts/browser-path.mjs';
import { CASES, cmsReport, items, office, renderToString, report } from './render.ts';

/** The cases that need no backend, the `data` each gets in the browser too (as a framework sets it), and what it then shows. */
const HYDRATED: Record<string, { data?: unknown; shows: RegExp }> = {
  'contact card from attributes': { shows: /福建省商务厅[\s\S]*0591-87270308/ },
  'contact card from data': { data: office, shows: /某市人民政府办公室[\s\S]*0591-12345678/ },
  'contact card from inline JSON': { shows: /某市人民政府办公室/ },
  'contact card, elder theme': { shows: /福建省商务厅/ },
  'directory from data': { data: items, shows: /道路建设项目批复/ },
  'directory from inline JSON': { shows: /道路建设项目批复/ },
  'application form': { shows: /申请人信息/ },
  'application status': { shows: /查询申请进度/ },
  // The server's report, its narratives as the server sanitised them (no DOMPurify needed to hydrate).
  'report viewer from data': { data: report, shows: /平潭综合实验区2024年度政府信息公开工作年度报告[\s\S]*全年办理政府信息公开申请218件/ },
  // What the server sanitised stays as it is on hydration, though a browser would parse the markup otherwise.
  'report viewer, CMS narrative': { data: cmsReport, shows: /收费[\s\S]*未闭合的段落[\s\S]*第二段 & 结束/ },
  'feedback mailbox': { shows: /来信类别/ },
};
const names = Object.keys(HYDRATED);

let browser: Browser;
let url: string;
let close: () => void;

before(async () => {
  const root = new URL('../../', import.meta.url).pathname;
  const bundle = await build({
    stdin: {
      contents: "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport './src/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    tsconfig: `${root}tsconfig.json`,
  });
  const script = bundle.outputFiles[0].text;
  const body = names.map((name, i) => `<div id="case-${i}">${renderToString(CASES[name].template)}</div>`).join('\n');
  const data = Object.fromEntries(names.map((name, i) => [i, HYDRATED[name].data]).filter(([, value]) => value !== undefined));
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>hydration</title></head><body>${body}
<script type="module">
  const data = ${JSON.stringify(data)};
  for (const [i, value] of Object.entries(data)) document.querySelector('#case-' + i + ' > *').data = value;
  await import('/kit.js');
  window.kitLoaded = true;
</script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    else if (req.url === '/kit.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    else if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  close = () => server.close();
  browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
});
after(async () => {
  await browser?.close();
  close?.();
});

test('server-rendered elements hydrate with no mismatch and no stale state', async () => {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  tab.on('console', (message) => {
    if (message.type() === 'error' || /hydrat|mismatch/i.test(message.text()))
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await tab.goto(url, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(() => (window as unknown as { kitLoaded?: boolean }).kitLoaded, { timeout: 10_000 });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const seen = await tab.evaluate((count) => {
    const result = [];
    for (let i = 0; i < count; i++) {
      const element = document.querySelector(`#case-${i} > *`)!;
      const root = element.shadowRoot!;
      result.push({
        hydrated: !element.hasAttribute('defer-hydration') && (element as unknown as { hasUpdated?: boolean }).hasUpdated === true,
        roots: root.querySelectorAll('.zwgk-root').length,
        stale: [...root.querySelectorAll('[part="empty"], [part="loading"], [part="error"]')].map((node) => node.getAttribute('part')),
        theme: root.querySelector('.zwgk-root')?.getAttribute('data-theme'),
        text: (root.querySelector('.zwgk-root')?.textContent ?? '').replace(/\s+/g, ' '),
      });
    }
    return result;
  }, names.length);
  await tab.close();
  assert.deepEqual(problems, []);
  seen.forEach((element, i) => {
    const name = names[i];
    assert.ok(element.hydrated, `${name}: hydrated`);
    assert.equal(element.roots, 1, `${name}: one root, no stale copy`);
    assert.deepEqual(element.stale, [], `${name}: no empty, loading or error state left`);
    assert.match(element.text, HYDRATED[name].shows, name);
  });
  assert.equal(seen[names.indexOf('contact card, elder theme')].theme, 'elder');
});
