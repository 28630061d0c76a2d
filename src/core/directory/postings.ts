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

const ASCII_PAIRS = 0x10000;
/** How many distinct keys there are: every UTF-16 unit, then every pair of 7-bit characters. */
const KEY_COUNT = ASCII_PAIRS + 128 * 128;
/** Offsets are stored in 8 bits: a key first found further into an item is checked by a search within the item. */
export const FAR_OFFSET = 0xff;
const FAR = FAR_OFFSET;

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

/** How much of the layout runs between two pauses: a few milliseconds on a slow phone. */
const KEYS_PER_STEP = 1 << 18;
/** Keys in more than this share of the items have no list: it would cost memory and never be a term's rarest key. */
const COMMON_SHARE = 0.5;
const ITEMS_PER_STEP = 4000;

/** Printable ASCII but the space: separators (control characters) and spaces are never keys. */
const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/** Calls `take(key, position)` for each key of `text[from, to)`, in order of position. */
function forEachKey(unit: (position: number) => number, from: number, to: number, take: (key: number, at: number) => void): void {
  for (let p = from; p < to; p++) {
    const code = unit(p);
    if (code >= 0x80) {
      take(code, p);
    } else if (isPrintableAscii(code)) {
      if (p + 1 < to) {
        const next = unit(p + 1);
        if (isPrintableAscii(next)) take(ASCII_PAIRS + code * 128 + next, p);
      }
    }
  }
}

/**
 * Collects each item's keys while the index writes the item's text, then lays
 * them out by key (a counting sort: two passes, no per-key arrays).
 */
export class PostingsBuilder {
  private keys = new Int32Array(1 << 20);
  private offsets = new Uint8Array(1 << 20);
  private length = 0;
  /** Per item, where its keys end in `keys`. */
  private readonly itemEnd: Int32Array;
  /** The last item each key was taken for: only an item's first occurrence of a key is kept. */
  private readonly lastItem = new Int32Array(KEY_COUNT).fill(-1);
  private item = 0;
  /** Keys left out for being in more than COMMON_SHARE of the items. */
  private readonly common = new Uint8Array(KEY_COUNT);

  constructor(itemCount: number) {
    this.itemEnd = new Int32Array(itemCount);
  }

  /** The keys of the next item's text, `text[from, to)`. Items are added in order. */
  add(text: string, from: number, to: number): void {
    // forEachKey by hand: this runs for every unit of every item's text.
    const item = this.item++;
    for (let p = from; p < to; p++) {
      const code = text.charCodeAt(p);
      if (code >= 0x80) {
        this.take(code, item, p - from);
      } else if (code > 0x20 && code < 0x7f) {
        const next = p + 1 < to ? text.charCodeAt(p + 1) : 0;
        if (next > 0x20 && next < 0x7f) this.take(ASCII_PAIRS + code * 128 + next, item, p - from);
      }
    }
    this.itemEnd[item] = this.length;
  }

  private take(key: number, item: number, offset: number): void {
    if (this.lastItem[key] === item) return;
    this.lastItem[key] = item;
    if (this.length === this.keys.length) this.grow();
    this.keys[this.length] = key;
    this.offsets[this.length++] = offset < FAR ? offset : FAR;
  }

  /** Lays the postings out, pausing (yielding) every few hundred thousand keys. */
  *buildSteps(): Generator<void, Postings, void> {
    const start = new Int32Array(KEY_COUNT + 1);
    const keys = this.keys;
    for (let k = 0; k < this.length; k++) {
      start[keys[k]! + 1]!++;
      if (k % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    // A key in most items never narrows a search down: leave its list out (a term of such keys alone is scanned for).
    const common = this.itemEnd.length * COMMON_SHARE;
    for (let key = 0; key < KEY_COUNT; key++) {
      if (start[key + 1]! > common) {
        start[key + 1] = 0;
        this.common[key] = 1;
      }
      start[key + 1]! += start[key]!;
    }
    const cursor = start.slice(0, KEY_COUNT);
    const items = new Int32Array(start[KEY_COUNT]!);
    const offsets = new Uint8Array(items.length);
    let k = 0;
    for (let item = 0; item < this.itemEnd.length; item++) {
      for (const end = this.itemEnd[item]!; k < end; k++) {
        const key = keys[k]!;
        if (this.common[key]) continue;
        const slot = cursor[key]!++;
        items[slot] = item;
        offsets[slot] = this.offsets[k]!;
      }
      if (item % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    return { start, items, offsets, common: this.common };
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const offsets = new Uint8Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    this.offsets = offsets;
  }
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
  forEachKey(
    (p) => term.charCodeAt(p),
    0,
    term.length,
    (key, at) => {
      if (postings.common[key]) return;
      const size = postings.start[key + 1]! - postings.start[key]!;
      // Only a key's first place in the term counts: that is where its first place in an item says the term begins.
      if (size < rarestSize && !keyEarlierIn(term, key, at)) {
        rarest = key;
        rarestAt = at;
        rarestSize = size;
      }
    },
  );
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
