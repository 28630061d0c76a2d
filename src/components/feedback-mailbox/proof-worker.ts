/**
 * The ALTCHA solver as a dedicated worker: the work never touches the page's
 * main thread. A same-origin module file (the builds ship it beside the
 * bundle as `zwgk-proof-worker.js`), so `worker-src 'self'` allows it where a
 * blob: URL would be refused.
 *
 * Messages in: `{ challenge }` to solve. Out: `{ progress }` (counters tried so
 * far) about every 100 ms, then `{ solution }`, or `{ error }`.
 */
import { solveChallenge, type Challenge, type DeriveKeyFunction } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';

const PROGRESS_EVERY_MS = 100;

const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; postMessage: (message: unknown) => void };

scope.onmessage = async (event: MessageEvent<{ challenge: Challenge }>) => {
  const { challenge } = event.data;
  const derive: DeriveKeyFunction = challenge.parameters.algorithm.startsWith('PBKDF2/') ? pbkdf2 : sha;
  let tried = 0;
  let reportedAt = performance.now();
  const counting: DeriveKeyFunction = async (...args) => {
    tried += 1;
    if (performance.now() - reportedAt > PROGRESS_EVERY_MS) {
      reportedAt = performance.now();
      scope.postMessage({ progress: tried });
    }
    return derive(...args);
  };
  try {
    const solution = await solveChallenge({ challenge, deriveKey: counting, timeout: 0 });
    scope.postMessage(solution ? { solution: { counter: solution.counter, derivedKey: solution.derivedKey } } : { error: 'unsolved' });
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
};
