import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { DataSourceController, inlineJson } from '../base/controllers/data-source.js';
import { describeLoadError, renderEmpty, renderLoadError, renderSkeleton } from '../base/states.js';
import { saveFile } from '../base/download.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { reportViewerStyles } from './report-viewer.styles.js';
import type { ReportFinding, ReportTable } from '../../api/types/report.js';
import type { ZwgkCheckedDetail } from '../../events/zwgk-checked.js';
import type { CompareStatus, PreparedReport } from './view.js';
import { ImportedPage, fetchReportSource } from './page-source.js';
import { parseVersions, renderVersions, versionsStyles } from './versions.js';
import { loadView, loadedView } from './view-loader.js';
import { awaitsHydration } from '../base/hydration.js';
import type { PublishedVersion } from '../../api/types/report-draft.js';

type View = typeof import('./view.js');

export type { ZwgkCheckedDetail as ReportCheckedDetail } from '../../events/zwgk-checked.js';

const accept = (raw: unknown) => ({ value: raw });

/**
 * 政府信息公开工作年度报告 — the annual report on government information disclosure, in
 * either national format (国办公开办函〔2019〕60号 or 〔2021〕30号): title and details, a
 * table of contents, the narrative parts (一、五、六) as sanitised HTML, tables 二, 三 and 四
 * as real tables headed as in the template, and charts of the outcomes and applicants.
 *
 * The report is checked against the template's arithmetic (R1–R9) and its data format. A
 * summary at the top (“2 个错误，1 个警告”) lists each finding in the element's language with
 * links to the cells involved; those cells carry an icon and the finding's number. With the
 * previous year's report (`compare-src` or `compareData`) the carry-over check R6 (and R7)
 * runs and a year-over-year comparison appears.
 *
 * Every table downloads as CSV (UTF-8 with BOM, for Excel) and the document as JSON; the
 * print layout prints every table with its header on each page. In English, labels are
 * translated and the official Chinese label stays beneath (the Chinese text is the legal one).
 *
 * Data: `src` (a URL returning the document, e.g. `GET {api-base}/reports/2024`), the `data`
 * property, or an inline `<script type="application/json">` child. When `src` answers with a
 * published report page (text/html) instead, the page is read in the browser (tables 二、三、四
 * by their labels, the narrative parts, agency and year) and shown with a note that the
 * figures were read from the published page, listing what could not be read. A document that cannot be
 * read (not an object, unknown format, no agency or year) is an error listing what is wrong.
 *
 * With `versions-src` (`GET {api-base}/reports/{year}/versions`) the viewer lists every
 * published version with the note of each correction, and opens an older one on request.
 *
 * @tagname zwgk-report-viewer
 * @summary The annual report on government information disclosure (政府信息公开工作年度报告), checked.
 *
 * @fires {CustomEvent<ZwgkCheckedDetail>} zwgk-checked - The report was checked: once per document (and last year's, when given, is waited for); also for a document that cannot be shown.
 *
 * @csspart report - The whole report (an `<article>`).
 * @csspart imported-note - The note above a report read from a published page.
 * @csspart imported-problems - Its list of what could not be read.
 * @csspart title - The report's title.
 * @csspart meta - Agency, year, publication date, format and contact.
 * @csspart actions - The JSON download and print buttons.
 * @csspart json-button - Downloads the document as JSON.
 * @csspart print-button - Opens the print dialog.
 * @csspart toc - The table of contents.
 * @csspart toc-link - Each link in the table of contents.
 * @csspart findings - The check results.
 * @csspart findings-summary - The line with the number of errors and warnings.
 * @csspart finding - Each finding.
 * @csspart compare-error - Shown when the previous year's report could not be loaded.
 * @csspart compare-retry-button - Loads the previous year's report again.
 * @csspart section - Each part of the report (一 … 六, charts, comparison).
 * @csspart section-heading - Each part's heading.
 * @csspart narrative - The sanitised text of 一、五、六.
 * @csspart table-scroll - The scrollable, focusable region around each table.
 * @csspart table - Each table.
 * @csspart cell-mark - The icon and number on a cell that a finding involves.
 * @csspart csv-button - Each table's CSV download button.
 * @csspart chart - Each chart (a `<figure>` with an SVG).
 * @csspart loading - The skeleton shown while loading.
 * @csspart error - The error state (a failed request, or a document that cannot be read).
 * @csspart problems - The list of problems of a document that cannot be read.
 * @csspart retry-button - The error state's Retry button.
 * @csspart empty - Shown when there is no report.
 * @csspart versions - The version history (with `versions-src`) and the note of a correction.
 *
 * @cssprop [--zwgk-report-viewer-row-label-width=18em] - Widest the sticky row-label column gets.
 * @cssprop [--zwgk-report-viewer-header-background=#f6f8fa] - Background of table headers.
 * @cssprop [--zwgk-report-viewer-bar-color=#0b57a4] - This year's bars in the charts.
 * @cssprop [--zwgk-report-viewer-previous-bar-color=#ffffff] - Last year's bars (drawn with an outline).
 * @cssprop [--zwgk-color-text=#1f2328] - Body text (shared token).
 * @cssprop [--zwgk-color-muted=#57606a] - Secondary text, such as the official Chinese labels (shared token).
 * @cssprop [--zwgk-color-link=#0b57a4] - Links (shared token).
 * @cssprop [--zwgk-color-border=#8c959f] - Table and box borders (shared token).
 * @cssprop [--zwgk-color-error=#b3261e] - Errors (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - Warnings (shared token).
 * @cssprop [--zwgk-font-size-base=1rem] - Base text size (shared token; 1.25rem in the elder theme).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkReportViewer extends ZwgkElement {
  protected static override english = () => import('../../i18n/locales/en-report-viewer.js');
  static override styles = [tokens, buttons, states, reportViewerStyles, versionsStyles];

  /** A URL returning the annual report document as JSON, or a published report page (HTML). */
  @property() src?: string;
  /** The annual report document as an object (used when `src` is not set). */
  @property({ attribute: false }) data?: unknown;
  /** A URL returning the previous year's report, for the carry-over check (R6) and the comparison. */
  @property({ attribute: 'compare-src' }) compareSrc?: string;
  /** The previous year's report as an object (used when `compare-src` is not set). */
  @property({ attribute: false }) compareData?: unknown;
  /** The heading level of the report's title (1–5); its parts are one level below, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** A URL returning the report's published versions (`GET {api-base}/reports/{year}/versions`): shows the history, and opens older versions. */
  @property({ attribute: 'versions-src' }) versionsSrc?: string;

  /** An older version opened from the history (undefined: `src`, the newest). */
  @state() private openedVersion?: PublishedVersion;

  private readonly source = new DataSourceController<unknown>(this, {
    src: () =>
      this.openedVersion && this.versionsSrc
        ? new URL(this.openedVersion.href, new URL(this.versionsSrc, document.baseURI)).href
        : this.src,
    data: () => this.data,
    inline: () => inlineJson(this),
    parse: accept,
    label: () => this.localName,
    fetch: fetchReportSource,
  });
  /** Last year's report: the same loading, abort and error handling; no inline JSON (the element's own child is this year's). */
  private readonly compareSource = new DataSourceController<unknown>(this, {
    src: () => this.compareSrc,
    data: () => this.compareData,
    parse: accept,
    label: () => `${this.localName} (compare-src)`,
  });
  private readonly versionsSource = new DataSourceController<PublishedVersion[]>(this, {
    src: () => this.versionsSrc,
    data: () => undefined,
    parse: parseVersions,
    label: () => `${this.localName} (versions-src)`,
  });
  // On the server, provided by zwgk-kit/ssr; in the browser, loaded after connecting (the first render shows loading).
  private view?: View = isServer ? loadedView() : undefined;
  /** The view could not be loaded. */
  private viewFailed = false;
  private prepared?: PreparedReport;
  private preparedPrevious?: unknown;
  private announced?: PreparedReport;

  /** The findings of the last check, errors first; empty until the report has been checked. */
  get findings(): readonly ReportFinding[] {
    return this.prepared?.findings ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.fetchView();
  }

  /** Loads the view, then renders again; a failure shows the error state with Retry. */
  private fetchView(): void {
    this.viewFailed = false;
    loadView().then(
      () => {
        this.view = loadedView();
        this.requestUpdate();
      },
      () => {
        this.viewFailed = true;
        this.requestUpdate();
      },
    );
  }

  /**
   * The first update hydrates what the server rendered and must render the same. When that is the report
   * (server rendering with `zwgk-kit/ssr`), it waits for the view, which the browser loads on demand.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || this.view || !this.shadowRoot?.querySelector('[part="report"]')) return super.scheduleUpdate();
    return loadView()
      .then(
        (view) => (this.view = view),
        () => undefined,
      )
      .then(() => super.scheduleUpdate());
  }

  /** The checked report for the current documents, recomputed only when one of them changes. */
  private current(): PreparedReport | undefined {
    const main = this.source.state;
    const compare = this.compareSource.state;
    if (!this.view || main.status !== 'ready') return undefined;
    // A published page that src answered with has been read into a document already.
    const raw = main.value instanceof ImportedPage ? main.value.report : main.value;
    // Last year's report on its way: wait for it the first time, keep the report shown on a reload.
    if (compare.status === 'loading') return this.prepared?.raw === raw ? this.prepared : undefined;
    const previous = compare.status === 'ready' ? compare.value : undefined;
    let prepared = this.prepared;
    if (!prepared || prepared.raw !== raw || this.preparedPrevious !== previous) {
      prepared = this.prepared = this.view.prepareReport(raw, previous);
      this.preparedPrevious = previous;
    }
    return prepared;
  }

  /** This render hydrates the server's HTML. */
  private hydrating(): boolean {
    return !isServer && awaitsHydration(this);
  }

  protected renderContent(): unknown {
    const state = this.source.state;
    if (state.status === 'loading') return renderSkeleton(8);
    if (state.status === 'error') return renderLoadError(state.error, () => this.source.retry());
    if (state.status !== 'ready') return renderEmpty(msg('暂无年度报告。'));
    if (this.viewFailed) return renderLoadError({ kind: 'network' }, () => this.fetchView());
    const report = this.current();
    // The view module is loading, or last year's report is on its way.
    if (!this.view || !report) return renderSkeleton(8);
    const note = state.value instanceof ImportedPage ? state.value.note(this.locale) : nothing;
    if (!report.doc) return [note, this.view.renderUnreadable(report, this.locale, this.src ? () => this.source.retry() : undefined)];
    const versions = this.versionsSource.state.status === 'ready' ? this.versionsSource.state.value : [];
    const history = renderVersions({ versions, opened: this.openedVersion, onOpen: (v) => (this.openedVersion = v) });
    return html`${note}${history}
      <div class="viewer" @click=${this.followInPageLink}>
        ${this.view.renderReport(report, {
          locale: this.locale,
          headingLevel: this.headingLevel,
          hydrating: this.hydrating(),
          compare: this.compareStatus(),
          onRetryCompare: () => this.compareSource.retry(),
          onCsv: (table) => this.downloadCsv(table),
          onJson: () => this.downloadJson(),
          onPrint: () => window.print(),
        })}
      </div>`;
  }

  private compareStatus(): CompareStatus {
    const state = this.compareSource.state;
    if (state.status === 'error') return { status: 'error', error: state.error };
    if (state.status !== 'ready') return { status: 'none' };
    return this.prepared?.previous ? { status: 'ready' } : { status: 'unreadable' };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const report = this.prepared;
    if (!report || report === this.announced || report !== this.current()) return;
    this.announced = report;
    const { findings, errors, warnings } = report;
    this.emit<ZwgkCheckedDetail>('zwgk-checked', { findings, errors, warnings });
    if (report.doc) this.announce(this.localize(() => msg(str`年度报告已核对：${this.view!.summaryText(report)}`)));
  }

  /**
   * In-page links (table of contents, findings, cell marks) point at ids inside the shadow
   * root, which the browser's own fragment navigation cannot reach: scroll there and move
   * focus, keeping the real href for copying and opening.
   */
  private followInPageLink = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const href = link?.getAttribute('href');
    if (!href || !href.startsWith('#') || href.length < 2) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(href.slice(1))}`);
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({
      behavior: smooth ? 'smooth' : 'auto',
      block: target.localName === 'td' ? 'center' : 'start',
      inline: 'nearest',
    });
    target.focus({ preventScroll: true });
  };

  /** Downloads one table (二, 三 or 四) as CSV, labels in the element's language. */
  downloadCsv(table: ReportTable): void {
    const doc = this.prepared?.doc;
    const view = this.view;
    if (!doc || !view) return;
    const file = this.localize(() => view.csvFile(doc, table, this.locale));
    file.text.then(
      (text) => saveFile(file.name, text, 'text/csv;charset=utf-8'),
      // The CSV writer's chunk did not arrive: say so; the button tries again.
      () => void this.announce(this.localize(() => describeLoadError({ kind: 'network' }).title)),
    );
  }

  /** Downloads the document as received, as JSON. */
  downloadJson(): void {
    const report = this.prepared;
    if (!report?.doc || !this.view) return;
    const file = this.view.jsonFile(report.doc, report.raw);
    saveFile(file.name, file.text, 'application/json;charset=utf-8');
  }
}

defineElement('zwgk-report-viewer', ZwgkReportViewer);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-report-viewer': ZwgkReportViewer;
  }
}
