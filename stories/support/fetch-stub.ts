/**
 * Storybook only — a stub of window.fetch for URLs under /stub/, so designers
 * can see the loading and failure states without a server. Never used by the
 * product or its tests (those run against the reference server).
 */
export interface StubbedResponse {
  status?: number;
  body?: unknown;
  /** Milliseconds before answering; Infinity never answers (the loading state). */
  delayMs?: number;
  /** Answer with a network failure instead of a response. */
  networkError?: boolean;
}

const stubs = new Map<string, StubbedResponse>();
const realFetch = window.fetch.bind(window);

window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  const stub = stubs.get(url.pathname);
  if (!stub) return realFetch(input, init);
  if (stub.delayMs) {
    await new Promise<void>((resolve, reject) => {
      if (Number.isFinite(stub.delayMs)) setTimeout(resolve, stub.delayMs);
      init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    });
  }
  if (stub.networkError) throw new TypeError('Failed to fetch');
  const status = stub.status ?? 200;
  const body = typeof stub.body === 'string' ? stub.body : JSON.stringify(stub.body ?? null);
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body, { status, headers: { 'Content-Type': type } });
};

/** Makes `/stub/<name>` answer as described, and returns that URL. */
export function stubUrl(name: string, response: StubbedResponse): string {
  const path = `/stub/${name}`;
  stubs.set(path, response);
  return path;
}
