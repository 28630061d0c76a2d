/**
 * Postings for directory search: for each key, the items whose searchable
 * text contains it (ascending), with where in the item it first occurs. A
 * query term's candidates are the items holding its rarest key; the lists of
 * its other keys then rule out, or confirm, most of them without reading
 * their text (reading an item's text is a cache miss: at 100,000 items it
 * costs more than the rest of a keystroke), and the rest are checked with one
 * `startsWith` where the term must begin.
 *
 * A key is one non-ASCII UTF-16 unit (an ideograph is selective on its own:
 * 贸 is in a few per cent of titles), a pair of adjacent printable ASCII
 * characters (single digits and letters are in nearly every 索引号, pairs much
 * less so; a one-letter term is found by scanning), or a printable ASCII
 * character right after a non-ASCII unit (the ( of 闽商务( as a citizen types
 * 闽商务〔: no pair holds it yet, and without this key each of the 26,388
 * items holding 闽商务 was read to see what follows it).
 * Every key is a small integer, so the table is typed arrays indexed
 * directly, with no hashing while building or querying.
 */

export const ASCII_PAIRS = 0x10000;
/** Where the keys of a 7-bit character after a non-ASCII unit begin (after every pair of 7-bit characters). */
export const AFTER_WIDE = ASCII_PAIRS + 128 * 128;
/** How many distinct keys there are: every UTF-16 unit, every pair of 7-bit characters, every 7-bit character after a wide one. */
export const KEY_COUNT = AFTER_WIDE + 128;
/** Offsets are stored in 8 bits: a key first found further into an item is checked by a search within the item. */
export const FAR_OFFSET = 0xff;
/**
 * A posting is one number, item × 2^OFFSET_BITS + offset: ascending by item
 * within a key, as the item numbers alone would be, and one array to write
 * and read instead of two.
 */
export const OFFSET_BITS = 8;

export interface Postings {
  /** Where each key's postings begin in `postings` (length KEY_COUNT + 1). */
  readonly start: Int32Array;
  /**
   * Key after key, each key's items ascending, as item × 2^OFFSET_BITS +
   * where in the item's text the key first occurs (FAR: too far to say).
   */
  readonly postings: Int32Array;
  /** Per key, 1 when it is in so many items that its list was left out. */
  readonly common: Uint8Array;
  /** Per key, for a common one that is in some 文号, 索引号 or 主题词, its number in `firstInField` (else -1). */
  readonly commonSlot: Int16Array;
  /**
   * Per common key's number k, at FIELDS × k + field (the FIELD_ numbers
   * below), per item: where the key first occurs in that field of the item,
   * as FIELD_PLACE + offset (FIELD_ABSENT: not in it, FIELD_FAR: too far in
   * to say); no table: in that field of no item. A common key's first place
   * in an item is seldom where a search for 闽商务 or FJ0035910/2020 finds it
   * (商 and 20 come earlier, in the title and the 文号): in the fields after
   * the title these say where, or that it is not there at all.
   */
  readonly firstInField: (Uint8Array | undefined)[];
}

export const FIELD_ABSENT = 0;
export const FIELD_PLACE = 1;
export const FIELD_FAR = 0xff;
/** The fields `firstInField` covers, in the order of an item's text (the title, before them, has no tables). */
export const DOC_NO_FIELD = 0;
export const INDEX_NO_FIELD = 1;
export const KEYWORDS_FIELD = 2;
export const FIELDS = 3;

/** Printable ASCII but the space: separators (control characters) and spaces are never keys. */
const isPrintableAscii = (code: number): boolean => code > 0x20 && code < 0x7f;

/** Whether `key` is a pair of ASCII characters: it tells of two units. */
const isPair = (key: number): boolean => key >= ASCII_PAIRS && key < AFTER_WIDE;

/**
 * The key at `text[p]` in a term: the unit itself, the pair it begins
 * (printable ASCII), the character after a non-ASCII unit when it begins no
 * pair, or -1 (a space, or a lone ASCII character after an ASCII one).
 */
function keyAt(text: string, p: number): number {
  const code = text.charCodeAt(p);
  if (code >= 0x80) return code;
  if (!isPrintableAscii(code)) return -1;
  const next = text.charCodeAt(p + 1);
  if (isPrintableAscii(next)) return ASCII_PAIRS + code * 128 + next;
  return p > 0 && text.charCodeAt(p - 1) >= 0x80 ? AFTER_WIDE + code : -1;
}

/** Whether the text holds `key` at `text[p]` (as the postings builder takes keys: a pair's first unit may hold an AFTER_WIDE key too). */
function holdsKeyAt(text: string, key: number, p: number): boolean {
  if (key < ASCII_PAIRS) return text.charCodeAt(p) === key;
  if (isPair(key)) return text.charCodeAt(p) === (key - ASCII_PAIRS) >> 7 && text.charCodeAt(p + 1) === ((key - ASCII_PAIRS) & 127);
  return p > 0 && text.charCodeAt(p) === key - AFTER_WIDE && text.charCodeAt(p - 1) >= 0x80;
}

/** The items a term may be in, and where in each the term would begin if it is there. */
export interface Candidates {
  /**
   * The rarest key's postings (item × 2^OFFSET_BITS + where the key first
   * occurs in the item's text, FAR: too far to say) when `packed`; else item
   * numbers, with no place known unless `starts` gives it.
   */
  readonly items: Int32Array;
  readonly packed: boolean;
  /** Where the rarest key first occurs in the term: the term would begin at its offset − keyAt. */
  readonly keyAt: number;
  /**
   * Or, when known exactly, per candidate, where in the whole text the term
   * would begin: the term cannot be in the item before (the previous
   * keystroke's shorter term is there, and nowhere earlier in the item).
   * Then `keyAt` is unused, and the keys below are those of
   * the units the term adds.
   */
  readonly starts: Int32Array | null;
  /** The term is a key itself (one non-ASCII character, or two ASCII ones): every candidate holds it, first where its posting says. */
  readonly exact: boolean;
  /**
   * The term's other keys that have lists, rarest first, each with where it
   * first occurs in the term: a candidate missing one of them cannot hold the
   * term, and one holding each first where the term placed at its rarest
   * key's first place puts it, holds the term there (when `covered`), so
   * most candidates are decided by the postings without reading their text.
   */
  readonly others: readonly KeyList[];
  /** The listed keys (the rarest and `others`) cover every unit of the term. */
  readonly covered: boolean;
  /**
   * The term's common keys with where they first occur in each field of an
   * item after its title (see `firstInField`): a candidate whose term would
   * begin in one of those fields is ruled out when one of them is in neither
   * that field nor a later one, and confirmed when each is where the term
   * puts it and these and the listed keys together cover every unit
   * (`coveredInFields`).
   */
  readonly fieldKeys: readonly FieldKey[];
  readonly coveredInFields: boolean;
}

/** A common key's first places in each field of every item (by FIELD_ number), and where it first occurs in a term. */
export interface FieldKey {
  readonly places: readonly (Uint8Array | undefined)[];
  readonly keyAt: number;
}

/** One key's postings (item × 2^OFFSET_BITS + offset), and where the key first occurs in a term. */
export interface KeyList {
  readonly postings: Int32Array;
  readonly keyAt: number;
}

/** A key of a term with a list, where it first occurs in the term, and how many items hold it. */
interface ListedKey {
  key: number;
  keyAt: number;
  size: number;
}

/**
 * The keys of `term` that tell of units from `from` on (a key's first place
 * in the term only: that is where its first place in an item says the term
 * begins): those with lists, rarest first, the common ones with their field
 * places, and whether they cover every such unit, by lists alone and with
 * the field places.
 */
function termKeys(postings: Postings, term: string, from: number) {
  const listed: ListedKey[] = [];
  const fieldKeys: FieldKey[] = [];
  // Per unit of the term: 1 covered by a listed key (or known already), 2 by a common key with field places, 0 by neither.
  const coveredUnits = new Uint8Array(term.length);
  coveredUnits.fill(1, 0, from);
  const cover = (at: number, key: number, by: number): void => {
    for (let unit = at; unit <= (isPair(key) ? at + 1 : at); unit++) if (coveredUnits[unit] !== 1) coveredUnits[unit] = by;
  };
  for (let at = Math.max(0, from - 1); at < term.length; at++) {
    const key = keyAt(term, at);
    // A key within the units known already tells nothing new; of a key the term repeats, only its first place
    // counts: that is where its first place in an item says the term begins.
    if (key === -1 || (isPair(key) ? at + 2 : at + 1) <= from || keyEarlierIn(term, key, at)) continue;
    if (!postings.common[key]) {
      listed.push({ key, keyAt: at, size: postings.start[key + 1]! - postings.start[key]! });
      cover(at, key, 1);
      continue;
    }
    const slot = postings.commonSlot[key]!;
    const places = slot === -1 ? [] : postings.firstInField.slice(FIELDS * slot, FIELDS * slot + FIELDS);
    fieldKeys.push({ places, keyAt: at });
    cover(at, key, 2);
  }
  // Stable: of keys in as many items, the first in the term is the rarest, as before the others were used.
  listed.sort((a, b) => a.size - b.size);
  return {
    listed,
    fieldKeys,
    covered: coveredUnits.every((unit) => unit === 1),
    coveredInFields: coveredUnits.every((unit) => unit > 0),
  };
}

/** A listed key's postings. */
function listOf(postings: Postings, { key, keyAt }: ListedKey): KeyList {
  return { postings: postings.postings.subarray(postings.start[key]!, postings.start[key + 1]!), keyAt };
}

/**
 * The items holding the rarest key of `term` (and, when given, listed in
 * `within`, the items that matched the terms before it), with the lists of
 * its other keys to decide them by. Null when no key of the term has a list
 * (one ASCII character, or only keys in most items), for the caller to scan.
 */
export function candidates(postings: Postings, term: string, within?: Int32Array): Candidates | null {
  const { listed, fieldKeys, covered, coveredInFields } = termKeys(postings, term, 0);
  if (listed.length === 0) return null;
  const { key: rarest, keyAt: rarestAt } = listed[0]!;
  // One character, or two printable ASCII ones, is a key itself: holding the key is holding the term.
  const exact = (term.length === 1 && rarest < ASCII_PAIRS) || (term.length === 2 && isPair(rarest));
  const rarestList = listOf(postings, listed[0]!);
  const others = listed.slice(1).map((other) => listOf(postings, other));
  // One object literal, in one order, for every Candidates: a second shape left findIn deoptimising.
  const list = rarestList.postings;
  let items = list;
  if (within) {
    const kept = new Int32Array(Math.min(within.length, list.length));
    let count = 0;
    let cursor = 0;
    for (let d = 0; d < list.length; d++) {
      const item = list[d]! >> OFFSET_BITS;
      cursor = gallop(within, cursor, item);
      if (cursor === within.length) break;
      if (within[cursor] === item) kept[count++] = list[d]!;
    }
    items = kept.subarray(0, count);
  }
  return { items, packed: true, keyAt: rarestAt, starts: null, exact, others, covered, fieldKeys, coveredInFields };
}

/**
 * The items where `shorter`, which `term` begins with, was found (at
 * `starts`, its first place in each): the only ones that can hold `term`,
 * first there or later. The keys of the units `term` adds decide most of
 * them; without postings, each is read where `shorter` is.
 */
export function continuing(
  postings: Postings | undefined,
  term: string,
  shorter: string,
  items: Int32Array,
  starts: Int32Array,
): Candidates {
  const keys = postings
    ? termKeys(postings, term, shorter.length)
    : { listed: [], fieldKeys: [], covered: term === shorter, coveredInFields: term === shorter };
  const others = postings ? keys.listed.map((key) => listOf(postings, key)) : [];
  const { fieldKeys, covered, coveredInFields } = keys;
  return { items, packed: false, keyAt: 0, starts, exact: false, others, covered, fieldKeys, coveredInFields };
}

/** Whether `key` also occurs in `term` before `at`. */
function keyEarlierIn(term: string, key: number, at: number): boolean {
  for (let p = 0; p < at; p++) if (holdsKeyAt(term, key, p)) return true;
  return false;
}

/** The first position from `from` where `list` (ascending) holds `value` or more. */
export function gallop(list: Int32Array, from: number, value: number): number {
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
