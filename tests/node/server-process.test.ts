// The CLI server as a real process: an acknowledged write survives SIGKILL, SIGTERM shuts down
// cleanly, a generated admin token is printed and works, and the log holds no personal data.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Challenge } from 'altcha-lib';
import type { FeedbackLetterView, FeedbackReceipt } from '../../src/api/types/feedback.js';
import { sampleLetter, solveProof } from '../../src/server/testing.js';

const root = new URL('../../', import.meta.url);
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `src/server/main.ts` in one Node process (no tsx wrapper process, so a signal reaches the server itself). */
async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ZWGK_ALTCHA_COMPLEXITY: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const look = () => {
      const match = /listening on (http:\/\/[^\s/]+)\/api/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
  });
  return { child, origin, output: () => output, exited };
}

test('an acknowledged letter survives SIGKILL; SIGTERM stops the server cleanly', { timeout: 180_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'zwgk-durable-'));
  try {
    const first = await start({
      ZWGK_DATA_DIR: dataDir,
      ZWGK_ADMIN_TOKEN: 'process-test-token-5d2f8c1e9a7b4036e1f2a3b4c5d6e7f8091a2b3c4d5e6f70',
    });
    assert.doesNotMatch(first.output(), /admin token \(generated/);
    const challenge = (await (await fetch(`${first.origin}/api/feedback/challenge`)).json()) as Challenge;
    const letter = sampleLetter({
      subject: '断电前写入的来信',
      name: '持久测试人',
      phone: '13512345678',
      email: 'durable@example.com',
      proof: await solveProof(challenge),
    });
    const sent = await fetch(`${first.origin}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'durable-1' },
      body: JSON.stringify(letter),
    });
    assert.equal(sent.status, 201);
    const { queryCode } = (await sent.json()) as FeedbackReceipt;
    assert.equal((await fetch(`${first.origin}/api/feedback/${queryCode}?contact=13512345678`)).status, 200);
    const firstLog = first.output();

    first.child.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');

    // Restarted on the same data directory, without a token: one is generated and printed.
    const second = await start({ ZWGK_DATA_DIR: dataDir, ZWGK_ADMIN_TOKEN: '' });
    const found = await fetch(`${second.origin}/api/feedback/${queryCode}?contact=durable@example.com`);
    assert.equal(found.status, 200);
    assert.equal(((await found.json()) as FeedbackLetterView).subject, '断电前写入的来信');
    const replay = await fetch(`${second.origin}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'durable-1' },
      body: JSON.stringify(letter),
    });
    assert.equal(((await replay.json()) as FeedbackReceipt).queryCode, queryCode, 'the idempotency record survived too');

    const token = /admin token \(generated[^:]*: (\S+)/.exec(second.output())?.[1];
    assert.ok(token, second.output());
    const reply = await fetch(`${second.origin}/api/admin/feedback/${queryCode}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ reply: '已收到' }),
    });
    assert.equal(reply.status, 200);
    const list = (await (await fetch(`${second.origin}/api/feedback?pageSize=50`)).json()) as { items: { subject: string }[] };
    assert.equal(
      list.items.filter((i) => i.subject === '网上申请政府信息公开多久能答复').length,
      0,
      'npm run serve never seeds the demo letters',
    );
    const demoLetter = await fetch(`${second.origin}/api/feedback/DEMQ5SAMP5?contact=13800000000`);
    assert.equal(demoLetter.status, 404, 'the unpublished demo letter with its fixed code and phone is not in a real database');

    second.child.kill('SIGTERM');
    const stopped = await second.exited;
    assert.equal(stopped.code, 0, second.output());
    assert.match(second.output(), /SIGTERM: shutting down/);

    const log = firstLog + second.output();
    assert.match(log, /\{[^\n]*"method":"POST","path":"\/api\/feedback","status":201[^\n]*\}/, 'requests are logged as JSON lines');
    for (const personal of ['持久测试人', '13512345678', 'durable@example.com', 'durable%40example.com']) {
      assert.ok(!log.includes(personal), `the log holds ${personal}`);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a weak ZWGK_ADMIN_TOKEN or a misread ZWGK_TRUST_PROXY stops the start with a clear message', { timeout: 120_000 }, async () => {
  for (const env of [{ ZWGK_ADMIN_TOKEN: 'x' }, { ZWGK_ADMIN_TOKEN: 'secret-token-2026' }, { ZWGK_TRUST_PROXY: 'true' }]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ZWGK_DATA_DIR: 'memory-never-opened', ZWGK_ADMIN_TOKEN: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    children.delete(child);
    assert.equal(code, 1, output);
    assert.match(output, /could not start: ZWGK_(ADMIN_TOKEN is too weak|TRUST_PROXY must be)/, output);
    assert.doesNotMatch(output, /listening/);
  }
});
