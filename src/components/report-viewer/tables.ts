/**
 * Tables 二, 三 and 四 as real tables, laid out as the template prints them. Every data cell
 * of 三 and 四 names all its headers (`headers`: the column levels, the row groups and the
 * row), so a screen reader announces row and column wherever the user is. Blank cells stay
 * blank. Each table sits in a focusable, labelled region that scrolls sideways on a phone
 * while the row labels stay in place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AnnualReport, ReportTable } from '../../api/types/report.js';
import type { HeaderCell, ReportFormatDef } from '../../core/report/formats.js';
import { layoutHeader, type PlacedHeaderCell } from '../../core/report/header-layout.js';
import { rowValues } from '../../core/report/read.js';
import type { Locale } from '../../i18n/locale.js';
import { bilingual, cellId, cellMarks, cellText, markClass, type NumberedFinding } from './parts.js';

export interface TableContext {
  doc: AnnualReport;
  format: ReportFormatDef;
  locale: Locale;
  /** Findings by cell id. */
  marks: Map<string, NumberedFinding[]>;
}

function scrollRegion(labelId: string, table: TemplateResult): TemplateResult {
  return html`<div class="scroll" part="table-scroll" role="region" tabindex="0" aria-labelledby=${labelId}>${table}</div>`;
}

/** Tables 三 and 四: a caption for screen readers (the section heading shows), the column headers, the bodies. */
function headedTable(className: string, captionId: string, caption: unknown, headerRows: unknown, bodies: unknown): TemplateResult {
  return scrollRegion(
    captionId,
    html`<table part="table" class=${className}>
      <caption id=${captionId} class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        ${headerRows}
      </thead>
      ${bodies}
    </table>`,
  );
}

function dataCell(ctx: TableContext, table: ReportTable, row: string, column: number, value: unknown, headers?: string): TemplateResult {
  const id = cellId(table, row, column);
  const marks = ctx.marks.get(id);
  return html`<td id=${id} class="number ${markClass(marks)}" headers=${headers ?? nothing} tabindex=${marks ? '-1' : nothing}>
    <span class="value">${cellText(value, ctx.locale)}</span>${cellMarks(marks)}
  </td>`;
}

// ---- 二、主动公开政府信息情况: one small table per item of Article 20 ----

export function proactiveTables(ctx: TableContext): TemplateResult {
  const { format, locale } = ctx;
  return html`${format.proactive.subTables.map((subTable, index) => {
    const captionId = `table-2-${index}`;
    return scrollRegion(
      captionId,
      html`<table part="table">
        <caption id=${captionId}>
          ${bilingual(subTable.caption, locale)}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="row-label">${bilingual(format.proactive.itemHeader, locale)}</th>
            ${subTable.columns.map((column) => html`<th scope="col">${bilingual(column.label, locale)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${subTable.rows.map((row) => {
            const values = rowValues(ctx.doc, '二', row.key) ?? [];
            return html`<tr>
              <th scope="row" class="row-label">${bilingual(row.label, locale)}</th>
              ${subTable.columns.map((_, column) => dataCell(ctx, '二', row.key, column, values[column]))}
            </tr>`;
          })}
        </tbody>
      </table>`,
    );
  })}`;
}

// ---- Multi-level column headers (三 and 四) ----

function headerCellId(table: 3 | 4, cell: PlacedHeaderCell): string {
  return `table-${table}-col-${cell.row}-${cell.column}`;
}

/** The `<tr>`s of a multi-level header, and for each data column the ids of the header cells above it. */
function columnHeader(
  table: 3 | 4,
  header: HeaderCell[][],
  width: number,
  locale: Locale,
  corner?: TemplateResult,
): { rows: TemplateResult[]; columnHeaders: string[] } {
  const layout = layoutHeader(header, width);
  const rows = layout.rows.map(
    (cells, r) =>
      html`<tr>
        ${r === 0 ? (corner ?? nothing) : nothing}
        ${cells.map((cell) => {
          const above = layout.columns[cell.column]!.filter((c) => c.row < cell.row).map((c) => headerCellId(table, c));
          return html`<th
            id=${headerCellId(table, cell)}
            colspan=${cell.colspan}
            rowspan=${cell.rowspan}
            scope=${cell.colspan > 1 ? 'colgroup' : 'col'}
            headers=${above.length ? above.join(' ') : nothing}
          >
            ${bilingual(cell.label, locale)}
          </th>`;
        })}
      </tr>`,
  );
  const columnHeaders = layout.columns.map((cells) => cells.map((c) => headerCellId(table, c)).join(' '));
  return { rows, columnHeaders };
}

// ---- 三、收到和处理政府信息公开申请情况 ----

const rowHeaderId = (row: string) => `table-3-row-${row.replace(/[^\w-]/g, '_')}`;
const groupHeaderId = (group: string) => `table-3-group-${group.replace(/[^\w-]/g, '_')}`;

export function requestsTable(ctx: TableContext, captionId: string, caption: unknown): TemplateResult {
  const { format, locale } = ctx;
  const { columns, rows, groups } = format.requests;
  const corner = html`<td class="note row-label" rowspan=${format.requests.header.length}>${bilingual(format.requests.note, locale)}</td>`;
  const header = columnHeader(3, format.requests.header, columns.length, locale, corner);
  const span = columns.length + 1;

  // Rows go into <tbody> groups; a group label (三、本年度办理结果, （三）不予公开 …) heads the
  // <tbody> of its first rows, as a full-width row header.
  const bodies: TemplateResult[][] = [];
  let open: string[] = [];
  for (const row of rows) {
    const entering = row.groups.filter((g, i) => open[i] !== g);
    if (bodies.length === 0 || entering.length > 0 || row.groups.length < open.length) bodies.push([]);
    const body = bodies[bodies.length - 1]!;
    for (const group of entering) {
      const depth = row.groups.indexOf(group);
      const label = groups.find((g) => g.id === group)?.label;
      body.push(
        html`<tr class="group">
          <th
            id=${groupHeaderId(group)}
            colspan=${span}
            scope="rowgroup"
            class="depth-${depth}"
            headers=${depth > 0 ? row.groups.slice(0, depth).map(groupHeaderId).join(' ') : nothing}
          >
            <span class="sticky">${label ? bilingual(label, locale) : group}</span>
          </th>
        </tr>`,
      );
    }
    open = row.groups;
    const rowHeaders = [...row.groups.map(groupHeaderId), rowHeaderId(row.id)].join(' ');
    const values = rowValues(ctx.doc, '三', row.id) ?? [];
    body.push(
      html`<tr>
        <th
          id=${rowHeaderId(row.id)}
          scope="row"
          class="row-label depth-${row.groups.length}"
          headers=${row.groups.length ? row.groups.map(groupHeaderId).join(' ') : nothing}
        >
          ${bilingual(row.label, locale)}
        </th>
        ${columns.map((_, column) => dataCell(ctx, '三', row.id, column, values[column], `${header.columnHeaders[column]} ${rowHeaders}`))}
      </tr>`,
    );
  }

  return headedTable(
    'requests',
    captionId,
    caption,
    header.rows,
    bodies.map(
      (body) =>
        html`<tbody>
          ${body}
        </tbody>`,
    ),
  );
}

// ---- 四、政府信息公开行政复议、行政诉讼情况: one row of 15 numbers ----

export function reviewsTable(ctx: TableContext, captionId: string, caption: unknown): TemplateResult {
  const { format, locale } = ctx;
  const width = format.reviews.groups.length * format.reviews.columns.length;
  const header = columnHeader(4, format.reviews.header, width, locale);
  const cells = format.reviews.groups.flatMap((group, g) => {
    const values = rowValues(ctx.doc, '四', group.key) ?? [];
    return format.reviews.columns.map((_, column) =>
      dataCell(ctx, '四', group.key, column, values[column], header.columnHeaders[g * format.reviews.columns.length + column]),
    );
  });
  return headedTable(
    'reviews',
    captionId,
    caption,
    header.rows,
    html`<tbody>
      <tr>
        ${cells}
      </tr>
    </tbody>`,
  );
}
