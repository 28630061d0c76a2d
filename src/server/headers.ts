/**
 * Security headers on every response, the API's and the served demo's
 * (precomputed per kind: the values hono/secure-headers sent), and HSTS only when the request really came over
 * HTTPS — on plain http (loopback, `npm start`) it would be ignored at best.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { hasPlannedHeaders, planHeaders } from './planned-headers.js';

/** The headers every response of a kind carries (what hono/secure-headers sent with the options this file used to pass it). */
const COMMON: ReadonlyArray<readonly [string, string]> = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

const KINDS = {
  /** JSON is never a document: no script, no frame, no form, nothing loaded. */
  api: [
    ...COMMON,
    // Read by portals through CORS (which CORP does not restrict); never embedded as a no-cors resource.
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Frame-Options', 'DENY'],
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"],
  ],
  /** The demo pages: the kit is strict-CSP safe (no inline script or style), so only its own files are allowed. */
  page: [
    ...COMMON,
    ['Cross-Origin-Resource-Policy', 'same-site'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    [
      'Content-Security-Policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'",
    ],
  ],
} satisfies Record<string, ReadonlyArray<readonly [string, string]>>;

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The security headers of one kind of response, over plain http and over HTTPS (with HSTS): built once, frozen. */
export function securityHeaderSet(kind: 'api' | 'page', https: boolean): ReadonlyArray<readonly [string, string]> {
  return Object.freeze(
    [...KINDS[kind], ...(https ? [['Strict-Transport-Security', HSTS] as const] : [])].map((pair) => Object.freeze(pair)),
  );
}

/** Whether this request reached us over HTTPS: the URL's scheme, or with a trusted proxy its X-Forwarded-Proto. */
export function isHttps(c: Context, trustProxy: number): boolean {
  // c.req.url is absolute; its scheme is read off the front rather than parsing the whole URL each request.
  if (/^https:/i.test(c.req.url)) return true;
  if (trustProxy <= 0) return false;
  // The hop our nearest proxy wrote is the last one.
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').pop()?.trim().toLowerCase();
  return proto === 'https';
}

/** The same set as one object with lower-case names, for `planHeaders()`. */
const lowerCased = (set: ReadonlyArray<readonly [string, string]>): Readonly<Record<string, string>> =>
  Object.freeze(Object.fromEntries(set.map(([name, value]) => [name.toLowerCase(), value])));

/**
 * Sets the precomputed set on the handler's response, overwriting what the handler set (as hono/secure-headers did);
 * a response made by `respond()` already has them.
 */
export function securityHeaders(kind: 'api' | 'page', trustProxy = 0): MiddlewareHandler {
  const plain = securityHeaderSet(kind, false);
  const https = securityHeaderSet(kind, true);
  const planned = { plain: lowerCased(plain), https: lowerCased(https) };
  return async (c, next) => {
    const overHttps = isHttps(c, trustProxy);
    planHeaders(c, overHttps ? planned.https : planned.plain);
    await next();
    if (hasPlannedHeaders(c.res)) return;
    const headers = c.res.headers;
    for (const [name, value] of overHttps ? https : plain) headers.set(name, value);
    headers.delete('X-Powered-By');
  };
}
