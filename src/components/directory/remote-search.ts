import type { ReactiveController, ReactiveElement } from 'lit';
import { RequestController, type LoadError } from '../base/controllers/request.js';
import { requestJson } from '../../api/client.js';
import type { DirectoryQuery } from '../../api/types/directory.js';
import { parseResultPage, remoteUrl, type ResultPage } from './remote.js';

/** Milliseconds of quiet after typing before a remote search is sent. */
const REMOTE_DEBOUNCE_MS = 250;

export interface RemoteSearchOptions {
  src: () => string;
  /** The loader's generation: a page asked for before the source changed is dropped. */
  generation: () => number;
  onPage: (page: ResultPage, query: DirectoryQuery) => void;
  onFail: (error: LoadError) => void;
}

/** Remote mode: one search request at a time (a newer one aborts the older), sent after a pause while typing. */
export class RemoteSearch implements ReactiveController {
  private readonly request: RequestController<ResultPage>;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveElement,
    private readonly options: RemoteSearchOptions,
  ) {
    host.addController(this);
    this.request = new RequestController<ResultPage>(host, { parse: () => ({ problems: ['no query'] }), label: () => host.localName });
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  abort(): void {
    this.request.abort();
    clearTimeout(this.timer);
  }

  /** Runs `send` once typing has paused. */
  later(send: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(send, REMOTE_DEBOUNCE_MS);
  }

  async fetch(query: DirectoryQuery): Promise<void> {
    clearTimeout(this.timer);
    const generation = this.options.generation();
    const url = remoteUrl(this.options.src(), query, location.href);
    const state = await this.request.run(
      (signal) => requestJson(url, { signal }),
      (raw) => parseResultPage(raw, query),
    );
    if (!state || generation !== this.options.generation()) return;
    if (state.status === 'error') this.options.onFail(state.error);
    else if (state.status === 'ready') this.options.onPage(state.value, query);
  }
}
