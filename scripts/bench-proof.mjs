// The mailbox's spam-protection proof, timed in the machine's Chromium (not a test): the server's `normal`
// challenge (src/server/altcha.ts) solved by the shipped worker (proof-worker.ts, bundled as the builds ship
// it), at full speed and with the CPU slowed 4× through the DevTools protocol (Emulation.setCPUThrottlingRate
// on the page and on the worker, as on a slow phone). Each solution is checked by the server's verify, and
// sent twice: the second must be refused (replay). Prints median and worst of several runs; target ≤ 2 s at 4×.
// Run: npm run bench:proof [-- runs]. Figures vary with the machine's load: run it twice.
import { createServer } from 'node:http';
import { buildProofWorker } from './build-proof-worker.mjs';
import puppeteer from 'puppeteer-core';
import { createAltcha } from '../src/server/altcha.ts';
import { browserArgs, findBrowser } from './browser-path.mjs';

const runs = Number(process.argv[2] ?? 5);
const altcha = createAltcha({ hmacKey: 'bench-proof-key', complexity: 'normal' });
const spent = new Set();

const worker = await buildProofWorker();
const page = `<!doctype html><html><head><meta charset="utf-8"><title>proof bench</title></head><body><script type="module">
window.solveOnce = async () => {
  const challenge = await (await fetch('/challenge')).json();
  const started = performance.now();
  const w = new Worker('/zwgk-proof-worker.js', { type: 'module' });
  const solution = await new Promise((resolve, reject) => {
    w.onerror = (e) => reject(new Error(e.message));
    w.onmessage = ({ data }) => { if ('solution' in data) resolve(data.solution); else if ('error' in data) reject(new Error(data.error)); };
    w.postMessage({ challenge });
  });
  const ms = performance.now() - started;
  w.terminate();
  return { ms, proof: btoa(JSON.stringify({ challenge, solution })) };
};
</script></body></html>`;

const server = createServer(async (req, res) => {
  if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  else if (req.url === '/zwgk-proof-worker.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(worker);
  else if (req.url === '/challenge')
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(await altcha.challenge()));
  else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: browserArgs() });

async function measure(rate) {
  const tab = await browser.newPage();
  const session = await tab.createCDPSession();
  await session.send('Emulation.setCPUThrottlingRate', { rate });
  // Each worker the page starts is slowed as well, before it runs.
  tab.on('workercreated', (w) => void w.client.send('Emulation.setCPUThrottlingRate', { rate }).catch(() => {}));
  await tab.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { ms, proof } = await tab.evaluate(() => window.solveOnce());
    const check = await altcha.verify(proof);
    if (!check.ok) throw new Error(`the server refused a solution: ${check.reason}`);
    if (spent.has(check.id)) throw new Error('a proof was accepted twice');
    spent.add(check.id);
    times.push(ms);
  }
  await tab.close();
  return times.sort((a, b) => a - b);
}

const fmt = (times) => `median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s, worst ${(times.at(-1) / 1000).toFixed(2)} s`;
try {
  const full = await measure(1);
  const slow = await measure(4);
  console.log(`proof of work (${runs} challenges each, one worker): full speed ${fmt(full)}; CPU 4× slower ${fmt(slow)}`);
  console.log(
    `ratio 4×/1× (median): ${(slow[Math.floor(runs / 2)] / full[Math.floor(runs / 2)]).toFixed(2)}; target at 4×: ≤ 2 s → ${slow.at(-1) <= 2000 ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  server.close();
}
