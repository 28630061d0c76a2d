/**
 * A fixed-window counter per client address, in memory: enough to slow a
 * script down on one instance. Several instances each count on their own.
 */
export interface RateLimitOptions {
  /** requests allowed per window and address */
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one request; `retryAfterSeconds` is set when it is over the limit. */
  hit(address: string, now: number): { allowed: boolean; retryAfterSeconds: number };
}

export function createRateLimiter({ max, windowMs }: RateLimitOptions): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    hit(address, now) {
      // Forget finished windows now and then, so memory stays bounded by active clients.
      if (now - lastSweep > windowMs) {
        for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
        lastSweep = now;
      }
      let window = windows.get(address);
      if (!window || now - window.start >= windowMs) {
        window = { start: now, count: 0 };
        windows.set(address, window);
      }
      window.count++;
      const allowed = window.count <= max;
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    },
  };
}

export interface FailureThrottleOptions {
  /** failures allowed before any wait */
  free: number;
  /** the first wait; each further failure doubles it */
  baseDelayMs: number;
  /** the longest wait */
  maxDelayMs: number;
  /** a key with no failure for this long is forgotten */
  forgetAfterMs: number;
}

/**
 * Failed attempts (look-ups with a wrong code or contact, wrong admin tokens)
 * per key, with a wait that doubles at each failure past the free ones: a
 * citizen who mistypes twice notices nothing, a script guessing 300 a second
 * is down to a handful an hour.
 */
export interface FailureThrottle {
  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  waitSeconds(key: string, now: number): number;
  /** Counts one failure of `key`. */
  fail(key: string, now: number): void;
  /** Forgets the failures of `key` (after a success). */
  succeed(key: string): void;
}

export function createFailureThrottle({ free, baseDelayMs, maxDelayMs, forgetAfterMs }: FailureThrottleOptions): FailureThrottle {
  const failures = new Map<string, { count: number; last: number; until: number }>();
  let lastSweep = 0;
  return {
    waitSeconds(key, now) {
      const entry = failures.get(key);
      if (!entry || entry.until <= now) return 0;
      return Math.max(1, Math.ceil((entry.until - now) / 1000));
    },
    fail(key, now) {
      if (now - lastSweep > forgetAfterMs) {
        for (const [k, e] of failures) if (now - e.last >= forgetAfterMs && e.until <= now) failures.delete(k);
        lastSweep = now;
      }
      const entry = failures.get(key) ?? { count: 0, last: now, until: 0 };
      if (now - entry.last >= forgetAfterMs) entry.count = 0;
      entry.count++;
      entry.last = now;
      if (entry.count > free) entry.until = now + Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, entry.count - free - 1));
      failures.set(key, entry);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
