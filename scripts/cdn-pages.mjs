// Pages that load the built CDN files (packages/zwgk-kit/dist/cdn) as a portal would, with the reference server
// (in memory, its demo data) at /api — shared by the size report (`npm run size`: what each page downloads) and
// `npm run bench:first-load` (how long until a page's widgets are interactive). Run under tsx (the server is TS).
//
// The files are sent gzip-compressed, as a CDN or a portal's web server sends them, and so are the pages, the
// stylesheets and the API's JSON answers (a compression middleware in front, as nginx would be).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createDemoServer } from '../src/server/demo.ts';

const root = new URL('../', import.meta.url);
export const CDN_DIR = new URL('packages/zwgk-kit/dist/cdn/', root);

/** The six elements a citizen sees, with the attributes of the demo page (demo/index.html). */
export const CITIZEN_ELEMENTS = {
  'zwgk-directory': '<zwgk-directory src="/api/disclosures" mode="remote" url-param-prefix="dir-" page-size="10"></zwgk-directory>',
  'zwgk-application-form': '<zwgk-application-form api-base="/api" agency="福建省商务厅"></zwgk-application-form>',
  'zwgk-application-status': '<zwgk-application-status api-base="/api"></zwgk-application-status>',
  'zwgk-report-viewer':
    '<zwgk-report-viewer src="/api/reports/2020" versions-src="/api/reports/2020/versions" heading-level="3"></zwgk-report-viewer>',
  'zwgk-feedback-mailbox': '<zwgk-feedback-mailbox api-base="/api" heading-level="3"></zwgk-feedback-mailbox>',
  'zwgk-contact-card': '<zwgk-contact-card src="/api/contact" heading-level="3"></zwgk-contact-card>',
};

/**
 * The size report's pages (size-budgets.json `pages`): each element's page with its data shown, and all six.
 * `tags` are the elements that must be interactive (see interactive()) before the page counts as loaded.
 */
export const PAGES = {
  contactCard: { title: 'one contact card', tags: ['zwgk-contact-card'] },
  directory: { title: 'the directory, results shown', tags: ['zwgk-directory'] },
  // Client mode: every item fetched once and searched in the page (in the directory's worker, where it has one).
  directoryClient: {
    title: 'the directory in client mode, results shown',
    tags: ['zwgk-directory'],
    body: '<zwgk-directory src="/api/disclosures?pageSize=100"></zwgk-directory>',
  },
  applicationForm: { title: 'the application form', tags: ['zwgk-application-form'] },
  reportViewerShown: { title: 'the report viewer, a report shown', tags: ['zwgk-report-viewer'] },
  everyElement: { title: 'all six citizen elements', tags: Object.keys(CITIZEN_ELEMENTS) },
};

/**
 * The HTML of a page in `lang` with `tags` (or `body` instead, when given), loading the kit with `script`
 * (`/cdn/autoloader.js` or `/cdn/zwgk-kit.js`).
 */
export function pageHtml(tags, script = '/cdn/autoloader.js', lang = 'zh-CN', body = tags.map((tag) => CITIZEN_ELEMENTS[tag]).join('\n')) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>zwgk-kit page</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/reserve.css">
<script type="module" src="${script}"></script></head><body><main>
${body}
</main></body></html>`;
}

/**
 * A browser-side predicate (a string for waitForFunction): every element of `tags` is interactive —
 * defined, rendered with its data (no loading skeleton, no error; the directory's results, the report's
 * tables, the card's fields), and every input, select, textarea and button in it enabled.
 */
export function interactive(tags) {
  const shown = {
    'zwgk-directory': '[part~="item"]',
    'zwgk-report-viewer': '[part~="table"]',
    'zwgk-contact-card': '[part~="card"]',
    'zwgk-application-form': 'input, textarea',
    'zwgk-application-status': 'input',
    'zwgk-feedback-mailbox': 'textarea',
  };
  return `(${JSON.stringify(tags.map((tag) => [tag, shown[tag]]))}).every(([tag, marker]) => {
    const el = document.querySelector(tag);
    const root = el && customElements.get(tag) && el.shadowRoot;
    if (!root || !root.querySelector(marker)) return false;
    if (root.querySelector('[part~="loading"], [aria-busy="true"], [part~="error"]')) return false;
    return [...root.querySelectorAll('input, select, textarea, button')].every((control) => !control.disabled);
  })`;
}

const gzipped = new Map();
/** The gzip (level 9) of a file beside the CDN file (in `dir`, default the build's), cached. */
export function gzipOfCdnFile(path, dir = CDN_DIR) {
  const file = new URL(path, dir).href;
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(new URL(file)), { level: 9 }));
  return gzipped.get(file);
}

/** Where the server finds the files it serves under each prefix: the build under /cdn/, `compareDir` under /cdn-compare/. */
const served = new Map([['/cdn/', CDN_DIR]]);

/**
 * Starts the reference server (memory) and a front server for pages, CDN files and /api; `close()` stops both.
 * `compareDir`: another CDN build (e.g. the main branch's) served under /cdn-compare/, to compare in one run.
 * `http2`: serve over HTTP/2 with TLS, as CDNs do (a throwaway self-signed certificate made with the openssl
 * command; the browser must be launched with `acceptInsecureCerts`), instead of HTTP/1.1.
 */
export async function startPageServer({ compareDir, http2 = false } = {}) {
  if (!existsSync(new URL('autoloader.js', CDN_DIR))) throw new Error('packages/zwgk-kit/dist/cdn is not built: run npm run build first.');
  const api = await createDemoServer({ dataDir: 'memory', altchaComplexity: 'test' });
  const pages = new Map();
  const front = new Hono();
  front.use(compress()); // pages, stylesheets, the API's JSON (the CDN files are sent compressed already)
  front.all('/api/*', (c) => api.app.fetch(c.req.raw));
  if (compareDir) served.set('/cdn-compare/', compareDir);
  for (const [prefix, dir] of served) {
    front.get(`${prefix}*`, (c) => {
      const path = c.req.path.slice(prefix.length);
      if (!/^([\w-]+\/)?[\w.-]+\.js$/.test(path) || !existsSync(new URL(path, dir))) return c.notFound();
      const headers = { 'Content-Type': 'text/javascript', 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' };
      return c.body(gzipOfCdnFile(path, dir), 200, headers);
    });
  }
  front.get('/reserve.css', (c) => c.body(readFileSync(new URL('src/styles/reserve.css', root)), 200, { 'Content-Type': 'text/css' }));
  front.get('/portal.css', (c) => c.body(readFileSync(new URL('demo/portal.css', root)), 200, { 'Content-Type': 'text/css' }));
  front.get('*', (c) => {
    const page = pages.get(c.req.path);
    return page ? c.html(page) : c.notFound();
  });
  const listener = getRequestListener(front.fetch);
  const server = http2 ? createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, listener) : createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${http2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Serves `html` at `path`; returns its URL. */
    page(path, html) {
      pages.set(path, html);
      return `${origin}${path}`;
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

/** A key and certificate for 127.0.0.1, valid for a day, made with the openssl command. */
function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-cert-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
      {
        stdio: 'ignore',
      },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Opens `url` in a fresh browser context (nothing cached), waits until `until` holds, and returns the scripts
 * the page requested (paths under /cdn/; a compared build's with their /cdn-compare/ prefix) with their gzip
 * bytes, the time from navigation start to `until` (ms), page errors, and, throttled, `wireBytes`: what every
 * response (page, stylesheets, scripts, the API's answers) put on the wire until then. `throttle`: `{ cpu, kbps, rttMs }`
 * applied through the DevTools protocol first. `settleMs`: how long to go on recording requests afterwards
 * (what loads late).
 */
export async function loadPage(browser, url, until, { throttle, timeout = 60_000, settleMs = 0 } = {}) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const scripts = [];
  const errors = [];
  let wireBytes = 0; // every response's bytes on the wire (headers and compressed body), throttled runs only
  tab.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    const prefix = [...served.keys()].find((p) => path.startsWith(p));
    // Every script file of the kit, whatever asks for it: modules, modulepreloads, workers.
    if (prefix && path.endsWith('.js')) scripts.push(path);
  });
  tab.on('pageerror', (error) => errors.push(String(error)));
  try {
    if (throttle) {
      const cdp = await tab.createCDPSession();
      await cdp.send('Network.enable');
      cdp.on('Network.loadingFinished', (event) => (wireBytes += event.encodedDataLength));
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttle.rttMs,
        downloadThroughput: (throttle.kbps * 1000) / 8,
        uploadThroughput: (throttle.kbps * 1000) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    }
    await tab.goto(url, { waitUntil: 'domcontentloaded', timeout });
    // The predicate notes the moment it first holds, so the figure does not include the protocol's round trip.
    await tab
      .waitForFunction(`(() => { const ok = ${until}; if (ok) window.__zwgkInteractiveAt ??= performance.now(); return ok; })()`, {
        timeout,
        polling: 'raf',
      })
      .catch((error) => {
        throw new Error(`${url} never became interactive (${error.message}); page errors: ${errors.join('; ') || 'none'}`);
      });
    const ms = await tab.evaluate(() => window.__zwgkInteractiveAt);
    const wireBytesUntilInteractive = wireBytes;
    if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
    const unique = [...new Set(scripts)];
    const bytes = unique.reduce((sum, path) => {
      const prefix = [...served.keys()].find((p) => path.startsWith(p));
      return sum + gzipOfCdnFile(path.slice(prefix.length), served.get(prefix)).length;
    }, 0);
    return { ms, scripts: unique.map((path) => path.replace(/^\/cdn\//, '')), bytes, wireBytes: wireBytesUntilInteractive, errors };
  } finally {
    await context.close();
  }
}

/**
 * Each round's [round, variant] pairs, the order reversed every other round, so that neither variant always
 * runs on a warmer machine (the benchmarks compare medians of alternating runs).
 */
export function* alternating(variants, rounds) {
  for (let round = 0; round < rounds; round++)
    for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) yield [round, variant];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
