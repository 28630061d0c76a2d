// Loads the built CDN file into a page served with a strict Content-Security-Policy
// (script-src 'self'; style-src 'self'), twice (two copies of the kit on one page),
// with every element talking to the reference server (in memory) at /api, in the
// machine's Chromium. Checks that each element renders, that English and the elder
// theme apply, that the mailbox's spam protection runs, that the directory's search worker
// starts (a client-mode directory with a src), and that the browser
// reports no CSP violation and no error. Run after `npm run build` (npm run test:csp).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser-path.mjs';
import { createDemoServer } from '../src/server/demo.ts';

const cdnDir = new URL('../packages/zwgk-kit/dist/cdn/', import.meta.url);
const cdn = new URL('zwgk-kit.js', cdnDir);
if (!existsSync(cdn)) {
  console.error('packages/zwgk-kit/dist/cdn/zwgk-kit.js is missing: run npm run build first.');
  process.exit(1);
}
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const ELEMENTS = {
  'contact-card': '<zwgk-contact-card id="contact-card" src="/api/contact"></zwgk-contact-card>',
  'contact-card-en':
    '<div lang="en" theme="elder"><zwgk-contact-card id="contact-card-en" agency="Department of Commerce of Fujian" phone="0591-87270308"></zwgk-contact-card></div>',
  'report-viewer': '<zwgk-report-viewer id="report-viewer" src="/api/reports/2024" compare-src="/api/reports/2023"></zwgk-report-viewer>',
  directory: '<zwgk-directory id="directory" src="/api/disclosures" mode="remote"></zwgk-directory>',
  'directory-client': '<zwgk-directory id="directory-client" src="/api/disclosures?pageSize=100" url-param-prefix="c-"></zwgk-directory>',
  'application-form': '<zwgk-application-form id="application-form" api-base="/api" agency="福建省商务厅"></zwgk-application-form>',
  'application-status': '<zwgk-application-status id="application-status" api-base="/api"></zwgk-application-status>',
  'feedback-mailbox': '<zwgk-feedback-mailbox id="feedback-mailbox" api-base="/api"></zwgk-feedback-mailbox>',
};
const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CSP check</title>
<script type="module" src="/zwgk-kit.js"></script>
<script type="module" src="/zwgk-kit.js?second-copy"></script></head><body>
${Object.values(ELEMENTS).join('\n')}
</body></html>`;

const api = await createDemoServer({ dataDir: 'memory', altchaComplexity: 'test' });
const server = createServer((req, res) => {
  res.setHeader('Content-Security-Policy', CSP);
  if (req.url?.startsWith('/api')) api.handler(req, res);
  else if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  else if (req.url?.startsWith('/zwgk-kit.js')) res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(cdn));
  else if (/^\/(chunks\/)?[\w-]+\.js$/.test(req.url ?? '') && existsSync(new URL(`.${req.url}`, cdnDir))) {
    // The files beside the CDN file: the chunks it loads on first use (English messages, report tables …),
    // the autoloader (which defines the office's elements when they appear) and the proof-of-work worker.
    res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(new URL(`.${req.url}`, cdnDir)));
  } else if (req.url === '/favicon.ico') res.writeHead(204).end();
  else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const problems = [];
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    // The directory falls back to searching on the page when its worker is refused: under this CSP it must not be.
    if (message.text().includes('no search worker')) problems.push(`the directory's worker: ${message.text()}`);
  });
  const workers = [];
  tab.on('workercreated', (worker) => workers.push(new URL(worker.url()).pathname));
  await tab.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  await tab.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle0', timeout: 60_000 });
  // Start writing a letter, which sets the mailbox's background proof-of-work going.
  await tab.evaluate(() => {
    const field = document.getElementById('feedback-mailbox')?.shadowRoot?.querySelector('textarea, input[type="text"]');
    field?.focus();
  });
  await tab.keyboard.type('测试');
  await new Promise((resolve) => setTimeout(resolve, 3000));

  for (const id of Object.keys(ELEMENTS)) {
    const seen = await tab.evaluate((id) => {
      const root = document.getElementById(id)?.shadowRoot;
      const text = (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const zwgkRoot = root?.querySelector('.zwgk-root');
      return {
        text: text.slice(0, 60),
        length: text.length,
        fontSize: zwgkRoot ? getComputedStyle(zwgkRoot).fontSize : '',
        error: Boolean(root?.querySelector('[part="error"]')),
      };
    }, id);
    console.log(`${id}: ${seen.length} characters, font ${seen.fontSize}: ${seen.text}…`);
    if (seen.length < 10) problems.push(`${id} did not render`);
    if (seen.error) problems.push(`${id} shows its error state`);
    if (!seen.fontSize) problems.push(`${id} has no styles`);
  }
  const english = await tab.evaluate(() =>
    document.getElementById('contact-card-en')?.shadowRoot?.querySelector('dt')?.textContent?.trim(),
  );
  if (english !== 'Phone') problems.push(`the English card says ${english}`);
  const elderSize = await tab.evaluate(
    () => getComputedStyle(document.getElementById('contact-card-en').shadowRoot.querySelector('.zwgk-root')).fontSize,
  );
  if (parseFloat(elderSize) < 18) problems.push(`the elder theme did not apply (${elderSize})`);
  if (!workers.some((path) => path.endsWith('/zwgk-directory-worker.js')))
    problems.push(`the directory's search worker did not start (workers: ${workers.join(', ')})`);
} finally {
  await browser.close();
  server.close();
  await api.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error('CSP check: failed');
  process.exit(1);
}
console.log(`CSP check: passed under "${CSP}", every element, two copies of the kit on the page`);
