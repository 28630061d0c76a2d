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

/** The planned headers of one combination of parts, merged once: names sorted, values by name. */
interface MergedPlan {
  names: string[];
  values: Readonly<Record<string, string>>;
}

/** A number per planned part (the middleware's shared objects), for the key of a combination. */
const partNumbers = new WeakMap<object, number>();
let parts = 0;
/** Combinations seen so far: a few per configuration (kind × HTTPS × the CORS answers), so the map stays small. */
const mergedPlans = new Map<string, MergedPlan>();

function mergedPlan(plan: Plan): MergedPlan {
  let key = '';
  for (const part of plan.parts) {
    let number = partNumbers.get(part);
    if (number === undefined) partNumbers.set(part, (number = ++parts));
    key += `${number},`;
  }
  let merged = mergedPlans.get(key);
  if (!merged) {
    const values: Record<string, string> = {};
    for (const part of plan.parts) Object.assign(values, part);
    merged = { names: Object.keys(values).sort(), values };
    // Parts made per request (none are today) would each be a new combination: those are merged, never kept.
    if (mergedPlans.size < 256) mergedPlans.set(key, merged);
  }
  return merged;
}

/**
 * The response with the handler's `headers` and every planned one, in one plain object with lower-case names in
 * sorted order, then Content-Length — the names and order the adapter writes from a `Headers`, so the bytes on the
 * wire are those of the slower way. The planned names come sorted from `mergedPlan`; the handler's few are merged
 * into them in order.
 */
export function respond(
  c: Context,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: StatusCode,
  headers: Record<string, string>,
  /** the body's length in bytes, when the caller keeps it */
  bodyBytes?: number,
): Response {
  const plan = plans.get(c);
  if (!plan) return body === null ? c.body(null, status, headers) : c.body(body, status as ContentfulStatusCode, headers);
  const own: Record<string, string> = {};
  for (const name in headers) own[name.toLowerCase()] = headers[name]!;
  const { names, values } = mergedPlan(plan);
  // A planned name overrides the handler's, then the plan's Vary is appended to whichever Vary is left.
  if (values.vary !== undefined) own.vary = values.vary;
  if (plan.vary) own.vary = own.vary ? `${own.vary}, ${plan.vary}` : plan.vary;
  const ownNames = Object.keys(own).sort();
  const sorted: Record<string, string> = {};
  let i = 0;
  for (const name of names) {
    for (; i < ownNames.length && ownNames[i]! < name; i++) sorted[ownNames[i]!] = own[ownNames[i]!]!;
    if (ownNames[i] === name) {
      sorted[name] = name === 'vary' ? own.vary! : values[name]!;
      i++;
    } else sorted[name] = values[name]!;
  }
  for (; i < ownNames.length; i++) sorted[ownNames[i]!] = own[ownNames[i]!]!;
  // Last, as the adapter writes it when it copies a `Headers` (which spares it measuring the body itself); a HEAD
  // answer (Hono drops the body) went without one.
  if (body !== null && c.req.method !== 'HEAD') sorted['Content-Length'] = String(bodyBytes ?? Buffer.byteLength(body));
  const response = new Response(body, { status, headers: sorted });
  complete.add(response);
  return response;
}
