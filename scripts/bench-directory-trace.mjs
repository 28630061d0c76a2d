// Where <zwgk-directory>'s long tasks go (not a test): 100,000 generated items handed to the element in the machine's
// Chromium with the CPU slowed (4× unless told), a DevTools trace and a CPU profile from the data until 3 s after it is
// searchable; for every task over 30 ms it prints its layout, style and GC events over 2 ms (a Layout's dirty and total
// layout objects), what invalidated layout and style just before it, and the functions the profile sampled in it
// (self, and inclusive). Unminified, so names are real.
// Each task's thread time is printed beside its duration: on a loaded machine the thread waits for a core, and only
// the thread time says what the task itself cost.
// Run: node scripts/bench-directory-trace.mjs [rate] [warm] [src] — with `warm`, a 3,000-item directory is shown and
// removed first, so the page's fonts and glyphs are warm (a portal page has laid out Chinese text before); with `src`,
// the items come from a `src` (served as JSON) and are fetched, indexed and searched in the element's worker, as
// bench:directory measures them (the trace then shows the page's side only).
import { createServer } from 'node:http';
import { DIRECTORY_ITEMS, bundleForPage } from './bench-bundle.mjs';
import puppeteer from 'puppeteer-core';
import { browserArgs, chineseFont, findBrowser } from './browser-path.mjs';
import { buildWorker, WORKERS } from './build-proof-worker.mjs';
const root = new URL('../', import.meta.url);
const rate = Number(process.argv[2] ?? 4);
const [warm, fromSrc] = ['warm', 'src'].map((flag) => process.argv.slice(3).includes(flag));
const js = await bundleForPage({
  stdin: { contents: `import './src/directory.ts';${DIRECTORY_ITEMS}`, resolveDir: root.pathname, loader: 'ts' },
  minify: false,
  keepNames: true,
});
const worker = fromSrc ? await buildWorker(...WORKERS['zwgk-directory-worker.js']) : '';
let itemsJson = '';
const server = createServer((req, res) =>
  req.url === '/items.json'
    ? res.writeHead(200, { 'Content-Type': 'application/json' }).end(itemsJson)
    : req.url === '/zwgk-directory-worker.js'
      ? res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(worker)
      : req.url.endsWith('.js')
        ? res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js)
        : res
            .writeHead(200, { 'Content-Type': 'text/html' })
            .end(
              '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script type="module" src="/b.js"></script></head><body><main id="main"></main></body></html>',
            ),
);
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const tab = await browser.newPage();
await tab.setViewport({ width: 1280, height: 900 });
await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
await tab.waitForFunction(() => customElements.get('zwgk-directory') && window.makeItems);
await tab.evaluate(() => {
  window.items = window.makeItems(100000);
});
if (fromSrc) {
  itemsJson = await tab.evaluate(() => JSON.stringify({ items: window.items }));
  await tab.evaluate(() => delete window.items);
}
const cdp = await tab.createCDPSession();
await cdp.send('HeapProfiler.collectGarbage');
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await tab.tracing.start({
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.stack',
    'blink.user_timing',
    // what made layout and style dirty, printed per task: a layout with nothing invalidated before it is not the DOM's
    'disabled-by-default-devtools.timeline.invalidationTracking',
  ],
});
await cdp.send('Profiler.start');
if (warm)
  await tab.evaluate(async () => {
    const el = document.createElement('zwgk-directory');
    el.data = { items: window.makeItems(3000) };
    document.getElementById('main').append(el);
    await new Promise((r) => setTimeout(r, 1500));
    el.remove();
  });
await tab.evaluate(async (fromSrc) => {
  const el = document.createElement('zwgk-directory');
  performance.mark('data');
  if (fromSrc) el.src = '/items.json';
  else el.data = { items: window.items };
  document.getElementById('main').append(el);
  const count = () => el.shadowRoot.querySelector('[part="count"]')?.textContent.trim() ?? '';
  while (!count().startsWith('共')) await new Promise((r) => setTimeout(r, 5));
  performance.mark('searchable');
  await new Promise((r) => setTimeout(r, 3000));
}, fromSrc);
const { profile } = await cdp.send('Profiler.stop');
const trace = JSON.parse(new TextDecoder().decode(await tab.tracing.stop()));
const ev = trace.traceEvents;
const main = ev.find(
  (e) =>
    e.name === 'thread_name' &&
    e.args.name === 'CrRendererMain' &&
    ev.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 30000),
);
const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid);
const marks = mine.filter((e) => e.cat.includes('user_timing'));
console.log(chineseFont());
console.log('marks', marks.map((m) => `${m.name}@${m.ts}`).join(' '));
const t0 = marks.find((m) => m.name === 'data')?.ts ?? 0;
const tasks = mine.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 30000 && e.ts >= t0 - 1000);
// CPU profile: samples with timestamps
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
let t = profile.startTime;
const samples = profile.samples.map((id, i) => ({ id, t: (t += profile.timeDeltas[i]) }));
const invalidations = mine.filter((e) => e.name.endsWith('InvalidationTracking'));
for (const task of tasks) {
  const kids = mine.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task && e.dur > 2000);
  console.log(
    `\nTASK at +${((task.ts - t0) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms (${((task.tdur ?? 0) / 1000).toFixed(1)} ms of thread time)`,
  );
  for (const k of kids)
    console.log(
      `   ${k.name} ${(k.dur / 1000).toFixed(1)} ms ${k.args?.data?.functionName ?? ''} ${k.name === 'Layout' ? JSON.stringify({ d: k.args?.beginData?.dirtyObjects, t: k.args?.beginData?.totalObjects, p: k.args?.beginData?.partialLayout }) : ''} ${k.name === 'UpdateLayoutTree' ? JSON.stringify(k.args?.elementCount ?? k.args?.beginData) : ''} ${
        k.args?.beginData?.stackTrace
          ? 'forced@' +
            k.args.beginData.stackTrace
              .slice(0, 4)
              .map((f) => f.functionName)
              .join('<')
          : ''
      }`,
    );
  // The invalidations since the previous frame (16 ms before the task) until the task's end, by reason and node.
  const reasons = new Map();
  for (const e of invalidations.filter((e) => e.ts > task.ts - 16_000 && e.ts < task.ts + task.dur)) {
    const reason = `${e.name.replace('InvalidationTracking', '')}: ${e.args?.data?.reason ?? ''} ${e.args?.data?.nodeName ?? ''}`;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const topReasons = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`   invalidated: ${topReasons.length ? topReasons.map(([reason, n]) => `${n}× ${reason}`).join('; ') : 'nothing'}`);
  const self = new Map();
  const incl = new Map();
  for (const s of samples)
    if (s.t >= task.ts && s.t <= task.ts + task.dur) {
      const n = nodes.get(s.id);
      const k = n.callFrame.functionName || '(anon)';
      self.set(k, (self.get(k) ?? 0) + 1);
      const seen = new Set();
      for (let id = s.id; id; id = parent.get(id)) {
        const f = nodes.get(id).callFrame.functionName || '(anon)';
        if (!seen.has(f)) {
          seen.add(f);
          incl.set(f, (incl.get(f) ?? 0) + 1);
        }
      }
    }
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14)
      .map(([f, c]) => `${f}:${c}`)
      .join(' ');
  console.log('   self:', top(self));
  console.log('   incl:', top(incl));
}
await browser.close();
server.close();
