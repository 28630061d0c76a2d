/**
 * What the server benchmarks share: a server started as its own process (it prints the line
 * `… listening on http://host:port/api …`, as `src/server/main.ts` does), and a small HTTP load generator on
 * keep-alive sockets (lighter than fetch, so on a 2-core machine the client takes less CPU from the server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';

export interface ServerProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** the rest of what the first line matched (main.ts prints its storage kind) */
  storage: string;
  stop(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/[^\s/]+)\/api(?: \(storage: (\w+)\))?/;

/**
 * Starts `script` (a TypeScript file, run through tsx) with `env` and resolves once it listens. Its output goes
 * to a file, as a deployed server's log would: through a pipe, a write blocks (Node writes pipes synchronously)
 * whenever the reader — here the busy load generator — falls behind. BENCH_NODE_ARGS are given to its node
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a server spends its time).
 */
export async function startServerProcess(script: string, env: Record<string, string>): Promise<ServerProcess> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const logDir = await mkdtemp(join(tmpdir(), 'zwgk-bench-log-'));
  const logFile = join(logDir, 'stdout.log');
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  let match: RegExpExecArray | null = null;
  while (!match) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const output = readFileSync(logFile, 'utf8');
    match = LISTENING.exec(output);
    if (!match && exited) {
      await rm(logDir, { recursive: true, force: true });
      throw new Error(`${script} exited:\n${output}`);
    }
  }
  return {
    child,
    origin: match[1]!,
    storage: match[2] ?? '',
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exit;
      await rm(logDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  ms: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends one request on `agent`; a socket error is status 0. */
export function send(agent: Agent, origin: string, req: LoadRequest): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const sent = request(
      `${origin}${req.path}`,
      {
        agent,
        method: req.method,
        headers: { ...req.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - start,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    sent.on('error', (error) => resolve({ status: 0, ms: performance.now() - start, headers: {}, body: String(error) }));
    sent.end(body);
  });
}

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** answers whose status was not the expected one */
  errors: number;
  answers: Answer[];
}

/**
 * `connections` requests in flight on as many keep-alive sockets, for `seconds` (or `count` requests when given):
 * throughput and latency percentiles.
 */
export async function load(
  origin: string,
  options: { connections: number; seconds?: number; count?: number; expect: number; keep?: boolean },
  requestFor: (i: number) => LoadRequest,
): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const answers: Answer[] = [];
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  const until = start + (options.seconds ?? Infinity) * 1000;
  const more = () => (options.count === undefined ? performance.now() < until : next < options.count);
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (more()) {
        const i = next++;
        const answer = await send(agent, origin, requestFor(i));
        latencies.push(answer.ms);
        if (answer.status !== options.expect) errors++;
        if (options.keep) answers[i] = answer;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors, answers };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces, hence from the last ')'). */
function statFields(pid: number | string): { command: string; fields: string[] } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return { command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const { fields } = statFields(pid);
    // utime and stime are fields 14 and 15 of the line; USER_HZ is 100 on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds used so far by every `postgres` process on this machine — each connection's backend, the WAL writer,
 * the checkpointer — and, through each postmaster's count of its ended children, by those that exited meanwhile.
 * Other clients of the same server count too: read it as the database's share when nothing else uses it.
 */
export function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const { command, fields } = statFields(pid);
        if (command !== 'postgres') continue;
        ticks += Number(fields[11]) + Number(fields[12]);
        // A postmaster (its parent is not a postgres process) also counts its children that ended: cutime, cstime.
        if (statFields(fields[1]!).command !== 'postgres') ticks += Number(fields[13]) + Number(fields[14]);
      } catch {
        // a process that ended while being read
      }
    }
  } catch {
    return NaN;
  }
  return ticks / 100;
}
