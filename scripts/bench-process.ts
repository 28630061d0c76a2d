/**
 * What the server benchmarks share: a server started as its own process (it prints the line
 * `… listening on http://host:port/api …`, as `src/server/main.ts` does), and a small HTTP load generator on
 * keep-alive sockets (lighter than fetch, so on a 2-core machine the client takes less CPU from the server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
 * Starts `script` (a TypeScript file, run through tsx) with `env` and resolves once it listens. BENCH_NODE_ARGS
 * are given to its node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a server spends its time).
 */
export async function startServerProcess(script: string, env: Record<string, string>): Promise<ServerProcess> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const [origin, storage] = await new Promise<[string, string]>((resolve, reject) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match) {
        child.stdout!.off('data', look);
        child.stdout!.resume();
        resolve([match[1]!, match[2] ?? '']);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`${script} exited:\n${output}`)));
  });
  return {
    child,
    origin,
    storage,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence from the last ')'): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}
