/**
 * A published cell's text as a value: a number (thousands separators, full-width digits, a
 * sign for 本年增/减), blank (null — never 0), or for 采购总金额 the published text itself
 * ("251000元") when it is not a bare number.
 */
import type { ColumnKind } from '../formats.js';

export type ValueReading =
  | { status: 'number'; value: number; note?: 'unit' }
  | { status: 'text'; value: string }
  | { status: 'blank'; value: null; note?: 'dash' }
  | { status: 'unreadable'; value: null };

/** What a blank cell may hold in print: nothing, a dash, a slash, 无. */
const DASH = /^(?:[-‐‑‒–—―－/／\\]+|无)$/u;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const UNIT = /^(.*?\d)\s*(?:件|项|个|条|宗|起|次|元|万元)$/u;

export function readValue(published: string, kind: ColumnKind): ValueReading {
  const text = published.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  if (text === '') return { status: 'blank', value: null };
  if (DASH.test(text)) return { status: 'blank', value: null, note: 'dash' };
  const number = parseNumber(text, kind);
  if (number !== undefined) return { status: 'number', value: number };
  if (kind === 'moneyOrText') return { status: 'text', value: published.normalize('NFKC').replace(/\s+/g, ' ').trim() };
  const unit = UNIT.exec(text);
  if (unit) {
    const withoutUnit = parseNumber(unit[1]!, kind);
    if (withoutUnit !== undefined) return { status: 'number', value: withoutUnit, note: 'unit' };
  }
  return { status: 'unreadable', value: null };
}

function parseNumber(text: string, kind: ColumnKind): number | undefined {
  const match = NUMBER.exec(text.replace(/^＋/, '+'));
  if (!match) return undefined;
  const [, sign, whole, fraction] = match;
  if (sign === '-' && kind !== 'change') return undefined;
  const value = Number(`${sign === '-' ? '-' : ''}${whole!.replace(/,/g, '')}${fraction ?? ''}`);
  return Number.isFinite(value) ? value : undefined;
}
