import type { DisclosureItem } from '../../api/types/directory.js';
import { SearchTextWriter } from './normalize.js';
import { digits } from './validate.js';
import {
  candidates,
  continuing,
  DOC_NO_FIELD,
  FAR_OFFSET,
  FIELD_ABSENT,
  FIELD_FAR,
  FIELD_PLACE,
  FIELDS,
  gallop,
  INDEX_NO_FIELD,
  KEYWORDS_FIELD,
  OFFSET_BITS,
  type Candidates,
  type FieldKey,
  type Postings,
} from './postings.js';
import type { FacetName } from './query-options.js';

/** A filterable field: its distinct values and, per item, the number of its value. */
export interface FacetDimension {
  readonly values: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /** Per item, the index of its value in `values`. */
  readonly valueOf: Int32Array;
}

/**
 * Everything a query needs, computed once from the items. Treat as opaque:
 * build with `createDirectoryIndex` (search-index.ts) or `directoryIndexSteps`, read with `queryDirectory`.
 */
export interface DirectoryIndex {
  readonly items: readonly DisclosureItem[];
  /**
   * The normalised searchable text of every item, item after item: title,
   * 文号, 索引号, 主题词, each followed by a separator that no normalised query
   * contains, so a match never spans two fields. A native `indexOf` scan over
   * it is far faster than a test per item. Stored in chunks of whole items
   * (positions below are over their concatenation).
   */
  readonly chunks: readonly string[];
  /** Where chunk c begins (length = chunks + 1). */
  readonly chunkStart: Int32Array;
  /** Where item i begins (length n + 1: the last entry is the end). */
  readonly itemStart: Int32Array;
  /** Where item i's 文号 begins: matches before it are in the title. */
  readonly docNoStart: Int32Array;
  /** Where item i's 索引号 begins (its 文号, with the bracketless copy, ends one unit before). */
  readonly indexNoStart: Int32Array;
  /** Where item i's 主题词 begin: matches from here on are keyword matches. */
  readonly keywordsStart: Int32Array;
  /** Per item, 发布日期 as YYYYMMDD. */
  readonly dates: Int32Array;
  readonly facets: Readonly<Record<FacetName, FacetDimension>>;
  /** Item numbers, newest 发布日期 first (ties: input order). */
  readonly newestFirst: Int32Array;
  /** Per item, its position in `newestFirst` (the tie-breaker of every other order). */
  readonly newestRank: Int32Array;
  /**
   * Built after the rest, so search starts sooner: the postings (per key, the
   * items whose text holds it; until they exist a term is found by scanning
   * all text, with the same results), and the orders by date and by title
   * (sorting 100,000 titles by collation is slow and seldom needed).
   */
  readonly lazy: { postings?: Postings; oldestFirst?: Int32Array; byTitle?: Int32Array };
  /**
   * Per-item working arrays, reused by every query instead of allocated per
   * keystroke (queries are synchronous, so one set is enough).
   */
  readonly scratch: { score: Uint16Array; isResult: Uint8Array; terms: readonly TermHits[]; buffers: ItemBuffers };
}

/**
 * Buffers of one number per item kept, at most, for reuse: a term's matches
 * and places, now and from the keystroke before (1.6 MB at 100,000 items, in
 * the memory budget); a query of more terms allocates the rest.
 */
const POOLED_BUFFERS = 4;

/**
 * Buffers of one number per item, reused by query after query: a fresh
 * typed array for each term's matches cost more than the search that filled
 * it (measured in Node: some 0.4 ms each for 26,388 matches of 闽商务〔).
 */
export class ItemBuffers {
  private readonly pool: Int32Array[] = [];
  constructor(private readonly size: number) {}

  /** A buffer that none of `inUse` is a view of. */
  take(inUse: readonly Int32Array[]): Int32Array {
    const free = this.pool.find((buffer) => !inUse.some((view) => view.buffer === buffer.buffer));
    if (free) return free;
    const buffer = new Int32Array(this.size);
    if (this.pool.length < POOLED_BUFFERS) this.pool.push(buffer);
    return buffer;
  }
}

/**
 * One term's matches in a query (with the terms before it: the items holding
 * them all), and where in the whole text each item first holds the term.
 * The next keystroke's longer term can only be in these items, there or
 * later: a citizen typing 闽商务〔2020 narrows what 闽商 found, instead of
 * starting again.
 */
export interface TermHits {
  /** The terms before it, joined by spaces (a term holds none). */
  readonly before: string;
  readonly term: string;
  readonly items: Int32Array;
  readonly starts: Int32Array;
}

/** The items matching every term, ascending, and each one's relevance (valid for the items listed). */
export interface TermMatches {
  readonly items: Int32Array;
  /** Per item, in the index's scratch array: valid until the next query. */
  readonly score: Uint16Array;
}

// Separators: control characters, which normalisation turns into spaces, so no query contains them.
const FIELD_END = 0x01;
const KEYWORD_END = 0x02;
/** Text is folded into a reused buffer and cut into strings of at least this many units (the last one shorter). */
const CHUNK_UNITS = 1 << 14;

/** YYYY-MM-DD as the number YYYYMMDD (0 when the date is unreadable). */
export function dateNumber(date: string): number {
  // Digit arithmetic instead of a RegExp or slices: this runs once per item while indexing.
  if (date.length < 10 || date.charCodeAt(4) !== 0x2d || date.charCodeAt(7) !== 0x2d) return 0;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  return year < 0 || month < 0 || day < 0 ? 0 : year * 10000 + month * 100 + day;
}
/**
 * Numbers appended in order into an Int32Array that doubles when full: the
 * index can be built while its list downloads, before anyone knows how long
 * it is.
 */
class Int32Appender {
  private array: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.array = new Int32Array(Math.max(capacity, 16));
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }
  /** The numbers appended, in an array of their own length. */
  done(): Int32Array {
    return this.array.length === this.length ? this.array : this.array.slice(0, this.length);
  }
}

/** Collects a facet's distinct values while items are read once, item after item. */
class DimensionBuilder {
  readonly values: string[] = [];
  readonly idOf = new Map<string, number>();
  private readonly valueOf: Int32Appender;
  constructor(capacity: number) {
    this.valueOf = new Int32Appender(capacity);
  }
  /** The next item's value; returns its number. */
  add(value: string): number {
    let id = this.idOf.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.idOf.set(value, id);
    }
    this.valueOf.push(id);
    return id;
  }
  private readonly idOfNumber = new Map<number, number>();
  /** For numbers (years): no string is made per item, only per distinct value. */
  addNumber(value: number): void {
    const id = this.idOfNumber.get(value);
    if (id === undefined) this.idOfNumber.set(value, this.add(value > 0 ? String(value) : ''));
    else this.valueOf.push(id);
  }
  done(): FacetDimension {
    return { values: this.values, idOf: this.idOf, valueOf: this.valueOf.done() };
  }
}

// Item numbers up to 2^21 fit beside an 8-digit date in a float's 53-bit mantissa.
const ITEM_SLOTS = 2 ** 21;

/** Item numbers ordered by `key` (a non-negative integer below 2^31) ascending, ties by item number, using a native numeric sort. */
export function orderByKey(count: number, key: (item: number) => number): Int32Array {
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) packed[i] = key(i) * ITEM_SLOTS + i;
  packed.sort();
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = packed[k]! % ITEM_SLOTS;
  return order;
}

/** Throws when `n` items are more than an index holds (checked before a whole list is indexed, and when a growing one is done). */
function checkItemCount(n: number): void {
  if (n >= ITEM_SLOTS) throw new RangeError(`A directory index holds at most ${ITEM_SLOTS - 1} items`);
}

/** Items indexed between two pauses of `directoryIndexSteps`: a few milliseconds on a slow phone. */
const ITEMS_PER_STEP = 1000;

/**
 * The searchable index as steps: it pauses (yields) every thousand items, so
 * a page can build it in short tasks (see `runInSlices`) and never freeze
 * while 100,000 items are indexed. Search works as soon as it is done; the
 * postings (`postingsSteps`, idle-steps.ts) then make it faster.
 */
export function* directoryIndexSteps(items: readonly DisclosureItem[]): Generator<void, DirectoryIndex, void> {
  const n = items.length;
  checkItemCount(n);
  const builder = new DirectoryIndexBuilder(n);
  for (let i = 0; i < n; i++) {
    builder.add(items[i]!);
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  // The sort in `done` is the longest step (some 10 ms per 100,000 items on a laptop): not after a step's worth of items.
  yield;
  return builder.done(items);
}

/**
 * Builds the searchable index item by item, so it can be built while the
 * list downloads (the search worker adds each batch as it is validated);
 * `directoryIndexSteps` builds it from a whole list.
 */
export class DirectoryIndexBuilder {
  private readonly itemStart: Int32Appender;
  private readonly docNoStart: Int32Appender;
  private readonly indexNoStart: Int32Appender;
  private readonly keywordsStart: Int32Appender;
  private readonly dates: Int32Appender;
  private readonly category: DimensionBuilder;
  private readonly publisher: DimensionBuilder;
  private readonly year: DimensionBuilder;
  private readonly validity: DimensionBuilder;
  private readonly chunks: string[] = [];
  private readonly chunkStarts: number[] = [0];
  private readonly text = new SearchTextWriter();
  /** Position of the writer's first unit in the whole text. */
  private base = 0;

  /** @param capacity the items expected, when known (more may be added) */
  constructor(capacity = 0) {
    this.itemStart = new Int32Appender(capacity + 1);
    this.docNoStart = new Int32Appender(capacity);
    this.indexNoStart = new Int32Appender(capacity);
    this.keywordsStart = new Int32Appender(capacity);
    this.dates = new Int32Appender(capacity);
    this.category = new DimensionBuilder(capacity);
    this.publisher = new DimensionBuilder(capacity);
    this.year = new DimensionBuilder(capacity);
    this.validity = new DimensionBuilder(capacity);
  }

  /** How many items were added. */
  get length(): number {
    return this.dates.length;
  }

  /** Indexes the next item. */
  add(item: DisclosureItem): void {
    const { text } = this;
    const { title, docNo, indexNo, keywords, publishedAt } = item;
    this.itemStart.push(this.base + text.length);
    text.write(title);
    text.writeUnit(FIELD_END);
    this.docNoStart.push(this.base + text.length);
    if (docNo) writeDocNo(text, docNo);
    text.writeUnit(FIELD_END);
    this.indexNoStart.push(this.base + text.length);
    text.write(indexNo);
    text.writeUnit(FIELD_END);
    this.keywordsStart.push(this.base + text.length);
    if (keywords) {
      for (let k = 0; k < keywords.length; k++) {
        if (k > 0) text.writeUnit(KEYWORD_END);
        text.write(keywords[k]!);
      }
    }
    text.writeUnit(FIELD_END);
    // Items never straddle two chunks.
    if (text.length >= CHUNK_UNITS) this.flush();

    const date = dateNumber(publishedAt);
    this.dates.push(date);
    this.year.addNumber(Math.floor(date / 10000));
    this.category.add(item.category);
    this.publisher.add(item.publisher);
    this.validity.add(item.validity ?? '有效');
  }

  /** The index of the items added, which are `items` (the same items, in the same order). Call once. */
  done(items: readonly DisclosureItem[]): DirectoryIndex {
    const n = this.length;
    checkItemCount(n);
    if (items.length !== n) throw new RangeError(`${n} items were indexed, not ${items.length}`);
    if (this.text.length > 0) this.flush();
    this.itemStart.push(this.base);
    const dates = this.dates.done();
    const newestFirst = orderByKey(n, (i) => 99_999_999 - dates[i]!);
    const newestRank = new Int32Array(n);
    for (let k = 0; k < n; k++) newestRank[newestFirst[k]!] = k;

    return {
      items,
      chunks: this.chunks,
      chunkStart: Int32Array.from(this.chunkStarts),
      itemStart: this.itemStart.done(),
      docNoStart: this.docNoStart.done(),
      indexNoStart: this.indexNoStart.done(),
      keywordsStart: this.keywordsStart.done(),
      dates,
      facets: { category: this.category.done(), publisher: this.publisher.done(), year: this.year.done(), validity: this.validity.done() },
      newestFirst,
      newestRank,
      lazy: {},
      scratch: { score: new Uint16Array(n), isResult: new Uint8Array(n), terms: [], buffers: new ItemBuffers(n) },
    };
  }

  private flush(): void {
    this.base += this.text.length;
    this.chunks.push(this.text.take());
    this.chunkStarts.push(this.base);
  }
}

/** Runs steps to their end at once. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Relevance points per term, by the best field it matches in. */
export const FIELD_WEIGHT = { title: 4, docNoOrIndexNo: 2, keywords: 1 } as const;

/**
 * Writes a 文号 as published and, when it has brackets, once more without
 * them, the year closed by 年 — so 闽商务〔2020〕76号 is found as typed without
 * brackets too: 闽商务2020年76号, or the two words 闽商务2020 76号.
 */
function writeDocNo(text: SearchTextWriter, docNo: string): void {
  const from = text.length;
  text.write(docNo);
  const to = text.length;
  let bracketed = false;
  for (let k = from; k < to && !bracketed; k++) bracketed = text.buffer[k] === BRACKET_OPEN || text.buffer[k] === BRACKET_CLOSE;
  if (!bracketed) return;
  text.writeUnit(FIELD_END);
  // Read through text.buffer each time: writing may move it to a larger buffer.
  for (let k = from; k < to; k++) {
    const unit = text.buffer[k]!;
    if (unit !== BRACKET_OPEN) text.writeUnit(unit === BRACKET_CLOSE ? YEAR : unit);
  }
}
// Normalisation folds every bracket a 文号 uses into ( and ).
const BRACKET_OPEN = 0x28;
const BRACKET_CLOSE = 0x29;
const YEAR = 0x5e74; // 年

/**
 * Items matching every term (normalised, from `searchTerms`), ascending, with
 * their relevance score: per term, the weight of the best field it occurs in.
 * Each term is looked for only in its candidates (the postings of its rarest
 * keys, narrowed to the items that matched the terms before it); a term
 * without keys (one ASCII character) is looked for everywhere.
 */
export function matchTerms(index: DirectoryIndex, terms: readonly string[]): TermMatches {
  const { score, buffers } = index.scratch;
  score.fill(0);
  const { postings } = index.lazy;
  const previous = index.scratch.terms;
  const hits: TermHits[] = [];
  // Buffers for a term's matches that hold neither this query's terms so far nor the previous query's (they may start from those).
  const freeBuffers = (): Found => {
    const inUse = [...previous, ...hits].flatMap((kept) => [kept.items, kept.starts]);
    const items = buffers.take(inUse);
    return { items, starts: buffers.take([...inUse, items]) };
  };
  let matched: Int32Array | undefined;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    const before = terms.slice(0, t).join(' ');
    const shorter = previous[t];
    const fresh = postings ? candidates(postings, term, matched) : null;
    // What the previous query found for the start of this term, unless the postings have fewer items to try.
    const possible =
      shorter && shorter.before === before && term.startsWith(shorter.term) && !(fresh && fresh.items.length < shorter.items.length)
        ? continuing(postings, term, shorter.term, shorter.items, shorter.starts)
        : fresh || fewToRead(index, matched);
    const found = possible ? findIn(index, term, possible, score, freeBuffers()) : scanAll(index, term, score, freeBuffers(), matched);
    hits.push({ before, term, ...found });
    matched = found.items;
    if (matched.length === 0) break;
  }
  // Mutable on purpose: only the next query reads it, to start from these.
  index.scratch.terms = hits;
  return { items: matched ?? new Int32Array(0), score };
}

/** The items holding a term, ascending, and where in the whole text each first holds it (or buffers to write them in). */
interface Found {
  items: Int32Array;
  starts: Int32Array;
}

/**
 * Reading each of a few items (those that matched the terms before) costs
 * less than scanning all text for a term the postings cannot narrow down —
 * 福 in 跨境电商 福州 is in nearly every item.
 */
function fewToRead(index: DirectoryIndex, matched: Int32Array | undefined): Candidates | null {
  if (!matched || matched.length * READ_EACH_BELOW > index.items.length) return null;
  return {
    items: matched,
    packed: false,
    keyAt: 0,
    starts: null,
    exact: false,
    others: [],
    covered: false,
    fieldKeys: [],
    coveredInFields: false,
  };
}
/** Up to one item in this many, earlier terms' matches are read one by one rather than by a scan of all text. */
const READ_EACH_BELOW = 8;

/** Where in the item a hit at `position` lies: fields are laid out best first, so an item's first hit is its best. */
function weightAt(index: DirectoryIndex, item: number, position: number): number {
  return position < index.docNoStart[item]!
    ? FIELD_WEIGHT.title
    : position < index.keywordsStart[item]!
      ? FIELD_WEIGHT.docNoOrIndexNo
      : FIELD_WEIGHT.keywords;
}

/**
 * The candidates whose text really holds `term`, each one's score raised by
 * the term's weight in it. The postings say where the term must begin if an
 * item holds it there; the term's other keys rule out the items missing one
 * and confirm the items holding each where the term would put it, so only
 * the rest are read: where the term would begin, or (the key repeats in the item)
 * by a search within the item alone.
 */
function findIn(index: DirectoryIndex, term: string, possible: Candidates, score: Uint16Array, into: Found): Found {
  const { chunks, chunkStart, itemStart } = index;
  const { items, packed, keyAt, starts, exact, covered, coveredInFields } = possible;
  let { others, fieldKeys } = possible;
  const { items: found, starts: foundAt } = into;
  const cursors = new Int32Array(others.length);
  let decided = 0; // candidates the other keys ruled out or confirmed
  let count = 0;
  let c = 0;
  candidate: for (let k = 0; k < items.length; k++) {
    // The other keys cost a step or two each per candidate: when they decide too few (the keys are in nearly every
    // candidate, and some unit of the term is where none of them says), reading is cheaper without them.
    if (k === TRIAL && decided * WORTH_IT < TRIAL) {
      others = [];
      fieldKeys = [];
    }
    const entry = items[k]!;
    const item = packed ? entry >> OFFSET_BITS : entry;
    const begin = itemStart[item]!;
    // Item numbers alone (the earlier terms' matches, to read) say nothing of where the term is.
    const offset = starts ? 0 : packed ? entry & FAR_OFFSET : FAR_OFFSET;
    const start = starts ? starts[k]! - begin : offset === FAR_OFFSET || offset < keyAt ? -1 : offset - keyAt;
    // Without the other keys (left out above), a term of several keys is confirmed only by reading.
    let aligned = start >= 0 && others.length === possible.others.length && fieldKeys.length === possible.fieldKeys.length;
    for (let j = 0; j < others.length; j++) {
      const { postings, keyAt: otherAt } = others[j]!;
      const at = (cursors[j] = gallop(postings, cursors[j]!, item << OFFSET_BITS));
      if (at === postings.length || postings[at]! >> OFFSET_BITS !== item) {
        decided++;
        continue candidate;
      }
      // An offset of FAR or more is not stored exactly: it confirms nothing.
      const expected = start + otherAt;
      if (expected >= FAR_OFFSET || (postings[at]! & FAR_OFFSET) !== expected) aligned = false;
    }
    const inFields = fieldKeys.length > 0 && start >= 0 ? placesInFields(index, item, begin + start, start, fieldKeys) : EITHER;
    if (inFields === ABSENT) {
      decided++;
      continue;
    }
    const confirmed = aligned && (covered || (coveredInFields && inFields === PLACED));
    if (confirmed) decided++;
    while (chunkStart[c + 1]! <= begin) c++;
    const chunk = chunks[c]!;
    const base = chunkStart[c]!;
    let position = -1;
    if (start >= 0 && (exact || confirmed || holdsAt(chunk, begin + start - base, term))) {
      position = begin + start;
    } else {
      // Also for a term that is a key: one first found too far into the item to say where is searched for.
      const local = indexWithin(chunk, term, begin + Math.max(start + 1, 0) - base, itemStart[item + 1]! - base);
      if (local !== -1) position = base + local;
    }
    if (position !== -1) {
      score[item]! += weightAt(index, item, position);
      foundAt[count] = position;
      found[count++] = item;
    }
  }
  return { items: found.subarray(0, count), starts: foundAt.subarray(0, count) };
}

/** Whether `text` holds `term` at `at` (what `startsWith` answers; `indexWithin` tries it at each place). */
function holdsAt(text: string, at: number, term: string): boolean {
  if (at + term.length > text.length) return false;
  for (let k = 0; k < term.length; k++) if (text.charCodeAt(at + k) !== term.charCodeAt(k)) return false;
  return true;
}

/**
 * Where `text[from, to)` first holds `term`, or -1: `indexOf` within an
 * item, by hand. Searching a slice of each item took most of a keystroke
 * (4.6 of 5.5 ms for the 26,388 candidates of 闽商务〔), and searching the
 * whole text on from `from` runs on into the items after it.
 */
function indexWithin(text: string, term: string, from: number, to: number): number {
  const first = term.charCodeAt(0);
  for (let at = from; at + term.length <= to; at++) if (text.charCodeAt(at) === first && holdsAt(text, at, term)) return at;
  return -1;
}

/** What the common keys' field places say of a candidate: the term is where they put it, cannot be in it, or either. */
const PLACED = 1;
const ABSENT = -1;
const EITHER = 0;

/**
 * Whether each common key of the term first occurs, in the field where the
 * term would begin at `position` (offset `start` in the item), where the term
 * puts it (PLACED), or one of them is in neither that field nor a later one
 * (ABSENT); EITHER when the term would begin in the title, which has no places.
 */
function placesInFields(index: DirectoryIndex, item: number, position: number, start: number, fieldKeys: readonly FieldKey[]): number {
  if (position < index.docNoStart[item]!) return EITHER;
  const field =
    position < index.indexNoStart[item]! ? DOC_NO_FIELD : position < index.keywordsStart[item]! ? INDEX_NO_FIELD : KEYWORDS_FIELD;
  let verdict = PLACED;
  for (let k = 0; k < fieldKeys.length; k++) {
    const { places, keyAt } = fieldKeys[k]!;
    const expected = FIELD_PLACE + start + keyAt;
    const place = places[field]?.[item] ?? FIELD_ABSENT;
    if (place === expected && expected < FIELD_FAR) continue;
    let later = field;
    while (place === FIELD_ABSENT && ++later < FIELDS && (places[later]?.[item] ?? FIELD_ABSENT) === FIELD_ABSENT);
    if (later === FIELDS) return ABSENT;
    verdict = EITHER;
  }
  return verdict;
}

/** Candidates tried with every other key's list before deciding whether the lists are worth their steps… */
const TRIAL = 512;
/** …which they are when they decide one candidate in this many without reading its text. */
const WORTH_IT = 8;

/** Every item (of `within`, when given) whose text holds `term`, for a term without keys. */
function scanAll(index: DirectoryIndex, term: string, score: Uint16Array, into: Found, within?: Int32Array): Found {
  const allowed = within ? new Set(within) : null;
  const { chunks, chunkStart, itemStart } = index;
  const { items: found, starts: foundAt } = into;
  let count = 0;
  let item = 0;
  chunks.forEach((chunk, c) => {
    const base = chunkStart[c]!;
    let local = chunk.indexOf(term);
    while (local !== -1) {
      const position = base + local;
      // Hits come in increasing order, so walk forward to the item holding this one.
      while (itemStart[item + 1]! <= position) item++;
      if (!allowed || allowed.has(item)) {
        score[item]! += weightAt(index, item, position);
        foundAt[count] = position;
        found[count++] = item;
      }
      // The rest of this item cannot change anything: go on from the next one.
      local = chunk.indexOf(term, itemStart[item + 1]! - base);
    }
  });
  return { items: found.subarray(0, count), starts: foundAt.subarray(0, count) };
}
