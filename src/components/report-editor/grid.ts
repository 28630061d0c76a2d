/**
 * Tables 二, 三 and 四 as grids of inputs. Each input is named by its row and column; a
 * prefilled cell carries a mark saying where its number came from (and whether it was
 * changed since), and a cell that a finding involves is marked with the finding's number
 * and described by its message, so the finding is at the cell while it is typed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { CellKey, PrefillOrigin, PrefillSource } from '../../api/types/report-draft.js';
import type { AnnualReport, ReportFinding, ReportTable } from '../../api/types/report.js';
import type { ColumnKind, Label, ReportFormatDef } from '../../core/report/formats.js';
import { requestRowFullLabel } from '../../core/report/formats.js';
import { rowValues } from '../../core/report/read.js';
import { showCell } from '../../core/report/cell-input.js';
import type { Locale } from '../../i18n/locale.js';

export const TABLE_NUMBER: Record<ReportTable, 2 | 3 | 4> = { 二: 2, 三: 3, 四: 4 };

/** `cell-3-3_3_1-0`: table 三, row 3.3.1, column 0. */
export const cellId = (table: ReportTable, row: string, column: number): string =>
  `cell-${TABLE_NUMBER[table]}-${row.replace(/[^\w-]/g, '_')}-${column}`;
export const findingId = (number: number): string => `finding-${number}`;
const sourceId = (id: string) => `${id}-source`;

export interface NumberedFinding {
  number: number;
  finding: ReportFinding;
}

export interface GridContext {
  doc: AnnualReport;
  format: ReportFormatDef;
  locale: Locale;
  editable: boolean;
  sources: Partial<Record<CellKey, PrefillSource>>;
  /** Findings by cell key */
  marks: Map<string, NumberedFinding[]>;
  /** What was typed into a cell that is not a number, by cell key */
  unreadable: Map<string, string>;
  onCell: (table: ReportTable, row: string, column: number, kind: ColumnKind, typed: string) => void;
}

export function label(text: Label, locale: Locale): TemplateResult | string {
  return locale === 'zh-CN' ? text['zh-CN'] : html`${text.en}<span class="official" lang="zh-CN">${text['zh-CN']}</span>`;
}

export function originLetter(origin: PrefillOrigin): string {
  switch (origin) {
    case 'applications':
      return msg('申', { desc: 'one-character mark of a cell counted from applications' });
    case 'previous-report':
      return msg('上', { desc: 'one-character mark of a cell taken from last year’s report' });
    case 'directory':
      return msg('目', { desc: 'one-character mark of a cell counted in the directory' });
    case 'cases':
      return msg('案', { desc: 'one-character mark of a cell counted from cases' });
  }
}

export function originName(origin: PrefillOrigin): string {
  switch (origin) {
    case 'applications':
      return msg('依申请公开办理记录');
    case 'previous-report':
      return msg('上年度报告');
    case 'directory':
      return msg('政府信息公开目录');
    case 'cases':
      return msg('复议诉讼登记');
  }
}

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function sourceText(source: PrefillSource, current: unknown, locale: Locale): string {
  const system = source.value === null ? msg('空白') : String(source.value);
  const what = source.detail[locale];
  return sameValue(source.value, current)
    ? msg(str`来源：${originName(source.origin)}（${what}）。`)
    : msg(str`已手工修改；${originName(source.origin)}的数值为 ${system}（${what}）。`);
}

function cell(ctx: GridContext, table: ReportTable, row: string, column: number, kind: ColumnKind, name: string): TemplateResult {
  const key = `${table}|${row}|${column}` as CellKey;
  const id = cellId(table, row, column);
  const value = rowValues(ctx.doc, table, row)?.[column];
  const source = ctx.sources[key];
  const marks = ctx.marks.get(key) ?? [];
  const typed = ctx.unreadable.get(key);
  const error = typed !== undefined || marks.some((m) => m.finding.severity === 'error');
  const overridden = source && !sameValue(source.value, value);
  const described = [
    ...(source ? [sourceId(id)] : []),
    ...(typed !== undefined ? [`${id}-unreadable`] : []),
    ...marks.map((m) => findingId(m.number)),
  ].join(' ');
  const classes = [
    'cell',
    source ? 'prefilled' : '',
    overridden ? 'overridden' : '',
    error ? 'has-error' : marks.length ? 'has-warning' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<td class=${classes}>
    <input
      id=${id}
      part="cell-input"
      class="cell-input"
      inputmode=${kind === 'moneyOrText' ? 'text' : kind === 'count' ? 'numeric' : 'decimal'}
      autocomplete="off"
      aria-label=${name}
      aria-describedby=${described || nothing}
      aria-invalid=${error ? 'true' : nothing}
      ?readonly=${!ctx.editable}
      .value=${live(typed ?? showCell(value))}
      @input=${(event: InputEvent) => ctx.onCell(table, row, column, kind, (event.target as HTMLInputElement).value)}
    />
    ${
      source
        ? html`<span
              class="source ${overridden ? 'changed' : ''}"
              part="cell-source"
              aria-hidden="true"
              title=${sourceText(source, value, ctx.locale)}
              >${originLetter(source.origin)}${overridden ? '*' : ''}</span
            ><span id=${sourceId(id)} class="visually-hidden">${sourceText(source, value, ctx.locale)}</span>`
        : nothing
    }
    ${typed !== undefined ? html`<span id="${id}-unreadable" class="visually-hidden">${msg('请填写数字；不填表示空白。')}</span>` : nothing}
    ${marks.map((m) => html`<span class="mark ${m.finding.severity}" part="cell-mark" aria-hidden="true">${m.number}</span>`)}
  </td>`;
}

const cellName = (row: string, column: string, locale: Locale) => (locale === 'zh-CN' ? `${row}，${column}` : `${row}, ${column}`);

export function proactiveGrid(ctx: GridContext): TemplateResult {
  const { format, locale } = ctx;
  return html`${format.proactive.subTables.map(
    (subTable) =>
      html`<div class="scroll">
        <table part="table">
          <caption>
            ${label(subTable.caption, locale)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${label(format.proactive.itemHeader, locale)}</th>
              ${subTable.columns.map((c) => html`<th scope="col">${label(c.label, locale)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${subTable.rows.map(
              (row) =>
                html`<tr>
                  <th scope="row">${label(row.label, locale)}</th>
                  ${subTable.columns.map((c, column) => cell(ctx, '二', row.key, column, c.kind, cellName(row.label[locale], c.label[locale], locale)))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  )}`;
}

function columnHeader(columns: Label[], locale: Locale): TemplateResult {
  return html`<thead>
    <tr>
      <td></td>
      ${columns.map((c) => html`<th scope="col">${label(c, locale)}</th>`)}
    </tr>
  </thead>`;
}

export function requestsGrid(ctx: GridContext): TemplateResult {
  const { format, locale } = ctx;
  const { columns, rows, groups } = format.requests;
  const shown = new Set<string>();
  return html`<div class="scroll">
    <table part="table" class="requests">
      <caption>
        ${label(format.requests.note, locale)}
      </caption>
      ${columnHeader(columns, locale)}
      <tbody>
        ${rows.map((row) => {
          const opening = row.groups.filter((g) => !shown.has(g));
          opening.forEach((g) => shown.add(g));
          const groupRows = opening.map((g) => {
            const group = groups.find((x) => x.id === g);
            return html`<tr class="group">
              <th scope="rowgroup" colspan=${columns.length + 1} class="depth-${row.groups.indexOf(g)}">
                ${group ? label(group.label, locale) : g}
              </th>
            </tr>`;
          });
          const name = requestRowFullLabel(format, row.id, locale);
          return html`${groupRows}
            <tr>
              <th scope="row" class="depth-${row.groups.length}">${label(row.label, locale)}</th>
              ${columns.map((c, column) => cell(ctx, '三', row.id, column, 'count', cellName(name, c[locale], locale)))}
            </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

export function reviewsGrid(ctx: GridContext): TemplateResult {
  const { format, locale } = ctx;
  const { groups, columns } = format.reviews;
  return html`<div class="scroll">
    <table part="table">
      ${columnHeader(columns, locale)}
      <tbody>
        ${groups.map(
          (g) =>
            html`<tr>
              <th scope="row">${label(g.fullLabel, locale)}</th>
              ${columns.map((c, column) => cell(ctx, '四', g.key, column, 'count', cellName(g.fullLabel[locale], c[locale], locale)))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
