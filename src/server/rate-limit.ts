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
