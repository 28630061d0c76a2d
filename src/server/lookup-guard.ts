/**
 * Look-ups by code and contact (an application's status, a letter) are the
 * one place a stranger can guess. Failed look-ups are counted per code and
 * per client address; past a few, each failure doubles the wait (429 with
 * Retry-After). An unknown code and a wrong contact count alike, so the
 * throttle is no existence oracle either.
 */
import type { Context } from 'hono';
import { ProblemError } from './problem.js';
import { createFailureThrottle, type FailureThrottleOptions } from './rate-limit.js';

export interface LookupGuard {
  /** Throws 429 while the code or the address must wait. */
  check(c: Context, code: string): void;
  /** A look-up that matched nothing: counts against the code and the address. */
  failed(c: Context, code: string): void;
  /** A look-up that matched: the code's failures are forgotten (the address's are not, so a known code cannot launder them). */
  found(code: string): void;
}

export const LOOKUP_LIMITS: { perCode: FailureThrottleOptions; perAddress: FailureThrottleOptions } = {
  // A citizen may mistype a phone number a few times; a guesser gets 5 tries and then waits 1 s, 2 s, 4 s … up to 15 min.
  perCode: { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 },
  // One address trying many codes: 20 misses, then the same doubling, up to an hour.
  perAddress: { free: 20, baseDelayMs: 1_000, maxDelayMs: 60 * 60_000, forgetAfterMs: 60 * 60_000 },
};

export function createLookupGuard(addressOf: (c: Context) => string, limits = LOOKUP_LIMITS, clock: () => number = Date.now): LookupGuard {
  const byCode = createFailureThrottle(limits.perCode);
  const byAddress = createFailureThrottle(limits.perAddress);
  return {
    check(c, code) {
      const now = clock();
      const wait = Math.max(byCode.waitSeconds(code, now), byAddress.waitSeconds(addressOf(c), now));
      if (wait > 0) {
        // Knocking during the wait is a failure too: a script that does not wait only lengthens it.
        this.failed(c, code);
        throw new ProblemError('too-many-requests', `Too many failed look-ups; try again in ${wait} s.`, [], {
          'Retry-After': String(wait),
        });
      }
    },
    failed(c, code) {
      const now = clock();
      byCode.fail(code, now);
      byAddress.fail(addressOf(c), now);
    },
    found(code) {
      byCode.succeed(code);
    },
  };
}
