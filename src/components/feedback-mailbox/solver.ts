/**
 * The ALTCHA solver, loaded on demand when the citizen starts writing. It runs
 * on the main thread: each attempt awaits WebCrypto, and altcha-lib yields to
 * the event loop every 200 ms, so typing stays smooth — and no Web Worker
 * from a blob URL is needed, which a strict CSP (`worker-src`) would block.
 */
import { solveChallenge, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';

/** Gives up after this long (a phone from 2015 solves a `normal` challenge in a few seconds). */
const SOLVE_TIMEOUT_MS = 60_000;

/** The counter and derived key that solve `challenge`; null when cancelled or out of time. */
export function solve(challenge: Challenge, controller: AbortController): Promise<Solution | null> {
  const deriveKey = challenge.parameters.algorithm.startsWith('PBKDF2/') ? pbkdf2 : sha;
  return solveChallenge({ challenge, deriveKey, controller, timeout: SOLVE_TIMEOUT_MS });
}
