// The report viewer's page (the size report's "the report viewer, a report shown": one viewer, a report from the
// reference server, tables shown) loaded under the autoloader as on a mid-range phone on a slow link: CPU slowed
// 4×, 400 kbps, 400 ms round trip (DevTools protocol), nothing cached. Not a test.
//
// Prints the median time from navigation start until the viewer is interactive (cdn-pages.mjs interactive()),
// the gzip bytes and the number of scripts, for this build and for `--compare <dir>` (another build's
// packages/zwgk-kit/dist/cdn, e.g. the main branch's: the baseline), alternating, with the ratio to it.
// Run: npm run bench:report-page -- --compare <dir> [rounds]   (after npm run build)
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { browserArgs, chineseFont, findBrowser } from './browser-path.mjs';
import { alternating, interactive, loadPage, median, pageHtml, startPageServer } from './cdn-pages.mjs';

const args = process.argv.slice(2);
const compareAt = args.indexOf('--compare');
if (compareAt < 0) throw new Error('usage: bench-report-page.mjs --compare <another build of packages/zwgk-kit/dist/cdn> [rounds]');
const compareDir = pathToFileURL(`${resolve(args.splice(compareAt, 2)[1])}/`);
const rounds = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5);
const THROTTLE = { cpu: 4, kbps: 400, rttMs: 400 };
const tags = ['zwgk-report-viewer'];

const server = await startPageServer({ compareDir });
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const variants = [
  { name: 'this build', url: server.page('/report', pageHtml(tags, '/cdn/autoloader.js')) },
  { name: 'compared (baseline)', url: server.page('/report-compared', pageHtml(tags, '/cdn-compare/autoloader.js')) },
];
const results = new Map(variants.map((variant) => [variant.name, { ms: [], bytes: 0, scripts: 0 }]));
const loadBefore = loadavg();
try {
  for (const [round, variant] of alternating(variants, rounds)) {
    const run = await loadPage(browser, variant.url, interactive(tags), { throttle: THROTTLE, timeout: 120_000 });
    if (run.errors.length) throw new Error(`${variant.name}: ${run.errors.join('; ')}`);
    const result = results.get(variant.name);
    result.ms.push(run.ms);
    result.bytes = run.bytes;
    result.scripts = run.scripts.length;
    process.stderr.write(`round ${round + 1}/${rounds} ${variant.name}: ${Math.round(run.ms)} ms\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const baseline = median(results.get('compared (baseline)').ms);
console.log(`report page, CPU ${THROTTLE.cpu}×, ${THROTTLE.kbps} kbps, ${THROTTLE.rttMs} ms RTT; median of ${rounds} alternating runs`);
for (const [name, { ms, bytes, scripts }] of results) {
  const m = median(ms);
  console.log(
    `${name.padEnd(20)} ${String(Math.round(m)).padStart(6)} ms  ×${(m / baseline).toFixed(2)}  ${bytes} B gzip, ${scripts} scripts`,
  );
}
console.log(
  `load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${chineseFont()}`,
);
