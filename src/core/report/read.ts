/**
 * Tolerant reading of a report's cells: anything that is not a finite number reads as
 * blank (null), so the rules never throw on a malformed document (the schema check
 * reports the malformation itself).
 */
import type { AnnualReport, CellRef, ReportTable } from '../../api/types/report.js';

const TABLE_KEYS: Record<ReportTable, 'proactive' | 'requests' | 'reviews'> = {
  二: 'proactive',
  三: 'requests',
  四: 'reviews',
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw array of one row, or undefined when the row (or the table) is missing. */
export function rowValues(doc: AnnualReport, table: ReportTable, row: string): unknown[] | undefined {
  const tableObject: unknown = (doc as unknown as Record<string, unknown>)[TABLE_KEYS[table]];
  if (!isPlainObject(tableObject)) return undefined;
  const values = tableObject[row];
  return Array.isArray(values) ? values : undefined;
}

/** A cell's number, or null when it is blank, missing or not a number. */
export function cellNumber(doc: AnnualReport, ref: CellRef): number | null {
  const value = rowValues(doc, ref.table, ref.row)?.[ref.column];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Money is decimal: compare after rounding to 4 decimals so 0.1 + 0.2 equals 0.3. */
export function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

export function sameAmount(a: number, b: number): boolean {
  return round4(a) === round4(b);
}
