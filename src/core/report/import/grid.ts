/**
 * A published table as a grid: every cell placed at the row and column it occupies once
 * rowspans and colspans are laid out, so that labels can be found above and to the left of
 * a number whatever shape the CMS gave the header.
 */
import { type HtmlElement, findAll, isElement, textOf } from './html-tree.js';
import { cleanText } from './labels.js';

export interface GridCell {
  /** The cell's text as a reader sees it (spaces and line breaks collapsed). */
  text: string;
  /** Where the cell starts (0-based) in the grid. */
  row: number;
  column: number;
  rowspan: number;
  colspan: number;
}

export interface Grid {
  /** `slots[row][column]` is the cell covering that slot, if any. */
  slots: (GridCell | undefined)[][];
  cells: GridCell[];
  width: number;
}

/** The rows of this table only (not those of a table nested in one of its cells). */
function ownRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  const walk = (el: HtmlElement) => {
    for (const child of el.children) {
      if (!isElement(child) || child.tag === 'table') continue;
      if (child.tag === 'tr') rows.push(child);
      else walk(child);
    }
  };
  walk(table);
  return rows;
}

const span = (value: string | undefined, limit: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, limit) : 1;
};

export function buildGrid(table: HtmlElement): Grid {
  const rows = ownRows(table);
  const slots: (GridCell | undefined)[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const td of tr.children) {
      if (!isElement(td) || (td.tag !== 'td' && td.tag !== 'th')) continue;
      while (slots[r]![c]) c++;
      const rowspan = span(td.attrs['rowspan'], rows.length - r);
      const colspan = span(td.attrs['colspan'], 100);
      const cell: GridCell = { text: cleanText(textOf(td)), row: r, column: c, rowspan, colspan };
      cells.push(cell);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) slots[r + dr]![c + dc] = cell;
      c += colspan;
    }
  });
  const width = Math.max(0, ...slots.map((row) => row.length));
  return { slots, cells, width };
}

/** The distinct cells of one grid row, left to right. */
export function rowCells(grid: Grid, row: number): GridCell[] {
  const seen = new Set<GridCell>();
  const out: GridCell[] = [];
  for (const cell of grid.slots[row] ?? []) {
    if (cell && !seen.has(cell)) {
      seen.add(cell);
      out.push(cell);
    }
  }
  return out;
}

/** The distinct cells of one grid column between two rows, top to bottom. */
export function columnCells(grid: Grid, column: number, fromRow: number, toRow: number): GridCell[] {
  const seen = new Set<GridCell>();
  const out: GridCell[] = [];
  for (let r = fromRow; r < toRow; r++) {
    const cell = grid.slots[r]?.[column];
    if (cell && !seen.has(cell)) {
      seen.add(cell);
      out.push(cell);
    }
  }
  return out;
}

/** Every table on the page, in document order (nested ones too: old portals lay pages out with tables). */
export function allTables(root: HtmlElement): HtmlElement[] {
  return findAll(root, (el) => el.tag === 'table');
}
