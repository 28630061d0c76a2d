// First load of the demo page (demo/index.html: all six citizen widgets, data from the reference server) in the
// machine's Chromium, as on a mid-range phone on a slow link: the CPU slowed 4× and the network emulated at
// 400 kbps with a 400 ms round trip, both through the DevTools protocol; nothing cached (a fresh browser context
// per run); the built files sent gzip-compressed, as a CDN sends them. Not a test.
//
// Prints the time from navigation start until all six widgets are interactive — each element defined, rendered
// with its data (the directory's results, the report's tables, the card's fields, the forms' fields; no loading
// skeleton, no error state) and every input, select, textarea and button in it enabled — as the median of
// alternating runs of:
//   - autoloader: the page loading cdn/autoloader.js (each element's chunks when it appears);
//   - one file:   the same page loading cdn/zwgk-kit.js (every citizen element up front) — the baseline;
//   - one card:   a page with the contact card alone under the autoloader, for scale.
// with the ratio to the baseline, the gzip bytes of script each page downloaded, everything it put on the wire
// until interactive (page, stylesheets, scripts, the API's answers: compressed bytes and headers), and how long
// those bytes alone take at the emulated bandwidth — the floor no ordering of requests can beat.
// With `--http2` the files come over HTTP/2 (TLS, one connection), as CDNs serve them, instead of HTTP/1.1
// (six connections, one request at a time each).
// With `--compare <dir>` (another build's packages/zwgk-kit/dist/cdn, e.g. the main branch's), that build's
// autoloader, one-file and one-card pages run in the same alternation.
// Run: npm run bench:first-load [-- rounds] [--http2] [--compare dir]   (after npm run build; 5–10 s a run)
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { browserArgs, chineseFont, findBrowser } from './browser-path.mjs';
import { alternating, CITIZEN_ELEMENTS, interactive, loadPage, median, pageHtml, startPageServer } from './cdn-pages.mjs';

const args = process.argv.slice(2);
const compareAt = args.indexOf('--compare');
const compareDir = compareAt >= 0 ? pathToFileURL(`${resolve(args.splice(compareAt, 2)[1])}/`) : undefined;
const http2 = args.includes('--http2');
const rounds = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5);
const THROTTLE = { cpu: 4, kbps: 400, rttMs: 400 };
const TARGET_MS = 2000;

/** demo/index.html with the kit loaded from `script` instead of the dev server's main.ts. */
function demoPage(script) {
  const html = readFileSync(new URL('../demo/index.html', import.meta.url), 'utf8')
    .replace('<script type="module" src="./main.ts"></script>', `<script type="module" src="${script}"></script>`)
    .replace('href="./portal.css"', 'href="/portal.css"')
    .replace('href="../src/styles/reserve.css"', 'href="/reserve.css"');
  if (!html.includes(script)) throw new Error('demo/index.html no longer loads ./main.ts: update bench-first-load.mjs');
  return html;
}

const server = await startPageServer({ compareDir, http2 });
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs(), acceptInsecureCerts: http2 });
const six = Object.keys(CITIZEN_ELEMENTS);
const variants = [
  { name: 'autoloader', url: server.page('/demo-autoloader', demoPage('/cdn/autoloader.js')), tags: six },
  { name: 'one file (baseline)', url: server.page('/demo-one-file', demoPage('/cdn/zwgk-kit.js')), tags: six },
  { name: 'one card (autoloader)', url: server.page('/one-card', pageHtml(['zwgk-contact-card'])), tags: ['zwgk-contact-card'] },
];
if (compareDir) {
  variants.push(
    { name: 'compared: autoloader', url: server.page('/compared-autoloader', demoPage('/cdn-compare/autoloader.js')), tags: six },
    { name: 'compared: one file', url: server.page('/compared-one-file', demoPage('/cdn-compare/zwgk-kit.js')), tags: six },
    {
      name: 'compared: one card',
      url: server.page('/compared-one-card', pageHtml(['zwgk-contact-card'], '/cdn-compare/autoloader.js')),
      tags: ['zwgk-contact-card'],
    },
  );
}
const results = new Map(variants.map((variant) => [variant.name, { ms: [], bytes: 0, scripts: 0, wire: [] }]));
const problems = [];
const loadBefore = loadavg();
try {
  for (const [round, variant] of alternating(variants, rounds)) {
    const run = await loadPage(browser, variant.url, interactive(variant.tags), { throttle: THROTTLE, timeout: 120_000 });
    const result = results.get(variant.name);
    result.ms.push(run.ms);
    result.bytes = run.bytes;
    result.scripts = run.scripts.length;
    result.wire.push(run.wireBytes);
    problems.push(...run.errors.map((error) => `${variant.name}: ${error}`));
    process.stderr.write(`round ${round + 1}/${rounds} ${variant.name}: ${Math.round(run.ms)} ms\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const baseline = median(results.get('one file (baseline)').ms);
console.log(
  `first load over HTTP/${http2 ? '2' : '1.1'}, ${THROTTLE.cpu}× CPU, ${THROTTLE.kbps} kbps, ${THROTTLE.rttMs} ms RTT, ${rounds} alternating rounds; ` +
    `load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} before, ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} after; ${chineseFont()}`,
);
console.log('page                   | interactive, median | min–max        | ÷ one file | script gzip          | on the wire | wire alone');
for (const [name, { ms, bytes, scripts, wire }] of results) {
  const m = median(ms);
  const wireBytes = median(wire);
  const wireMs = (wireBytes * 8) / THROTTLE.kbps; // bits ÷ (kbit/s) = ms
  console.log(
    `${name.padEnd(22)} | ${`${Math.round(m)} ms`.padStart(19)} | ${`${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} ms`.padEnd(14)} | ${(m / baseline).toFixed(2).padStart(10)} | ${`${(bytes / 1024).toFixed(1)} KB in ${scripts} files`.padEnd(20)} | ${`${(wireBytes / 1024).toFixed(1)} KB`.padStart(11)} | ${Math.round(wireMs)} ms`,
  );
}
const sixMs = median(results.get('autoloader').ms);
console.log(
  `all six widgets interactive under the autoloader: ${Math.round(sixMs)} ms (target ≤ ${TARGET_MS} ms): ${sixMs <= TARGET_MS ? 'met' : 'NOT met'}`,
);
if (problems.length) {
  console.error(`page errors:\n${[...new Set(problems)].join('\n')}`);
  process.exitCode = 1;
}
