/**
 * CORS with the headers hono/cors sends, set in a way that costs nothing per response. hono/cors writes
 * `c.res.headers` before the handler runs, which makes Hono create a placeholder response and then rebuild the
 * handler's response to copy those headers over (and `c.header()` after the handler rebuilds it once more).
 * Here a preflight is answered at once, and on every other request the headers are set on the response the
 * handler made, after it made it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { hasPlannedHeaders, planHeaders } from './planned-headers.js';

export interface CorsOptions {
  /** The Access-Control-Allow-Origin to send for this request's Origin (maybe empty), or null for none. */
  origin: (origin: string, c: Context) => string | null;
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  /** seconds a browser may keep a preflight's answer */
  maxAge: number;
}

export function corsHeaders(options: CorsOptions): MiddlewareHandler {
  const expose = options.exposeHeaders.join(',');
  const preflight = {
    'Access-Control-Expose-Headers': expose,
    Vary: 'Origin, Access-Control-Request-Headers',
    'Access-Control-Max-Age': String(options.maxAge),
    'Access-Control-Allow-Methods': options.allowMethods.join(','),
    'Access-Control-Allow-Headers': options.allowHeaders.join(','),
  };
  // What a response gets, by the Allow-Origin it sends (a few values: '*', none, or one of the portals).
  const planned = new Map<string, Readonly<Record<string, string>>>();
  const plannedFor = (allowOrigin: string | null) => {
    let headers = planned.get(allowOrigin ?? '');
    if (!headers) {
      headers = Object.freeze({
        ...(allowOrigin ? { 'access-control-allow-origin': allowOrigin } : {}),
        'access-control-expose-headers': expose,
      });
      planned.set(allowOrigin ?? '', headers);
    }
    return headers;
  };
  return async (c, next) => {
    const allowOrigin = options.origin(c.req.header('origin') ?? '', c);
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin, ...preflight } : preflight,
      });
    }
    planHeaders(c, plannedFor(allowOrigin), 'Origin');
    await next();
    if (hasPlannedHeaders(c.res)) return;
    const headers = c.res.headers;
    if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin);
    headers.set('Access-Control-Expose-Headers', expose);
    headers.append('Vary', 'Origin');
  };
}
