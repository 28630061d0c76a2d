/**
 * `npm run bench:server`: the reference server against a bare Hono app, on loopback, same machine, same database.
 *
 * Starts `src/server/main.ts` (the kit, with its request log on) and `scripts/bench-bare-server.ts` (bare Hono on
 * the same @hono/node-server: one INSERT per POST, no validation; a GET handler sending the kit's own JSON) as
 * their own processes — PGlite in temporary data directories, or PostgreSQL when BENCH_DATABASE_URL is set (each
 * in a schema of its own, dropped afterwards). Then, BENCH_ROUNDS times (default 5), alternating which goes first:
 * `GET /disclosures?q=…`, then (all rounds) `POST /applications`, for BENCH_SECONDS (default 3) each, BENCH_CONNECTIONS (default
 * 20) in flight. Prints each run (with the CPU per request of the server process and, on PostgreSQL, of the
 * database's processes), the medians, the ratio kit ÷ bare and the targets of issue 17; then checks that
 * both send the same bytes for every query, that a repeat with If-None-Match is a 304, that replays answer with
 * the first code, and reads every acknowledged application back: "lost writes: 0".
 * Stops by itself (at most BENCH_TIMEOUT_S, default 300 s).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import pg from 'pg';
import { sampleApplication } from '../src/server/testing.js';
import {
  cpuSeconds,
  load,
  median,
  postgresCpuSeconds,
  send,
  startServerProcess,
  type LoadFigures,
  type LoadRequest,
  type ServerProcess,
} from './bench-process.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_S ?? 300);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const TERMS = ['外贸', '商务', '政务公开', '通知', '2020', '电子商务'];

const deadline = setTimeout(() => {
  console.error(`bench: gave up after ${timeoutSeconds} s`);
  process.exit(2);
}, timeoutSeconds * 1000);

/** A schema of its own on the shared database, so nothing of this run stays behind. */
async function schemaOnDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const url = new URL(databaseUrl!);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await client.end();
    },
  };
}

const run = randomBytes(4).toString('hex');
const cleanups: (() => Promise<void>)[] = [];
const servers: ServerProcess[] = [];
let exitCode = 1;
try {
  let kitEnv: Record<string, string>;
  let bareEnv: Record<string, string>;
  if (databaseUrl) {
    const kitSchema = await schemaOnDatabase(`zwgk_bench_${run}`);
    const bareSchema = await schemaOnDatabase(`zwgk_bench_bare_${run}`);
    cleanups.push(kitSchema.drop, bareSchema.drop);
    kitEnv = { DATABASE_URL: kitSchema.url };
    bareEnv = { DATABASE_URL: databaseUrl, BENCH_SCHEMA: `zwgk_bench_bare_${run}` };
  } else {
    const kitDir = await mkdtemp(join(tmpdir(), 'zwgk-bench-'));
    const bareDir = await mkdtemp(join(tmpdir(), 'zwgk-bench-bare-'));
    cleanups.push(
      () => rm(kitDir, { recursive: true, force: true }),
      () => rm(bareDir, { recursive: true, force: true }),
    );
    kitEnv = { DATABASE_URL: '', ZWGK_DATA_DIR: kitDir };
    bareEnv = { DATABASE_URL: '', ZWGK_DATA_DIR: bareDir };
  }
  const kit = await startServerProcess('src/server/main.ts', {
    ...kitEnv,
    ZWGK_RATE_LIMIT: '0',
    ZWGK_QUIET: process.env.BENCH_QUIET === '1' ? '1' : '',
    ZWGK_ADMIN_TOKEN: '',
    ZWGK_STATIC_DIR: '',
  });
  servers.push(kit);
  const bare = await startServerProcess('scripts/bench-bare-server.ts', { ...bareEnv, BENCH_TERMS: JSON.stringify(TERMS) });
  servers.push(bare);
  console.log(
    `storage ${kit.storage}; ${rounds} rounds of ${seconds} s per server and request, ${connections} connections; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const body = JSON.stringify(sampleApplication());
  const postWithKey = (key: string): LoadRequest => ({
    method: 'POST',
    path: '/api/applications',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body,
  });
  const post = (prefix: string) => (i: number) => postWithKey(`${prefix}-${i}`);
  const search = (i: number): LoadRequest => ({
    method: 'GET',
    path: `/api/disclosures?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}`,
  });

  // Warm-up (JIT, connection pools, the directory's first queries) before each kind of request, for both servers.
  // The kit warms up longer: its CPU per request was measured still falling 4 s after it started listening.
  const warmUp = async (request: (i: number) => LoadRequest, expect: number) => {
    for (const server of [kit, bare]) await load(server.origin, { connections, seconds: server === kit ? 6 : 3, expect }, request);
  };

  // CPU per request, read off each server process: steadier than throughput when other work shares the cores. On
  // PostgreSQL also the database's (every postgres process on the machine: its share when nothing else uses it).
  type Run = LoadFigures & { cpuMs: number; dbMs: number };
  const onPostgres = kit.storage === 'postgres';
  const measure = async (
    server: ServerProcess,
    options: Parameters<typeof load>[1],
    requestFor: (i: number) => LoadRequest,
  ): Promise<Run> => {
    const before = cpuSeconds(server.child.pid!);
    const dbBefore = onPostgres ? postgresCpuSeconds() : NaN;
    const figures = await load(server.origin, options, requestFor);
    const perRequest = (seconds: number) => (seconds * 1000) / figures.requests;
    return {
      ...figures,
      cpuMs: perRequest(cpuSeconds(server.child.pid!) - before),
      dbMs: onPostgres ? perRequest(postgresCpuSeconds() - dbBefore) : NaN,
    };
  };
  const figures = { kit: { post: [] as Run[], get: [] as Run[] }, bare: { post: [] as Run[], get: [] as Run[] } };
  const acknowledged: { key: string; code: string }[] = [];
  const line = (label: string, f: Run) =>
    console.log(
      `  ${label.padEnd(30)} ${f.perSecond.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms  CPU ${f.cpuMs.toFixed(3)} ms/request${onPostgres ? `, PostgreSQL ${f.dbMs.toFixed(3)}` : ''}  (${f.requests} requests, ${f.errors} errors)`,
    );
  // Searches first: the notification worker then has no backlog of the POSTs' events to work through meanwhile
  // (on PGlite its queries run on the server's one thread).
  const order = (round: number) => (round % 2 === 0 ? (['kit', 'bare'] as const) : (['bare', 'kit'] as const));
  await warmUp(search, 200);
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1}: GET`);
    for (const name of order(round)) {
      const searched = await measure(name === 'kit' ? kit : bare, { connections, seconds, expect: 200 }, search);
      figures[name].get.push(searched);
      line(`${name} GET /disclosures?q=…`, searched);
    }
  }
  await warmUp(post(`warm-${run}`), 201);
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1}: POST`);
    for (const name of order(round)) {
      const server = name === 'kit' ? kit : bare;
      const prefix = `bench-${run}-${name}-${round}`;
      const posted = await measure(server, { connections, seconds, expect: 201, keep: name === 'kit' }, post(prefix));
      figures[name].post.push(posted);
      line(`${name} POST /applications`, posted);
      if (name === 'kit') {
        posted.answers.forEach((answer, i) => {
          if (answer?.status === 201)
            acknowledged.push({ key: `${prefix}-${i}`, code: (JSON.parse(answer.body) as { trackingCode: string }).trackingCode });
        });
        posted.answers = [];
      }
    }
  }

  const rate = (list: LoadFigures[]) => median(list.map((f) => f.perSecond));
  const p99 = (list: LoadFigures[]) => median(list.map((f) => f.p99));
  // Each round's kit and bare ran back to back, so their ratio shares that moment's load; the median of those.
  const ratioOf = (kit: Run[], bare: Run[]) => median(kit.map((f, i) => f.perSecond / bare[i]!.perSecond));
  const cpu = (list: Run[]) => median(list.map((f) => f.cpuMs));
  const db = (list: Run[]) => (onPostgres ? `, PostgreSQL ${median(list.map((f) => f.dbMs)).toFixed(3)}` : '');
  const postRatio = ratioOf(figures.kit.post, figures.bare.post);
  const getRatio = ratioOf(figures.kit.get, figures.bare.get);
  console.log(`medians over ${rounds} rounds (load average now ${loadavg()[0]!.toFixed(2)}):`);
  for (const [label, kind] of [
    ['POST /applications  ', 'post'],
    ['GET /disclosures?q=…', 'get'],
  ] as const) {
    const [ours, theirs] = [figures.kit[kind], figures.bare[kind]];
    console.log(
      `  ${label}  kit ${rate(ours).toFixed(0)} req/s, p99 ${p99(ours).toFixed(1)} ms, CPU ${cpu(ours).toFixed(3)} ms/request${db(ours)}; ` +
        `bare ${rate(theirs).toFixed(0)} req/s, p99 ${p99(theirs).toFixed(1)} ms, CPU ${cpu(theirs).toFixed(3)} ms/request${db(theirs)}`,
    );
    console.log(
      `  ${' '.repeat(label.length)}  kit ÷ bare: throughput ${ratioOf(ours, theirs).toFixed(2)} (median of the rounds' ratios), ` +
        `bare CPU ÷ kit CPU per request ${(cpu(theirs) / cpu(ours)).toFixed(2)}`,
    );
  }
  const targets =
    kit.storage === 'postgres'
      ? [
          ['POST ≥ 0.5× bare', postRatio >= 0.5],
          ['POST p99 < 50 ms', p99(figures.kit.post) < 50],
        ]
      : [['POST ≥ 500 req/s on PGlite', rate(figures.kit.post) >= 500]];
  targets.push(['GET ≥ 0.8× bare', getRatio >= 0.8]);
  console.log(`targets (issue 17): ${targets.map(([name, met]) => `${name}: ${met ? 'met' : 'NOT met'}`).join('; ')}`);

  // Same bytes as the bare handler, and a repeat the portal's cache can answer from its copy.
  const agent = new Agent({ keepAlive: true });
  let differing = 0;
  let revalidated = 0;
  for (let i = 0; i < TERMS.length; i++) {
    const [ours, theirs] = await Promise.all([send(agent, kit.origin, search(i)), send(agent, bare.origin, search(i))]);
    if (ours.body !== theirs.body) differing++;
    const again = await send(agent, kit.origin, { ...search(i), headers: { 'If-None-Match': String(ours.headers.etag) } });
    if (again.status === 304 && again.body === '') revalidated++;
  }
  console.log(
    `GET bodies differing from the bare handler's: ${differing} of ${TERMS.length}; repeats answered 304: ${revalidated} of ${TERMS.length}`,
  );

  // Replays of a tenth of the acknowledged applications answer with the first code; every one reads back.
  const replays = acknowledged.filter((_, i) => i % 10 === 0);
  const replayed = await load(kit.origin, { connections, count: replays.length, expect: 201, keep: true }, (j) =>
    postWithKey(replays[j]!.key),
  );
  const mismatched = replayed.answers.filter((a, j) => a.status !== 201 || !a.body.includes(`"${replays[j]!.code}"`)).length;
  const readBack = await load(kit.origin, { connections, count: acknowledged.length, expect: 200 }, (j) => ({
    method: 'GET',
    path: `/api/applications/${acknowledged[j]!.code}?phone=13912345678`,
  }));
  console.log(`acknowledged 201: ${acknowledged.length}; replays answered with another code: ${mismatched} of ${replays.length}`);
  console.log(`lost writes: ${readBack.errors}`);
  const errors = [...figures.kit.post, ...figures.kit.get].reduce((n, f) => n + f.errors, 0);
  exitCode = readBack.errors === 0 && mismatched === 0 && errors === 0 && differing === 0 && revalidated === TERMS.length ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  clearTimeout(deadline);
  for (const server of servers) await server.stop();
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(error));
}
process.exit(exitCode);
