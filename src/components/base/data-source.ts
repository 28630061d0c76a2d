import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, requestJson, type ApiErrorKind } from '../../api/client.js';

/** Why data could not be shown: a failed request, or a payload of the wrong shape (`invalid`). */
export interface LoadError {
  kind: ApiErrorKind | 'invalid';
  status?: number;
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

export interface DataSourceHost extends ReactiveControllerHost, HTMLElement {
  src?: string;
  data?: unknown;
}

/**
 * The data pattern every read-only element shares: `src` (a URL returning
 * JSON), else the `data` property, else an inline `<script type="application/json">`
 * child. Whatever arrives is parsed; a malformed or wrong-shaped payload
 * becomes an error state, never an exception or a blank element. With no
 * source at all the state is `idle` (the element may render from attributes).
 */
export class DataSourceController<T> implements ReactiveController {
  state: DataState<T> = { status: 'idle' };
  private loadedSrc?: string;
  private loadedData?: unknown;
  private abort?: AbortController;
  private started = false;

  constructor(
    private readonly host: DataSourceHost,
    private readonly parse: Parse<T>,
    private readonly isEmpty: (value: T) => boolean = () => false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.started = false;
  }

  hostUpdate(): void {
    if (!this.started || this.host.src !== this.loadedSrc || this.host.data !== this.loadedData) {
      this.started = true;
      this.load();
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** Loads again from the current source (the Retry button). */
  retry(): void {
    this.load();
    this.host.requestUpdate();
  }

  private load(): void {
    this.abort?.abort();
    this.loadedSrc = this.host.src;
    this.loadedData = this.host.data;
    if (this.host.src) {
      this.fetch(this.host.src);
    } else if (this.host.data !== undefined && this.host.data !== null) {
      this.accept(this.host.data);
    } else {
      const inline = this.host.querySelector(':scope > script[type="application/json"]');
      if (inline) {
        try {
          this.accept(JSON.parse(inline.textContent ?? ''));
        } catch (error) {
          this.fail({ kind: 'invalid', detail: `Inline JSON could not be read: ${String(error)}` });
        }
      } else {
        this.state = { status: 'idle' };
      }
    }
  }

  private async fetch(src: string): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    this.state = { status: 'loading' };
    try {
      const raw = await requestJson(src, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.accept(raw);
    } catch (error) {
      if (abort.signal.aborted) return;
      const apiError = error instanceof ApiError ? error : new ApiError('network', String(error));
      this.fail({ kind: apiError.kind, status: apiError.status, detail: apiError.message });
    }
    this.host.requestUpdate();
  }

  private accept(raw: unknown): void {
    let parsed: ReturnType<Parse<T>>;
    try {
      parsed = this.parse(raw);
    } catch (error) {
      parsed = { problems: [String(error)] };
    }
    if ('problems' in parsed) {
      this.fail({ kind: 'invalid', detail: parsed.problems.join('; ') });
    } else {
      this.state = { status: this.isEmpty(parsed.value) ? 'empty' : 'ready', value: parsed.value };
    }
  }

  private fail(error: LoadError): void {
    this.state = { status: 'error', error };
    console.warn(`[${this.host.localName}] could not show its data:`, error.detail ?? error.kind);
  }
}
