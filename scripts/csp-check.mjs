// Loads the built CDN file into a page served with a strict Content-Security-Policy
// (script-src 'self'; style-src 'self'), twice (two copies of the kit on one page),
// in the machine's Chromium, and checks that the widgets render, switch to English,
// and that the browser reports no CSP violation and no error. Run after `npm run build`.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { browserArgs, findBrowser } from './browser-path.mjs';

const cdn = new URL('../dist/cdn/zwgk-kit.js', import.meta.url);
if (!existsSync(cdn)) {
  console.error('dist/cdn/zwgk-kit.js is missing: run npm run build first.');
  process.exit(1);
}
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>CSP check</title>
<script type="module" src="/zwgk-kit.js"></script>
<script type="module" src="/zwgk-kit.js?second-copy"></script></head><body>
<zwgk-contact-card id="zh" agency="福建省商务厅" phone="0591-87270308" address="福州市铜盘路118号"></zwgk-contact-card>
<div lang="en" theme="elder"><zwgk-contact-card id="en" agency="Department of Commerce of Fujian" phone="0591-87270308"></zwgk-contact-card></div>
</body></html>`;

const server = createServer((req, res) => {
  const headers = { 'Content-Security-Policy': CSP };
  if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  else if (req.url?.startsWith('/zwgk-kit.js')) res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(readFileSync(cdn));
  else if (req.url === '/favicon.ico') res.writeHead(204, headers).end();
  else res.writeHead(404, headers).end();
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
  });
  await tab.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await tab.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle0' });
  const read = (id) => tab.evaluate((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    const labels = [...(root?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent.trim());
    const heading = root?.querySelector('[part="heading"]')?.textContent.trim();
    const styled = root ? getComputedStyle(root.querySelector('.zwgk-root')).fontSize : '';
    return { heading, labels, styled };
  }, id);
  await tab.waitForFunction(() => document.getElementById('en')?.shadowRoot?.querySelector('dt')?.textContent.trim() === 'Phone', { timeout: 5000 }).catch(() => {});
  const zh = await read('zh');
  const en = await read('en');
  console.log('zh card:', JSON.stringify(zh));
  console.log('en card (elder):', JSON.stringify(en));
  if (zh.heading !== '福建省商务厅' || !zh.labels.includes('电话')) problems.push('the Chinese card did not render');
  if (!en.labels.includes('Phone')) problems.push('the English card did not switch language');
  if (parseFloat(en.styled) < 18) problems.push(`styles did not apply under CSP (elder font size ${en.styled})`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error('CSP check: failed');
  process.exit(1);
}
console.log(`CSP check: passed under "${CSP}", with two copies of the kit on the page`);
