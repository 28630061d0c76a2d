import type { Problem } from './types/problem.js';

/** Why a request failed, in terms an element can explain to a citizen. */
export type ApiErrorKind = 'network' | 'timeout' | 'aborted' | 'http' | 'malformed';

/** A failed request: the kind of failure, the HTTP status and the server's RFC 9457 problem, when there is one. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a 4xx problem (`field` is a JSON pointer into the request body). */
  get fieldErrors(): NonNullable<Problem['errors']> {
    return this.problem?.errors ?? [];
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A JSON-serialisable body, or FormData for uploads. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Milliseconds before the request is given up as a timeout (default 15 s). */
  timeoutMs?: number;
  /** Sent as `Idempotency-Key`; make one per submission attempt and reuse it on retry. */
  idempotencyKey?: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Fetches JSON. Resolves with the parsed body of a 2xx response (undefined for
 * 204); rejects with an ApiError for every failure, never with anything else —
 * an empty 200 or a body cut off mid-transfer included, so an element shows an
 * error with Retry instead of waiting for data that will never come.
 */
export async function requestJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(url, options);
  const text = await wholeText(response, options.signal);
  if (!response.ok) throw httpError(response, text);
  return parsed<T>(response, text.trim() === '', () => JSON.parse(text));
}

/** Takes a body's text piece by piece as it arrives, and gives the parsed body at its end (throwing where it is not JSON). */
export interface BodyReader {
  push(text: string): void;
  end(): unknown;
}

/**
 * `requestJson`, with a 2xx body's text handed to `reader` as it arrives
 * (decoded as `response.text()` decodes it: UTF-8, a BOM dropped), so a long
 * answer is parsed while it downloads; the same answer and the same errors.
 */
export async function requestJsonAsItArrives<T = unknown>(url: string, reader: BodyReader, options: RequestOptions = {}): Promise<T> {
  const response = await send(url, options);
  if (!response.ok || !response.body) {
    const text = await wholeText(response, options.signal);
    if (!response.ok) throw httpError(response, text);
    reader.push(text);
    return parsed<T>(response, text.trim() === '', () => reader.end());
  }
  const decoder = new TextDecoder();
  const stream = response.body.getReader();
  let blank = true;
  const push = (text: string): void => {
    blank &&= text.trim() === '';
    reader.push(text);
  };
  try {
    for (let chunk = await stream.read(); !chunk.done; chunk = await stream.read()) push(decoder.decode(chunk.value, { stream: true }));
    push(decoder.decode());
  } catch (error) {
    throw cutOff(error, response, options.signal);
  }
  return parsed<T>(response, blank, () => reader.end());
}

/** The request, up to its answer's headers. */
async function send(url: string, options: RequestOptions): Promise<Response> {
  const { method = 'GET', body, signal, timeoutMs = DEFAULT_TIMEOUT_MS, idempotencyKey } = options;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = () => timeout.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await fetch(url, { method, headers, body: payload, signal: timeout.signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw new ApiError('aborted', 'The request was cancelled.');
    if (timeout.signal.aborted) throw new ApiError('timeout', `No answer within ${timeoutMs} ms.`);
    throw new ApiError('network', `The server could not be reached: ${String(error)}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

async function wholeText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw cutOff(error, response, signal);
  }
}

/** Headers came, the body did not finish: the connection dropped or was cut mid-transfer. */
function cutOff(error: unknown, response: Response, signal: AbortSignal | undefined): ApiError {
  if (signal?.aborted) return new ApiError('aborted', 'The request was cancelled.');
  if (!response.ok) return new ApiError('http', `HTTP ${response.status}`, response.status);
  return new ApiError('network', `The answer was cut off before it was complete: ${String(error)}`, response.status);
}

function httpError(response: Response, text: string): ApiError {
  const problem = parseProblem(text, response.status);
  return new ApiError('http', problem?.detail ?? problem?.title ?? `HTTP ${response.status}`, response.status, problem);
}

/** A 2xx answer's body, `blank` when it was empty or spaces only. */
function parsed<T>(response: Response, blank: boolean, parse: () => unknown): T {
  // Only "No Content" means no body; an empty 200 is an answer that never arrived, not an empty success.
  if (response.status === 204 || response.status === 205) return undefined as T;
  if (blank) throw new ApiError('malformed', 'The server answered with an empty body.', response.status);
  try {
    return parse() as T;
  } catch {
    throw new ApiError('malformed', 'The server answered with something that is not JSON (or JSON cut short).', response.status);
  }
}

/** Reads an RFC 9457 problem body, keeping only well-formed field errors; undefined when it is not one. */
export function parseProblem(text: string, status: number): Problem | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const problem = value as Partial<Problem>;
      return {
        type: typeof problem.type === 'string' ? problem.type : 'about:blank',
        title: typeof problem.title === 'string' ? problem.title : '',
        status: typeof problem.status === 'number' ? problem.status : status,
        detail: typeof problem.detail === 'string' ? problem.detail : undefined,
        errors: Array.isArray(problem.errors)
          ? problem.errors.filter((e) => e && typeof e.field === 'string' && typeof e.message === 'string')
          : undefined,
      };
    }
  } catch {
    // Not JSON: the caller falls back to the status code.
  }
  return undefined;
}
