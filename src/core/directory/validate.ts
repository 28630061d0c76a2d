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

/** The usable items of a payload and what was wrong in it. */
export interface ValidatedItems {
  items: DisclosureItem[];
  problems: DirectoryDataProblem[];
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
export function validateDisclosureItems(data: unknown): ValidatedItems {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.items) ? data.items : null;
  if (list === null) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
    const message = `Expected { "items": [...] } or an array of items, got ${got}.`;
    return { items: [], problems: [{ index: null, field: 'items', message }] };
  }
  const result: ValidatedItems = { items: [], problems: [] };
  validateRange(list, 0, list.length, result, new Set());
  return result;
}

/**
 * Validates `list[from, to)` into `into` (problems name positions in the whole
 * list), `seen` holding the ids of the items before `from`: validating a long
 * list range by range gives the same result as validating it at once.
 */
export function validateRange(list: readonly unknown[], from: number, to: number, into: ValidatedItems, seen: Set<string>): void {
  const { items } = into;
  for (let index = from; index < to; index++) {
    const raw: unknown = list[index];
    if (raw === undefined && !(index in list)) continue; // a hole in a sparse array, as forEach skips it
    let item: DisclosureItem | null;
    try {
      // Most items are clean: checked without a closure or a problem list; the rest are checked again, saying why.
      item = cleanItem(raw);
    } catch {
      item = null;
    }
    if (item === null || seen.has(item.id)) {
      checkReporting(raw, index, into, seen);
    } else {
      seen.add(item.id);
      items.push(item);
    }
  }
}

/** Validates one item, saying what is wrong in it. */
function checkReporting(raw: unknown, index: number, into: ValidatedItems, seen: Set<string>): void {
  const report = (field: string | null, text: string): void => {
    into.problems.push({ index, field, message: `items[${index}]${field ? `.${field}` : ''}: ${text}` });
  };
  try {
    const item = checkItem(raw, report);
    if (!item) return;
    if (seen.has(item.id)) {
      report('id', `repeats id "${item.id}"; the item is left out.`);
      return;
    }
    seen.add(item.id);
    into.items.push(item);
  } catch (error) {
    report(null, `could not be read (${String(error)}); the item is left out.`);
  }
}

/** Whether a string has something besides white space (what `trim()` removes), without making a string. */
function hasText(value: string): boolean {
  const first = value.charCodeAt(0);
  // Printable ASCII, or a unit from U+3001 on but the BOM: never white space.
  if ((first > 0x20 && first < 0x7f) || (first > 0x3000 && first !== 0xfeff)) return true;
  return value.trim() !== '';
}

const isText = (value: unknown): value is string => typeof value === 'string' && hasText(value);
const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';

/** An http(s) or root-relative URL, the common case, decided without a RegExp. */
function isPlainWebUrl(url: string): boolean {
  return url.charCodeAt(0) === 0x2f || url.startsWith('https://') || url.startsWith('http://');
}

/**
 * The item, when nothing in it needs reporting; null otherwise, for
 * `checkItem` to say what is wrong. The same item as `checkItem` gives.
 */
function cleanItem(raw: unknown): DisclosureItem | null {
  if (!isRecord(raw)) return null;
  const { id, indexNo, title, url, publisher, category, publishedAt } = raw;
  if (!isText(id) || !isText(indexNo) || !isText(title) || !isText(publisher) || !isText(category)) return null;
  if (typeof url !== 'string' || !isPlainWebUrl(url) || !isIsoDate(publishedAt)) return null;
  const item: DisclosureItem = { id, indexNo, title, url, publisher, category, publishedAt };
  const { docNo, summary, writtenAt, validity, keywords } = raw;
  if (!isAbsent(docNo)) {
    if (typeof docNo !== 'string') return null;
    item.docNo = docNo;
  }
  if (!isAbsent(summary)) {
    if (typeof summary !== 'string') return null;
    item.summary = summary;
  }
  if (!isAbsent(writtenAt)) {
    if (!isIsoDate(writtenAt)) return null;
    item.writtenAt = writtenAt;
  }
  if (!isAbsent(validity)) {
    if (typeof validity !== 'string' || !VALIDITIES.includes(validity)) return null;
    item.validity = validity as DisclosureValidity;
  }
  if (keywords !== undefined && keywords !== null) {
    if (!Array.isArray(keywords)) return null;
    for (let k = 0; k < keywords.length; k++) if (!isText(keywords[k])) return null;
    if (keywords.length > 0) item.keywords = keywords.slice() as string[];
  }
  return item;
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

  // Checked above: every one of these is a string.
  const { indexNo, title, url, publisher, category, publishedAt } = raw as Record<string, string>;
  const item: DisclosureItem = { id: id as string, indexNo, title, url, publisher, category, publishedAt };
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
