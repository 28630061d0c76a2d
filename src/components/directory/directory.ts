import { html, isServer, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { UrlStateController } from '../base/controllers/url-state.js';
import { renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import type { ZwgkSearchDetail } from '../../events/zwgk-search.js';
import type { DirectoryQuery } from '../../api/types/directory.js';
import { DEFAULT_PAGE_SIZE, clampPageSize } from '../../core/directory/query-options.js';
import { DirectoryLoader, type Shown } from './loader.js';
import { loadLocalSearch, loadedLocalSearch } from './local-search-loader.js';
import { awaitsHydration } from '../base/hydration.js';
import { SettleController, type SettleWork } from './settle.js';
import { hrefWithQuery, queryFromSearch, sameQuery } from './url-sync.js';
import { describeCount, type QueryChange } from './controls.js';
import { directoryView } from './layout.js';
import { warmDirectoryTemplates } from './warm-up.js';
// The stylesheet after the templates whose class names it repeats: the bundle compresses some 80 B better.
import { directoryStyles } from './directory.styles.js';

/** Milliseconds of quiet after typing before the URL follows: history calls cost a few ms, too much per keystroke. */
const URL_TYPING_DELAY_MS = 250;

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
 *   search index is built in idle time). A `src` list is fetched, indexed and
 *   searched in a Web Worker, so the page holds only the results it shows: the
 *   same-origin file `zwgk-directory-worker.js` that ships beside the bundle
 *   (`dist/cdn/`, `dist/cdn/chunks/`, `dist/chunks/`; CSP `worker-src 'self'`
 *   allows it). A bundler that moves the kit's chunks must copy that file beside
 *   them; where no worker starts, the page does the work itself, in short tasks.
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
  protected static override english = () => import('../../i18n/locales/en-directory.js');
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

  /** What the controls show: the citizen's latest query. */
  @state() private current: DirectoryQuery = {};
  /** whether the filters are unfolded on a narrow screen */
  @state() private filtersOpen = false;

  // Getters rather than @query: the decorator and its base cost the directory's chunk ~350 B gzip for two lookups.
  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('#q');
  }
  private get countLine(): HTMLElement | null {
    return this.renderRoot.querySelector('#count');
  }

  /** The items, the index and the results shown (see DirectoryLoader). */
  private readonly loader = new DirectoryLoader(this, {
    source: () => ({ mode: this.mode, src: this.src, data: this.data }),
    query: () => ({ ...this.current, pageSize: this.effectivePageSize() }),
    previewSize: () => (sameQuery(this.current, {}) ? this.effectivePageSize() : undefined),
    onShown: (shown) => this.onShown(shown),
    onFail: (error, operation) => this.emit<ZwgkErrorDetail>('zwgk-error', errorDetail(operation, error)),
  });
  private readonly settler = new SettleController(this, (work) => this.settle(work));
  private readonly pageUrl = new UrlStateController(this, {
    enabled: () => this.urlState !== 'off',
    onNavigate: (url) => this.restore(url),
    typingDelayMs: URL_TYPING_DELAY_MS,
  });
  private urlRead = false;
  /** Whether its templates were prepared while a list downloaded (warmDirectoryTemplates): once is enough. */
  private templatesWarmed = false;
  /** The documents whose 详细信息 is open: their metadata tables are rendered. */
  private readonly openItems = new Set<string>();

  /** The query whose results are shown. */
  get query(): DirectoryQuery {
    return { ...(this.loader.shown?.query ?? this.current) };
  }

  /** How many documents match the shown query (undefined before the first results). */
  get total(): number | undefined {
    return this.loader.shown?.total;
  }

  /** Shows the results of `query`, as if the citizen had asked (URL, history and `zwgk-search` included). */
  search(query: DirectoryQuery): void {
    this.change({ ...query });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: finish what leaving interrupted.
    if (!this.loader.started) this.requestUpdate();
    else if (this.loader.busy) this.loader.refresh();
  }

  /**
   * The first render of a list the element searches itself (`data`, inline JSON, a `<table>` child) waits for
   * the search, which the browser loads on demand: the results show in that render, and in hydration as server
   * rendering (with `zwgk-kit/ssr`) showed them. (A failed load shows the error state with Retry.)
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || loadedLocalSearch() || !this.hasOwnList()) return super.scheduleUpdate();
    return loadLocalSearch()
      .catch(() => undefined)
      .then(() => super.scheduleUpdate());
  }

  /**
   * Before the first update: whether the element will search a list of its own. (`data` set before the element
   * was defined, as frameworks do, reaches it only in that update: server-rendered, it is taken to have a list;
   * otherwise its first render shows the loading state.)
   */
  private hasOwnList(): boolean {
    if (this.src || this.mode === 'remote') return false;
    const child = this.querySelector(':scope > table, :scope > script[type="application/json"]');
    return this.data != null || child !== null || awaitsHydration(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.urlRead) {
      this.urlRead = true;
      if (this.urlState !== 'off' && !isServer) this.current = queryFromSearch(location.search, this.urlParamPrefix);
    }
    if (this.loader.stale) this.loader.load();
    else if (changed.has('pageSize') && changed.get('pageSize') !== undefined) this.loader.refresh();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // While the list or the first answer downloads the page is idle: the templates of the results are prepared then.
    if (this.loader.phase === 'loading' && !this.templatesWarmed) {
      this.templatesWarmed = true;
      warmDirectoryTemplates({ locale: this.locale, headingLevel: this.headingLevel }, () => this.loader.phase === 'loading');
    }
  }

  private effectivePageSize(): number {
    return clampPageSize(this.current.pageSize ?? this.pageSize);
  }

  private onShown(shown: Shown): void {
    // A page past the end shows the last page: say so in the URL too.
    if ((this.current.page ?? 1) !== shown.page) {
      this.current = { ...this.current, page: shown.page > 1 ? shown.page : undefined };
      this.writeUrl('replace');
    }
    this.settler.shown();
  }

  /** A change the citizen made with a control (or `search()`): remember it in the URL and show its results. */
  private change(next: DirectoryQuery, how: QueryChange = {}): void {
    const typing = how.typing ?? false;
    // Typing that leaves the text as it was (the end of a pinyin composition repeats it) changes nothing.
    if (typing && next.q === this.current.q) return;
    this.current = next;
    this.writeUrl(typing ? 'typing' : 'push');
    this.settler.expect({ focus: how.focus ?? false, reveal: how.reveal }, typing);
    this.loader.refresh(typing);
    // The clear button goes away with the text: focus stays in the box.
    if (how.box) this.input?.focus();
  }

  /** Writes `current` into the page URL (see UrlStateController for how history entries are made). */
  private writeUrl(how: 'push' | 'replace' | 'typing'): void {
    this.pageUrl.write(() => hrefWithQuery(location.href, this.current, this.urlParamPrefix), how);
  }

  /** Back or Forward: show what the URL now says. */
  private restore(url: URL): void {
    if (!this.loader.started) return;
    const restored = queryFromSearch(url.search, this.urlParamPrefix);
    if (sameQuery(restored, this.current)) return;
    this.current = restored;
    this.settler.expect({ focus: false });
    this.loader.refresh();
  }

  /** Once the citizen pauses: announce the count (or focus it) and fire `zwgk-search`. */
  private settle(work: SettleWork): boolean {
    if (!this.loader.settled) return false;
    void this.reportSettled(work, this.loader.shown!);
    return true;
  }

  private async reportSettled(work: SettleWork, shown: Shown): Promise<void> {
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

  private onToggle(event: Event): void {
    const { open, dataset } = event.target as HTMLDetailsElement;
    const id = dataset.id!;
    if (open === this.openItems.has(id)) return;
    if (open) this.openItems.add(id);
    else this.openItems.delete(id);
    this.requestUpdate();
  }

  // ——— Rendering ———

  protected renderContent(): unknown {
    const { phase, error } = this.loader;
    switch (phase) {
      case 'idle':
        return html`${renderEmpty(msg('目录中暂无信息。'))}<slot @slotchange=${() => this.loader.load()}></slot>`;
      case 'unreadable-table':
        return html`<slot></slot>`;
      case 'loading':
        return renderSkeleton(6);
      case 'error':
        // A <table> child not read yet (its search could not be loaded) stays in view under the error.
        return html`${renderLoadError(error!, () => this.loader.retry())}<slot></slot>`;
      default:
        return this.renderDirectory();
    }
  }

  private renderDirectory(): TemplateResult {
    const { shown, preview, phase, busy } = this.loader;
    return directoryView({
      current: this.current,
      shown,
      preview,
      preparing: phase === 'preparing',
      busy,
      locale: this.locale,
      headingLevel: this.headingLevel,
      openItems: this.openItems,
      filtersOpen: this.filtersOpen,
      on: {
        change: (next, how) => this.change(next, how),
        toggleFilters: () => (this.filtersOpen = !this.filtersOpen),
        toggleItem: (event) => this.onToggle(event),
      },
    });
  }
}

defineElement('zwgk-directory', ZwgkDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-directory': ZwgkDirectory;
  }
}
