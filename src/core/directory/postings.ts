/**
 * Postings for directory search: for each key, the items whose searchable
 * text contains it (ascending), with where in the item it first occurs. A
 * query term's candidates are the items holding all its keys; each is then
 * checked with one `startsWith` where the term must begin, so a keystroke
 * reads a few items' text instead of all of it.
 *
 * A key is one non-ASCII UTF-16 unit (an ideograph is selective on its own:
 * 贸 is in a few per cent of titles), or a pair of adjacent printable ASCII
 * characters (single digits and letters are in nearly every 索引号, pairs much
 * less so; a one-letter term is found by scanning).
 * Every key is a small integer, so the table is typed arrays indexed
 * directly, with no hashing while building or querying.
 */

export const ASCII_PAIRS = 0x10000;
/** How many distinct keys there are: every UTF-16 unit, then every pair of 7-bit characters. */
export const KEY_COUNT = ASCII_PAIRS + 128 * 128;
/** Offsets are stored in 8 bits: a key first found further into an item is checked by a search within the item. */
export const FAR_OFFSET = 0xff;

export interface Postings {
  /** Where each key's items begin in `items` (length KEY_COUNT + 1). */
  readonly start: Int32Array;
  /** Item numbers, key after key, each key's ascending. */
  readonly items: Int32Array;
  /** Per posting, where in the item's text the key first occurs (FAR: too far to say). */
  readonly offsets: Uint8Array;
  /** Per key, 1 when it is in so many items that its list was left out. */
  readonly common: Uint8Array;
}

/** Printable ASCII but the space: separators (control characters) and spaces are never keys. */
const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/** The key at `text[p]`: the unit itself, the pair it begins (printable ASCII), or -1 (a space or a lone ASCII character). */
function keyAt(text: string, p: number): number {
  const code = text.charCodeAt(p);
  if (code >= 0x80) return code;
  const next = text.charCodeAt(p + 1);
  return isPrintableAscii(code) && isPrintableAscii(next) ? ASCII_PAIRS + code * 128 + next : -1;
}

/** The items a term may be in, and where in each the term would begin if it is there. */
export interface Candidates {
  readonly items: Int32Array;
  /** Per candidate, where its rarest key first occurs in the item's text (FAR: too far to say)… */
  readonly offsets: Uint8Array;
  /** …and where that key first occurs in the term: the term would begin at offset − keyAt. */
  readonly keyAt: number;
  /** The term is a key itself (one non-ASCII character, or two ASCII ones): every candidate holds it, first at `starts`. */
  readonly exact: boolean;
}

/**
 * The items holding the rarest key of `term` (and, when given, listed in
 * `within`, the items that matched the terms before it). Checking each with
 * one `startsWith` costs less than narrowing them down by the other keys,
 * whose lists are long. Null when the term has no key (it cannot: normalised
 * terms are printable), for the caller to scan.
 */
export function candidates(postings: Postings, term: string, within?: Int32Array): Candidates | null {
  let rarest = -1;
  let rarestAt = 0;
  let rarestSize = Infinity;
  for (let at = 0; at < term.length; at++) {
    const key = keyAt(term, at);
    if (key === -1 || postings.common[key]) continue;
    const size = postings.start[key + 1]! - postings.start[key]!;
    // Only a key's first place in the term counts: that is where its first place in an item says the term begins.
    if (size < rarestSize && !keyEarlierIn(term, key, at)) {
      rarest = key;
      rarestAt = at;
      rarestSize = size;
    }
  }
  if (rarest === -1) return null;
  // One character, or two printable ASCII ones, is a key itself: holding the key is holding the term.
  const exact = (term.length === 1 && rarest < ASCII_PAIRS) || (term.length === 2 && rarest >= ASCII_PAIRS);
  const from = postings.start[rarest]!;
  const to = postings.start[rarest + 1]!;
  if (!within) return { items: postings.items.subarray(from, to), offsets: postings.offsets.subarray(from, to), keyAt: rarestAt, exact };
  const items = new Int32Array(Math.min(within.length, to - from));
  const offsets = new Uint8Array(items.length);
  let count = 0;
  let cursor = 0;
  for (let d = from; d < to; d++) {
    const item = postings.items[d]!;
    cursor = gallop(within, cursor, item);
    if (cursor === within.length) break;
    if (within[cursor] !== item) continue;
    items[count] = item;
    offsets[count++] = postings.offsets[d]!;
  }
  return { items: items.subarray(0, count), offsets: offsets.subarray(0, count), keyAt: rarestAt, exact };
}

/** Whether `key` also occurs in `term` before `at`. */
function keyEarlierIn(term: string, key: number, at: number): boolean {
  if (key < ASCII_PAIRS) return term.lastIndexOf(String.fromCharCode(key), at - 1) !== -1 && at > 0;
  const pair = String.fromCharCode((key - ASCII_PAIRS) >> 7, (key - ASCII_PAIRS) & 127);
  return at > 0 && term.lastIndexOf(pair, at - 1) !== -1;
}

/** The first position from `from` where `list` (ascending) holds `value` or more. */
function gallop(list: Int32Array, from: number, value: number): number {
  if (from >= list.length || list[from]! >= value) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < list.length && list[high]! < value) {
    low = high;
    step *= 2;
    high = from + step;
  }
  high = Math.min(high, list.length);
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle;
    else high = middle;
  }
  return high;
}
