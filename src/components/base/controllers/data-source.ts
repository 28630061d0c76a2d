import { isServer, type ReactiveController, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { requestJson } from '../../../api/client.js';
import { parseState, RequestController, type DataState, type Parse } from './request.js';
import { awaitsHydration } from '../hydration.js';

export interface DataSourceOptions<T> {
  /** The URL to fetch (the element's `src`); wins over everything else. */
  src: () => string | undefined;
  /** A value given as a property (the element's `data`). */
  data: () => unknown;
  /** The `<script type="application/json">` to read when there is neither (default: none). */
  inline?: () => Element | null;
  parse: Parse<T>;
  isEmpty?: (value: T) => boolean;
  /** Names the source in console warnings. */
  label?: () => string;
  /** Extra request headers, e.g. `Accept-Language`. */
  headers?: () => Record<string, string>;
  /** Fetches `src` (default: `requestJson`), for an element that also reads other media types. */
  fetch?: (src: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<unknown>;
}

/** The `<script type="application/json">` child of `element`, if any: what `inline` usually returns. */
export function inlineJson(element: Element): Element | null {
  return element.querySelector(':scope > script[type="application/json"]');
}

/**
 * The data pattern every read-only element shares, on top of RequestController:
 * `src` (a URL returning JSON), else `data`, else inline JSON. Whatever arrives
 * is parsed; a malformed or wrong-shaped payload becomes an error state, never an
 * exception or a blank element. With no source at all the state is `idle` (the
 * element may render from attributes). A change of `src` or `data` loads again.
 */
export class DataSourceController<T> implements ReactiveController {
  private readonly request: RequestController<T>;
  private loadedSrc?: string;
  private loadedData?: unknown;
  private started = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DataSourceOptions<T>,
  ) {
    this.request = new RequestController<T>(host, options);
    host.addController(this);
  }

  get state(): DataState<T> {
    return isServer ? (this.serverState ??= this.renderedOnServer()) : this.request.state;
  }

  private serverState?: DataState<T>;

  /**
   * What server rendering (Lit SSR, which skips hostUpdate) shows: `data` parsed, so the ready state is in
   * the HTML and the first render in the browser matches it; `loading` for a `src` (fetched in the browser).
   */
  private renderedOnServer(): DataState<T> {
    const data = this.options.data();
    if (this.options.src()) return { status: 'loading' };
    if (data !== undefined && data !== null) return parseState(this.options.parse, data, this.options.isEmpty);
    return { status: 'idle' };
  }

  hostConnected(): void {
    this.started = false;
  }

  hostUpdate(): void {
    const { src, data } = this.options;
    if (!this.started || src() !== this.loadedSrc || data() !== this.loadedData) {
      this.started = true;
      this.load();
    }
  }

  /** Loads again from the current source (the Retry button). */
  retry(): void {
    this.load();
  }

  private load(): void {
    const src = (this.loadedSrc = this.options.src());
    const data = (this.loadedData = this.options.data());
    if (src) {
      const fetchSrc = this.options.fetch ?? requestJson;
      void this.request.run((signal) => fetchSrc(src, { signal, headers: this.options.headers?.() }));
    } else if (data !== undefined && data !== null) {
      this.request.accept(data);
    } else {
      const inline = this.options.inline?.();
      if (!inline) return this.request.reset();
      // The server could not read the child: hydrate as it rendered (idle), then read it.
      if (awaitsHydration(this.host as ReactiveElement)) {
        void this.host.updateComplete.then(() => this.load());
        return;
      }
      try {
        this.request.accept(JSON.parse(inline.textContent ?? ''));
      } catch (error) {
        this.request.fail({ kind: 'invalid', detail: `Inline JSON could not be read: ${String(error)}` });
      }
    }
  }
}
