/** Request plumbing shared by the routes: JSON bodies, idempotency keys, client addresses. */
import { createHash, hash } from 'node:crypto';
import type { Context } from 'hono';
import { guardedBody, isJsonType, parseJsonBody } from './guard.js';
import { respond } from './planned-headers.js';
import { ProblemError } from './problem.js';
import type { CreateOutcome, Replay } from './storage/types.js';

/** The body as JSON; 415 for another media type, 400 when it does not parse or nests too deep, 422 for NULs and lone surrogates. */
export async function readJson(c: Context): Promise<unknown> {
  if (!isJsonType(c.req.header('content-type'))) {
    throw new ProblemError('unsupported-media-type', 'Send the body as application/json.');
  }
  const guarded = guardedBody(c);
  return guarded ? guarded.value : parseJsonBody(await c.req.text());
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** `Idempotency-Key`: required on every creating POST (a UUID in practice; any short printable token is accepted). */
export function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key')?.trim();
  if (!key) throw new ProblemError('idempotency-key-required', 'Send an Idempotency-Key header (a UUID made once per submission).');
  if (!KEY_PATTERN.test(key)) throw new ProblemError('bad-request', 'The Idempotency-Key must be 1–255 printable ASCII characters.');
  return key;
}

/** JSON with object keys sorted, so two bodies that differ only in key order hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonical(value[i]);
    return `${text}]`;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // sort() compares UTF-16 code units, as `<` does.
    const keys = Object.keys(object).sort();
    let text = '{';
    for (let i = 0; i < keys.length; i++) text += `${i ? ',' : ''}${JSON.stringify(keys[i])}:${canonical(object[keys[i]!])}`;
    return `${text}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let digitKey = false;

/**
 * A copy with every object's keys in sorted order, for JSON.stringify (native, about 3× faster than `canonical`)
 * to write the same text. Null-prototype objects, so every key is plain data. A key starting with a digit sets
 * `digitKey`: V8 would write integer-like keys first, in numeric order, so such a value takes `canonical`.
 */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(object).sort()) {
      const first = key.charCodeAt(0);
      if (first >= 0x30 && first <= 0x39) digitKey = true;
      copy[key] = sortedCopy(object[key]);
    }
    return copy;
  }
  return value;
}

export function bodyHash(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    digitKey = false;
    const copy = sortedCopy(value);
    text = digitKey ? canonical(value) : (JSON.stringify(copy) ?? 'null');
  }
  // The one-shot digest: the same hex as createHash().update().digest(), without a Hash object per request.
  return hash('sha256', text, 'hex');
}

export function bytesHash(parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Answers a create: the new record, the stored original (marked as a replay), or 409. */
export function answerCreate<T>(c: Context, outcome: CreateOutcome<T> | Replay): Response {
  if (outcome.kind === 'conflict') {
    throw new ProblemError('idempotency-conflict', 'Use a new Idempotency-Key for a different submission.');
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (outcome.kind === 'replay') headers['Idempotent-Replayed'] = 'true';
  return respond(c, JSON.stringify(outcome.response.body), outcome.response.status as 201, headers);
}

/**
 * The address a rate limit counts by. With `proxyHops` reverse proxies in
 * front, each appended the address it saw to X-Forwarded-For, so the client
 * is that many hops from the right (counting the socket's peer as the
 * first); anything further left was written by the client and is ignored.
 */
export function clientAddress(c: Context, proxyHops: number): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (proxyHops <= 0) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  // Fewer hops than proxies: the chain is not what our proxies write, so believe none of it.
  if (hops.length < proxyHops) return peer;
  return hops[hops.length - proxyHops]!;
}
