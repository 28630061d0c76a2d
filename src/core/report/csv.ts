/**
 * CSV export of one statistical table (RFC 4180: CRLF line ends, fields with a comma,
 * quote or line break quoted, quotes doubled). The header rows carry the template's
 * labels laid out as printed (a spanned cell's label sits in its first column); blank
 * cells stay empty, never 0.
 */
import type { AnnualReport, ReportLocale, ReportTable } from '../../api/types/report.js';
import { FORMATS, type HeaderCell, type ReportFormatDef } from './formats.js';
import { layoutHeader } from './header-layout.js';
import { rowValues } from './read.js';

/** Prepend to the file so Excel reads it as UTF-8 and shows the Chinese correctly. */
export const CSV_BOM = '\uFEFF';

type Field = string | number | null | undefined;

/** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: Field): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as they are: a negative 本年增/减 is data, not a formula.
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows: Field[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A cell as the export shows it: a number, the published text of 采购总金额, or blank. */
function exportValue(value: unknown): Field {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') return value;
  return null;
}

/** The header rows as printed: each label in the first grid cell its span covers, the rest blank. */
function headerGrid(header: HeaderCell[][], width: number, locale: ReportLocale): string[][] {
  const grid = header.map(() => new Array<string>(width).fill(''));
  for (const cell of layoutHeader(header, width).rows.flat()) grid[cell.row]![cell.column] = cell.label[locale];
  return grid;
}

function proactiveRows(doc: AnnualReport, format: ReportFormatDef, locale: ReportLocale): Field[][] {
  const width = 1 + Math.max(...format.proactive.subTables.map((t) => t.columns.length));
  const pad = (row: Field[]) => [...row, ...new Array<Field>(width - row.length).fill(null)];
  return format.proactive.subTables.flatMap((subTable) => [
    pad([subTable.caption[locale]]),
    pad([format.proactive.itemHeader[locale], ...subTable.columns.map((c) => c.label[locale])]),
    ...subTable.rows.map((row) => {
      const values = rowValues(doc, '二', row.key) ?? [];
      return pad([row.label[locale], ...subTable.columns.map((_, i) => exportValue(values[i]))]);
    }),
  ]);
}

function requestRows(doc: AnnualReport, format: ReportFormatDef, locale: ReportLocale): Field[][] {
  const { columns, rows, groups } = format.requests;
  const header = headerGrid(format.requests.header, columns.length, locale).map((row) => ['', ...row]);
  header[0]![0] = format.requests.note[locale];
  const body = rows.map((row) => {
    // Group labels first, so each line stands on its own: 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密
    const label = [...row.groups.map((g) => groups.find((x) => x.id === g)?.label[locale] ?? g), row.label[locale]].join(' / ');
    const values = rowValues(doc, '三', row.id) ?? [];
    return [label, ...columns.map((_, i) => exportValue(values[i]))];
  });
  return [...header, ...body];
}

function reviewRows(doc: AnnualReport, format: ReportFormatDef, locale: ReportLocale): Field[][] {
  const { groups, columns } = format.reviews;
  const header = headerGrid(format.reviews.header, groups.length * columns.length, locale);
  const values = groups.flatMap((g) => {
    const row = rowValues(doc, '四', g.key) ?? [];
    return columns.map((_, i) => exportValue(row[i]));
  });
  return [...header, values];
}

/** One table of the report as CSV text (without the BOM; prepend `CSV_BOM` when saving a file). */
export function tableToCsv(doc: AnnualReport, table: ReportTable, locale: ReportLocale): string {
  const format = FORMATS[doc.format];
  if (table === '二') return toCsv(proactiveRows(doc, format, locale));
  if (table === '三') return toCsv(requestRows(doc, format, locale));
  return toCsv(reviewRows(doc, format, locale));
}
