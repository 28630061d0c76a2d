/**
 * The input guard: one middleware in front of every route (today's and those
 * other modules mount later) that refuses, as a 4xx problem, what no handler
 * or database should ever see — a NUL or a lone surrogate anywhere in the URL
 * or a JSON body, JSON nested too deep to walk, prototype keys. Handlers then
 * only meet well-formed text.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { escapePointer } from './check.js';
import { ProblemError, type FieldProblem } from './problem.js';

/** Deeper than any body of the contract (the application is 3 levels) by a wide margin, shallow enough to walk recursively. */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype when a body is merged into an object: never a field of the contract. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** NUL (PostgreSQL text cannot hold it) and UTF-16 halves without their partner (not text at all). */
const UNSTORABLE = /\u0000|\p{Cs}/u;
/** In a URL: every control character, and the bidi controls that make a code read differently from what it is. */
const URL_HOSTILE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

const parsedBodies = new WeakMap<object, unknown>();

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (so without recursion). */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return deepest;
}

/** Every string, key and nesting problem of a parsed body, by JSON pointer. */
function findHostile(value: unknown, at: string, problems: FieldProblem[]): void {
  if (problems.length >= 20) return;
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) problems.push({ field: at, code: 'text.forbiddenCharacters' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findHostile(item, `${at}/${index}`, problems));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // The pointer is written only where it is needed: below this key, or for a problem (most values are fine).
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field: `${at}/${escapePointer(key)}`, code: 'field.unknown' });
      else if (UNSTORABLE.test(key)) problems.push({ field: at, code: 'field.unknown' });
      else if (typeof item === 'string' ? UNSTORABLE.test(item) : item !== null && typeof item === 'object')
        findHostile(item, `${at}/${escapePointer(key)}`, problems);
    }
  }
}

/**
 * Text in which no parsed string or key can hold NUL or a lone surrogate, nor any key be a prototype key: no
 * backslash (so no escapes), no NUL, no surrogate at all, and none of those key names in quotes. Almost every body
 * (Chinese text included) is such, and is then not walked.
 */
const MAYBE_HOSTILE = /[\u0000\\\ud800-\udfff]|"(?:__proto__|constructor|prototype)"/;

/** JSON text → value, or the 4xx problem that says why not. */
export function parseJsonBody(text: string): unknown {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ProblemError('bad-request', `JSON bodies may nest at most ${MAX_JSON_DEPTH} levels.`, [{ field: '', code: 'body.invalid' }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError('bad-request', 'The body is not valid JSON.', [{ field: '', code: 'body.invalid' }]);
  }
  if (!MAYBE_HOSTILE.test(text)) return value;
  const problems: FieldProblem[] = [];
  findHostile(value, '', problems);
  if (problems.length > 0) throw new ProblemError('validation-failed', 'Some fields hold characters that are not text.', problems);
  return value;
}

/** The body as the guard already parsed it, if it did. */
export function guardedBody(c: Context): { value: unknown } | undefined {
  return parsedBodies.has(c.req) ? { value: parsedBodies.get(c.req) } : undefined;
}

export const isJsonType = (contentType: string | undefined): boolean => {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
};

function decode(part: string, what: string, field: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ProblemError('bad-request', `The ${what} holds a malformed %-escape.`, [{ field, code: 'type.invalid' }]);
  }
}

/** Checks the path segments and the query string as they arrived, before any router decodes them. */
function checkUrl(url: string): void {
  const queryAt = url.indexOf('?');
  const afterOrigin = url.indexOf('/', url.indexOf('//') + 2);
  const path = url.slice(afterOrigin, queryAt === -1 ? undefined : queryAt);
  for (const segment of path.split('/')) {
    if (URL_HOSTILE.test(decode(segment, 'address', ''))) {
      throw new ProblemError('bad-request', 'The address holds control characters.', [{ field: '', code: 'text.forbiddenCharacters' }]);
    }
  }
  if (queryAt === -1) return;
  for (const pair of url.slice(queryAt + 1).split('&')) {
    const [rawName = '', ...rest] = pair.replaceAll('+', ' ').split('=');
    const name = decode(rawName, 'query string', '');
    const field = `/${escapePointer(name)}`;
    if (URL_HOSTILE.test(name))
      throw new ProblemError('bad-request', 'A query parameter name holds control characters.', [{ field: '', code: 'field.unknown' }]);
    if (URL_HOSTILE.test(decode(rest.join('='), 'query string', field))) {
      throw new ProblemError('bad-request', `The query parameter ${name} holds control characters.`, [
        { field, code: 'text.forbiddenCharacters' },
      ]);
    }
  }
}

/**
 * Runs after the body-size limit. A JSON body is read and checked here once;
 * `readJson` then takes the parsed value instead of parsing again.
 */
export function inputGuard(): MiddlewareHandler {
  return async (c, next) => {
    checkUrl(c.req.url);
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && isJsonType(c.req.header('content-type'))) {
      const text = await c.req.text();
      // An empty body is left to the handler, which knows whether it needs one.
      if (text.trim() !== '') parsedBodies.set(c.req, parseJsonBody(text));
    }
    await next();
  };
}
