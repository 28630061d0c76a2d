/**
 * The ALTCHA solver, loaded on demand when the citizen starts writing. The work
 * runs in a dedicated worker (proof-worker.ts) so typing never waits for it. The
 * worker is a same-origin file: in the dev servers the TypeScript source, in the
 * builds `zwgk-proof-worker.js` beside the bundle (scripts/copy-assets.mjs). Where
 * no worker can start (a CSP without `worker-src 'self'`, the file not deployed),
 * the main thread solves it: altcha-lib awaits WebCrypto for each attempt and
 * yields to the event loop, slower to type beside but never failing.
 */
import { solveChallenge, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';

/** Gives up after this long (sized so that a slow phone solves a `normal` challenge in about two seconds). */
const SOLVE_TIMEOUT_MS = 60_000;

/** Counters tried so far, reported while solving. */
export type ProgressListener = (tried: number) => void;

export type ProofSolution = Pick<Solution, 'counter' | 'derivedKey'>;

/** The worker's URL: the source file under a dev server (a module ending in .ts), the shipped file in a build. */
export function proofWorkerUrl(moduleUrl: string = import.meta.url): URL {
  const file = /\.ts(\?|$)/.test(moduleUrl) ? './proof-worker.ts' : './zwgk-proof-worker.js';
  return new URL(file, moduleUrl);
}

/** The counter and derived key that solve `challenge`; null when cancelled or out of time. */
export async function solve(
  challenge: Challenge,
  controller: AbortController,
  onProgress: ProgressListener = () => {},
): Promise<ProofSolution | null> {
  const worker = startWorker();
  if (!worker) return solveHere(challenge, controller);
  const solved = await solveInWorker(worker, challenge, controller, onProgress);
  return solved === 'no-worker' ? solveHere(challenge, controller) : solved;
}

function startWorker(): Worker | undefined {
  try {
    return new Worker(proofWorkerUrl(), { type: 'module', name: 'zwgk-proof' });
  } catch {
    return undefined;
  }
}

type WorkerAnswer = { progress: number } | { solution: ProofSolution } | { error: string };

function solveInWorker(
  worker: Worker,
  challenge: Challenge,
  controller: AbortController,
  onProgress: ProgressListener,
): Promise<ProofSolution | null | 'no-worker'> {
  return new Promise((resolve) => {
    let answered = false;
    const finish = (result: ProofSolution | null | 'no-worker') => {
      clearTimeout(timer);
      controller.signal.removeEventListener('abort', abort);
      worker.terminate();
      resolve(result);
    };
    const abort = () => finish(null);
    const timer = setTimeout(() => finish(null), SOLVE_TIMEOUT_MS);
    controller.signal.addEventListener('abort', abort);
    // A worker file that cannot load (404, refused by CSP) errors before it answers: solve here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(answered ? null : 'no-worker');
    };
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      answered = true;
      if ('progress' in data) onProgress(data.progress);
      else finish('solution' in data ? data.solution : null);
    };
    worker.postMessage({ challenge });
  });
}

function solveHere(challenge: Challenge, controller: AbortController): Promise<Solution | null> {
  const deriveKey = challenge.parameters.algorithm.startsWith('PBKDF2/') ? pbkdf2 : sha;
  return solveChallenge({ challenge, deriveKey, controller, timeout: SOLVE_TIMEOUT_MS });
}
