/**
 * Security headers on every response, the API's and the served demo's
 * (hono/secure-headers), and HSTS only when the request really came over
 * HTTPS — on plain http (loopback, `npm start`) it would be ignored at best.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** JSON is never a document: no script, no frame, no form, nothing loaded. */
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** The demo pages: the kit is strict-CSP safe (no inline script or style), so only its own files are allowed. */
const PAGE_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  frameAncestors: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Whether this request reached us over HTTPS: the URL's scheme, or with a trusted proxy its X-Forwarded-Proto. */
export function isHttps(c: Context, trustProxy: number): boolean {
  // c.req.url is absolute; its scheme is read off the front rather than parsing the whole URL each request.
  if (/^https:/i.test(c.req.url)) return true;
  if (trustProxy <= 0) return false;
  // The hop our nearest proxy wrote is the last one.
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').pop()?.trim().toLowerCase();
  return proto === 'https';
}

export function securityHeaders(kind: 'api' | 'page', trustProxy = 0): MiddlewareHandler {
  const base = secureHeaders({
    contentSecurityPolicy: kind === 'api' ? API_POLICY : PAGE_POLICY,
    // Read by portals through CORS (which CORP does not restrict); never embedded as a no-cors resource.
    crossOriginResourcePolicy: kind === 'api' ? 'same-origin' : 'same-site',
    crossOriginOpenerPolicy: 'same-origin',
    referrerPolicy: kind === 'api' ? 'no-referrer' : 'strict-origin-when-cross-origin',
    xFrameOptions: kind === 'api' ? 'DENY' : 'SAMEORIGIN',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await base(c, next);
    if (isHttps(c, trustProxy)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
