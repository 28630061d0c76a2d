import type { DisclosureItem, DisclosureValidity } from '../../api/types/directory.js';
import { safeHref } from '../url.js';

/** Something wrong in a directory payload: which item (by position), which field, and what. */
export interface DirectoryDataProblem {
  /** Position in the items array; null for the payload as a whole. */
  index: number | null;
  field: string | null;
  /** A complete sentence for developers, naming the item and field, e.g. `items[3].title: …`. */
  message: string;
}

const VALIDITIES: readonly string[] = ['有效', '失效', '废止'];
const REQUIRED_TEXT = ['indexNo', 'title', 'publisher', 'category'] as const;
const OPTIONAL_TEXT = ['docNo', 'summary'] as const;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  // Digit arithmetic, not a RegExp and a Date: this runs for every item of a 100,000-item directory.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal number in `text[from, to)`, or -1 when a character there is not a digit 0–9. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Checks a directory payload — `{ "items": [...] }` or a bare array — and
 * returns the usable items plus what was wrong. Never throws. An item missing
 * a required field (id, indexNo, title, url, publisher, category, publishedAt)
 * is dropped; a wrong optional field is dropped from its item. Text is kept
 * verbatim: markup in a title is data, escaped when rendered. A url with a
 * scheme other than http(s) (javascript:, data:…) counts as missing. Numeric
 * ids are accepted as strings; a repeated id keeps only its first item.
 */
export function validateDisclosureItems(data: unknown): { items: DisclosureItem[]; problems: DirectoryDataProblem[] } {
  const problems: DirectoryDataProblem[] = [];
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.items) ? data.items : null;
  if (list === null) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
    problems.push({ index: null, field: 'items', message: `Expected { "items": [...] } or an array of items, got ${got}.` });
    return { items: [], problems };
  }
  const items: DisclosureItem[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, index: number) => {
    const report = (field: string | null, text: string): void => {
      problems.push({ index, field, message: `items[${index}]${field ? `.${field}` : ''}: ${text}` });
    };
    try {
      const item = checkItem(raw, report);
      if (!item) return;
      if (seen.has(item.id)) {
        report('id', `repeats id "${item.id}"; the item is left out.`);
        return;
      }
      seen.add(item.id);
      items.push(item);
    } catch (error) {
      report(null, `could not be read (${String(error)}); the item is left out.`);
    }
  });
  return { items, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.trim() ? `"${value.slice(0, 40)}"` : 'empty';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function checkItem(raw: unknown, report: (field: string | null, text: string) => void): DisclosureItem | null {
  if (!isRecord(raw)) {
    report(null, `is ${describe(raw)}, not an object; the item is left out.`);
    return null;
  }
  let complete = true;
  const missing = (field: string, expected: string): void => {
    report(field, `is ${describe(raw[field])}, expected ${expected}; the item is left out.`);
    complete = false;
  };

  const rawId = raw.id;
  const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
  if (typeof id !== 'string' || !id.trim()) missing('id', 'a non-empty string');
  for (const field of REQUIRED_TEXT) {
    const value = raw[field];
    if (typeof value !== 'string' || !value.trim()) missing(field, 'a non-empty string');
  }
  if (typeof raw.url !== 'string' || !raw.url.trim()) missing('url', 'a non-empty string');
  else if (safeHref(raw.url, ['http:', 'https:']) === undefined) missing('url', 'an http(s) or relative URL');
  if (!isIsoDate(raw.publishedAt)) missing('publishedAt', 'a date YYYY-MM-DD');
  if (!complete) return null;

  const item: DisclosureItem = {
    id: id as string,
    indexNo: raw.indexNo as string,
    title: raw.title as string,
    url: raw.url as string,
    publisher: raw.publisher as string,
    category: raw.category as string,
    publishedAt: raw.publishedAt as string,
  };
  const ignored = (field: string, expected: string): void =>
    report(field, `is ${describe(raw[field])}, expected ${expected}; the field is ignored.`);

  for (const field of OPTIONAL_TEXT) {
    const value = raw[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string') item[field] = value;
    else ignored(field, 'a string');
  }
  if (raw.writtenAt !== undefined && raw.writtenAt !== null && raw.writtenAt !== '') {
    if (isIsoDate(raw.writtenAt)) item.writtenAt = raw.writtenAt;
    else ignored('writtenAt', 'a date YYYY-MM-DD');
  }
  if (raw.validity !== undefined && raw.validity !== null && raw.validity !== '') {
    if (typeof raw.validity === 'string' && VALIDITIES.includes(raw.validity)) item.validity = raw.validity as DisclosureValidity;
    else ignored('validity', '有效, 失效 or 废止');
  }
  if (raw.keywords !== undefined && raw.keywords !== null) {
    if (!Array.isArray(raw.keywords)) ignored('keywords', 'an array of strings');
    else {
      const keywords = raw.keywords.filter((keyword): keyword is string => typeof keyword === 'string' && keyword.trim() !== '');
      if (keywords.length !== raw.keywords.length) report('keywords', 'has entries that are not text; they are ignored.');
      if (keywords.length > 0) item.keywords = keywords;
    }
  }
  return item;
}
