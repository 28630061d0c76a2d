/**
 * Headers decided before the handler runs (the security headers, CORS), so a hot route can build its response
 * once with all of them. Set after the handler, each is a `Headers.set()` on the response — header-name checks,
 * value normalisation, a re-sort on the next read — and the Node adapter then copies them all into a plain object
 * again: about 15 µs a response, a fifth of a directory search. A response made by `respond()` carries a plain
 * object, which the adapter hands to `writeHead()` as it is; the middleware that planned the headers then leave
 * it alone. Every other response gets the same headers after its handler, as before.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';

interface Plan {
  /** the middleware's own (frozen, shared) objects, applied in order: nothing copied per request */
  parts: Readonly<Record<string, string>>[];
  /** appended to the handler's own Vary, as `Headers.append()` would */
  vary: string | null;
}

const plans = new WeakMap<Context, Plan>();
const complete = new WeakSet<Response>();

/**
 * Adds `headers` (lower-case names; kept, not copied, so never change it) to what this request's responses get,
 * overriding the handler's of those names.
 */
export function planHeaders(c: Context, headers: Readonly<Record<string, string>>, vary?: string): void {
  let plan = plans.get(c);
  if (!plan) plans.set(c, (plan = { parts: [], vary: null }));
  plan.parts.push(headers);
  if (vary) plan.vary = plan.vary ? `${plan.vary}, ${vary}` : vary;
}

/** Whether `respond()` made this response with every planned header already on it. */
export const hasPlannedHeaders = (response: Response): boolean => complete.has(response);

/**
 * The response with the handler's `headers` and every planned one, in one plain object with lower-case names in
 * sorted order, then Content-Length — the names and order the adapter writes from a `Headers`, so the bytes on the
 * wire are those of the slower way.
 */
export function respond(
  c: Context,
  body: string | null,
  status: StatusCode,
  headers: Record<string, string>,
  /** the body's length in bytes, when the caller keeps it */
  bodyBytes?: number,
): Response {
  const plan = plans.get(c);
  if (!plan) return body === null ? c.body(null, status, headers) : c.body(body, status as ContentfulStatusCode, headers);
  const merged: Record<string, string> = {};
  for (const name in headers) merged[name.toLowerCase()] = headers[name]!;
  for (const part of plan.parts) Object.assign(merged, part);
  if (plan.vary) merged.vary = merged.vary ? `${merged.vary}, ${plan.vary}` : plan.vary;
  const sorted: Record<string, string> = {};
  for (const name of Object.keys(merged).sort()) sorted[name] = merged[name]!;
  // Last, as the adapter writes it when it copies a `Headers` (which spares it measuring the body itself); a HEAD
  // answer (Hono drops the body) went without one.
  if (body !== null && c.req.method !== 'HEAD') sorted['Content-Length'] = String(bodyBytes ?? Buffer.byteLength(body));
  const response = new Response(body, { status, headers: sorted });
  complete.add(response);
  return response;
}
