/**
 * The office's elements on the server and after hydration: the request desk and the report editor render
 * with @lit-labs/ssr in Node (attributes, theme="elder", English) touching no browser global and sending no
 * request, and then hydrate in Chromium against the reference server on loopback with no mismatch, no error
 * and no stale state — signed out (the sign-in forms) and signed in (the queue, and the report with its
 * ProseMirror editors mounted in the hydrated DOM).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { html, type TemplateResult } from 'lit';
import puppeteer, { type Browser } from 'puppeteer-core';
import { browserArgs, findBrowser } from '../../scripts/browser-path.mjs';
import { createDemoServer, type DemoServer } from '../../src/server/demo.ts';
import { renderToString } from './render.ts';

/** A year of the demo agency that no other test in this file's process writes. */
const YEAR = 2025;

const STAFF: Record<string, TemplateResult> = {
  'request desk, elder theme': html`<zwgk-request-desk api-base="/api" theme="elder"></zwgk-request-desk>`,
  'request desk in English': html`<zwgk-request-desk api-base="/api" lang="en"></zwgk-request-desk>`,
  'report editor, elder theme': html`<zwgk-report-editor api-base="/api" year=${YEAR} theme="elder"></zwgk-report-editor>`,
  'report editor in English': html`<zwgk-report-editor api-base="/api" year=${YEAR} lang="en"></zwgk-report-editor>`,
  // The server sees the element's own attributes only: the page's English and elder theme arrive in the browser.
  'report editor on an English page, elder theme': html`<zwgk-report-editor api-base="/api" year=${YEAR}></zwgk-report-editor>`,
};
const names = Object.keys(STAFF);
/** Attributes of the page around an element (the wrapper <div> in the hydration page). */
const AROUND: Record<string, string> = { 'report editor on an English page, elder theme': 'lang="en" theme="elder"' };
const english = (name: string) => /English/.test(name);
const elder = (name: string) => /elder/.test(name);

const BROWSER_GLOBALS = ['window', 'document', 'location', 'Element', 'ShadowRoot', 'HTMLElement', 'localStorage', 'history'];

describe('staff elements on the server', () => {
  test('Node has none of the browser globals an element could lean on', () => {
    for (const name of BROWSER_GLOBALS) assert.equal(name in globalThis, false, `${name} is not defined in Node`);
  });

  for (const name of names) {
    test(`server rendering: ${name}`, async () => {
      const requests: string[] = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input) => {
        requests.push(String(input instanceof Request ? input.url : input));
        return Promise.reject(new Error('no request at render time'));
      };
      let out: string;
      try {
        out = renderToString(STAFF[name]);
        // A request started by the render would fail a moment later: let it.
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        globalThis.fetch = realFetch;
      }
      assert.match(out, /<template shadowroot="open" shadowrootmode="open">/, 'declarative shadow DOM');
      assert.match(out, /class="zwgk-root"/);
      if (elder(name) && !AROUND[name]) assert.match(out, /data-theme="elder"/);
      // The session is unknown on the server: the skeleton, as the browser's first render shows it (a language
      // whose messages the server has not loaded renders the empty root, as the browser does until they arrive).
      if (!english(name) || AROUND[name]) assert.match(out, /part="loading"/);
      assert.doesNotMatch(out, /part="(error|sign-in)"/, 'no error, no guess at the session');
      assert.deepEqual(requests, [], 'no request at render time');
    });
  }

  test('server rendering: an element with its own lang="en" says so on its root', () => {
    for (const name of names.filter((n) => english(n) && !AROUND[n])) {
      assert.match(renderToString(STAFF[name]), /class="zwgk-root"[^>]*lang="en"/, name);
    }
  });
});

describe('staff elements hydrate', () => {
  let demo: DemoServer;
  let browser: Browser;
  let origin: string;
  let close: () => void;

  before(async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const [bundle, server] = await Promise.all([
      build({
        // Hydration support is its own entry, loaded first: it must run before Lit's element class is defined,
        // and with splitting Lit sits in a chunk shared with the elements' lazy parts, which the elements' entry
        // would evaluate before its own first line.
        entryPoints: { hydrate: '@lit-labs/ssr-client/lit-element-hydrate-support.js' },
        absWorkingDir: root,
        stdin: { contents: "import './src/request-desk.ts';\nimport './src/report-editor.ts';", resolveDir: root, loader: 'ts' },
        bundle: true,
        splitting: true,
        outdir: '/kit',
        format: 'esm',
        write: false,
        logLevel: 'silent',
        tsconfig: `${root}tsconfig.json`,
      }),
      createDemoServer({ dataDir: 'memory', adminToken: 'test-admin-token', altchaComplexity: 'test' }),
    ]);
    demo = server;
    const files = new Map(bundle.outputFiles.map((file) => [file.path.replace(/^\/kit/, ''), file.text]));
    const body = names.map((name, i) => `<div id="case-${i}" ${AROUND[name] ?? ''}>${renderToString(STAFF[name])}</div>`).join('\n');
    const page = (signIn: boolean) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>hydration</title></head>
<body>${body}
<script type="module">
  ${signIn ? 'await window.signIn();' : ''}
  await import('/kit/hydrate.js');
  await import('/kit/stdin.js');
  window.kitLoaded = true;
</script>
<script>
  // Signs in as the demo clerk and starts the year's report, as the office did on another day.
  window.signIn = async () => {
    const session = await fetch('/api/staff/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'clerk', password: 'demo-clerk-password' }),
    });
    const { csrfToken } = await session.json();
    const year = await (await fetch('/api/staff/reports/${YEAR}')).json();
    if (!year.versions.length)
      await fetch('/api/staff/reports/${YEAR}/draft', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken }, body: '{}' });
  };
</script></body></html>`;
    const http = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      if (path === '/api' || path.startsWith('/api/')) {
        req.url = path;
        demo.handler(req, res);
      } else if (path === '/' || path === '/signed-in') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(path === '/signed-in'));
      } else if (path.startsWith('/kit/') && files.has(path.slice(4))) {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(files.get(path.slice(4)));
      } else if (path === '/favicon.ico') res.writeHead(204).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
    close = () => http.close();
    browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
  });

  after(async () => {
    await browser?.close();
    close?.();
    await demo?.close();
  });

  /** Loads the page, waits until every element shows `ready`, and reads what each shows. */
  async function hydrate(path: string, ready: string) {
    const context = await browser.createBrowserContext();
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    tab.on('console', (message) => {
      // Chromium logs the 401 of the session check (signed out) as a failed resource: that is the answer, not an error.
      if (/status of 401/.test(message.text()) && /\/api\/staff\/session$/.test(message.location().url ?? '')) return;
      if (message.type() === 'error' || /hydrat|mismatch/i.test(message.text()))
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await tab.goto(origin + path, { waitUntil: 'load' });
    await tab.waitForFunction(() => (window as unknown as { kitLoaded?: boolean }).kitLoaded, { timeout: 15_000 });
    await tab.waitForFunction(
      (count, selector) =>
        Array.from({ length: count }, (_, i) => document.querySelector(`#case-${i} > *`)!.shadowRoot!).every((root) =>
          root.querySelector(selector),
        ),
      { timeout: 15_000 },
      names.length,
      ready,
    );
    // Then until the loading states are gone; one left after 5 s is reported below as stale.
    await tab
      .waitForFunction(
        (count) =>
          Array.from({ length: count }, (_, i) => document.querySelector(`#case-${i} > *`)!.shadowRoot!).every(
            (root) => !root.querySelector('[part="loading"]'),
          ),
        { timeout: 5_000 },
        names.length,
      )
      .catch(() => undefined);
    const seen = await tab.evaluate((count) => {
      return Array.from({ length: count }, (_, i) => {
        const element = document.querySelector(`#case-${i} > *`)!;
        const root = element.shadowRoot!;
        const zwgkRoot = root.querySelector('.zwgk-root');
        return {
          tag: element.localName,
          hydrated: !element.hasAttribute('defer-hydration') && (element as unknown as { hasUpdated?: boolean }).hasUpdated === true,
          roots: root.querySelectorAll('.zwgk-root').length,
          stale: [...root.querySelectorAll('[part="loading"], [part="error"]')].map((node) => node.getAttribute('part')),
          theme: zwgkRoot?.getAttribute('data-theme'),
          lang: zwgkRoot?.getAttribute('lang'),
          text: (zwgkRoot?.textContent ?? '').replace(/\s+/g, ' '),
          // ProseMirror mounts on the place itself (EditorView's `mount`).
          editors: [...root.querySelectorAll('[data-rich-text]')].map((place) =>
            place.matches('.ProseMirror[role="textbox"][contenteditable="true"]'),
          ),
        };
      });
    }, names.length);
    await context.close();
    return { problems, seen };
  }

  let signedOut: Awaited<ReturnType<typeof hydrate>>['seen'] = [];

  test('signed out: each element hydrates into its sign-in form, in its theme and language', async () => {
    const { problems, seen } = await hydrate('/', '[part="sign-in"]');
    signedOut = seen;
    assert.deepEqual(problems, []);
    seen.forEach((element, i) => {
      const name = names[i];
      assert.ok(element.hydrated, `${name}: hydrated`);
      assert.equal(element.roots, 1, `${name}: one root, no stale copy`);
      assert.deepEqual(element.stale, [], `${name}: no loading or error state left`);
      if (!AROUND[name]) assert.equal(element.theme, elder(name) ? 'elder' : 'default', name);
      assert.match(element.text, english(name) ? /Staff sign-in/ : /工作人员登录/, name);
    });
  });

  test('signed out: after hydration the root says the language and theme the element shows, also those of the page around it', () => {
    assert.equal(signedOut.length, names.length, 'the signed-out page was read');
    signedOut.forEach((element, i) => {
      assert.equal(element.lang, english(names[i]) ? 'en' : 'zh-CN', names[i]);
      assert.equal(element.theme, elder(names[i]) ? 'elder' : 'default', names[i]);
    });
  });

  test('signed in: the desk shows its queue, the editor the report with a ProseMirror editor in each narrative', async () => {
    const { problems, seen } = await hydrate('/signed-in', '[part="bar"], [part="header"]');
    assert.deepEqual(problems, []);
    seen.forEach((element, i) => {
      const name = names[i];
      assert.ok(element.hydrated, `${name}: hydrated`);
      assert.equal(element.roots, 1, `${name}: one root`);
      assert.deepEqual(element.stale, [], `${name}: no loading or error state left`);
      if (element.tag === 'zwgk-request-desk') assert.match(element.text, english(name) ? /Queue/ : /办理队列/, name);
      else assert.deepEqual(element.editors, [true, true, true], `${name}: one editor in each of 一、五、六`);
    });
  });
});
