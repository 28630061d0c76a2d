import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { awaitsHydration } from '../base/hydration.js';
import { RequestController, toLoadError, type LoadError, type Parse } from '../base/controllers/request.js';
import { requestJson } from '../../api/client.js';
import type { DirectoryQuery, DisclosureItem } from '../../api/types/directory.js';
import type { DirectoryIndex } from '../../core/directory/text-index.js';
import { payloadList, validateDisclosureItems, type DirectoryDataProblem } from '../../core/directory/validate.js';
import { loadLocalSearch, loadedLocalSearch, type LocalSearch } from './local-search-loader.js';
import type { LongList } from './local-search.js';
import { parseResultPage, type ResultPage } from './remote.js';
import { hrefWithQuery } from './url-sync.js';
import { NOT_A_LIST, checkList, workerUrl, type FromWorker, type ListCheck, type ToWorker } from './worker-protocol.js';

/** Milliseconds of quiet after typing before a remote search is sent. */
const REMOTE_DEBOUNCE_MS = 250;
/** Items of the newest page laid out in the first frame of a preview: a screen's worth on a desktop, more on a phone. */
const PREVIEW_FIRST_FRAME = 6;

export type Phase = 'idle' | 'loading' | 'preparing' | 'ready' | 'error' | 'unreadable-table';

/** Where the directory's items come from (the element's `mode`, `src` and `data`). */
export interface DirectorySource {
  mode: 'client' | 'remote';
  src?: string;
  data?: unknown;
}

/** The results on screen and the query they answer. */
export interface Shown extends ResultPage {
  query: DirectoryQuery;
}

export interface DirectoryLoaderOptions {
  source: () => DirectorySource;
  /** The query whose results to show, its page size applied. */
  query: () => DirectoryQuery;
  /** The page size of a preview, when the query asks for the newest page (undefined: no preview). */
  previewSize: () => number | undefined;
  /** Results are shown (`shown`). */
  onShown: (shown: Shown) => void;
  /** The list (`load`) or, once results were shown, a search (`search`) could not be loaded. */
  onFail: (error: LoadError, operation: 'load' | 'search') => void;
}

/**
 * Where the directory is in loading its items, the index it searches, and the
 * results it shows (`refresh()` shows the element's query; `busy` while a search
 * is under way): src → data → inline JSON → `<table>` child, in that order; in
 * remote mode, the pages of results (one request at a time). A `src` in client mode is
 * fetched, validated, indexed and searched in a worker (search-worker.ts),
 * which sends only the page shown; elsewhere, or where no worker starts, the
 * page searches with local-search.ts, loaded then (at once in server rendering):
 * a long list shows its newest page first, then is validated and indexed in
 * short tasks; what only makes search faster (the postings, the title order)
 * is prepared after that, in short tasks too.
 */
export class DirectoryLoader implements ReactiveController {
  phase: Phase = 'idle';
  /** The list searched on the page, and the search that reads it. */
  private local?: { index: DirectoryIndex; search: LocalSearch };
  /** The newest page of a large list, shown while it is validated and indexed. */
  preview?: DisclosureItem[];
  error?: LoadError;
  /** What the list shows (may lag behind the query while a search is under way). */
  shown?: Shown;
  /** A remote search is under way, or the index is not ready for the query typed. */
  busy = false;
  /** Bumped by every load: work of an older one is dropped. */
  generation = 0;

  private loadedFrom?: DirectorySource;
  /** The worker searching a `src` (search-worker.ts): it sends only the page asked for. */
  private worker?: Worker;
  private workerReady = false;
  /** The number of the last query sent to the worker… */
  private asked = 0;
  /** …and that query, until its answer comes (set: the worker is searching; bench:directory waits on it). */
  answer?: DirectoryQuery;
  private validationAbort?: AbortController;
  /** The list (client mode, where no worker fetches it) or a page of results (remote mode). */
  private readonly request: RequestController<unknown>;
  private searchTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: DirectoryLoaderOptions,
  ) {
    host.addController(this);
    this.request = new RequestController<unknown>(host, { parse: (raw) => ({ value: raw }), label: () => host.localName });
  }

  /** Whether anything was loaded from the current source (false again after leaving the page mid-load). */
  get started(): boolean {
    return this.loadedFrom !== undefined;
  }

  /** Whether the results shown are the last asked for: nothing is searched or prepared any more. */
  get settled(): boolean {
    return this.shown !== undefined && !this.busy && !this.answer && this.phase === 'ready';
  }

  /**
   * Shows the results of the query: at once in client mode (or when the worker answers), after a request in
   * remote mode (`typing`: once typing has paused); while the index is being prepared, once it is ready.
   */
  refresh(typing = false): void {
    const query = this.options.query();
    const { mode, src } = this.options.source();
    if (mode === 'remote') {
      if (!src) return;
      this.abortSearch();
      if (!typing) return this.fetchPage();
      this.setBusy(this.shown !== undefined);
      this.searchTimer = setTimeout(() => this.fetchPage(), REMOTE_DEBOUNCE_MS);
    } else if (this.local) this.show(this.local.search.queryDirectory(this.local.index, query), query);
    else if (this.workerReady) {
      this.answer = query;
      this.worker!.postMessage({ type: 'query', id: ++this.asked, query } satisfies ToWorker);
    } else if (this.phase === 'preparing') {
      // Shown when the index is ready, in a moment.
      this.setBusy(true);
    }
  }

  /** Retry of the error state: the search again in remote mode, else the whole load. */
  retry(): void {
    const { mode, src } = this.options.source();
    if (mode !== 'remote' || !src) return this.load();
    this.setPhase('loading');
    this.fetchPage();
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
    this.validationAbort?.abort();
    this.abortSearch();
    this.dropWorker();
  }

  private dropWorker(): void {
    const worker = this.worker;
    if (worker) {
      worker.onmessage = worker.onerror = null;
      worker.terminate();
    }
    this.worker = this.answer = undefined;
    this.workerReady = false;
  }

  /** Drops the request under way (in remote mode, the search) and the search waiting. */
  private abortSearch(): void {
    this.request.abort();
    clearTimeout(this.searchTimer);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.host.requestUpdate();
  }

  private show(page: ResultPage, query: DirectoryQuery): void {
    this.shown = { ...page, query };
    this.setBusy(false);
    this.options.onShown(this.shown);
  }

  /** Remote mode: asks `src` for the page of results of the query. */
  private fetchPage(): void {
    clearTimeout(this.searchTimer);
    const query = this.options.query();
    if (this.shown) this.setBusy(true);
    void this.fetch(
      hrefWithQuery(this.options.source().src!, query, '', location.href),
      (page) => {
        this.setPhase('ready');
        this.show(page as ResultPage, query);
      },
      (raw) => parseResultPage(raw, query),
    );
  }

  /** Fetches `url` (read by `parse`) and gives what came to `then`, unless a newer load started meanwhile. */
  private async fetch(url: string, then: (value: unknown) => unknown, parse?: Parse<unknown>): Promise<void> {
    const generation = this.generation;
    const state = await this.request.run((signal) => requestJson(url, { signal }), parse);
    if (!state || generation !== this.generation) return;
    // The request controller has said why in the console.
    if (state.status === 'error') this.fail(state.error, true);
    else if (state.status === 'ready') await then(state.value);
  }

  load(): void {
    this.cancel();
    const generation = this.generation;
    const source = this.options.source();
    this.loadedFrom = { ...source };
    this.local = undefined;
    this.preview = undefined;
    this.error = undefined;
    this.shown = undefined;
    this.busy = false;
    const host = this.host;
    // Server rendering sees no children and fetches nothing: the browser reads and loads them.
    const inline = isServer ? null : host.querySelector(':scope > script[type="application/json"]');
    const table = isServer ? null : host.querySelector<HTMLTableElement>(':scope > table');

    if (source.mode === 'remote') {
      this.setPhase(source.src ? 'loading' : 'idle');
      if (source.src && !isServer) this.fetchPage();
    } else if (source.src) {
      this.setPhase('loading');
      if (!isServer) this.inWorker(source.src, generation);
    } else if (source.data !== undefined && source.data !== null) {
      this.withLocalSearch(generation, (search) => this.accept(search, source.data, generation));
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
      this.withLocalSearch(generation, (search) => this.accept(search, parsed, generation));
    } else if (table) {
      this.withLocalSearch(generation, (search) => {
        const items = search.readDirectoryTable(table);
        if (items === null) {
          this.setPhase('unreadable-table');
          console.warn('[zwgk-directory] the <table> child has no header cell with data-field="title"; it is shown as it is.');
        } else {
          table.hidden = true;
          this.ready(search, items, [], items.length);
        }
      });
    } else {
      this.setPhase('idle');
    }
  }

  /**
   * Runs `then` with the search on the page: at once when it is here (always in server rendering, src/ssr.ts),
   * else once it has come, unless a newer load started meanwhile; the error state (Retry) when it cannot come.
   */
  private withLocalSearch(generation: number, then: (search: LocalSearch) => unknown): void {
    const search = loadedLocalSearch();
    if (search) {
      then(search);
      return;
    }
    this.setPhase('loading');
    loadLocalSearch().then(
      (loaded) => generation === this.generation && then(loaded),
      (error: unknown) => generation === this.generation && this.fail(toLoadError(error)),
    );
  }

  /** Shows an error state (also for a failed remote search); `warned`: the console was told already. */
  fail(error: LoadError, warned = false): void {
    this.error = error;
    this.preview = undefined;
    this.setPhase('error');
    if (!warned) console.warn('[zwgk-directory] could not show the directory:', error.detail ?? error.kind);
    this.busy = false;
    this.options.onFail(error, this.shown ? 'search' : 'load');
  }

  setPhase(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  /**
   * Has a worker fetch, index and search `src`. Where none starts or it breaks (no module workers, a CSP without
   * `worker-src 'self'`, the file not deployed), the page does it.
   */
  private inWorker(src: string, generation: number): void {
    const onPage = (): void => {
      this.dropWorker();
      // The search comes while the list does.
      loadLocalSearch().catch(() => undefined);
      void this.fetch(src, (list) => this.withLocalSearch(generation, (search) => this.accept(search, list, generation)));
    };
    let worker: Worker;
    try {
      worker = this.worker = new Worker(workerUrl(), { type: 'module', name: 'zwgk-directory' });
    } catch {
      return onPage();
    }
    // Once dropped (dropWorker), nothing it still says is read.
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.fromWorker(data);
    worker.onerror = (event) => {
      event.preventDefault();
      console.warn('[zwgk-directory] no search worker: searching on the page.');
      onPage();
    };
    worker.postMessage({ type: 'load', url: new URL(src, location.href).href, previewSize: this.options.previewSize() } satisfies ToWorker);
  }

  private fromWorker(data: FromWorker): void {
    if (data.type === 'page') {
      if (data.id !== this.asked) return;
      const query = this.answer!;
      this.answer = undefined;
      // The list's newest page stays until the first answer replaces it.
      if (this.phase !== 'ready') {
        this.preview = undefined;
        this.setPhase('ready');
      }
      this.show(data.page, query);
    } else if (data.type === 'preview') {
      this.showPreview(data.items);
      this.setPhase('preparing');
    } else if (this.accepted(data.check)) {
      this.workerReady = true;
      this.refresh();
    }
  }

  /**
   * Shows the newest page while the list is prepared: a screen's worth first, the rest a painted frame later, so that
   * laying it out is two tasks rather than one long one (at 4× CPU the whole page took a frame of 125–214 ms).
   */
  private showPreview(items: DisclosureItem[]): void {
    if (items.length <= PREVIEW_FIRST_FRAME) {
      this.preview = items;
      return;
    }
    const first = (this.preview = items.slice(0, PREVIEW_FIRST_FRAME));
    requestAnimationFrame(() =>
      setTimeout(() => {
        // Unless results (or another load) replaced it meanwhile.
        if (this.preview !== first) return;
        this.preview = items;
        this.host.requestUpdate();
      }),
    );
  }

  /** A client-mode payload: a short list is validated and indexed at once, a long one in short tasks. */
  private async accept(search: LocalSearch, data: unknown, generation: number): Promise<void> {
    const list = payloadList(data);
    if (!list) {
      this.fail(NOT_A_LIST);
      return;
    }
    if (list.length <= search.VALIDATE_AT_ONCE) {
      const { items, problems } = validateDisclosureItems(list);
      this.ready(search, items, problems, list.length);
      return;
    }
    this.setPhase('preparing');
    const previewSize = this.options.previewSize();
    if (previewSize !== undefined) this.showPreview(search.newestValidItems(list, previewSize));
    const abort = (this.validationAbort = new AbortController());
    let longList: LongList;
    try {
      longList = await search.loadLongList();
    } catch (error) {
      // The kit's code could not be loaded (offline): Retry loads it again.
      if (generation === this.generation) this.fail(toLoadError(error));
      return;
    }
    const prepared = await longList.indexInSlices(list, abort.signal);
    if (!prepared || generation !== this.generation) return;
    const { validated, index } = prepared;
    this.ready(search, validated.items, validated.problems, list.length, index);
    await longList.speedUpInSlices(index, abort.signal);
  }

  /** Indexes the valid items and has the current query's results shown. */
  private ready(
    search: LocalSearch,
    items: DisclosureItem[],
    problems: DirectoryDataProblem[],
    received: number,
    index?: DirectoryIndex,
  ): void {
    if (!this.accepted(checkList(items.length, problems, received))) return;
    // A short list is searched by scanning its text: postings would save a fraction of a millisecond.
    this.local = { index: index ?? search.runToEnd(search.directoryIndexSteps(items)), search };
    this.preview = undefined;
    this.setPhase('ready');
    this.refresh();
  }

  /** Says in the console what was wrong in the list; false (and the error shown) when nothing in it can be shown. */
  private accepted(check: ListCheck): boolean {
    if (check.problemCount) {
      console.warn(
        `[zwgk-directory] ${check.problemCount} problem(s) in the data; affected items or fields are left out:`,
        check.firstProblems,
      );
    }
    if (check.error) this.fail(check.error);
    return !check.error;
  }
}
