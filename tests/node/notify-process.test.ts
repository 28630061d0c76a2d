// The CLI server as a real process with a real SMTP server on loopback: it starts without SMTP (mails wait,
// visibly, and a log line says so), and SIGKILL between the commit of a change and the delivery of its mail loses
// nothing — the mail arrives, once, after the restart.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ApplicationReceipt } from '../../src/api/types/application.js';
import { startMailSink } from '../../src/server/notify/mail-sink.js';
import type { DeliveryView } from '../../src/server/notify/store.js';
import { sampleApplication } from '../../src/server/testing.js';

const root = new URL('../../', import.meta.url);
// 32 random bytes, base64url: the server refuses a weaker admin token.
const TOKEN = 'nP4v0tXk2Qm9cLr7yS1fHd8ZbW6gJ3aEoU5iMx0TqRe';
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<unknown>;
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ZWGK_ADMIN_TOKEN: TOKEN, ZWGK_QUIET: '1', ZWGK_SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => (children.delete(child), resolve({ code, signal }))));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^\s/]+)\/api/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
  });
  return { child, origin, output: () => output, exited };
}

async function submit(origin: string, email: string): Promise<string> {
  const body = sampleApplication({
    applicant: { ...sampleApplication().applicant, email } as ReturnType<typeof sampleApplication>['applicant'],
  });
  const response = await fetch(`${origin}/api/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `process-${email}` },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201);
  return ((await response.json()) as ApplicationReceipt).trackingCode;
}

async function deliveriesOf(origin: string, code: string): Promise<DeliveryView[]> {
  const response = await fetch(`${origin}/api/admin/deliveries?case=${code}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return ((await response.json()) as { items: DeliveryView[] }).items;
}

async function until<T>(probe: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kill(server: Started): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

test(
  'no SMTP: mails wait; SIGKILL after the commit, before the delivery: the mail arrives after restart, once',
  { timeout: 180_000 },
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'zwgk-notify-'));
    const sink = await startMailSink();
    try {
      // 1. Started without SMTP: it runs, says so, and the receipt mail waits where staff can see it.
      const first = await start({ ZWGK_DATA_DIR: dataDir, ZWGK_NOTIFY_POLL_MS: '50' });
      assert.match(first.output(), /ZWGK_SMTP_URL is not set/);
      const waitingCode = await submit(first.origin, 'waiting@example.com');
      const [waiting] = await until(
        () => deliveriesOf(first.origin, waitingCode),
        (d) => d.length === 1,
        'a planned mail',
      );
      assert.equal(waiting!.state, 'waiting-for-configuration');
      await kill(first);

      // 2. With SMTP, and a worker that looks for new work only every 10 minutes: the waiting mail goes out at start…
      const second = await start({ ZWGK_DATA_DIR: dataDir, ZWGK_SMTP_URL: sink.url, ZWGK_NOTIFY_POLL_MS: '600000' });
      await sink.waitFor(1);
      assert.deepEqual(sink.messages[0]!.to, ['waiting@example.com']);
      await new Promise((r) => setTimeout(r, 500));
      // …and a new application is acknowledged (committed with its event), then the process dies before delivering.
      const killedCode = await submit(second.origin, 'killed@example.com');
      assert.deepEqual(await deliveriesOf(second.origin, killedCode), [], 'not yet taken by the worker');
      await kill(second);
      assert.equal(sink.messages.length, 1);

      // 3. Restarted: the mail of the acknowledged application arrives, and nothing is sent twice.
      const third = await start({ ZWGK_DATA_DIR: dataDir, ZWGK_SMTP_URL: sink.url, ZWGK_NOTIFY_POLL_MS: '50' });
      await sink.waitFor(2);
      assert.deepEqual(sink.messages[1]!.to, ['killed@example.com']);
      assert.match(sink.messages[1]!.text, new RegExp(killedCode));
      await until(
        () => deliveriesOf(third.origin, killedCode),
        (d) => d[0]?.state === 'delivered',
        'delivered',
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(sink.messages.length, 2);
      await kill(third);
    } finally {
      await sink.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
