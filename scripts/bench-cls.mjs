// Cumulative Layout Shift of the demo page (demo/index.html) in the machine's Chromium (not a test): the kit
// bundled as a page gets it, the reference server (in memory, demo data) answering /api on the same origin,
// the network slowed like a phone's (so the widgets upgrade and load late, as they do for a citizen).
// Twice in one run: without and with the kit's reserve stylesheet (zwgk-kit/themes/reserve.css, from
// src/styles/reserve.css), at a desktop width and at 360 px. CLS is the largest session window of
// layout-shift entries (web-vitals' definition), read with a PerformanceObserver. Target: < 0.1.
// Run: npm run bench:cls (CLS_DEBUG=1 lists each shift with the nodes it moved, and each element's height).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { bundleForPage } from './bench-bundle.mjs';
import puppeteer from 'puppeteer-core';
import { createDemoServer } from '../src/server/demo.ts';
import { browserArgs, findBrowser } from './browser-path.mjs';

const root = new URL('../', import.meta.url);
const bundle = await bundleForPage({ entryPoints: [new URL('demo/main.ts', root).pathname] });
const demo = await createDemoServer({ dataDir: 'memory', adminToken: 'bench-cls-admin', altchaComplexity: 'test' });
const html = readFileSync(new URL('demo/index.html', root), 'utf8').replace('src="./main.ts"', 'src="./main.js"');
const files = {
  '/main.js': ['text/javascript', bundle],
  '/portal.css': ['text/css', readFileSync(new URL('demo/portal.css', root))],
  '/src/styles/reserve.css': ['text/css', readFileSync(new URL('src/styles/reserve.css', root))],
};
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith('/api/')) return demo.handler(req, res);
  if (path === '/' || path === '/index.html') {
    // ?reserve=0 is the baseline: the page without the reserve stylesheet.
    const page = req.url.includes('reserve=0') ? html.replace('<link rel="stylesheet" href="../src/styles/reserve.css" />', '') : html;
    return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  }
  const file = files[path];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });

async function cls(width, reserve) {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height: 900 });
  const cdp = await tab.createCDPSession();
  // A slow 4G phone: 150 ms round trip, 1.6 Mbit/s down.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 200_000,
    uploadThroughput: 90_000,
  });
  await tab.evaluateOnNewDocument(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (!entry.hadRecentInput)
          window.__shifts.push({
            value: entry.value,
            time: entry.startTime,
            sources: entry.sources.map(
              (s) =>
                (s.node?.nodeName ?? '?') +
                (s.node?.id ? '#' + s.node.id : '') +
                (s.node?.className ? '.' + s.node.className : '') +
                ' ' +
                s.previousRect.y +
                '→' +
                s.currentRect.y +
                ' h' +
                s.previousRect.height +
                '→' +
                s.currentRect.height,
            ),
          });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await tab.goto(`http://127.0.0.1:${port}/?reserve=${reserve ? 1 : 0}`, { waitUntil: 'networkidle0', timeout: 60_000 });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  if (process.env.CLS_DEBUG)
    console.log(
      width,
      await tab.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.localName.startsWith('zwgk-'))
          .map((e) => `${e.localName} ${(e.getBoundingClientRect().height / 16).toFixed(1)}rem`)
          .join(', '),
      ),
    );
  const shifts = await tab.evaluate(() => window.__shifts);
  if (process.env.CLS_DEBUG)
    for (const s of shifts) console.log(width, reserve, s.time.toFixed(0), s.value.toFixed(3), s.sources.join(' | '));
  await tab.close();
  // Session windows: shifts less than 1 s apart, a window at most 5 s long; CLS is the largest window.
  let worst = 0;
  let current = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const { value, time } of shifts) {
    if (time - last > 1000 || time - start > 5000) {
      current = 0;
      start = time;
    }
    current += value;
    last = time;
    worst = Math.max(worst, current);
  }
  return worst;
}

try {
  for (const width of [1280, 360]) {
    const before = await cls(width, false);
    const after = await cls(width, true);
    console.log(
      `CLS of the demo page at ${width} px: without reserve.css ${before.toFixed(3)}, with it ${after.toFixed(3)}` +
        ` (ratio ${before > 0 ? (after / before).toFixed(2) : '–'}); target < 0.1 → ${after < 0.1 ? 'met' : 'NOT met'}`,
    );
  }
} finally {
  await browser.close();
  server.close();
  await demo.close();
}
