/**
 * `npm run audit:server`: replays the adversarial run of issue 16 against the
 * reference server as a real process (PGlite in a temporary directory) and
 * prints what was tried, what held and what failed:
 *
 * - hostile input on every documented endpoint (NUL, lone surrogates, bidi,
 *   malformed escapes, huge strings, runaway nesting, prototype keys, wrong
 *   types): never a 5xx, always a problem+json, every response with the
 *   security headers;
 * - the data-directory lock: processes opening at the same millisecond over a
 *   stale pid file, exactly one winner; acknowledged writes across SIGKILL;
 * - upload stall: 10 MiB uploads back to back while another client reads —
 *   p95 of the unrelated reads must stay under 100 ms (printed with the same
 *   reads' p95 without uploads, measured in this run);
 * - guessing: a known code with wrong phones, many codes from one address,
 *   wrong admin tokens — capped;
 * - log injection: every log line is one JSON object without raw control bytes.
 *
 * Exits 1 when anything failed. Bounded: at most AUDIT_TIMEOUT_S (default 300 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../src/server/openapi.js';
import { sampleApplication, samplePng } from '../src/server/testing.js';

const root = new URL('..', import.meta.url);
const timeoutSeconds = Number(process.env.AUDIT_TIMEOUT_S ?? 300);
const rows: { check: string; tried: number; held: number; note?: string }[] = [];
const temporary: string[] = [];
const children = new Set<ChildProcess>();

const deadline = setTimeout(() => {
  console.error(`audit: gave up after ${timeoutSeconds} s`);
  for (const child of children) child.kill('SIGKILL');
  process.exit(2);
}, timeoutSeconds * 1000);

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

interface Server {
  child: ChildProcess;
  api: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ZWGK_DATA_DIR: dataDir, ZWGK_ADMIN_TOKEN: '', ZWGK_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (children.delete(child), resolve(code))));
  const api = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^\s/]+\/api)/.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  return { child, api, output: () => output, exited };
}

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-resource-policy',
];

// ---- hostile input and headers --------------------------------------------------------------------------------

async function hostileInputs(server: Server): Promise<void> {
  const paths = (openApiDocument as unknown as { paths: Record<string, Record<string, unknown>> }).paths;
  const requests: { method: string; url: string; body?: string }[] = [];
  const segments = ['%00', '%ED%A0%80', '%E2%80%AE', '%0A', '%1B%5B2J', '%', '__proto__', 'x'.repeat(6000)];
  const values = ['%00', '%ED%A0%80', '%E2%80%AE139', '%0D%0Aforged', 'a'.repeat(5000), '%zz'];
  const strings = ['\u0000', '\ud800', '\u202e', '\u200b\u200b', 'x'.repeat(70_000)];
  const wrongTypes: unknown[] = [0, true, null, [], {}, [[[]]]];
  const bodies = [
    '['.repeat(5000) + ']'.repeat(5000),
    '{"a":'.repeat(4000) + '1' + '}'.repeat(4000),
    '{"__proto__":{"x":1}}',
    'null',
    '[]',
    '"x"',
    '{"a":"\\u0000"}',
  ];
  const sample: Record<string, unknown> = {
    '/applications': sampleApplication(),
    '/feedback': {
      category: 'consult',
      subject: 's',
      message: 'm',
      name: 'n',
      phone: '13700001111',
      publish: true,
      proof: Buffer.from('null').toString('base64'),
    },
  };
  for (const [template, ops] of Object.entries(paths)) {
    for (const method of Object.keys(ops)
      .filter((m) => ['get', 'post', 'patch'].includes(m))
      .map((m) => m.toUpperCase())) {
      const fill = (v?: string) => template.replace(/\{\w+\}/g, v ?? 'X2345');
      for (const segment of segments) requests.push({ method, url: template.includes('{') ? fill(segment) : `${template}/${segment}` });
      for (const name of ['phone', 'contact', 'q', 'year', 'page'])
        for (const value of values) requests.push({ method, url: `${fill()}?${name}=${value}` });
      if (method !== 'GET') {
        for (const body of bodies) requests.push({ method, url: fill(), body });
        const base = sample[template];
        if (base && typeof base === 'object') {
          for (const key of Object.keys(base)) {
            for (const value of [...strings, ...wrongTypes])
              requests.push({ method, url: fill(), body: JSON.stringify({ ...(base as object), [key]: value }) });
          }
        }
      }
    }
  }
  let held = 0;
  let headersHeld = 0;
  const failures: string[] = [];
  for (const { method, url, body } of requests) {
    const response = await fetch(`${server.api}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `audit-${Math.random()}`, Authorization: 'Bearer wrong' },
      body: method === 'GET' ? undefined : (body ?? '{}'),
    }).catch((error: unknown) => new Response(String(error), { status: 599 }));
    const text = await response.text();
    const problem = response.status < 400 || (response.headers.get('content-type') ?? '').startsWith('application/problem+json');
    if (response.status < 500 && problem) held++;
    else if (failures.length < 5) failures.push(`${method} ${url.slice(0, 60)} → ${response.status} ${text.slice(0, 80)}`);
    if (SECURITY_HEADERS.every((h) => response.headers.has(h))) headersHeld++;
  }
  rows.push({ check: 'hostile input: no 5xx, problem+json', tried: requests.length, held, note: failures.join('; ') || undefined });
  rows.push({ check: 'security headers on every response', tried: requests.length, held: headersHeld });
}

// ---- log injection --------------------------------------------------------------------------------------------

async function logInjection(server: Server): Promise<void> {
  const before = server.output().length;
  const hostile = ['/x%0A{"status":200}', '/%1B[2J%1B[31m', '/applications/%00?phone=1', '/a%0D%0AGET%20/forged', '/%E2%80%A8%C2%85'];
  for (const path of hostile) await (await fetch(`${server.api}${path}`)).text();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const lines = server.output().slice(before).split('\n').filter(Boolean);
  const clean = lines.filter((line) => {
    try {
      JSON.parse(line);
    } catch {
      return false;
    }
    return !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(line);
  }).length;
  rows.push({
    check: 'log: one JSON line per request',
    tried: hostile.length,
    held: Math.min(clean, hostile.length) - Math.max(0, lines.length - hostile.length),
  });
}

// ---- guessing ------------------------------------------------------------------------------------------------

async function guessing(server: Server): Promise<void> {
  const created = await fetch(`${server.api}/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'audit-guess-target' },
    body: JSON.stringify(sampleApplication()),
  });
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  const tries = 300;
  let answered = 0;
  let found = false;
  for (let i = 0; i < tries; i++) {
    const phone = i === tries - 1 ? '13912345678' : `139${String(10_000_000 + i).slice(-8)}`;
    const response = await fetch(`${server.api}/applications/${trackingCode}?phone=${phone}`);
    await response.text();
    if (response.status !== 429) answered++;
    if (response.status === 200) found = true;
  }
  // Held when no more than a handful of guesses were even answered, and the last (right) one did not get through.
  rows.push({
    check: 'guessing one code (300 phones)',
    tried: tries,
    held: answered <= 10 && !found ? tries : tries - answered,
    note: `${answered} answered`,
  });

  let codesAnswered = 0;
  for (let i = 0; i < 100; i++) {
    const response = await fetch(`${server.api}/feedback/GUESS${String(i).padStart(5, '0')}?contact=13800000000`);
    await response.text();
    if (response.status !== 429) codesAnswered++;
  }
  rows.push({
    check: 'guessing codes from one address',
    tried: 100,
    held: codesAnswered <= 25 ? 100 : 100 - codesAnswered,
    note: `${codesAnswered} answered`,
  });

  let tokensAnswered = 0;
  for (let i = 0; i < 50; i++) {
    const response = await fetch(`${server.api}/admin/feedback/X`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer guess-${i}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await response.text();
    if (response.status !== 429) tokensAnswered++;
  }
  rows.push({
    check: 'guessing the admin token',
    tried: 50,
    held: tokensAnswered <= 8 ? 50 : 50 - tokensAnswered,
    note: `${tokensAnswered} answered`,
  });
}

// ---- uploads -------------------------------------------------------------------------------------------------

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function readsFor(api: string, ms: number): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const start = performance.now();
    await (await fetch(`${api}/contact`)).text();
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return times;
}

/** The uploading client, in its own process: building 10 MiB multipart bodies would otherwise stall the reader's event loop. */
async function uploaderProcess(api: string, seconds: number): Promise<void> {
  const file = samplePng(10 * 1024 * 1024 - 4096);
  let uploads = 0;
  let refused = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const form = new FormData();
    form.append('file', new Blob([file]), 'scan.png');
    const response = await fetch(`${api}/attachments`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `audit-up-${uploads}-${Math.random()}` },
      body: form,
    });
    const receipt = (await response.json()) as { id?: string };
    if (response.status !== 201 || !receipt.id) {
      refused++;
      continue;
    }
    uploads++;
    // Sent with an application, as a citizen would: the upload stops counting against the pending quota.
    await fetch(`${api}/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `audit-app-${uploads}-${Math.random()}` },
      body: JSON.stringify(sampleApplication({ attachments: [receipt.id] })),
    }).then((r) => r.text());
  }
  console.log(JSON.stringify({ uploads, refused }));
}

async function uploadStall(server: Server): Promise<void> {
  const baseline = await readsFor(server.api, 3_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit-server.ts', '--uploader', server.api, '12'], { cwd: root });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const done = new Promise<void>((resolve) => child.once('exit', () => (children.delete(child), resolve())));
  // Measure only once the uploader is running (its start-up is not part of the stall).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const during = await readsFor(server.api, 10_000);
  await done;
  const { uploads = 0, refused = 1 } = JSON.parse(output.trim().split('\n').pop() || '{}') as { uploads?: number; refused?: number };
  const p95 = percentile(during, 95);
  const base95 = percentile(baseline, 95);
  rows.push({
    check: 'reads p95 < 100 ms during 10 MiB uploads',
    tried: 1,
    held: p95 < 100 && uploads > 0 && refused === 0 ? 1 : 0,
    note:
      `p50 ${percentile(during, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${during.length} reads while ${uploads} uploads ` +
      `(${refused} refused); without uploads p95 ${base95.toFixed(1)} ms (ratio ${(p95 / base95).toFixed(1)}×)`,
  });
}

// ---- lock race and durability --------------------------------------------------------------------------------

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

async function lockRace(): Promise<void> {
  const rounds = 3;
  let held = 0;
  for (let round = 0; round < rounds; round++) {
    const dir = await tempDir('zwgk-audit-lock-');
    await writeFile(join(dir, 'zwgk-server.pid'), String(await deadPid()));
    const startAt = Date.now() + 4_000;
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'tests/node/fixtures/lock-contender.ts', dir, String(startAt)], {
          cwd: root,
        });
        children.add(child);
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        return new Promise<string>((resolve) => child.once('exit', () => (children.delete(child), resolve(output.trim()))));
      }),
    );
    if (outcomes.filter((o) => o === 'opened').length === 1 && outcomes.filter((o) => o === 'refused').length === 5) held++;
  }
  rows.push({ check: 'lock race: one of 6 simultaneous opens', tried: rounds, held });
}

async function durability(): Promise<void> {
  const dir = await tempDir('zwgk-audit-durable-');
  const first = await startServer(dir, { ZWGK_QUIET: '1' });
  const codes: string[] = [];
  await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const response = await fetch(`${first.api}/applications`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `audit-durable-${i}` },
        body: JSON.stringify(sampleApplication()),
      });
      if (response.status === 201) codes.push(((await response.json()) as { trackingCode: string }).trackingCode);
    }),
  );
  first.child.kill('SIGKILL');
  await first.exited;
  const second = await startServer(dir, { ZWGK_QUIET: '1' });
  let found = 0;
  for (const code of codes) if ((await fetch(`${second.api}/applications/${code}?phone=13912345678`)).status === 200) found++;
  second.child.kill('SIGTERM');
  await second.exited;
  rows.push({ check: 'acknowledged writes after SIGKILL', tried: codes.length, held: found });
}

if (process.argv[2] === '--uploader') {
  clearTimeout(deadline);
  await uploaderProcess(process.argv[3]!, Number(process.argv[4]));
  process.exit(0);
}

let exitCode = 1;
try {
  const dir = await tempDir('zwgk-audit-');
  const server = await startServer(dir);
  console.log(`audit: server at ${server.api} (PGlite in ${dir})`);
  await hostileInputs(server);
  await logInjection(server);
  await uploadStall(server);
  await guessing(server);
  server.child.kill('SIGTERM');
  await server.exited;
  await lockRace();
  await durability();

  console.log(`\n${'check'.padEnd(44)} ${'tried'.padStart(6)} ${'held'.padStart(6)} ${'failed'.padStart(6)}`);
  for (const row of rows) {
    console.log(
      `${row.check.padEnd(44)} ${String(row.tried).padStart(6)} ${String(row.held).padStart(6)} ${String(row.tried - row.held).padStart(6)}`,
    );
    if (row.note) console.log(`${''.padEnd(46)}${row.note}`);
  }
  const failed = rows.reduce((sum, row) => sum + row.tried - row.held, 0);
  console.log(`\naudit: ${failed === 0 ? 'everything held' : `${failed} failed`}`);
  exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  console.error(error);
} finally {
  clearTimeout(deadline);
  for (const child of children) child.kill('SIGKILL');
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
