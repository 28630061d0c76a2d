// One server per PGlite data directory, whatever the timing: many simultaneous starts over a stale
// lock (the pid file of a killed server) → exactly one opens the directory, and not one acknowledged
// write is lost across the race and a SIGKILL.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ApplicationReceipt } from '../../src/api/types/application.js';
import { openStorage } from '../../src/server/storage/index.js';
import { sampleApplication } from '../../src/server/testing.js';

const root = new URL('../../', import.meta.url);
const children = new Set<ChildProcess>();
const dirs: string[] = [];
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited: what a killed server leaves in its pid file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

async function staleDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zwgk-lock-'));
  dirs.push(dir);
  await writeFile(join(dir, 'zwgk-server.pid'), String(await deadPid()));
  return dir;
}

test('in one process: eight simultaneous opens over a stale pid file, exactly one wins', async () => {
  const dir = await staleDir();
  const results = await Promise.allSettled(Array.from({ length: 8 }, () => openStorage({ dataDir: dir })));
  const opened = results.filter((r) => r.status === 'fulfilled');
  assert.equal(opened.length, 1, results.map((r) => r.status).join());
  for (const r of results) if (r.status === 'rejected') assert.match(String(r.reason), /in use/);
  await opened[0]!.value.close();
  const again = await openStorage({ dataDir: dir });
  await again.close();
});

/** Runs `count` processes that call openStorage on `dir` at the same instant; what each got. */
async function contend(dir: string, count: number): Promise<string[]> {
  const startAt = Date.now() + 4_000;
  const runs = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/node/fixtures/lock-contender.ts', dir, String(startAt)], {
      cwd: root,
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    return new Promise<string>((resolve) => child.once('exit', () => (children.delete(child), resolve(output.trim()))));
  });
  return Promise.all(runs);
}

test('processes opening at the same millisecond over a stale lock: exactly one wins, round after round', { timeout: 300_000 }, async () => {
  for (let round = 0; round < 3; round++) {
    const dir = await staleDir();
    const outcomes = await contend(dir, 6);
    assert.equal(outcomes.filter((o) => o === 'opened').length, 1, `round ${round}: ${outcomes.join(' | ')}`);
    assert.equal(outcomes.filter((o) => o === 'refused').length, 5, `round ${round}: ${outcomes.join(' | ')}`);
  }
});

interface Server {
  child: ChildProcess;
  output: () => string;
  /** the origin once listening, or null when the process exited first */
  started: Promise<string | null>;
  exited: Promise<number | null>;
}

function startServer(dataDir: string): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ZWGK_DATA_DIR: dataDir, ZWGK_RATE_LIMIT: '0', ZWGK_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const started = new Promise<string | null>((resolve) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/[^\s/]+)\/api/.exec(output);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => resolve(null));
  });
  return { child, output: () => output, started, exited };
}

async function race(dataDir: string, count: number): Promise<Server> {
  const servers = Array.from({ length: count }, () => startServer(dataDir));
  const origins = await Promise.all(servers.map((s) => s.started));
  const winners = servers.filter((_, i) => origins[i] !== null);
  assert.equal(winners.length, 1, servers.map((s) => s.output()).join('\n---\n'));
  for (const loser of servers.filter((s) => !winners.includes(s))) {
    assert.equal(await loser.exited, 1);
    assert.match(loser.output(), /could not start: The data directory .* is in use/);
  }
  return winners[0]!;
}

test('many servers started at once over a stale lock: one wins, and no acknowledged write is lost', { timeout: 300_000 }, async () => {
  const dir = await staleDir();
  const first = await race(dir, 4);
  const origin = (await first.started)!;
  const codes: string[] = [];
  for (let i = 0; i < 30; i++) {
    const response = await fetch(`${origin}/api/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `lock-race-${i}` },
      body: JSON.stringify(sampleApplication()),
    });
    assert.equal(response.status, 201);
    codes.push(((await response.json()) as ApplicationReceipt).trackingCode);
  }
  first.child.kill('SIGKILL');
  await first.exited;

  // The killed winner left its pid file behind: race again over it.
  const second = await race(dir, 3);
  const again = (await second.started)!;
  let found = 0;
  for (const code of codes) if ((await fetch(`${again}/api/applications/${code}?phone=13912345678`)).status === 200) found++;
  assert.equal(found, codes.length, 'every acknowledged application survived');
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
});
