/**
 * `npm run bench:server`: a bounded load test of the reference server on loopback.
 *
 * Starts `src/server/main.ts` as its own process (PGlite in a temporary data
 * directory, or PostgreSQL when BENCH_DATABASE_URL is set), sends
 * BENCH_REQUESTS (default 500) applications with BENCH_CONCURRENCY (default 16)
 * in flight, each with its own Idempotency-Key, replays some of them, runs the
 * same number of directory searches, prints requests/s and latency
 * percentiles, then reads every acknowledged application back: "lost writes: 0".
 * Stops by itself (at most BENCH_TIMEOUT_S, default 300 s).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sampleApplication } from '../src/server/testing.js';

const total = Number(process.env.BENCH_REQUESTS ?? 500);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_S ?? 300);
const databaseUrl = process.env.BENCH_DATABASE_URL;

interface Result {
  status: number;
  ms: number;
  body?: unknown;
}

async function timed(url: string, init?: RequestInit): Promise<Result> {
  const start = performance.now();
  try {
    const response = await fetch(url, init);
    const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
    return { status: response.status, ms: performance.now() - start, body };
  } catch (error) {
    return { status: 0, ms: performance.now() - start, body: String(error) };
  }
}

/** Runs `count` tasks with at most `limit` in flight. */
async function pool<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<{ results: T[]; seconds: number }> {
  const results: T[] = new Array(count);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return { results, seconds: (performance.now() - start) / 1000 };
}

function report(label: string, results: Result[], seconds: number, ok: (r: Result) => boolean): number {
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  const errors = results.filter((r) => !ok(r)).length;
  console.log(
    `${label.padEnd(26)} ${String(results.length).padStart(5)} requests  ${(results.length / seconds).toFixed(0).padStart(6)} req/s  ` +
      `p50 ${at(50)} ms  p95 ${at(95)} ms  p99 ${at(99)} ms  errors ${errors}`,
  );
  return errors;
}

const dataDir = await mkdtemp(join(tmpdir(), 'zwgk-bench-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  cwd: new URL('..', import.meta.url),
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    ZWGK_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    ZWGK_RATE_LIMIT: '0',
    ZWGK_QUIET: '1',
    ZWGK_ADMIN_TOKEN: '',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const deadline = setTimeout(() => {
  console.error(`bench: gave up after ${timeoutSeconds} s`);
  child.kill('SIGKILL');
  process.exit(2);
}, timeoutSeconds * 1000);

let exitCode = 1;
try {
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/[^\s/]+)\/api \(storage: (\w+)\)/.exec(output);
      if (match) {
        child.stdout!.off('data', look);
        child.stdout!.resume();
        console.log(`server: ${match[1]} storage ${match[2]}; ${total} applications, concurrency ${concurrency}`);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
  const api = `${origin}/api`;
  // Keys unique per run, so a reused PostgreSQL database does not turn this run into replays of the last one.
  const run = randomUUID();
  const body = JSON.stringify(sampleApplication());
  const post = (key: string) =>
    timed(`${api}/applications`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body });

  const created = await pool(total, concurrency, (i) => post(`bench-${run}-${i}`));
  let errors = report('POST /applications', created.results, created.seconds, (r) => r.status === 201);
  const acknowledged = created.results.flatMap((r, i) =>
    r.status === 201 ? [{ i, code: (r.body as { trackingCode: string }).trackingCode }] : [],
  );

  const replays = acknowledged.slice(0, Math.ceil(total / 10));
  const replayed = await pool(replays.length, concurrency, (j) => post(`bench-${run}-${replays[j]!.i}`));
  errors += report('POST /applications replay', replayed.results, replayed.seconds, (r) => r.status === 201);
  const mismatched = replayed.results.filter((r, j) => (r.body as { trackingCode?: string }).trackingCode !== replays[j]!.code).length;

  const terms = ['商务', '政务公开', '通知', '2020', '外贸', '电子商务'];
  const searched = await pool(total, concurrency, (i) => timed(`${api}/disclosures?q=${encodeURIComponent(terms[i % terms.length]!)}`));
  errors += report('GET /disclosures?q=…', searched.results, searched.seconds, (r) => r.status === 200);

  const readBack = await pool(acknowledged.length, concurrency, (j) =>
    timed(`${api}/applications/${acknowledged[j]!.code}?phone=13912345678`),
  );
  const lost = readBack.results.filter((r) => r.status !== 200).length;
  console.log(`acknowledged 201: ${acknowledged.length}; replays answered with another code: ${mismatched}`);
  console.log(`lost writes: ${lost}`);
  exitCode = lost === 0 && mismatched === 0 && errors === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  clearTimeout(deadline);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
