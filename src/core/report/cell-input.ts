/**
 * What a report editor typed into one cell, read as the document's value: blank stays
 * blank (null, never 0); full-width digits and thousands separators are accepted; the
 * column's kind decides what else is (a minus for 本年增/减, decimals for money, the
 * published text of 采购总金额). Anything else is kept as typed and named as not a number.
 */
import type { Cell } from '../../api/types/report.js';
import type { ColumnKind } from './formats.js';

export type CellReading = { ok: true; value: Cell | string } | { ok: false; text: string };

const FULL_WIDTH = /[０-９．－，]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function readCellInput(typed: string, kind: ColumnKind = 'count'): CellReading {
  const text = halfWidth(typed).trim();
  if (text === '') return { ok: true, value: null };
  const plain = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  const pattern = kind === 'count' ? /^\d+$/ : kind === 'change' ? /^[-+]?\d+$/ : /^\d+(\.\d+)?$/;
  if (pattern.test(plain)) return { ok: true, value: Number(plain) };
  // A count typed with a sign or decimals is still a number: the rules (R4, R8) name what is wrong with it.
  if (/^[-+]?\d+(\.\d+)?$/.test(plain)) return { ok: true, value: Number(plain) };
  if (kind === 'moneyOrText') return { ok: true, value: typed.trim() };
  return { ok: false, text: typed };
}

/** The cell's value as the input shows it. */
export function showCell(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value : '';
}
