// <zwgk-directory> benchmark in the machine's Chromium (not a test): 100,000 generated
// items in client mode, from a `src` (served as JSON by this script; the element fetches,
// indexes and searches them in its worker) or, with --data, handed over as the `data` property
// (validated and indexed on the page in slices). Prints the first render (src or data set →
// first page in the DOM), the time until search and filters are ready with the longest task
// on the page meanwhile, keystroke → results painted (median, p95) while typing real queries,
// DOM size, the page's JS heap, and (on pages of their own, Linux only) the renderer processes' resident memory at its
// peak until the list is searchable and 3 s after.
// Each figure twice: at full speed, and with the CPU slowed 4× through the DevTools protocol (as on a
// mid-range phone). Keystrokes are timed to the next painted frame, not to DOM insertion. The
// worker is slowed too: its DevTools session (auto-attached by puppeteer) gets the same rate; the
// output says whether Chromium accepted it.
// Run: npm run bench:directory [-- count] [--data] [--against REV] [--mb-per-s R]. With --mb-per-s, the src is
// served at R MB/s, as over a real network (on loopback the whole list arrives at once, and only the CPU counts).
// With --against, the element as it is at REV (a commit, e.g. main) is measured too, with REV's worker, pages of the
// two alternating, and each figure is printed with its ratio to REV's.
// Figures vary with the machine's load: run it twice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { browserArgs, chineseFont, findBrowser } from './browser-path.mjs';
import { buildWorker, WORKERS } from './build-proof-worker.mjs';
import { DIRECTORY_ITEMS, bundleForPage } from './bench-bundle.mjs';

const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt === -1 ? undefined : args.splice(againstAt, 2)[1];
const rateAt = args.indexOf('--mb-per-s');
const mbPerSecond = rateAt === -1 ? undefined : Number(args.splice(rateAt, 2)[1]);
const dataAt = args.indexOf('--data');
const source = dataAt === -1 ? 'src' : (args.splice(dataAt, 1), 'data');
const count = Number(args[0] ?? 100_000);
const root = new URL('../', import.meta.url);

// The element as a page gets it (production Lit), plus the generator, which the page
// runs once and round-trips through JSON, as if the items had come over the network.
async function bundle(dir) {
  return bundleForPage({
    stdin: {
      contents: `
        import './src/directory.ts';
        ${DIRECTORY_ITEMS}
        // A worker's answer comes after the update a change makes: wait for it, a task at a time (main has no worker).
        const tick = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(null); });
        window.resultsShown = async (el) => {
          await el.updateComplete;
          while (el.loader?.answer) await tick();
          await el.updateComplete;
        };
      `,
      resolveDir: dir,
      loader: 'ts',
    },
    nodePaths: [new URL('node_modules', root).pathname],
    tsconfig: join(dir, 'tsconfig.json'),
  });
}
const [workerSource, workerOptions] = WORKERS['zwgk-directory-worker.js'];
const scripts = { kit: await bundle(root.pathname) };
// Each build's search worker as the builds ship it.
const workers = { kit: await buildWorker(workerSource, workerOptions) };
if (against) {
  // REV's sources, extracted beside nothing else (its node_modules are this checkout's).
  const dir = mkdtempSync(join(tmpdir(), 'bench-directory-'));
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(against)} src tsconfig.json | tar -x -C ${JSON.stringify(dir)}`], {
    cwd: root.pathname,
  });
  scripts[against] = await bundle(dir);
  workers[against] = await buildWorker(pathToFileURL(join(dir, 'src/components/directory/search-worker.ts')), workerOptions);
  rmSync(dir, { recursive: true, force: true });
}
// The items as a portal serves them (the same generator, run here once).
const generator = await bundleForPage({
  stdin: {
    contents: `const window = {}; ${DIRECTORY_ITEMS} export const { makeItems } = window;`,
    resolveDir: root.pathname,
    loader: 'ts',
  },
  platform: 'node',
  minify: false,
});
const { makeItems } = await import(`data:text/javascript;base64,${Buffer.from(generator).toString('base64')}`);
const itemsJson = Buffer.from(JSON.stringify({ items: makeItems(count) }));
/** Serves the list whole, or at `mbPerSecond`: a slice every 10 ms. */
function sendItems(res) {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  if (!mbPerSecond) return res.end(itemsJson);
  const slice = Math.round(mbPerSecond * 1e4);
  let at = 0;
  const next = () => {
    if (at >= itemsJson.length) return res.end();
    res.write(itemsJson.subarray(at, (at += slice)));
    setTimeout(next, 10);
  };
  next();
}
// A portal's page around it: its Chinese is laid out before the directory's (the font is loaded, as on any such page).
const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开目录</title>
<script type="module" src="/bench.js"></script></head><body><header><p>福建省商务厅</p>
<nav>首页 · 政务公开 · 政府信息公开目录 · 依申请公开 · 政府信息公开年报</nav></header><main id="main"></main></body></html>`;
const builds = Object.keys(scripts);

// /0/ is the page with this checkout's element, /1/ with REV's; /0/bench.js and /1/bench.js their scripts, and beside
// each its worker (the element looks for it beside its module).
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/items.json') return sendItems(res);
  const match = /^\/(\d+)\/(bench\.js|zwgk-directory-worker\.js)?$/.exec(path);
  const which = match && builds[Number(match[1])];
  const js = { 'Content-Type': 'text/javascript' };
  if (!which) res.writeHead(404).end();
  else if (match[2] === 'bench.js') res.writeHead(200, js).end(scripts[which]);
  else if (match[2]) res.writeHead(200, js).end(workers[which]);
  else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page.replace('/bench.js', `/${match[1]}/bench.js`));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });
const problems = [];
/** The resident memory of the browser's renderer processes, in bytes (Linux: from /proc; elsewhere 0). */
function renderersResident() {
  let bytes = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      bytes += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile, or no /proc
    }
  }
  return bytes;
}
/**
 * The renderer processes' resident memory at its peak while `until` runs, above what it was before, in samples 100 ms
 * apart: it holds the page's and the worker's heaps and what they do not count (a TextDecoder's strings, the network's
 * buffers). Memory a process frees is not always given back, so a later peak can hide an earlier one.
 */
async function residentPeak(until) {
  const before = renderersResident();
  let peak = 0;
  let done = false;
  const sampling = (async () => {
    while (!done) {
      peak = Math.max(peak, renderersResident() - before);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await until;
  done = true;
  await sampling;
  return peak;
}
/** Per CPU rate, what Chromium said to slowing each worker down: 'accepted' or its error. */
const workerThrottling = {};

/** A fresh page with the CPU slowed `rate` times, the items made, and its DevTools session. */
async function freshPage(rate, build = 0) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 900 });
  tab.on('pageerror', (error) => problems.push(error.message));
  tab.on('workercreated', (worker) => {
    const said = (workerThrottling[rate] ??= new Set());
    worker.client.send('Emulation.setCPUThrottlingRate', { rate }).then(
      () => said.add('accepted'),
      (error) => said.add(`refused (${error.message})`),
    );
  });
  await tab.goto(`http://127.0.0.1:${port}/${build}/`, { waitUntil: 'load' });
  await tab.waitForFunction(() => customElements.get('zwgk-directory') && window.makeItems);
  const cdp = await tab.createCDPSession();
  if (source === 'data')
    await tab.evaluate((n) => {
      window.items = window.makeItems(n);
    }, count);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { tab, cdp };
}

/** Data (or src) → first page, → first painted frame, → searchable (the count shown), with the long tasks meanwhile. */
function start(tab) {
  return tab.evaluate(async (source) => {
    const longTasks = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    const el = document.createElement('zwgk-directory');
    const t0 = performance.now();
    const itemsShown = () => el.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0;
    if (source === 'data') el.data = { items: window.items };
    else el.src = '/items.json';
    document.getElementById('main').append(el);
    await el.updateComplete;
    // From a src the first page comes later: look for it after every task.
    while (!itemsShown()) await new Promise((resolve) => setTimeout(resolve, 0));
    const firstRender = performance.now() - t0;
    const firstPageItems = itemsShown();
    const firstFrame = await new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)));
    const count = () => el.shadowRoot.querySelector('[part="count"]')?.textContent.trim() ?? '';
    while (!count().startsWith('共')) await new Promise((resolve) => setTimeout(resolve, 5));
    const ready = performance.now() - t0;
    // Whatever the element still prepares in idle time (the title order) runs now: its tasks count too.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return {
      firstRender,
      firstFrame,
      firstPageItems,
      ready,
      count: count(),
      longestTask: Math.max(0, ...longTasks),
      longTasks: longTasks.filter((d) => d > 50).length,
    };
  }, source);
}

/**
 * Every prefix of real queries, one input event per character, each timed to the frame that shows its results.
 * Rounds alternate two ways of typing: each keystroke right after a painted frame (lock-step: whatever the work, the
 * result waits for the next frame, a whole frame later), and each at a point spread evenly over the frame, as a
 * citizen's keystrokes fall (they do not wait for frames).
 */
function typing(tab) {
  return tab.evaluate(async () => {
    const el = document.querySelector('zwgk-directory');
    const box = el.shadowRoot.querySelector('#q');
    const queries = ['闽商务〔2020〕76号', '便利店', '跨境电商 福州', 'FJ0035910/2021-000', '政府信息公开', '外贸'];
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const frameMs = await new Promise((resolve) =>
      requestAnimationFrame((a) => requestAnimationFrame(() => requestAnimationFrame((c) => resolve((c - a) / 2)))),
    );
    const samples = { lockstep: [], spread: [] };
    const totals = [];
    let keystroke = 0;
    for (let round = 0; round < 4; round++) {
      const way = round % 2 === 0 ? 'lockstep' : 'spread';
      for (const query of queries) {
        for (let k = 1; k <= query.length; k++) {
          await painted();
          // The golden ratio spreads the delays evenly over the frame, the same in every run.
          if (way === 'spread') await new Promise((resolve) => setTimeout(resolve, ((keystroke++ * 0.6180339887) % 1) * frameMs));
          box.value = query.slice(0, k);
          const t0 = performance.now();
          box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: query[k - 1] }));
          await window.resultsShown(el);
          // The frame after the update is the one that paints it: time to just after it.
          await painted();
          samples[way].push(performance.now() - t0);
        }
        totals.push(el.total);
        box.value = '';
        box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
        await window.resultsShown(el);
        await painted();
      }
    }
    return { samples, frameMs, totals: totals.slice(0, queries.length) };
  });
}

/** Filters, sort and pages (each 5 times, median; the first title sort once), and the DOM with one item expanded. */
function others(tab) {
  return tab.evaluate(async () => {
    const el = document.querySelector('zwgk-directory');
    const root = el.shadowRoot;
    const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const time = async (action) => {
      const t0 = performance.now();
      action();
      await window.resultsShown(el);
      await settle();
      return performance.now() - t0;
    };
    const median = async (action, undo) => {
      const samples = [];
      for (let k = 0; k < 5; k++) {
        samples.push(await time(action));
        await time(undo);
      }
      return samples.sort((a, b) => a - b)[2];
    };
    const choose = (id, value) => () => {
      const select = root.querySelector(`#${id}`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const page = (which) => () => [...root.querySelectorAll('[part="page-button"]')].at(which).click();
    const figures = {
      'filter 发布机构': await median(choose('filter-publisher', '福建省商务厅'), choose('filter-publisher', '')),
      'filter 年份': await median(choose('filter-year', '2021'), choose('filter-year', '')),
      'next page': await median(page(-1), page(0)),
      'sort 最早发布': await median(choose('sort', 'oldest'), choose('sort', 'newest')),
      'sort 按标题, first time': await time(choose('sort', 'title')),
      'sort 按标题, later': await median(choose('sort', 'title'), choose('sort', 'newest')),
    };
    choose('sort', 'newest')();
    await el.updateComplete;
    root.querySelector('summary').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    return { figures, shadowElements: root.querySelectorAll('*').length, items: root.querySelectorAll('[part="item"]').length };
  });
}

const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const percentile = (samples, p) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(p * samples.length))];
const verdict = (ok, target) => (ok ? `meets ${target}` : `MISSES ${target}`);

try {
  console.log(
    `<zwgk-directory> in ${await browser.version()}, ${count.toLocaleString('en')} items from ${source === 'src' ? `a src (served as JSON${mbPerSecond ? ` at ${mbPerSecond} MB/s` : ''})` : 'the data property'}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${chineseFont()}`,
  );
  // Targets per CPU rate: [keystroke median, data → searchable, longest task].
  const TARGETS = { 1: { keystroke: 16, ready: 500, task: 50 }, 4: { keystroke: 50, ready: 500, task: 50 } };
  for (const rate of [1, 4]) {
    const RUNS = 3;
    const measured = builds.map(() => ({ starts: [] }));
    // Fresh pages, the builds alternating (this checkout, REV, this checkout…); the last page of each is typed into.
    for (let run = 0; run < RUNS; run++) {
      for (const [b, m] of measured.entries()) {
        const { tab, cdp } = await freshPage(rate, b);
        m.starts.push(await start(tab));
        if (run === RUNS - 1) {
          m.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
          m.typed = await typing(tab);
          m.other = await others(tab);
        }
        await tab.close();
      }
    }
    // The memory on pages of their own, alternating, where nothing is timed.
    if (rate === 1)
      for (let run = 0; run < RUNS; run++)
        for (const [b, m] of measured.entries()) {
          const { tab } = await freshPage(rate, b);
          (m.resident ??= []).push(await residentPeak(start(tab)));
          await tab.close();
        }
    const summaries = measured.map(({ starts, heap, typed, other, resident }) => {
      const middle = (key) =>
        percentile(
          starts.map((s) => s[key]),
          0.5,
        );
      const keys = {};
      for (const [way, samples] of Object.entries(typed.samples)) {
        keys[way] = { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: Math.max(...samples), n: samples.length };
      }
      return {
        firstRender: middle('firstRender'),
        firstFrame: middle('firstFrame'),
        ready: middle('ready'),
        longestTask: middle('longestTask'),
        longTasks: middle('longTasks'),
        keys,
        figures: other.figures,
        heap,
        resident: resident && percentile(resident, 0.5),
        firstPageItems: starts[0].firstPageItems,
        count: starts[0].count,
        frameMs: typed.frameMs,
        totals: typed.totals,
        items: other.items,
        shadowElements: other.shadowElements,
      };
    });
    const [kit, base] = summaries;
    /** A kit figure with its ratio to REV's when REV was measured. */
    const vs = (value, get) =>
      base ? `${ms(value)} (÷ ${against}: ${(value / get(base)).toFixed(2)}, ${against} ${ms(get(base))})` : ms(value);
    const target = TARGETS[rate];
    console.log(`\n— CPU ${rate === 1 ? 'at full speed' : `slowed ${rate}×`} —`);
    if (rate !== 1) {
      const said = [...(workerThrottling[rate] ?? [])];
      console.log(`the workers' CPU slowed ${rate}× too: ${said.length ? said.join('; ') : 'no worker started'}`);
    }
    console.log(
      `first render (data → first page in the DOM), median of ${RUNS} pages: ${vs(kit.firstRender, (s) => s.firstRender)}, ${kit.firstPageItems} items; ` +
        `first painted frame ${vs(kit.firstFrame, (s) => s.firstFrame)}`,
    );
    console.log(
      `data → searchable ("${kit.count}"): ${vs(kit.ready, (s) => s.ready)} — ${verdict(kit.ready <= target.ready, `≤ ${target.ready} ms`)}`,
    );
    console.log(
      `longest task from the data until idle: ${vs(kit.longestTask, (s) => s.longestTask)}, ${kit.longTasks} tasks over 50 ms` +
        `${base ? ` (${against}: ${base.longTasks})` : ''} — ${verdict(kit.longestTask <= target.task, `≤ ${target.task} ms`)}`,
    );
    for (const [way, k] of Object.entries(kit.keys)) {
      const how = way === 'lockstep' ? 'right after a frame' : 'spread over the frame';
      console.log(
        `keystroke → painted results, ${k.n} keystrokes ${how} (frame ${ms(kit.frameMs)}): median ${vs(k.median, (s) => s.keys[way].median)}, ` +
          `p95 ${vs(k.p95, (s) => s.keys[way].p95)}, max ${ms(k.max)} — ${verdict(k.median <= target.keystroke, `median ≤ ${target.keystroke} ms`)}`,
      );
    }
    console.log(`  results for the full queries: ${kit.totals.join(', ')}${base ? ` (${against}: ${base.totals.join(', ')})` : ''}`);
    for (const [name, value] of Object.entries(kit.figures)) console.log(`${name}: ${vs(value, (s) => s.figures[name])}`);
    console.log(
      `DOM: ${kit.items} items on the page, ${kit.shadowElements} elements in the shadow root (one item expanded); JS heap ${mb(kit.heap)}` +
        `${base ? ` (${against}: ${mb(base.heap)})` : ''}`,
    );
    if (kit.resident) {
      const ratio = base ? ` (÷ ${against}: ${(kit.resident / base.resident).toFixed(2)}, ${against} ${mb(base.resident)})` : '';
      console.log(
        `the renderer processes' resident memory at its peak, above the page before (median of ${RUNS} pages): ${mb(kit.resident)}${ratio}`,
      );
    }
  }
  if (problems.length) {
    console.error('page errors:', problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
