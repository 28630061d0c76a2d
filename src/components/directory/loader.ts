import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { awaitsHydration } from '../base/hydration.js';
import { RequestController, type LoadError } from '../base/controllers/request.js';
import { requestJson } from '../../api/client.js';
import type { DirectoryQuery, DisclosureItem } from '../../api/types/directory.js';
import { directoryIndexSteps, runToEnd, type DirectoryIndex } from '../../core/directory/text-index.js';
import { runInSlices } from '../../core/directory/slices.js';
import { payloadList, validateDisclosureItems, type DirectoryDataProblem } from '../../core/directory/validate.js';
import { VALIDATE_AT_ONCE, newestValidItems, validateInSlices, yieldToBrowser } from './catalog.js';
import { parseResultPage, remoteUrl, type ResultPage } from './remote.js';
import { readDirectoryTable } from './table-source.js';

/** Milliseconds of quiet after typing before a remote search is sent. */
const REMOTE_DEBOUNCE_MS = 250;

export type Phase = 'idle' | 'loading' | 'preparing' | 'ready' | 'error' | 'unreadable-table';

/** Where the directory's items come from (the element's `mode`, `src` and `data`). */
export interface DirectorySource {
  mode: 'client' | 'remote';
  src?: string;
  data?: unknown;
}

export interface DirectoryLoaderOptions {
  source: () => DirectorySource;
  /** The page size of a preview, when the query asks for the newest page (undefined: no preview). */
  previewSize: () => number | undefined;
  /** A load starts: whatever was shown belongs to the old source. */
  onStart: () => void;
  /** Remote mode with a `src`: the element asks for the first page. */
  onRemote: () => void;
  /** Remote mode: a page of results came. */
  onPage: (page: ResultPage, query: DirectoryQuery) => void;
  /** Client mode: the index is ready (or rebuilt), show the query's results. */
  onReady: () => void;
  /** The list (or a search, in remote mode) could not be loaded. */
  onFail: (error: LoadError) => void;
}

/**
 * Where the directory is in loading its items, and the index it searches:
 * src → data → inline JSON → `<table>` child, in that order; in remote mode,
 * the pages of results (one request at a time). A long client-mode
 * list shows its newest page first, then is validated and indexed in short
 * tasks; what only makes search faster (the postings, the title order) is
 * prepared after that, in short tasks too.
 */
export class DirectoryLoader implements ReactiveController {
  phase: Phase = 'idle';
  index?: DirectoryIndex;
  /** The newest page of a large list, shown while it is validated and indexed. */
  preview?: DisclosureItem[];
  error?: LoadError;
  /** Bumped by every load: work of an older one is dropped. */
  generation = 0;

  private loadedFrom?: DirectorySource;
  private validationAbort?: AbortController;
  private readonly listRequest: RequestController<unknown>;
  private readonly pageRequest: RequestController<ResultPage>;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: DirectoryLoaderOptions,
  ) {
    host.addController(this);
    const label = (): string => host.localName;
    this.listRequest = new RequestController<unknown>(host, { parse: (raw) => ({ value: raw }), label });
    this.pageRequest = new RequestController<ResultPage>(host, { parse: () => ({ problems: ['no query'] }), label });
  }

  /** Whether anything was loaded from the current source (false again after leaving the page mid-load). */
  get started(): boolean {
    return this.loadedFrom !== undefined;
  }

  /** Whether the source changed since the last load. */
  get stale(): boolean {
    const from = this.loadedFrom;
    const source = this.options.source();
    return !from || from.mode !== source.mode || from.src !== source.src || from.data !== source.data;
  }

  hostDisconnected(): void {
    clearTimeout(this.searchTimer);
    // Unfinished loading starts again if the element comes back.
    if (this.phase === 'loading' || this.phase === 'preparing') {
      this.cancel();
      this.loadedFrom = undefined;
    }
  }

  /** Stops whatever the last load still does. */
  cancel(): void {
    this.generation++;
    this.listRequest.abort();
    this.validationAbort?.abort();
    this.abortSearch();
  }

  /** Remote mode: drops the search under way or waiting. */
  abortSearch(): void {
    this.pageRequest.abort();
    clearTimeout(this.searchTimer);
  }

  /** Remote mode: runs `send` once typing has paused. */
  searchLater(send: () => void): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(send, REMOTE_DEBOUNCE_MS);
  }

  /** Remote mode: asks `src` for the page of results of `query`. */
  async fetchPage(query: DirectoryQuery): Promise<void> {
    clearTimeout(this.searchTimer);
    const generation = this.generation;
    const url = remoteUrl(this.options.source().src!, query, location.href);
    const state = await this.pageRequest.run(
      (signal) => requestJson(url, { signal }),
      (raw) => parseResultPage(raw, query),
    );
    if (!state || generation !== this.generation) return;
    if (state.status === 'error') this.fail(state.error);
    else if (state.status === 'ready') {
      this.setPhase('ready');
      this.options.onPage(state.value, query);
    }
  }

  load(): void {
    this.cancel();
    const generation = this.generation;
    const source = this.options.source();
    this.loadedFrom = { ...source };
    this.index = undefined;
    this.preview = undefined;
    this.error = undefined;
    this.options.onStart();
    const host = this.host;
    // Server rendering sees no children and fetches nothing: the browser reads and loads them.
    const inline = isServer ? null : host.querySelector(':scope > script[type="application/json"]');
    const table = isServer ? null : host.querySelector<HTMLTableElement>(':scope > table');

    if (source.mode === 'remote') {
      this.setPhase(source.src ? 'loading' : 'idle');
      if (source.src && !isServer) this.options.onRemote();
    } else if (source.src) {
      this.setPhase('loading');
      if (!isServer) void this.fetchList(source.src, generation);
    } else if (source.data !== undefined && source.data !== null) {
      void this.accept(source.data, generation);
    } else if (inline && awaitsHydration(host)) {
      // The server could not read the child: hydrate as it rendered (idle), then read it.
      this.setPhase('idle');
      void host.updateComplete.then(() => this.load());
    } else if (inline) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(inline.textContent ?? '');
      } catch (error) {
        this.fail({ kind: 'invalid', detail: `Inline JSON could not be read: ${String(error)}` });
        return;
      }
      void this.accept(parsed, generation);
    } else if (table) {
      const items = readDirectoryTable(table);
      if (items === null) {
        this.setPhase('unreadable-table');
        console.warn('[zwgk-directory] the <table> child has no header cell with data-field="title"; it is shown as it is.');
      } else {
        table.hidden = true;
        this.ready(items, [], items.length);
      }
    } else {
      this.setPhase('idle');
    }
  }

  /** Shows an error state (also for a failed remote search). */
  fail(error: LoadError): void {
    this.error = error;
    this.preview = undefined;
    this.setPhase('error');
    console.warn('[zwgk-directory] could not show the directory:', error.detail ?? error.kind);
    this.options.onFail(error);
  }

  setPhase(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  private async fetchList(src: string, generation: number): Promise<void> {
    const state = await this.listRequest.run((signal) => requestJson(src, { signal }));
    if (!state || generation !== this.generation) return;
    if (state.status === 'error') this.fail(state.error);
    else if (state.status === 'ready') await this.accept(state.value, generation);
  }

  /** A client-mode payload: a short list is validated and indexed at once, a long one in short tasks. */
  private async accept(data: unknown, generation: number): Promise<void> {
    const list = payloadList(data);
    if (!list) {
      this.fail({ kind: 'invalid', detail: 'Expected { "items": [...] } or an array of items.' });
      return;
    }
    if (list.length <= VALIDATE_AT_ONCE) {
      const { items, problems } = validateDisclosureItems(list);
      this.ready(items, problems, list.length);
      return;
    }
    this.setPhase('preparing');
    const previewSize = this.options.previewSize();
    if (previewSize !== undefined) this.preview = newestValidItems(list, previewSize);
    const abort = (this.validationAbort = new AbortController());
    const validated = await validateInSlices(list, { signal: abort.signal });
    if (!validated || generation !== this.generation) return;
    const slices = { pause: yieldToBrowser, signal: abort.signal };
    const index = await runInSlices(directoryIndexSteps(validated.items), slices);
    // The first results (facet counts over every item, then their render) in a task of their own.
    if (index) await yieldToBrowser();
    if (!index || generation !== this.generation) return;
    this.ready(validated.items, validated.problems, list.length, index);
    // What only makes search faster (without it the same results come by scanning and sorting) is loaded now.
    const { postingsSteps, titleOrderSteps } = await import('../../core/directory/idle-steps.js');
    await yieldToBrowser();
    await runInSlices(postingsSteps(index), slices);
    await runInSlices(titleOrderSteps(index), slices);
  }

  /** Indexes the valid items and has the current query's results shown. */
  private ready(items: DisclosureItem[], problems: DirectoryDataProblem[], received: number, index?: DirectoryIndex): void {
    if (problems.length) {
      console.warn(
        `[zwgk-directory] ${problems.length} problem(s) in the data; affected items or fields are left out:`,
        problems.slice(0, 20).map((p) => p.message),
      );
    }
    if (items.length === 0 && received > 0) {
      this.fail({ kind: 'invalid', detail: `None of the ${received} items could be read.` });
      return;
    }
    // A short list is searched by scanning its text: postings would save a fraction of a millisecond.
    this.index = index ?? runToEnd(directoryIndexSteps(items));
    this.preview = undefined;
    this.setPhase('ready');
    this.options.onReady();
  }
}
