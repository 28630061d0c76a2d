/**
 * The report as the editor shows it once a year is open: the header (save state, workflow buttons,
 * exports), the findings, the narrative parts, the three tables and the version history. It loads with
 * the first year (report-editor.ts), so the sign-in and the skeleton do not carry it. Pure: plain data
 * and the handlers it calls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ReportVersion } from '../../api/types/report-draft.js';
import type { AnnualReport, ReportFinding, ReportSections, ReportTable } from '../../api/types/report.js';
import { FORMATS } from '../../core/report/formats.js';
import type { Locale } from '../../i18n/locale.js';
import {
  narrativeLength,
  renderActions,
  renderExports,
  renderFindingsSummary,
  renderLegend,
  renderNarrative,
  renderSaveState,
  renderTableFindings,
  renderVersions,
  roleName,
  statusName,
  type ActionFailure,
  type ExportHandlers,
  type SaveStateHandlers,
} from './editor-view.js';
import { cellId, label, proactiveGrid, requestsGrid, reviewsGrid, type GridContext, type NumberedFinding } from './grid.js';
import type { SaveState, YearAction } from './report-year.js';
import type { RichTextCommand } from './rich-text.js';

export { renderNotStarted } from './editor-view.js';

export interface EditorBodyView {
  /** The version shown, and its document with the unsaved edits */
  current: ReportVersion;
  doc: AnnualReport;
  user: { name: string; role: string };
  locale: Locale;
  /** The findings of the checks, errors first, numbered as the cells show them */
  numbered: NumberedFinding[];
  editable: boolean;
  /** Typed text that is not a number, by cell key */
  unreadable: Map<string, string>;
  saveState: SaveState;
  /** Unsaved edits found in this browser were put back */
  restored: boolean;
  busy: boolean;
  failed: ActionFailure;
  /** Every version of the year, newest first */
  versions: ReportVersion[];
  cmsFailed: boolean;
  /** The pressed toolbar buttons of a narrative part */
  active: (key: keyof ReportSections) => Set<RichTextCommand>;
}

export interface EditorBodyHandlers extends SaveStateHandlers, ExportHandlers {
  onCell: GridContext['onCell'];
  onAction: (action: YearAction, note?: string) => void;
  /** Focuses the cell input with this id */
  onFocusCell: (id: string) => void;
  onCommand: (key: keyof ReportSections, command: RichTextCommand) => void;
}

function focusCell(finding: ReportFinding, on: EditorBodyHandlers): void {
  const ref = finding.cells[0];
  if (ref) on.onFocusCell(cellId(ref.table, ref.row, ref.column));
}

export function renderEditorBody(view: EditorBodyView, on: EditorBodyHandlers): TemplateResult {
  const { current, doc, user, locale, numbered, editable, unreadable } = view;
  const format = FORMATS[doc.format];
  const marks = new Map<string, NumberedFinding[]>();
  for (const item of numbered) {
    for (const ref of item.finding.cells) {
      const key = `${ref.table}|${ref.row}|${ref.column}`;
      marks.set(key, [...(marks.get(key) ?? []), item]);
    }
  }
  const ctx: GridContext = {
    doc,
    format,
    locale,
    editable,
    sources: current.sources,
    marks,
    unreadable,
    onCell: on.onCell,
  };
  const title = doc.title ?? msg(str`${doc.agency}${doc.year}年度政府信息公开工作年度报告`);
  const errors = numbered.filter((n) => n.finding.severity === 'error').length + unreadable.size;
  const warnings = numbered.length - (errors - unreadable.size);
  const headings = new Map(format.sections.map((s) => [s.key, s.heading]));
  const findingsAt = (items: NumberedFinding[]) => renderTableFindings(items, locale, (finding) => focusCell(finding, on));
  const byTable = (table: ReportTable) => findingsAt(numbered.filter((n) => n.finding.cells.some((c) => c.table === table)));
  const narrative = (key: keyof ReportSections) =>
    renderNarrative(
      {
        key,
        heading: headings.get(key)!,
        locale,
        editable,
        active: view.active(key),
        ...(key === 'overview' && doc.format === '2021' ? { count: narrativeLength(doc.sections.overview ?? '') } : {}),
      },
      (command) => on.onCommand(key, command),
    );
  return html`<article class="editor" aria-labelledby="editor-title">
    <header part="header">
      <h2 id="editor-title">${title}</h2>
      <p class="meta">
        ${label(format.formatTitle, locale)} · ${msg(str`第 ${current.version} 版`)} ·
        <strong>${statusName(current.status)}</strong> · ${msg(str`登录身份：${user.name}（${roleName(user.role)}）`)}
      </p>
      ${current.note ? html`<p class="note">${msg(str`更正说明：${current.note}`)}</p>` : nothing}
      ${current.returnNote && current.status === 'draft' ? html`<p class="note warning">${msg(str`退回意见：${current.returnNote}`)}</p>` : nothing}
      ${renderSaveState(current, view.saveState, on)}
      ${view.restored ? html`<p class="note">${msg('已恢复本浏览器中上次未保存的修改。')}</p>` : nothing}
      ${renderActions(
        {
          current,
          latest: view.versions[0],
          role: user.role,
          errors,
          busy: view.busy,
          failed: view.failed,
        },
        on.onAction,
      )}
      ${renderExports(view.cmsFailed, on)}
    </header>
    ${renderFindingsSummary(errors, warnings)} ${narrative('overview')}
    <section part="section" aria-labelledby="heading-proactive">
      <h3 id="heading-proactive">${label(headings.get('proactive')!, locale)}</h3>
      ${renderLegend()} ${proactiveGrid(ctx)} ${byTable('二')}
    </section>
    <section part="section" aria-labelledby="heading-requests">
      <h3 id="heading-requests">${label(headings.get('requests')!, locale)}</h3>
      ${requestsGrid(ctx)} ${byTable('三')}
    </section>
    <section part="section" aria-labelledby="heading-reviews">
      <h3 id="heading-reviews">${label(headings.get('reviews')!, locale)}</h3>
      ${reviewsGrid(ctx)} ${byTable('四')}
    </section>
    ${narrative('problems')} ${narrative('other')} ${findingsAt(numbered.filter((n) => n.finding.cells.length === 0))}
    ${renderVersions(view.versions)}
  </article>`;
}
