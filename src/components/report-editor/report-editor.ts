import { isServer, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { AnnualReport, ReportTable } from '../../api/types/report.js';
import { readCellInput } from '../../core/report/cell-input.js';
import type { ColumnKind } from '../../core/report/formats.js';
import { checkReport } from '../../core/report/rules.js';
import type { ZwgkReportSavedDetail } from '../../events/zwgk-report-saved.js';
import type { ZwgkReportStatusDetail } from '../../events/zwgk-report-status.js';
import { draftStore } from '../base/controllers/draft.js';
import { StaffSessionController, StaffSignInController } from '../base/controllers/staff-session.js';
import { renderStaffSignIn } from '../base/staff-sign-in.js';
import { fieldStyles } from '../base/fields.styles.js';
import { staffSignInStyles } from '../base/staff-sign-in.styles.js';
import { lazyModule } from '../base/lazy-module.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { downloadCmsHtml, downloadCsv, downloadJson } from './exports.js';
import type { NumberedFinding } from './grid.js';
import type { EditorBodyHandlers } from './editor-body.js';
import { NarrativeEditorsController } from './narrative-editors.js';
import { reportEditorStyles } from './report-editor.styles.js';
import { ReportYearController, type YearAction } from './report-year.js';

export { OVERVIEW_GUIDANCE } from './narrative-editors.js';

// What shows an open year (the tables, the findings, the workflow) loads with the first year, not with the sign-in.
const editorBody = lazyModule(() => import('./editor-body.js'));

/**
 * 年度报告编制 — the annual report on government information disclosure, written from the
 * office's own records. Opens `year`'s report in its national format (2021 format from
 * 2021 on) with table 三 counted from the applications handled, 二、上年结转 from last
 * year's published report, table 二 (一) from the directory and table 四 from the appeals
 * recorded on cases; each prefilled cell is marked with its source and can be typed over.
 *
 * The arithmetic checks (R1–R9, R6 against last year's published report) run as the cells
 * are typed and mark the cells they involve; a blank cell is blank, never 0. The narrative
 * parts are rich text that keeps only what the report viewer shows; text pasted from Word
 * is cleaned with the viewer's sanitiser. The draft saves itself on the server (a failed
 * save keeps the text and says so); a clerk submits it for review (审核), a head returns it
 * or publishes it. A published version never changes: a correction is a new version with a
 * note. Exports: the document as JSON, each table as CSV (UTF-8 with BOM), and the HTML a
 * CMS pastes into its 年报 column (the national template's layout, inline styles, no script).
 *
 * Staff sign in within the element (the staff session of the reference server).
 *
 * @tagname zwgk-report-editor
 * @summary Write, check, review and publish the annual report (年度报告编制).
 *
 * @fires {CustomEvent<ZwgkReportSavedDetail>} zwgk-report-saved - The draft was saved on the server.
 * @fires {CustomEvent<ZwgkReportStatusDetail>} zwgk-report-status - A version was started, submitted, returned or published.
 *
 * @csspart header - Title, version, status and the save state.
 * @csspart save-state - The saved / unsaved line (a status region).
 * @csspart actions - The workflow buttons.
 * @csspart exports - The download buttons.
 * @csspart findings - The check results.
 * @csspart finding - Each finding.
 * @csspart section - Each part of the report.
 * @csspart toolbar - The formatting buttons of a narrative part.
 * @csspart rich-text - The editable text of a narrative part.
 * @csspart count - The character count of 一、总体情况 (2021 format).
 * @csspart table - Each table.
 * @csspart cell-input - Each number input.
 * @csspart cell-source - The mark of a prefilled cell (its source; * when changed).
 * @csspart cell-mark - The number of a finding at a cell.
 * @csspart versions - The version history.
 * @csspart sign-in - The staff sign-in form.
 * @csspart sign-in-button - 登录.
 * @csspart sign-in-error - Why signing in failed, in words.
 * @csspart session-expired - Said when the session ended on the server.
 * @csspart loading - The skeleton shown while loading.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 * @csspart empty - Shown before the year's report has been started.
 *
 * @cssprop [--zwgk-report-editor-prefilled-background=#eef5fc] - Background of a prefilled cell.
 * @cssprop [--zwgk-color-error=#b3261e] - Errors (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - Warnings (shared token).
 */
export class ZwgkReportEditor extends ZwgkElement {
  protected static override english = () => import('../../i18n/locales/en-report-editor.js');
  static override styles = [tokens, buttons, states, fieldStyles, staffSignInStyles, reportEditorStyles];

  /** Base URL of the backend (`…/api`); the staff endpoints are under `{api-base}/staff`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** The report year, e.g. 2026. */
  @property({ type: Number }) year?: number;

  /** Typed text that is not a number, by cell key: shown as typed, never saved as a number. */
  @state() private unreadable = new Map<string, string>();
  @state() private cmsFailed = false;
  /** The code that shows an open year could not be loaded (Retry loads it again). */
  @state() private bodyFailed = false;
  private bodyAsked = false;

  private readonly session = new StaffSessionController(this, { apiBase: () => this.apiBase, locale: () => this.locale });
  private readonly signIn = new StaffSignInController(this, this.session, () => this.renderRoot);
  private readonly report = new ReportYearController(this, {
    apiBase: () => this.apiBase,
    year: () => this.year,
    session: this.session,
    onSaved: (v) => this.emit<ZwgkReportSavedDetail>('zwgk-report-saved', { year: v.year, version: v.version, revision: v.revision }),
    onStatus: (v) =>
      this.emit<ZwgkReportStatusDetail>('zwgk-report-status', {
        year: v.year,
        version: v.version,
        status: v.status,
        ...(v.note ? { note: v.note } : {}),
      }),
    // Unsaved edits survive a closed tab or a failed save: staff work on their own office computers.
    store: () => draftStore('local'),
  });
  private readonly narratives = new NarrativeEditorsController(this, {
    root: () => this.renderRoot,
    doc: () => this.report.doc,
    generation: () => this.report.generation,
    editable: () => this.report.editable,
    onChange: (key, value) => this.report.setSection(key, value),
  });

  /** What the open year's view calls. */
  private readonly handlers: EditorBodyHandlers = {
    onCell: (table, row, column, kind, typed) => this.typeCell(table, row, column, kind, typed),
    onAction: (action, note) => void this.act(action, note),
    onFocusCell: (id) => this.focusCell(id),
    onCommand: (key, command) => this.narratives.run(key, command),
    onSave: () => void this.report.save(),
    onDownloadJson: () => this.downloadJson(),
    onReload: () => void this.report.load(true),
    onJson: () => this.downloadJson(),
    onCsv: (table) => {
      if (this.report.doc) downloadCsv(this.report.doc, table, this.locale);
    },
    onCmsHtml: () => {
      if (this.report.doc) void downloadCmsHtml(this.report.doc).then((ok) => (this.cmsFailed = !ok));
    },
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // On the server (SSR) the session is unknown: render the skeleton, ask nothing; the browser asks once hydrated.
    if (isServer) return;
    if (changed.has('apiBase')) void this.session.check();
    if (this.session.state.status === 'signed-in') {
      void this.report.load();
      if (!this.bodyAsked) this.loadBody();
    }
  }

  private loadBody(): void {
    this.bodyAsked = true;
    this.bodyFailed = false;
    editorBody.load().then(
      () => this.requestUpdate(),
      () => (this.bodyFailed = true),
    );
  }

  // ---- Rendering ----

  protected renderContent(): unknown {
    const session = this.session.state;
    if (session.status === 'checking') return renderSkeleton(6);
    if (session.status === 'error') return renderLoadError(session.error, () => void this.session.check(true));
    if (session.status === 'signed-out') {
      const words = { intro: msg('编制年度报告需要登录。'), expiredNote: msg('您的修改仍保留在本浏览器中，登录后可以继续保存。') };
      return renderStaffSignIn(this.signIn.view(words), this.signIn.handlers);
    }
    const year = this.report.state;
    if (year.status !== 'ready' && year.status !== 'error') return renderSkeleton(10);
    if (year.status === 'error') return renderLoadError(year.error, () => void this.report.load(true));
    if (this.narratives.failed) return renderLoadError({ kind: 'network' }, () => this.narratives.load());
    const body = editorBody.value;
    if (!body) return this.bodyFailed ? renderLoadError({ kind: 'network' }, () => this.loadBody()) : renderSkeleton(10);
    const current = this.report.current;
    const doc = this.report.doc;
    if (!current || !doc) {
      return body.renderNotStarted(
        { year: this.year ?? 0, role: session.user.role, busy: !!this.report.busy, failed: this.report.actionError },
        () => void this.act('create'),
      );
    }
    return body.renderEditorBody(
      {
        current,
        doc,
        user: session.user,
        locale: this.locale,
        numbered: this.findings(doc),
        editable: this.report.editable,
        unreadable: this.unreadable,
        saveState: this.report.saveState,
        restored: this.report.restored,
        busy: !!this.report.busy,
        failed: this.report.actionError,
        versions: this.report.data?.versions ?? [],
        cmsFailed: this.cmsFailed,
        active: (key) => this.narratives.activeIn(key),
      },
      this.handlers,
    );
  }

  private findings(doc: AnnualReport): NumberedFinding[] {
    const previous = this.report.data?.previous ?? undefined;
    const all = checkReport(doc, previous ? { previous } : {});
    const ordered = [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity !== 'error')];
    return ordered.map((finding, index) => ({ number: index + 1, finding }));
  }

  // ---- Behaviour ----

  private typeCell(table: ReportTable, row: string, column: number, kind: ColumnKind, typed: string): void {
    const key = `${table}|${row}|${column}`;
    const reading = readCellInput(typed, kind);
    const unreadable = new Map(this.unreadable);
    if (reading.ok) {
      unreadable.delete(key);
      this.report.setCell(table, row, column, reading.value);
    } else {
      unreadable.set(key, reading.text);
    }
    this.unreadable = unreadable;
  }

  private async act(action: YearAction, note?: string): Promise<void> {
    const done = await this.report.run(action, note);
    if (!done) return;
    this.unreadable = new Map();
    const v = this.report.current!;
    this.announce(
      action === 'submit'
        ? msg('已提交审核。')
        : action === 'publish'
          ? msg(str`第 ${v.version} 版已发布。`)
          : action === 'return'
            ? msg('已退回修改。')
            : action === 'correct'
              ? msg(str`已开始第 ${v.version} 版（更正）。`)
              : msg('已开始编制，数字已按系统记录预填。'),
    );
  }

  private focusCell(id: string): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`);
    input?.scrollIntoView({ block: 'center', inline: 'nearest' });
    input?.focus();
  }

  private downloadJson(): void {
    if (this.report.doc) downloadJson(this.report.doc);
  }
}

defineElement('zwgk-report-editor', ZwgkReportEditor);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-report-editor': ZwgkReportEditor;
  }
}
