import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, type ApiErrorKind } from '../../../api/client.js';
import type { Problem } from '../../../api/types/problem.js';

/** Why data could not be shown: a failed request, or a payload of the wrong shape (`invalid`). */
export interface LoadError {
  kind: ApiErrorKind | 'invalid';
  status?: number;
  /** The server's RFC 9457 problem, when it sent one. */
  problem?: Problem;
  /** Technical detail for the console and for developers; the element shows plain words. */
  detail?: string;
}

export type DataState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'empty'; value: T }
  | { status: 'error'; error: LoadError };

/** Turns an unknown payload into the element's data, or says what is wrong with it. */
export type Parse<T> = (raw: unknown) => { value: T } | { problems: string[] };

/** The one mapping from whatever a request threw to a LoadError. */
export function toLoadError(error: unknown): LoadError {
  const failure = error instanceof ApiError ? error : new ApiError('network', String(error));
  return {
    kind: failure.kind,
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(failure.problem ? { problem: failure.problem } : {}),
    detail: failure.message,
  };
}

/** Runs a parser and turns both its problems and its exceptions into a LoadError. */
export function parseState<T>(parse: Parse<T>, raw: unknown, isEmpty: (value: T) => boolean = () => false): DataState<T> {
  let parsed: ReturnType<Parse<T>>;
  try {
    parsed = parse(raw);
  } catch (error) {
    parsed = { problems: [String(error)] };
  }
  if ('problems' in parsed) return { status: 'error', error: { kind: 'invalid', detail: parsed.problems.join('; ') } };
  return { status: isEmpty(parsed.value) ? 'empty' : 'ready', value: parsed.value };
}

export interface RequestControllerOptions<T> {
  parse: Parse<T>;
  /** A value that parsed but has nothing to show (default: never). */
  isEmpty?: (value: T) => boolean;
  /** Names the request in console warnings, e.g. `zwgk-directory (compare-src)`. */
  label?: () => string;
}

/** What a run fetches: given the run's abort signal, resolves with the raw payload or rejects (ideally an ApiError). */
export type Load = (signal: AbortSignal) => Promise<unknown>;

/**
 * One request lifecycle for every element: `run(load)` shows `loading`, aborts
 * the run before it, parses what arrives into `ready` / `empty`, maps every
 * failure once (`toLoadError`), and aborts when the host leaves the page.
 * `retry()` runs the last load again (the Retry button).
 */
export class RequestController<T> implements ReactiveController {
  state: DataState<T> = { status: 'idle' };
  private abortController?: AbortController;
  private lastLoad?: Load;
  private lastParse?: Parse<T>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RequestControllerOptions<T>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  get value(): T | undefined {
    return this.state.status === 'ready' || this.state.status === 'empty' ? this.state.value : undefined;
  }

  /**
   * Starts `load`, cancelling the run before it; resolves with the state it
   * ended in, or undefined when it was cancelled (a newer run, abort(), the host
   * leaving the page). `parse` replaces the options' parser for this run (a
   * search page is read against the query that asked for it).
   */
  async run(load: Load, parse: Parse<T> = this.options.parse): Promise<DataState<T> | undefined> {
    this.abort();
    this.lastLoad = load;
    this.lastParse = parse;
    const abort = (this.abortController = new AbortController());
    this.set({ status: 'loading' });
    let next: DataState<T>;
    try {
      next = parseState(parse, await load(abort.signal), this.options.isEmpty);
    } catch (error) {
      next = { status: 'error', error: toLoadError(error) };
    }
    if (abort.signal.aborted) return undefined;
    this.abortController = undefined;
    this.set(next);
    return next;
  }

  /** Runs the last load again; nothing to do before the first run. */
  retry(): Promise<DataState<T> | undefined> | undefined {
    return this.lastLoad ? this.run(this.lastLoad, this.lastParse) : undefined;
  }

  /** Shows a payload that is already here (a `data` property, inline JSON), cancelling any run. */
  accept(raw: unknown): DataState<T> {
    this.abort();
    this.set(parseState(this.options.parse, raw, this.options.isEmpty));
    return this.state;
  }

  /** Shows an error that did not come from a run (inline JSON that is not JSON). */
  fail(error: LoadError): void {
    this.abort();
    this.set({ status: 'error', error });
  }

  /** Back to `idle`, cancelling any run. */
  reset(): void {
    this.abort();
    this.lastLoad = undefined;
    this.set({ status: 'idle' });
  }

  /** Cancels the run in flight; its answer, if any, is dropped. */
  abort(): void {
    this.abortController?.abort();
    this.abortController = undefined;
  }

  private set(state: DataState<T>): void {
    this.state = state;
    if (state.status === 'error') {
      const name = this.options.label?.() ?? 'zwgk element';
      console.warn(`[${name}] could not show its data:`, state.error.detail ?? state.error.kind);
    }
    this.host.requestUpdate();
  }
}
