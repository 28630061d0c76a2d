/**
 * Public answers that never change while the server runs (the directory is given at start): each is serialised
 * once, with a strong ETag of its bytes, and sent with Cache-Control so a portal's cache or a CDN can serve
 * repeats — and revalidate with If-None-Match for a 304 without a body. To a browser, which takes gzip, an answer
 * of 1 KB or more goes gzipped, compressed once when first asked for, with a strong ETag of its own (the same
 * with `-gz`): the two are different bytes, and a cache keeps them apart by `Vary: Accept-Encoding`.
 * Answers that do change while it runs (the reports) get `sendRevalidated`: an ETag made per request, and a
 * cache told to ask again at every use.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { acceptsGzip, GZIP_FROM_BYTES } from './compression.js';
import { respond } from './planned-headers.js';

/** Public, fresh for a minute; after that a cache revalidates (a 304 costs the server almost nothing). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/**
 * Public, but asked again every time: for answers that can change while the server runs (a report the office
 * corrects), which a minute of freshness would show stale to the clerk who just published. A repeat still costs
 * only a 304.
 */
export const REVALIDATE_CACHE_CONTROL = 'public, no-cache';

const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

interface Entry {
  body: string;
  bytes: number;
  etag: string;
  /** the body gzipped, made when a request that takes gzip first asks for it */
  gzipped?: Uint8Array<ArrayBuffer>;
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
        entry = { body, bytes: Buffer.byteLength(body), etag: etagOf(body) };
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      }
      entries.set(key, entry);
      if (entry.bytes >= GZIP_FROM_BYTES && acceptsGzip(c)) {
        const etag = `${entry.etag.slice(0, -1)}-gz"`;
        const headers = { ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL, Vary: 'Accept-Encoding' };
        if (matchesEtag(c.req.header('if-none-match'), etag)) return respond(c, null, 304, headers);
        entry.gzipped ??= new Uint8Array(gzipSync(entry.body));
        const gzipped = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ...headers };
        return respond(c, entry.gzipped, 200, gzipped, entry.gzipped.length);
      }
      // (No Vary here: an answer as it is suits every client, and a cache that hands it to a browser costs it bytes, not
      // the page.)
      const headers = { ETag: entry.etag, 'Cache-Control': PUBLIC_CACHE_CONTROL };
      if (matchesEtag(c.req.header('if-none-match'), entry.etag)) return respond(c, null, 304, headers);
      return respond(c, entry.body, 200, { 'Content-Type': 'application/json', ...headers }, entry.bytes);
    },
  };
}

/**
 * An answer that may change between two requests, so it is serialised each time, with a strong ETag of its bytes:
 * a 304 when the request already holds it. For routes behind `gzipAnswers()` (which compresses a 200 of 1 KB or
 * more and weakens its ETag), the 304 names the ETag as that 200 would have.
 */
export function sendRevalidated(c: Context, value: unknown): Response {
  const body = JSON.stringify(value);
  const bytes = Buffer.byteLength(body);
  const etag = etagOf(body);
  const headers = { ETag: etag, 'Cache-Control': REVALIDATE_CACHE_CONTROL, Vary: 'Accept-Encoding' };
  if (matchesEtag(c.req.header('if-none-match'), etag)) {
    const sent = bytes >= GZIP_FROM_BYTES && acceptsGzip(c) ? `W/${etag}` : etag;
    return respond(c, null, 304, { ...headers, ETag: sent });
  }
  return respond(c, body, 200, { 'Content-Type': 'application/json', ...headers }, bytes);
}
