import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query as shadowQuery, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { awaitsHydration } from '../base/hydration.js';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { RequestController, type LoadError } from '../base/controllers/request.js';
import { UrlStateController } from '../base/controllers/url-state.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { directoryStyles } from './directory.styles.js';
import { requestJson } from '../../api/client.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import type { ZwgkSearchDetail } from '../../events/zwgk-search.js';
import type { DirectoryQuery, DirectorySort, DisclosureItem } from '../../api/types/directory.js';
import { createDirectoryIndex, directoryIndexSteps, postingsSteps, type DirectoryIndex } from '../../core/directory/search-index.js';
import { titleOrderSteps } from '../../core/directory/query.js';
import { runInSlices } from '../../core/directory/slices.js';
import { DEFAULT_PAGE_SIZE, clampPageSize, queryDirectory } from '../../core/directory/query.js';
import { validateDisclosureItems, type DirectoryDataProblem } from '../../core/directory/validate.js';
import { VALIDATE_AT_ONCE, newestValidItems, payloadItems, validateInSlices, yieldToBrowser } from './catalog.js';
import { parseResultPage, remoteUrl, type ResultPage } from './remote.js';
import { readDirectoryTable } from './table-source.js';
import { hrefWithQuery, queryFromSearch, sameQuery } from './url-sync.js';
import { renderItem } from './view.js';
import { describeCount, filters, noResults, pagination, searchBox, type FacetName } from './controls.js';

/** Milliseconds of quiet after typing before the count is announced and `zwgk-search` fires. */
const TYPING_PAUSE_MS = 700;
/** Milliseconds of quiet after typing before a remote search is sent. */
const REMOTE_DEBOUNCE_MS = 250;
/** Milliseconds of quiet after typing before the URL follows: history calls cost a few ms, too much per keystroke. */
const URL_TYPING_DELAY_MS = 250;

type Phase = 'idle' | 'loading' | 'preparing' | 'ready' | 'error' | 'unreadable-table';

/** The results on screen and the query they answer. */
interface Shown extends ResultPage {
  query: DirectoryQuery;
}

export type { ZwgkSearchDetail as DirectorySearchDetail } from '../../events/zwgk-search.js';
export type { ZwgkErrorDetail as DirectoryErrorDetail } from '../../events/zwgk-error.js';

/**
 * 政府信息公开目录 — the directory of proactively disclosed documents
 * (法定主动公开内容, 条例 art. 12 and 24): search as you type over title, 文号,
 * 索引号 and 主题词 (full-width/half-width, case and 文号 brackets ignored,
 * matches marked), filters by 主题分类, 发布机构, year and 有效性 with counts,
 * sort, pagination, the result count spoken politely, and each document
 * expanding to its metadata table (索引号, 发布机构, 生成日期, 文号, 主题分类, 有效性).
 * 失效 and 废止 documents carry a badge in words and colour and a struck-through title.
 *
 * Sources, in this order:
 * - `src` with `mode="remote"`: the element sends `q, category, publisher, year,
 *   validity, sort, page, pageSize` to `src` (`GET {api-base}/disclosures`) and shows
 *   `{ items, total, page, pageSize, facets }`; requests made stale by typing are aborted.
 * - `src` returning `{ "items": [...] }`, the `data` property, or an inline
 *   `<script type="application/json">` child (client mode: the element searches,
 *   and stays responsive with 100,000 items: the newest page shows at once, the
 *   search index is built in idle time).
 * - a `<table>` child whose header cells carry `data-field` (`title`, `url`, `indexNo`,
 *   `docNo`, `publisher`, `category`, `publishedAt`, `writtenAt`, `keywords`, `validity`,
 *   `summary`, `id`): readable without JavaScript, hidden (`hidden`) once the element has
 *   read it; a row's link becomes its `url`.
 *
 * The query is mirrored in the page URL (`?q=…&page=…`, each name after
 * `url-param-prefix`), so a search can be shared and Back/Forward restore it;
 * a typing burst makes one history entry. Items with a missing required field
 * or a URL other than http(s) are left out (see the console).
 *
 * @tagname zwgk-directory
 * @summary The searchable disclosure directory (政府信息公开目录).
 *
 * @fires {CustomEvent<ZwgkSearchDetail>} zwgk-search - A search settled: its results are shown (after a pause in typing, a filter, sort or page change, Back/Forward).
 * @fires {CustomEvent<ZwgkErrorDetail>} zwgk-error - The directory (`operation: load`) or a search (`search`) could not be loaded; `kind` is network, timeout, http, malformed or invalid.
 *
 * @slot - The source `<table>` (or inline JSON). Shown as it is when the element cannot read it.
 *
 * @csspart directory - Everything but the loading, error and empty states.
 * @csspart search - The search form.
 * @csspart search-label - The search box's label.
 * @csspart search-input - The search box.
 * @csspart clear-button - Empties the search box.
 * @csspart search-button - The 搜索 button.
 * @csspart filters - The group of filters and sort.
 * @csspart filter - Each filter's label and select.
 * @csspart filter-select - Each filter's select (主题分类, 发布机构, 年份, 有效性).
 * @csspart sort-select - The sort select.
 * @csspart count - The line with the number of results and pages (focused after a page change).
 * @csspart list - The list of results (`<ol>`).
 * @csspart item - Each document (`<article>`).
 * @csspart item-title - Each document's heading.
 * @csspart item-link - Each title's link.
 * @csspart badge - The 有效性 badge.
 * @csspart item-meta - 文号, 发布机构 and 发布日期 under the title.
 * @csspart item-summary - The 内容概述.
 * @csspart item-details - The disclosure around the metadata table.
 * @csspart item-details-summary - The 详细信息 toggle.
 * @csspart metadata - The metadata table.
 * @csspart mark - Each highlighted match.
 * @csspart pagination - The pagination `<nav>`.
 * @csspart page-button - Each page, previous and next button.
 * @csspart reset-button - Clears every condition (shown with no results).
 * @csspart loading - The skeleton shown while loading.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 * @csspart empty - Shown when nothing matches or the directory is empty.
 *
 * @cssprop [--zwgk-directory-mark-background=#ffe27a] - Background of highlighted matches.
 * @cssprop [--zwgk-directory-item-border=#8c959f] - The line between documents.
 * @cssprop [--zwgk-directory-filters-background=#f6f8fa] - Background of the filter group.
 * @cssprop [--zwgk-color-success=#1a6b32] - The 有效 badge (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - The 失效 badge (shared token).
 * @cssprop [--zwgk-color-error=#b3261e] - The 废止 badge (shared token).
 * @cssprop [--zwgk-color-link=#0b57a4] - Titles and page buttons (shared token).
 * @cssprop [--zwgk-target-size=2.75rem] - Minimum size of buttons and selects (shared token).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkDirectory extends ZwgkElement {
  static override styles = [tokens, buttons, states, directoryStyles];

  /** A URL: returning `{ "items": [...] }` (client mode), or the search endpoint with `mode="remote"`. */
  @property() src?: string;
  /** `remote`: the server searches (`src` receives the query parameters); `client` (default): the element searches. */
  @property({ reflect: true }) mode: 'client' | 'remote' = 'client';
  /** The items as `{ items: [...] }` or an array (client mode, used when `src` is not set). */
  @property({ attribute: false }) data?: unknown;
  /** Put before each URL parameter name (`dir-` gives `?dir-q=…`), to keep two directories on one page apart. */
  @property({ attribute: 'url-param-prefix' }) urlParamPrefix = '';
  /** `off` leaves the page URL and history alone. */
  @property({ attribute: 'url-state' }) urlState: 'on' | 'off' = 'on';
  /** Documents per page (1–100), unless the URL says otherwise. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;
  /** The heading level of each document's title (2–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private phase: Phase = 'idle';
  /** What the controls show: the citizen's latest query. */
  @state() private current: DirectoryQuery = {};
  /** What the list shows (may lag behind `current` while a remote search is under way). */
  @state() private shown?: Shown;
  /** The newest page of a large list, shown while it is validated and indexed. */
  @state() private preview?: DisclosureItem[];
  @state() private loadError?: LoadError;
  /** A remote search is under way, or the index is not ready for the query typed. */
  @state() private busy = false;
  @state() private openItems: ReadonlySet<string> = new Set();
  /** whether the filters are unfolded on a narrow screen */
  @state() private filtersOpen = false;

  @shadowQuery('#q') private input?: HTMLInputElement;
  @shadowQuery('#count') private countLine?: HTMLElement;

  private index?: DirectoryIndex;
  private loadedFrom?: { mode: string; src?: string; data?: unknown };
  private generation = 0;
  /** The list (client mode) and the search pages (remote mode): one request lifecycle each. */
  private readonly listRequest = new RequestController<unknown>(this, { parse: (raw) => ({ value: raw }), label: () => this.localName });
  private readonly pageRequest = new RequestController<ResultPage>(this, {
    parse: () => ({ problems: ['no query'] }),
    label: () => this.localName,
  });
  private readonly pageUrl = new UrlStateController(this, {
    enabled: () => this.urlState !== 'off',
    onNavigate: (url) => this.restore(url),
    typingDelayMs: URL_TYPING_DELAY_MS,
  });
  private validationAbort?: AbortController;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private settleTimer?: ReturnType<typeof setTimeout>;
  /** A change waiting for its results to announce and report; `focus` moves focus to the count instead of announcing. */
  private unsettled?: { focus: boolean; reveal?: boolean };
  private lastTypedAt = 0;
  private urlRead = false;

  /** The query whose results are shown. */
  get query(): DirectoryQuery {
    return { ...(this.shown?.query ?? this.current) };
  }

  /** How many documents match the shown query (undefined before the first results). */
  get total(): number | undefined {
    return this.shown?.total;
  }

  /** Shows the results of `query`, as if the citizen had asked (URL, history and `zwgk-search` included). */
  search(query: DirectoryQuery): void {
    this.change({ ...query });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: finish what leaving interrupted.
    if (!this.loadedFrom) this.requestUpdate();
    else if (this.busy) this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    clearTimeout(this.settleTimer);
    // Unfinished loading starts again if the element comes back.
    if (this.phase === 'loading' || this.phase === 'preparing') {
      this.cancelLoading();
      this.loadedFrom = undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.urlRead) {
      this.urlRead = true;
      if (this.urlState !== 'off' && !isServer) this.current = queryFromSearch(location.search, this.urlParamPrefix);
    }
    const from = this.loadedFrom;
    if (!from || from.mode !== this.mode || from.src !== this.src || from.data !== this.data) this.load();
    else if (changed.has('pageSize') && changed.get('pageSize') !== undefined) this.refresh();
  }

  // ——— Loading ———

  private cancelLoading(): void {
    this.generation++;
    this.listRequest.abort();
    this.pageRequest.abort();
    this.validationAbort?.abort();
    clearTimeout(this.searchTimer);
  }

  private load(): void {
    this.cancelLoading();
    const generation = this.generation;
    this.loadedFrom = { mode: this.mode, src: this.src, data: this.data };
    this.index = undefined;
    this.shown = undefined;
    this.preview = undefined;
    this.loadError = undefined;
    this.busy = false;
    // Server rendering sees no children and fetches nothing: the browser reads and loads them.
    const inline = isServer ? null : this.querySelector(':scope > script[type="application/json"]');
    const table = isServer ? null : this.querySelector<HTMLTableElement>(':scope > table');

    if (this.mode === 'remote') {
      this.phase = this.src ? 'loading' : 'idle';
      if (this.src && !isServer) this.fetchPage();
    } else if (this.src) {
      this.phase = 'loading';
      if (!isServer) void this.fetchList(this.src, generation);
    } else if (this.data !== undefined && this.data !== null) {
      void this.acceptList(this.data, generation);
    } else if (inline && awaitsHydration(this)) {
      // The server could not read the child: hydrate as it rendered (idle), then read it.
      this.phase = 'idle';
      void this.updateComplete.then(() => this.load());
    } else if (inline) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(inline.textContent ?? '');
      } catch (error) {
        this.fail({ kind: 'invalid', detail: `Inline JSON could not be read: ${String(error)}` });
        return;
      }
      void this.acceptList(parsed, generation);
    } else if (table) {
      const items = readDirectoryTable(table);
      if (items === null) {
        this.phase = 'unreadable-table';
        console.warn('[zwgk-directory] the <table> child has no header cell with data-field="title"; it is shown as it is.');
      } else {
        table.hidden = true;
        this.ready(items, [], items.length);
      }
    } else {
      this.phase = 'idle';
    }
  }

  private async fetchList(src: string, generation: number): Promise<void> {
    const state = await this.listRequest.run((signal) => requestJson(src, { signal }));
    if (!state || generation !== this.generation) return;
    if (state.status === 'error') this.fail(state.error);
    else if (state.status === 'ready') await this.acceptList(state.value, generation);
  }

  /**
   * A client-mode payload. A short list is validated and indexed at once; a
   * long one shows its newest page first, and is validated and indexed in
   * short tasks, so the page keeps answering; what only makes search faster
   * (the postings, the title order) is prepared after that, in short tasks too.
   */
  private async acceptList(data: unknown, generation: number): Promise<void> {
    const list = payloadItems(data);
    if (!list) {
      this.fail({ kind: 'invalid', detail: 'Expected { "items": [...] } or an array of items.' });
      return;
    }
    if (list.length <= VALIDATE_AT_ONCE) {
      const { items, problems } = validateDisclosureItems(list);
      this.ready(items, problems, list.length);
      return;
    }
    this.phase = 'preparing';
    if (sameQuery(this.current, {})) this.preview = newestValidItems(list, this.effectivePageSize());
    const abort = (this.validationAbort = new AbortController());
    const validated = await validateInSlices(list, { signal: abort.signal });
    if (!validated || generation !== this.generation) return;
    const slices = { pause: yieldToBrowser, signal: abort.signal };
    const index = await runInSlices(directoryIndexSteps(validated.items), slices);
    if (!index || generation !== this.generation) return;
    this.ready(validated.items, validated.problems, list.length, index);
    await runInSlices(postingsSteps(index), slices);
    await runInSlices(titleOrderSteps(index), slices);
  }

  /** Indexes the valid items and shows the current query's results. */
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
    this.index = index ?? createDirectoryIndex(items);
    this.preview = undefined;
    this.phase = 'ready';
    this.refresh();
  }

  private fail(error: LoadError): void {
    this.phase = 'error';
    this.loadError = error;
    this.busy = false;
    this.preview = undefined;
    console.warn('[zwgk-directory] could not show the directory:', error.detail ?? error.kind);
    this.emit<ZwgkErrorDetail>('zwgk-error', errorDetail(this.shown ? 'search' : 'load', error));
  }

  private retry(): void {
    if (this.mode === 'remote' && this.src) {
      this.phase = 'loading';
      this.fetchPage();
    } else {
      this.load();
    }
  }

  // ——— Searching ———

  private effectivePageSize(): number {
    return clampPageSize(this.current.pageSize ?? this.pageSize);
  }

  private effectiveQuery(): DirectoryQuery {
    return { ...this.current, pageSize: this.effectivePageSize() };
  }

  /** Shows the results of `current`: at once in client mode, after a request in remote mode. */
  private refresh(typing = false): void {
    if (this.mode === 'remote') {
      if (!this.src) return;
      this.pageRequest.abort();
      clearTimeout(this.searchTimer);
      if (typing) {
        this.busy = this.shown !== undefined;
        this.searchTimer = setTimeout(() => this.fetchPage(), REMOTE_DEBOUNCE_MS);
      } else {
        this.fetchPage();
      }
      return;
    }
    if (this.index) {
      const query = this.effectiveQuery();
      this.show({ ...queryDirectory(this.index, query), query });
    } else if (this.phase === 'preparing') {
      // Shown when the index is ready, in a moment.
      this.busy = true;
    }
  }

  private async fetchPage(): Promise<void> {
    clearTimeout(this.searchTimer);
    const query = this.effectiveQuery();
    const generation = this.generation;
    if (this.shown) this.busy = true;
    const url = remoteUrl(this.src!, query, location.href);
    const state = await this.pageRequest.run(
      (signal) => requestJson(url, { signal }),
      (raw) => parseResultPage(raw, query),
    );
    if (!state || generation !== this.generation) return;
    if (state.status === 'error') this.fail(state.error);
    else if (state.status === 'ready') {
      this.phase = 'ready';
      this.show({ ...state.value, query });
    }
  }

  private show(shown: Shown): void {
    this.shown = shown;
    this.busy = false;
    // A page past the end shows the last page: say so in the URL too.
    if ((this.current.page ?? 1) !== shown.page) {
      this.current = { ...this.current, page: shown.page > 1 ? shown.page : undefined };
      this.writeUrl('replace');
    }
    this.scheduleSettle();
  }

  /** A change the citizen made (or `search()`): remember it in the URL and show its results. */
  private change(next: DirectoryQuery, how: { typing?: boolean; focus?: boolean; reveal?: boolean } = {}): void {
    this.current = next;
    const typing = how.typing ?? false;
    this.lastTypedAt = typing ? Date.now() : 0;
    this.writeUrl(typing ? 'typing' : 'push');
    this.unsettled = { focus: how.focus ?? false, reveal: how.reveal };
    this.refresh(typing);
  }

  /** Writes `current` into the page URL (see UrlStateController for how history entries are made). */
  private writeUrl(how: 'push' | 'replace' | 'typing'): void {
    this.pageUrl.write(() => hrefWithQuery(location.href, this.current, this.urlParamPrefix), how);
  }

  /** Back or Forward: show what the URL now says. */
  private restore(url: URL): void {
    if (!this.loadedFrom) return;
    const restored = queryFromSearch(url.search, this.urlParamPrefix);
    if (sameQuery(restored, this.current)) return;
    this.current = restored;
    this.lastTypedAt = 0;
    this.unsettled = { focus: false };
    this.refresh();
  }

  /** Once the citizen pauses: announce the count (or focus it) and fire `zwgk-search`. */
  private scheduleSettle(): void {
    if (!this.unsettled) return;
    clearTimeout(this.settleTimer);
    const wait = Math.max(0, this.lastTypedAt + TYPING_PAUSE_MS - Date.now());
    this.settleTimer = setTimeout(() => void this.settle(), wait);
  }

  private async settle(): Promise<void> {
    const work = this.unsettled;
    const shown = this.shown;
    if (!work || !shown || this.busy || this.phase !== 'ready') return;
    this.unsettled = undefined;
    this.pageUrl.endBurst();
    if (work.focus) {
      await this.updateComplete;
      this.countLine?.focus();
    } else {
      if (work.reveal) {
        await this.updateComplete;
        this.countLine?.scrollIntoView({ block: 'start' });
      }
      void this.announce(this.localize(() => describeCount(shown, true, this.locale)));
    }
    this.emit<ZwgkSearchDetail>('zwgk-search', { ...shown.query });
  }

  // ——— Controls ———

  private onInput(event: InputEvent): void {
    // Mid-composition (pinyin being typed) is not yet what the citizen means.
    if (!event.isComposing) this.typed((event.target as HTMLInputElement).value);
  }

  private typed(value: string): void {
    if (value === (this.current.q ?? '')) return;
    this.change({ ...this.current, q: value || undefined, page: undefined }, { typing: true });
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    // Pressing 搜索 scrolls the count line to the top of the screen (on a phone the results may start below the fold)
    // and announces it; focus stays in the box, so Escape still clears it and the next search is one edit away.
    this.change({ ...this.current, q: this.input?.value || undefined, page: undefined }, { reveal: true });
  }

  private clearText(): void {
    this.change({ ...this.current, q: undefined, page: undefined });
    this.input?.focus();
  }

  private onFilter(name: FacetName, value: string): void {
    const next: DirectoryQuery = { ...this.current, page: undefined };
    if (name === 'year') next.year = value ? Number(value) : undefined;
    else if (name === 'validity') next.validity = (value || undefined) as DirectoryQuery['validity'];
    else next[name] = value || undefined;
    this.change(next);
  }

  private onSort(value: DirectorySort): void {
    this.change({ ...this.current, sort: value, page: undefined });
  }

  private goToPage(page: number): void {
    this.change({ ...this.current, page: page > 1 ? page : undefined }, { focus: true });
  }

  private resetAll(): void {
    this.change({ pageSize: this.current.pageSize });
    this.input?.focus();
  }

  private onToggle(event: Event): void {
    const details = event.target as HTMLDetailsElement;
    const id = details.dataset.id!;
    if (details.open === this.openItems.has(id)) return;
    const next = new Set(this.openItems);
    if (details.open) next.add(id);
    else next.delete(id);
    this.openItems = next;
  }

  // ——— Rendering ———

  protected renderContent(): unknown {
    switch (this.phase) {
      case 'idle':
        return html`${renderEmpty(msg('目录中暂无信息。'))}<slot @slotchange=${() => this.load()}></slot>`;
      case 'unreadable-table':
        return html`<slot></slot>`;
      case 'loading':
        return renderSkeleton(6);
      case 'error':
        return renderLoadError(this.loadError!, () => this.retry());
      default:
        return this.renderDirectory();
    }
  }

  private renderDirectory(): TemplateResult {
    const shown = this.shown;
    const items = shown?.items ?? this.preview;
    const working = this.busy || this.phase === 'preparing';
    const narrowed = !sameQuery({ ...this.current, sort: undefined, pageSize: undefined }, {});
    return html`<div class="directory" part="directory">
      ${searchBox({
        q: this.current.q ?? '',
        onInput: (event) => this.onInput(event),
        onComposed: (value) => this.typed(value),
        onSubmit: (event) => this.onSubmit(event),
        onClear: () => this.clearText(),
      })}
      ${
        shown
          ? filters({
              facets: shown.facets,
              current: this.current,
              locale: this.locale,
              onFilter: (name, value) => this.onFilter(name, value),
              onSort: (value) => this.onSort(value),
              open: this.filtersOpen,
              onToggle: () => (this.filtersOpen = !this.filtersOpen),
            })
          : nothing
      }
      <p class="count" id="count" part="count" tabindex="-1">
        ${this.phase === 'preparing' ? msg('正在准备检索…') : this.busy ? msg('正在搜索…') : shown && shown.total > 0 ? describeCount(shown, false, this.locale) : ''}
      </p>
      ${
        items && items.length > 0
          ? html`<ol class="results" part="list" aria-labelledby="count" aria-busy=${working ? 'true' : 'false'}>
              ${items.map((item, position) =>
                renderItem({
                  item,
                  q: shown?.query.q,
                  locale: this.locale,
                  headingLevel: this.headingLevel,
                  position,
                  open: this.openItems.has(item.id),
                  onToggle: (event) => this.onToggle(event),
                }),
              )}
            </ol>`
          : shown
            ? noResults({ emptyDirectory: shown.total === 0, narrowed, onReset: () => this.resetAll() })
            : renderSkeleton(6)
      }
      ${shown ? pagination(shown, this.locale, (page) => this.goToPage(page)) : nothing}
    </div>`;
  }
}

defineElement('zwgk-directory', ZwgkDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-directory': ZwgkDirectory;
  }
}
