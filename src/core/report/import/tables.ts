/**
 * Reading tables 二, 三 and 四 by their labels. A number is placed by the labels above it
 * and to its left, never by its position alone, so split or merged header rows, extra
 * caption rows and cells spanning other columns than their headers read the same.
 */
import type { Cell, ReportTable, RequestRowId } from '../../../api/types/report.js';
import { requestRowFullLabel, type ColumnKind } from '../formats.js';
import { type Grid, type GridCell, columnCells, rowCells } from './grid.js';
import { type Candidate, type LabelMatch, assignLabels, bestMatch, containsLabel, labelKey, similarity } from './labels.js';
import { type PageTable, type ReadContext, TABLE_WORDS, at, placeWords, recordMatch } from './context.js';
import { readValue } from './values.js';
import type { PageLocation } from './types.js';

type Value = Cell | string;

const HAN = /\p{Script=Han}/u;

// ---- Which table is which ----

export function classifyTable(grid: Grid): ReportTable | undefined {
  const text = labelKey(grid.cells.map((c) => c.text).join('|'));
  const has = (label: string) => text.includes(labelKey(label));
  const requests = ['本年新收', '上年结转', '结转下年度', '予以公开', '不予公开', '无法提供'].filter(has).length;
  if (requests >= 3) return '三';
  if (has('行政复议') && (has('行政诉讼') || has('复议后起诉')) && (has('结果维持') || has('尚未审结'))) return '四';
  const proactive = ['信息内容', '第二十条', '规章', '行政许可', '行政处罚', '行政事业性收费'].filter(has).length;
  if (proactive >= 3) return '二';
  return undefined;
}

// ---- Reading one value ----

function valueAt(ctx: ReadContext, table: PageTable, reportTable: ReportTable, cell: GridCell | undefined, kind: ColumnKind): Value {
  if (!cell) return null;
  const reading = readValue(cell.text, kind);
  const where = placeWords(at(table, cell));
  if (reading.status === 'unreadable') {
    ctx.problems.push({
      kind: 'value-unreadable',
      severity: 'error',
      table: reportTable,
      location: at(table, cell),
      text: cell.text,
      message: {
        'zh-CN': `${where.zh}的“${cell.text}”不是数字，按空白处理。`,
        en: `“${cell.text}” (${where.en}) is not a number; it was read as blank.`,
      },
    });
  } else if ('note' in reading && reading.note) {
    ctx.problems.push({
      kind: 'value-note',
      severity: 'info',
      table: reportTable,
      location: at(table, cell),
      text: cell.text,
      message:
        reading.note === 'dash'
          ? {
              'zh-CN': `${where.zh}的“${cell.text}”按空白（未填写）读取。`,
              en: `“${cell.text}” (${where.en}) was read as blank (not stated).`,
            }
          : {
              'zh-CN': `${where.zh}的“${cell.text}”去掉单位后读作 ${reading.value}。`,
              en: `“${cell.text}” (${where.en}) was read as ${reading.value}, without its unit.`,
            },
    });
  }
  return reading.value;
}

/**
 * Records a published row matched to the template's (`match`), or, with no match, reports its cells as
 * unplaced. Says whether the row was placed.
 */
function placeRow<T extends string>(
  ctx: ReadContext,
  table: PageTable,
  reportTable: ReportTable,
  match: LabelMatch<T> | undefined,
  published: string,
  location: PageLocation,
  cells: GridCell[],
): match is LabelMatch<T> {
  if (!match) {
    cells.forEach((cell) => unplaced(ctx, table, reportTable, cell));
    return false;
  }
  recordMatch(ctx, {
    table: reportTable,
    kind: 'row',
    key: match.value,
    published,
    template: match.label,
    confidence: match.confidence,
    location,
  });
  return true;
}

function unplaced(ctx: ReadContext, table: PageTable, reportTable: ReportTable, cell: GridCell): void {
  if (cell.text === '' || readValue(cell.text, 'count').status === 'blank') return;
  const where = placeWords(at(table, cell));
  ctx.problems.push({
    kind: 'cell-unplaced',
    severity: 'warning',
    table: reportTable,
    location: at(table, cell),
    text: cell.text,
    message: {
      'zh-CN': `${where.zh}的“${cell.text}”不属于${TABLE_WORDS[reportTable].zh}模板的任何一格，未读取。`,
      en: `“${cell.text}” (${where.en}) belongs to no cell of the template’s ${TABLE_WORDS[reportTable].en}; it was not read.`,
    },
  });
}

function missing(
  ctx: ReadContext,
  reportTable: ReportTable,
  kind: 'row-missing' | 'column-missing',
  label: string,
  table?: PageTable,
): void {
  const what = kind === 'row-missing' ? { zh: '行', en: 'row' } : { zh: '列', en: 'column' };
  ctx.problems.push({
    kind,
    severity: 'error',
    table: reportTable,
    location: table ? at(table) : undefined,
    text: label,
    message: {
      'zh-CN': `${TABLE_WORDS[reportTable].zh}中找不到“${label}”${what.zh}，该${what.zh}按未填写处理。`,
      en: `The ${what.en} “${label}” of ${TABLE_WORDS[reportTable].en} was not found; it is left blank.`,
    },
  });
}

// ---- 三 ----

/** Reads table 三 into `requests`; rows that cannot be found are left out (and reported). */
export function readRequests(ctx: ReadContext, table: PageTable): Partial<Record<RequestRowId, Cell[]>> {
  const { grid } = table;
  const def = ctx.format.requests;
  const firstBody = grid.slots.findIndex((_, r) => rowCells(grid, r).some((c) => containsLabel(c.text, '本年新收')));
  const headerEnd = firstBody < 0 ? Math.min(3, grid.slots.length) : firstBody;

  // Columns: the lowest labelled header cell over each grid column.
  const headerTexts = Array.from({ length: grid.width }, (_, c) => {
    const cells = columnCells(grid, c, 0, headerEnd).filter((cell) => cell.text !== '');
    const single = cells.filter((cell) => cell.colspan === 1);
    return (single[single.length - 1] ?? cells[cells.length - 1])?.text ?? '';
  });
  const columnCandidates: Candidate<number>[] = def.columns.map((label, i) => ({
    value: i,
    labels: i === def.columns.length - 1 ? [label['zh-CN'], '合计'] : [label['zh-CN']],
  }));
  const columnMatches = assignLabels(headerTexts, columnCandidates, 0.6);
  const gridColumnOf = new Array<number | undefined>(def.columns.length).fill(undefined);
  columnMatches.forEach((match, c) => {
    if (!match) return;
    gridColumnOf[match.value] = c;
    recordMatch(ctx, {
      table: '三',
      kind: 'column',
      key: String(match.value),
      published: headerTexts[c]!,
      template: match.label,
      confidence: match.confidence,
      location: { table: table.index, row: 1, column: c + 1 },
    });
  });
  const mapped = gridColumnOf.filter((c): c is number => c !== undefined);
  const firstDataColumn = mapped.length ? Math.min(...mapped) : Math.max(0, grid.width - def.columns.length);
  gridColumnOf.forEach((c, i) => {
    if (c === undefined) missing(ctx, '三', 'column-missing', def.columns[i]!['zh-CN'], table);
  });

  // Rows: the label cells to the left of the data, without the group 三、本年度办理结果.
  const bodyRows = firstBody < 0 ? [] : grid.slots.map((_, r) => r).filter((r) => r >= firstBody);
  const rowLabel = (r: number) =>
    rowCells(grid, r)
      .filter((cell) => cell.column < firstDataColumn && cell.text !== '' && !containsLabel(cell.text, '本年度办理结果'))
      .map((cell) => cell.text)
      .join(' ');
  const labels = bodyRows.map(rowLabel);
  const rowCandidates: Candidate<RequestRowId>[] = def.rows.map((row) => ({
    value: row.id,
    labels: [requestRowFullLabel(ctx.format, row.id, 'zh-CN'), row.label['zh-CN']],
  }));
  const rowMatches = assignLabels(labels, rowCandidates, 0.6);

  const requests: Partial<Record<RequestRowId, Cell[]>> = {};
  rowMatches.forEach((match, i) => {
    const r = bodyRows[i]!;
    const cells = rowCells(grid, r).filter((cell) => cell.column + cell.colspan > firstDataColumn);
    if (!placeRow(ctx, table, '三', match, labels[i]!, { table: table.index, row: r + 1, column: 1 }, cells)) return;
    const used = new Set<GridCell>();
    requests[match.value] = gridColumnOf.map((c) => {
      const cell = c === undefined ? undefined : grid.slots[r]?.[c];
      if (!cell || used.has(cell) || cell.column < firstDataColumn) return null;
      used.add(cell);
      return valueAt(ctx, table, '三', cell, 'count') as Cell;
    });
    cells.filter((cell) => !used.has(cell) && cell.column >= firstDataColumn).forEach((cell) => unplaced(ctx, table, '三', cell));
  });
  const found = new Set(rowMatches.flatMap((m) => (m ? [m.value] : [])));
  for (const row of def.rows) {
    if (!found.has(row.id)) missing(ctx, '三', 'row-missing', requestRowFullLabel(ctx.format, row.id, 'zh-CN'), table);
  }
  return requests;
}

// ---- 四 ----

type ReviewKey = 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';

function reviewGroup(labels: string[]): { key: ReviewKey; confidence: number; label: string } | undefined {
  const score = (label: string, part: string) =>
    Math.max(0, ...labels.map((text) => (containsLabel(text, part) ? 1 : similarity(text, label))));
  const direct = score('未经复议直接起诉', '直接起诉');
  const after = score('复议后起诉', '复议后');
  if (direct >= 0.7 && direct >= after) return { key: 'litigationDirect', confidence: direct, label: '未经复议直接起诉' };
  if (after >= 0.7) return { key: 'litigationAfterReconsideration', confidence: after, label: '复议后起诉' };
  const reconsideration = score('行政复议', '行政复议');
  return reconsideration >= 0.7 ? { key: 'reconsideration', confidence: reconsideration, label: '行政复议' } : undefined;
}

export function readReviews(ctx: ReadContext, table: PageTable): Partial<Record<ReviewKey, Cell[]>> {
  const { grid } = table;
  const columns = ctx.format.reviews.columns;
  const columnCandidates: Candidate<number>[] = columns.map((label, i) => ({
    value: i,
    labels: i === columns.length - 1 ? [label['zh-CN'], '合计'] : [label['zh-CN']],
  }));
  // A data row holds at least four value cells, all to the right of any label in the row.
  const isDataRow = (r: number) => {
    const cells = rowCells(grid, r);
    const values = cells.filter((c) => !HAN.test(c.text));
    const lastLabel = Math.max(-1, ...cells.filter((c) => HAN.test(c.text)).map((c) => c.column));
    return values.length >= 4 && values.every((c) => c.column > lastLabel);
  };
  const reviews: Partial<Record<ReviewKey, Cell[]>> = {};
  grid.slots.forEach((_, r) => {
    if (!isDataRow(r)) return;
    const rowLabels = rowCells(grid, r)
      .filter((c) => HAN.test(c.text))
      .map((c) => c.text);
    for (const cell of rowCells(grid, r).filter((c) => !HAN.test(c.text))) {
      const above = columnCells(grid, cell.column, 0, r)
        .filter((c) => c.row < r && HAN.test(c.text) && !isDataRow(c.row))
        .map((c) => c.text);
      const labels = [...above, ...rowLabels];
      const group = reviewGroup(labels);
      const column = labels
        .map((text) => bestMatch(text, columnCandidates, 0.7))
        .reduce<ReturnType<typeof bestMatch<number>>>((best, m) => (m && (!best || m.confidence > best.confidence) ? m : best), undefined);
      if (!group || !column) {
        unplaced(ctx, table, '四', cell);
        continue;
      }
      const values = (reviews[group.key] ??= new Array<Cell>(columns.length).fill(null));
      recordMatch(ctx, {
        table: '四',
        kind: 'column',
        key: `${group.key}[${column.value}]`,
        published: labels.join(' / '),
        template: `${group.label} / ${column.label}`,
        confidence: Math.round(Math.min(group.confidence, column.confidence) * 100) / 100,
        location: at(table, cell),
      });
      values[column.value] = valueAt(ctx, table, '四', cell, 'count') as Cell;
    }
  });
  for (const group of ctx.format.reviews.groups) {
    if (!reviews[group.key]) missing(ctx, '四', 'row-missing', group.fullLabel['zh-CN'], table);
  }
  return reviews;
}

// ---- 二 ----

export function readProactive(ctx: ReadContext, tables: PageTable[]): Record<string, Value[]> {
  const proactive: Record<string, Value[]> = {};
  const rowCandidates: Candidate<string>[] = ctx.format.proactive.subTables.flatMap((sub) =>
    sub.rows.map((row) => ({ value: row.key, labels: [row.label['zh-CN']] })),
  );
  for (const table of tables) {
    const { grid } = table;
    let header: GridCell[] | undefined;
    grid.slots.forEach((_, r) => {
      const [first, ...rest] = rowCells(grid, r);
      if (!first) return;
      if (similarity(first.text, ctx.format.proactive.itemHeader['zh-CN']) >= 0.75) {
        header = rest.filter((c) => c.text !== '');
        return;
      }
      if (containsLabel(first.text, '第二十条')) {
        header = undefined;
        return;
      }
      const matched = bestMatch(first.text, rowCandidates, 0.7);
      // A row already filled is not filled twice: its cells stay unplaced.
      const row = matched && !proactive[matched.value] ? matched : undefined;
      if (!placeRow(ctx, table, '二', row, first.text, at(table, first), rest)) return;
      const sub = ctx.format.proactive.subTables.find((s) => s.rows.some((x) => x.key === row.value))!;
      const values = new Array<Value>(sub.columns.length).fill(null);
      // Which header label is over each value: by order when the counts agree (cells often span other
      // columns than their headers), otherwise by the grid column.
      const headerOf = (cell: GridCell, i: number): GridCell | undefined =>
        header && header.length === rest.length
          ? header[i]
          : header?.find((h) => h.column <= cell.column && cell.column < h.column + h.colspan);
      const headerLabels = rest.map((cell, i) => headerOf(cell, i)?.text ?? '');
      const columnMatches = assignLabels(
        headerLabels,
        sub.columns.map((column, j) => ({ value: j, labels: [column.label['zh-CN']] })),
        0.6,
      );
      rest.forEach((cell, i) => {
        const match = columnMatches[i];
        const j = match?.value ?? (headerLabels.every((h) => h === '') && i < values.length ? i : undefined);
        if (j === undefined) {
          unplaced(ctx, table, '二', cell);
          return;
        }
        if (match) {
          recordMatch(ctx, {
            table: '二',
            kind: 'column',
            key: `${row.value}[${j}]`,
            published: headerLabels[i]!,
            template: match.label,
            confidence: match.confidence,
            location: at(table, cell),
          });
        }
        values[j] = valueAt(ctx, table, '二', cell, sub.columns[j]!.kind);
      });
      proactive[row.value] = values;
    });
  }
  for (const sub of ctx.format.proactive.subTables) {
    for (const row of sub.rows) if (!proactive[row.key]) missing(ctx, '二', 'row-missing', row.label['zh-CN'], tables[0]);
  }
  return proactive;
}
