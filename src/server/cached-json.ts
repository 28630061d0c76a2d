/**
 * Public answers that never change while the server runs (the directory is given at start): each is serialised
 * once, with a strong ETag of its bytes, and sent with Cache-Control so a portal's cache or a CDN can serve
 * repeats — and revalidate with If-None-Match for a 304 without a body.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { respond } from './planned-headers.js';

/** Public, fresh for a minute; after that a cache revalidates (a 304 costs the server almost nothing). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

interface Entry {
  body: string;
  bytes: number;
  etag: string;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 §13.1.2 asks). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export interface JsonCache {
  /** The answer for `key`, from `compute` the first time; 304 when the request already holds it. */
  send(c: Context, key: string, compute: () => unknown): Response;
}

/** At most `maxEntries` answers are kept (the least recently used go first). */
export function createJsonCache(maxEntries = 500): JsonCache {
  const entries = new Map<string, Entry>();
  return {
    send(c, key, compute) {
      let entry = entries.get(key);
      if (entry) {
        entries.delete(key);
      } else {
        const body = JSON.stringify(compute());
        entry = { body, bytes: Buffer.byteLength(body), etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      }
      entries.set(key, entry);
      const headers = { ETag: entry.etag, 'Cache-Control': PUBLIC_CACHE_CONTROL };
      if (matchesEtag(c.req.header('if-none-match'), entry.etag)) return respond(c, null, 304, headers);
      return respond(c, entry.body, 200, { 'Content-Type': 'application/json', ...headers }, entry.bytes);
    },
  };
}
