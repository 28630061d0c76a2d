/**
 * Where each cell of a multi-level table header sits, so a renderer can give every data
 * cell the ids of all the header cells above it (`headers`), outermost first.
 */
import type { HeaderCell } from './formats.js';

export interface PlacedHeaderCell extends HeaderCell {
  /** Header row the cell starts in (0-based). */
  row: number;
  /** First data column it covers (0-based). */
  column: number;
}

export interface HeaderLayout {
  /** The header rows as given, each cell with its place. */
  rows: PlacedHeaderCell[][];
  /** For each data column, the header cells covering it, top row first. */
  columns: PlacedHeaderCell[][];
}

/** Lays `header` onto a grid `width` data columns wide, honouring col- and rowspans. */
export function layoutHeader(header: HeaderCell[][], width: number): HeaderLayout {
  const taken = header.map(() => new Array<boolean>(width).fill(false));
  const columns: PlacedHeaderCell[][] = Array.from({ length: width }, () => []);
  const rows = header.map((cells, r) => {
    let c = 0;
    return cells.map((cell) => {
      while (taken[r]![c]) c++;
      const placed: PlacedHeaderCell = { ...cell, row: r, column: c };
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          if (taken[r + dr]) taken[r + dr]![c + dc] = true;
        }
      }
      for (let dc = 0; dc < cell.colspan && c + dc < width; dc++) columns[c + dc]!.push(placed);
      c += cell.colspan;
      return placed;
    });
  });
  return { rows, columns };
}
