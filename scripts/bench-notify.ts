/**
 * `npm run bench:notify`: notifications under load, on loopback.
 *
 * Starts a local SMTP sink (smtp-server) in this process and `src/server/main.ts` as its own process (PGlite in a
 * temporary data directory, or PostgreSQL when BENCH_DATABASE_URL is set), sends BENCH_REQUESTS (default 1000)
 * applications, each with its own e-mail address, BENCH_CONCURRENCY (default 20) in flight, and waits until every
 * receipt mail has arrived. Prints request figures, mail throughput and the time until the last mail, and the
 * count of mails lost and doubled (both must be 0). The baseline, measured in the same run on a fresh server, is
 * the same load with SMTP not configured (mails only recorded, none sent): the ratio says what sending costs the
 * requests. Stops by itself (at most BENCH_TIMEOUT_S, default 600 s).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailSink } from '../src/server/notify/mail-sink.js';
import { sampleApplication } from '../src/server/testing.js';
import { load, startServerProcess, type ServerProcess } from './bench-process.js';

const total = Number(process.env.BENCH_REQUESTS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_S ?? 600);
const databaseUrl = process.env.BENCH_DATABASE_URL;
// 32 random bytes, base64url: the server refuses a weaker admin token.
const TOKEN = 'bN7kQ2vR9xT4mW1cZ8pL5sH3dF6gJ0aYeU2iOq9rXt4';

const deadline = setTimeout(() => {
  console.error(`bench: gave up after ${timeoutSeconds} s`);
  process.exit(2);
}, timeoutSeconds * 1000);

async function startServer(dataDir: string, smtpUrl: string): Promise<{ server: ServerProcess; api: string }> {
  const server = await startServerProcess('src/server/main.ts', {
    ZWGK_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    ZWGK_RATE_LIMIT: '0',
    ZWGK_QUIET: '1',
    ZWGK_ADMIN_TOKEN: TOKEN,
    ZWGK_SMTP_URL: smtpUrl,
    ZWGK_NOTIFY_POLL_MS: '100',
  });
  return { server, api: `${server.origin}/api` };
}

/** Sends the applications, each with its own address: how many were acknowledged, and the time it took. */
async function send(origin: string, run: string): Promise<{ acknowledged: number; seconds: number }> {
  const figures = await load(origin, { connections: concurrency, count: total, expect: 201 }, (i) => {
    const applicant = { ...sampleApplication().applicant, email: `bench-${run}-${i}@example.com` } as ReturnType<
      typeof sampleApplication
    >['applicant'];
    return {
      method: 'POST',
      path: '/api/applications',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-notify-${run}-${i}` },
      body: JSON.stringify(sampleApplication({ applicant })),
    };
  });
  return { acknowledged: figures.requests - figures.errors, seconds: figures.requests / figures.perSecond };
}

let exitCode = 1;
const sink = await startMailSink();
const dirs: string[] = [];
try {
  // Baseline: the same load, mails recorded in the outbox but not sent (no SMTP).
  dirs.push(await mkdtemp(join(tmpdir(), 'zwgk-bench-notify-')));
  const baselineServer = await startServer(dirs[0]!, '');
  const baseline = await send(baselineServer.server.origin, randomUUID());
  await baselineServer.server.stop();
  const baselineRate = total / baseline.seconds;

  dirs.push(await mkdtemp(join(tmpdir(), 'zwgk-bench-notify-')));
  const { server, api } = await startServer(dirs[1]!, `${sink.url}?pool=true&maxConnections=5`);
  console.log(`storage ${databaseUrl ? 'PostgreSQL' : 'PGlite'}; ${total} applications, concurrency ${concurrency}; SMTP sink ${sink.url}`);
  const run = randomUUID();
  const started = performance.now();
  const loaded = await send(server.origin, run);
  const acknowledged = loaded.acknowledged;
  const rate = total / loaded.seconds;
  await sink.waitFor(acknowledged, (timeoutSeconds - 60) * 1000).catch((error: Error) => console.error(error.message));
  const lastMail = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 3000)); // anything doubled would arrive now
  const ours = sink.messages.filter((m) => m.to[0]?.startsWith(`bench-${run}-`));
  const recipients = new Set(ours.map((m) => m.to[0]));
  const lost = acknowledged - recipients.size;
  const doubled = ours.length - recipients.size;
  const counts = (await (await fetch(`${api}/admin/deliveries?state=dead`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as {
    counts: Record<string, number>;
  };
  await server.stop();

  console.log(`baseline (no SMTP)   POST /applications  ${baselineRate.toFixed(0).padStart(5)} req/s  (${baseline.seconds.toFixed(1)} s)`);
  console.log(
    `with mail            POST /applications  ${rate.toFixed(0).padStart(5)} req/s  (${loaded.seconds.toFixed(1)} s)  ratio to baseline ${(rate / baselineRate).toFixed(2)}`,
  );
  console.log(`acknowledged 201: ${acknowledged} of ${total}`);
  console.log(
    `receipt mails: ${ours.length} in ${lastMail.toFixed(1)} s from the first request (${(ours.length / lastMail).toFixed(0)} mails/s)`,
  );
  console.log(`deliveries by state: ${JSON.stringify(counts.counts)}`);
  console.log(`mails lost: ${lost}; mails doubled: ${doubled}`);
  exitCode = acknowledged === total && lost === 0 && doubled === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  clearTimeout(deadline);
  await sink.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
