import type { DisclosureItem, DisclosureValidity } from '../../api/types/directory.js';
import { safeHref } from '../url.js';
import { VALIDITIES } from './url-state.js';

/** Something wrong in a directory payload: which item (by position), which field, and what. */
export interface DirectoryDataProblem {
  /** Position in the items array; null for the payload as a whole. */
  index: number | null;
  field: string | null;
  /** A complete sentence for developers, naming the item and field, e.g. `items[3].title: …`. */
  message: string;
}

const REQUIRED_TEXT = ['indexNo', 'title', 'publisher', 'category'] as const;

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
export function digits(text: string, from: number, to: number): number {
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

/** The list of a payload, `{ "items": [...] }` or a bare array; null when it is neither. */
export function payloadList(data: unknown): unknown[] | null {
  return Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.items) ? data.items : null;
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
  const list = payloadList(data);
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
  const { items, problems } = into;
  for (let index = from; index < to; index++) {
    const raw: unknown = list[index];
    if (raw === undefined && !(index in list)) continue; // a hole in a sparse array, as forEach skips it
    try {
      const item = checkItem(raw, index, problems);
      if (!item) continue;
      if (seen.has(item.id)) {
        report(problems, index, 'id', `repeats id "${item.id}"; the item is left out.`);
        continue;
      }
      seen.add(item.id);
      items.push(item);
    } catch (error) {
      report(problems, index, null, `could not be read (${String(error)}); the item is left out.`);
    }
  }
}

// The checks run for each of 100,000 items: no closure or string is made per item unless it has a problem.

function report(problems: DirectoryDataProblem[], index: number, field: string | null, text: string): void {
  problems.push({ index, field, message: `items[${index}]${field ? `.${field}` : ''}: ${text}` });
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === '';

/** An http(s) or relative URL: the common cases without a RegExp, the rest through `safeHref`. */
function isWebUrl(url: string): boolean {
  return url.charCodeAt(0) === 0x2f || url.startsWith('https://') || safeHref(url, ['http:', 'https:']) !== undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.trim() ? `"${value.slice(0, 40)}"` : 'empty';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function checkItem(raw: unknown, index: number, problems: DirectoryDataProblem[]): DisclosureItem | null {
  if (!isRecord(raw)) {
    report(problems, index, null, `is ${describe(raw)}, not an object; the item is left out.`);
    return null;
  }
  const id = typeof raw.id === 'number' && Number.isFinite(raw.id) ? String(raw.id) : raw.id;
  let complete = isText(id) || missing(raw, 'id', 'a non-empty string', index, problems);
  for (const field of REQUIRED_TEXT) if (!isText(raw[field])) complete = missing(raw, field, 'a non-empty string', index, problems);
  const { indexNo, title, url, publisher, category, publishedAt } = raw as Record<string, string>;
  if (!isText(url)) complete = missing(raw, 'url', 'a non-empty string', index, problems);
  else if (!isWebUrl(url)) complete = missing(raw, 'url', 'an http(s) or relative URL', index, problems);
  if (!isIsoDate(publishedAt)) complete = missing(raw, 'publishedAt', 'a date YYYY-MM-DD', index, problems);
  if (!complete) return null;
  const item: DisclosureItem = { id: id as string, indexNo, title, url, publisher, category, publishedAt };
  const { docNo, summary, writtenAt, validity, keywords } = raw;
  if (!isAbsent(docNo)) {
    if (typeof docNo === 'string') item.docNo = docNo;
    else ignore(raw, 'docNo', 'a string', index, problems);
  }
  if (!isAbsent(summary)) {
    if (typeof summary === 'string') item.summary = summary;
    else ignore(raw, 'summary', 'a string', index, problems);
  }
  if (!isAbsent(writtenAt)) {
    if (isIsoDate(writtenAt)) item.writtenAt = writtenAt;
    else ignore(raw, 'writtenAt', 'a date YYYY-MM-DD', index, problems);
  }
  if (!isAbsent(validity)) {
    if (typeof validity === 'string' && (VALIDITIES as readonly string[]).includes(validity))
      item.validity = validity as DisclosureValidity;
    else ignore(raw, 'validity', '有效, 失效 or 废止', index, problems);
  }
  if (keywords !== undefined && keywords !== null) {
    if (!Array.isArray(keywords)) ignore(raw, 'keywords', 'an array of strings', index, problems);
    else {
      const texts = keywords.filter(isText);
      if (texts.length !== keywords.length) report(problems, index, 'keywords', 'has entries that are not text; they are ignored.');
      if (texts.length > 0) item.keywords = texts;
    }
  }
  return item;
}

function ignore(raw: Record<string, unknown>, field: string, expected: string, index: number, problems: DirectoryDataProblem[]): void {
  report(problems, index, field, `is ${describe(raw[field])}, expected ${expected}; the field is ignored.`);
}

/** Reports a missing required field; false, for `complete`. */
function missing(raw: Record<string, unknown>, field: string, expected: string, index: number, problems: DirectoryDataProblem[]): false {
  report(problems, index, field, `is ${describe(raw[field])}, expected ${expected}; the item is left out.`);
  return false;
}
