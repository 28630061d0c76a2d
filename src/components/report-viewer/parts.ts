/** Small pieces the report's tables, charts and findings share. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ReportFinding, ReportTable } from '../../api/types/report.js';
import type { Label } from '../../core/report/formats.js';
import type { Locale } from '../../i18n/locale.js';
import { formatNumber as formatLocaleNumber } from '../../i18n/format.js';
import { heading } from '../base/heading.js';

export const TABLE_NUMBER: Record<ReportTable, 2 | 3 | 4> = { 二: 2, 三: 3, 四: 4 };

/** Ids inside the shadow root: `cell-3-3_3_1-0` is table 三, row 3.3.1, column 0. */
export const cellId = (table: ReportTable, row: string, column: number): string =>
  `cell-${TABLE_NUMBER[table]}-${row.replace(/[^\w-]/g, '_')}-${column}`;
export const findingId = (number: number): string => `finding-${number}`;
export const sectionId = (key: string): string => `section-${key}`;

/** A finding with its number in the list (errors first), which the cell marks refer to. */
export interface NumberedFinding {
  number: number;
  finding: ReportFinding;
}

/**
 * A label from the format: the English translation with the official Chinese text on a
 * second line (the Chinese is the legal one), or the Chinese alone.
 */
export function bilingual(label: Label, locale: Locale): TemplateResult | string {
  return locale === 'zh-CN' ? label['zh-CN'] : html`${label.en}<span class="official" lang="zh-CN">${label['zh-CN']}</span>`;
}

/** A report's number: up to 6 decimals, as published. */
export function formatNumber(value: number, locale: Locale): string {
  return formatLocaleNumber(value, locale, 6);
}

/** A cell as published: a number, the text of 采购总金额, or nothing for a blank (never 0). */
export function cellText(value: unknown, locale: Locale): string {
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, locale) : String(value);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  // A wrong value (an object, a boolean) is shown as it came, so the editor can find it.
  return JSON.stringify(value);
}

/** A signed change: +12, −3 (a true minus sign), 0; blank when unknown. */
export function formatChange(value: number | null, locale: Locale): string {
  if (value === null) return '';
  if (value === 0) return formatNumber(0, locale);
  return `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value), locale)}`;
}

/** A heading of the report at `level`, focusable so in-page links can move focus to it. */
export function sectionHeading(level: number, id: string, content: unknown, part: string): TemplateResult {
  return heading({ level, fallback: 2, id, className: 'heading', part, focusable: true }, content);
}

export function severityIcon(severity: ReportFinding['severity']): TemplateResult {
  // Two shapes, so the kind of finding does not depend on colour.
  return html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    ${
      severity === 'error'
        ? svg`<circle cx="8" cy="8" r="7" /><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" class="glyph" />`
        : svg`<path d="M8 1.2l7 13.3H1z" /><path d="M8 6v4.2M8 11.8v0.9" class="glyph" />`
    }
  </svg>`;
}

export function severityWord(severity: ReportFinding['severity']): string {
  return severity === 'error' ? msg('错误') : msg('警告');
}

/** The marks on a cell: an icon and “错误 2” linking to the finding, for every finding that involves it. */
export function cellMarks(marks: NumberedFinding[] | undefined): unknown {
  if (!marks?.length) return nothing;
  return marks.map(
    ({ number, finding }) =>
      html`<a class="mark ${finding.severity}" part="cell-mark" href="#${findingId(number)}"
        >${severityIcon(finding.severity)}<span>${severityWord(finding.severity)} ${number}</span></a
      >`,
  );
}

/** The class a cell takes from its findings: an error outranks a warning. */
export function markClass(marks: NumberedFinding[] | undefined): string {
  if (!marks?.length) return '';
  return marks.some((m) => m.finding.severity === 'error') ? 'marked error' : 'marked warning';
}

export function tableName(table: ReportTable): string {
  return table === '二' ? msg('表二') : table === '三' ? msg('表三') : msg('表四');
}
