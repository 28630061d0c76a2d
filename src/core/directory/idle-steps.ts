/**
 * What only makes search faster, prepared in idle time once the directory is
 * searchable (a page loads this module then): the postings (see postings.ts),
 * and the order by title. Until they exist a term is found by scanning and a
 * title sort sorts, with the same results.
 */
import {
  AFTER_WIDE,
  ASCII_PAIRS,
  DOC_NO_FIELD,
  FAR_OFFSET,
  FIELD_FAR,
  FIELD_PLACE,
  FIELDS,
  INDEX_NO_FIELD,
  KEY_COUNT,
  KEYWORDS_FIELD,
  OFFSET_BITS,
  type Postings,
} from './postings.js';
import { compareTitles } from './query.js';
import type { DirectoryIndex } from './text-index.js';

/** Keys in more than this share of the items have no list: it would cost memory and never be a term's rarest key. */
const COMMON_SHARE = 0.5;
const ITEMS_PER_STEP = 4000;
/** Keys are kept in blocks of 2^20: more keys add a block, never copy the ones taken (a copy of millions was one long task). */
const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;
/**
 * An item's parts: its title, then the fields `firstInField` covers (part =
 * FIELD_ number + 1). A kept key is packed with the part it was found in, a
 * flag when that is its first place in the item, and its offset in the item
 * (every key is below 2^17; the offset takes the top 8 of 28 bits).
 */
const PARTS = 1 + FIELDS;
const KEY_BITS = 17;
const KEY_MASK = (1 << KEY_BITS) - 1;
// PARTS is 4, a power of two: an item's parts are numbered item × PARTS + 0…3, its part within the item the low two bits.
const PART_MASK = PARTS - 1;
const FIRST_IN_ITEM = 1 << (KEY_BITS + 2);
const ENTRY_OFFSET_SHIFT = KEY_BITS + 3;

/**
 * Collects each item's keys while the index writes the item's text, then lays
 * them out by key (a counting sort: two passes, no per-key arrays). A key is
 * kept once per part of an item: its first place in the item is what its
 * list holds, and if it turns out to be common (in most items), its first
 * places in the later fields are what `firstInField` holds — so the text is
 * read once, before anyone knows which keys are common.
 */
export class PostingsBuilder {
  private keys = new Int32Array(BLOCK);
  private readonly keyBlocks = [this.keys];
  private length = 0;
  /** Per item, where its keys end in `keys`. */
  private readonly itemEnd: Int32Array;
  /** Per key, the item and part it was last kept for (item × PARTS + part): each is kept once per part. */
  private readonly lastPart = new Int32Array(KEY_COUNT).fill(-1);
  /** At key + 1, how many items hold the key: counted as keys come, so laying out needs no pass of its own to count. */
  private readonly counts = new Int32Array(KEY_COUNT + 1);
  private item = 0;
  /** Keys left out for being in more than COMMON_SHARE of the items. */
  private readonly common = new Uint8Array(KEY_COUNT);

  constructor(itemCount: number) {
    this.itemEnd = new Int32Array(itemCount);
  }

  /**
   * The keys of the next item's text, `text[from, to)`, whose 文号, 索引号 and
   * 主题词 begin at the positions given. Items are added in order.
   */
  add(text: string, from: number, docNoFrom: number, indexNoFrom: number, keywordsFrom: number, to: number): void {
    const item = this.item++;
    this.addPart(text, from, docNoFrom, item * PARTS, from);
    this.addPart(text, docNoFrom, indexNoFrom, item * PARTS + 1 + DOC_NO_FIELD, from);
    this.addPart(text, indexNoFrom, keywordsFrom, item * PARTS + 1 + INDEX_NO_FIELD, from);
    this.addPart(text, keywordsFrom, to, item * PARTS + 1 + KEYWORDS_FIELD, from);
    this.itemEnd[item] = this.length;
  }

  /** The keys of `text[from, to)`, part `part` (item × PARTS + part) of the item beginning at `itemFrom`. */
  private addPart(text: string, from: number, to: number, part: number, itemFrom: number): void {
    // keyAt by hand, with the part's end: this runs for every unit of every item's text.
    // A part ends with a separator, so no pair is taken across its end either way.
    for (let p = from; p < to; p++) {
      const code = text.charCodeAt(p);
      if (code >= 0x80) {
        this.take(code, part, p - itemFrom);
      } else if (code > 0x20 && code < 0x7f) {
        const next = p + 1 < to ? text.charCodeAt(p + 1) : 0;
        if (next > 0x20 && next < 0x7f) this.take(ASCII_PAIRS + code * 128 + next, part, p - itemFrom);
        if (p > from && text.charCodeAt(p - 1) >= 0x80) this.take(AFTER_WIDE + code, part, p - itemFrom);
      }
    }
  }

  private take(key: number, part: number, offset: number): void {
    const last = this.lastPart[key]!;
    if (last === part) return;
    this.lastPart[key] = part;
    let entry = key | ((part & PART_MASK) << KEY_BITS) | ((offset < FAR_OFFSET ? offset : FAR_OFFSET) << ENTRY_OFFSET_SHIFT);
    // Parts come in order, so a key last kept for an earlier item is new to this one.
    if (last < part - (part & PART_MASK)) {
      this.counts[key + 1]!++;
      entry |= FIRST_IN_ITEM;
    }
    const at = this.length++ & (BLOCK - 1);
    if (at === 0 && this.length > 1) this.keyBlocks.push((this.keys = new Int32Array(BLOCK)));
    this.keys[at] = entry;
  }

  /** Lays the postings out (a counting sort), pausing (yielding) every few thousand items. */
  *buildSteps(): Generator<void, Postings, void> {
    const start = this.counts;
    const { keyBlocks } = this;
    const n = this.itemEnd.length;
    // A key in most items never narrows a search down: leave its list out (a term of such keys alone is scanned for).
    const common = n * COMMON_SHARE;
    for (let key = 0; key < KEY_COUNT; key++) {
      if (start[key + 1]! > common) {
        start[key + 1] = 0;
        this.common[key] = 1;
      }
      start[key + 1]! += start[key]!;
    }
    const cursor = start.slice(0, KEY_COUNT);
    const postings = new Int32Array(start[KEY_COUNT]!);
    // A common key's field places: a slot (three tables, one per field) once it is met in a field, a table once in that field.
    const commonSlot = new Int16Array(KEY_COUNT).fill(-1);
    const firstInField: (Uint8Array | undefined)[] = [];
    let k = 0;
    for (let item = 0; item < n; item++) {
      for (const end = this.itemEnd[item]!; k < end; k++) {
        const entry = keyBlocks[k >> BLOCK_BITS]![k & (BLOCK - 1)]!;
        const key = entry & KEY_MASK;
        const offset = entry >>> ENTRY_OFFSET_SHIFT;
        if (this.common[key]) {
          const part = (entry >> KEY_BITS) & PART_MASK;
          if (part === 0) continue; // the title has no places
          let slot = commonSlot[key]!;
          if (slot === -1) {
            slot = commonSlot[key] = firstInField.length / FIELDS;
            for (let field = 0; field < FIELDS; field++) firstInField.push(undefined);
          }
          const table = (firstInField[FIELDS * slot + part - 1] ??= new Uint8Array(n));
          table[item] = offset < FIELD_FAR - FIELD_PLACE ? FIELD_PLACE + offset : FIELD_FAR;
          continue;
        }
        if (!(entry & FIRST_IN_ITEM)) continue;
        postings[cursor[key]!++] = (item << OFFSET_BITS) | offset;
      }
      if (item % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    return { start, postings, common: this.common, commonSlot, firstInField };
  }
}

/** Items whose keys are collected between two pauses of `postingsSteps`. */
const ITEMS_PER_PAUSE = 1000;

/**
 * The postings of an index, as steps (a few hundred items between pauses):
 * stored in `index.lazy.postings` when done, from when on queries use them.
 */
export function* postingsSteps(index: DirectoryIndex): Generator<void, void, void> {
  if (index.lazy.postings) return;
  const { chunks, chunkStart, itemStart, docNoStart, indexNoStart, keywordsStart } = index;
  const n = index.items.length;
  const builder = new PostingsBuilder(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    while (chunkStart[c + 1]! <= itemStart[i]!) c++;
    const base = chunkStart[c]!;
    builder.add(
      chunks[c]!,
      itemStart[i]! - base,
      docNoStart[i]! - base,
      indexNoStart[i]! - base,
      keywordsStart[i]! - base,
      itemStart[i + 1]! - base,
    );
    if (i % ITEMS_PER_PAUSE === ITEMS_PER_PAUSE - 1) yield;
  }
  index.lazy.postings = yield* builder.buildSteps();
}

/**
 * Titles sorted at once before merging, and title comparisons between two
 * pauses of `titleOrderSteps`: a comparison by collation costs microseconds,
 * so a few hundred stay within a few milliseconds on a slow phone.
 */
const TITLE_RUN = 64;
const TITLES_PER_STEP = 256;

/**
 * The order by title (pinyin collation, ties newest first), as steps: a
 * bottom-up merge sort that pauses every few hundred comparisons, so a page
 * can prepare it in idle time after indexing (`runInSlices`) and the first
 * sort by title does not freeze it. Stored in the index when done.
 */
export function* titleOrderSteps(index: DirectoryIndex): Generator<void, Int32Array, void> {
  if (index.lazy.byTitle) return index.lazy.byTitle;
  const compare = (a: number, b: number): number => compareTitles(index, a, b);
  const n = index.newestFirst.length;
  let order = Int32Array.from(index.newestFirst);
  for (let from = 0; from < n; from += TITLE_RUN) {
    order.set(Array.from(order.subarray(from, from + TITLE_RUN)).sort(compare), from);
    yield;
  }
  let merged = new Int32Array(n);
  for (let width = TITLE_RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      for (let k = left; k < right; k++) {
        // The comparator is a total order (ties broken by date rank), so this gives exactly Array.prototype.sort's result.
        merged[k] = j >= right || (i < middle && compare(order[i]!, order[j]!) <= 0) ? order[i++]! : order[j++]!;
        if (k % TITLES_PER_STEP === 0) yield;
      }
    }
    [order, merged] = [merged, order];
  }
  index.lazy.byTitle = order;
  return order;
}
