/**
 * What only makes search faster, prepared in idle time once the directory is
 * searchable (a page loads this module then): the postings (see postings.ts),
 * and the order by title. Until they exist a term is found by scanning and a
 * title sort sorts, with the same results.
 */
import { ASCII_PAIRS, FAR_OFFSET, FIELD_FAR, FIELD_PLACE, FIELDS, KEY_COUNT, keyAt, type Postings } from './postings.js';
import { compareTitles } from './query.js';
import type { DirectoryIndex } from './text-index.js';

/** Keys in more than this share of the items have no list: it would cost memory and never be a term's rarest key. */
const COMMON_SHARE = 0.5;
const ITEMS_PER_STEP = 4000;
/** Keys are kept in blocks of 2^20: more keys add a block, never copy the ones taken (a copy of millions was one long task). */
const BLOCK_BITS = 20;
const BLOCK = 1 << BLOCK_BITS;

/**
 * Collects each item's keys while the index writes the item's text, then lays
 * them out by key (a counting sort: two passes, no per-key arrays).
 */
export class PostingsBuilder {
  private keys = new Int32Array(BLOCK);
  private offsets = new Uint8Array(BLOCK);
  private readonly keyBlocks = [this.keys];
  private readonly offsetBlocks = [this.offsets];
  private length = 0;
  /** Per item, where its keys end in `keys`. */
  private readonly itemEnd: Int32Array;
  /** The last item each key was taken for: only an item's first occurrence of a key is kept. */
  private readonly lastItem = new Int32Array(KEY_COUNT).fill(-1);
  /** At key + 1, how many items hold the key: counted as keys come, so laying out needs no pass of its own to count. */
  private readonly counts = new Int32Array(KEY_COUNT + 1);
  private item = 0;
  /** Keys left out for being in more than COMMON_SHARE of the items. */
  private readonly common = new Uint8Array(KEY_COUNT);

  constructor(itemCount: number) {
    this.itemEnd = new Int32Array(itemCount);
  }

  /** The keys of the next item's text, `text[from, to)`. Items are added in order. */
  add(text: string, from: number, to: number): void {
    // keyAt by hand, with the item's end: this runs for every unit of every item's text.
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
    this.counts[key + 1]!++;
    const at = this.length++ & (BLOCK - 1);
    if (at === 0 && this.length > 1) {
      this.keyBlocks.push((this.keys = new Int32Array(BLOCK)));
      this.offsetBlocks.push((this.offsets = new Uint8Array(BLOCK)));
    }
    this.keys[at] = key;
    this.offsets[at] = offset < FAR_OFFSET ? offset : FAR_OFFSET;
  }

  /** Lays the postings out (a counting sort), pausing (yielding) every few thousand items. */
  *buildSteps(): Generator<void, Omit<Postings, keyof FieldPlaces>, void> {
    const start = this.counts;
    const { keyBlocks, offsetBlocks } = this;
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
        const key = keyBlocks[k >> BLOCK_BITS]![k & (BLOCK - 1)]!;
        if (this.common[key]) continue;
        const slot = cursor[key]!++;
        items[slot] = item;
        offsets[slot] = offsetBlocks[k >> BLOCK_BITS]![k & (BLOCK - 1)]!;
      }
      if (item % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    return { start, items, offsets, common: this.common };
  }
}

type FieldPlaces = Pick<Postings, 'commonSlot' | 'firstInField'>;

/**
 * Fills `firstInField`: for the common keys, where each first occurs in each
 * field of each item after its title (a table only for a field it is in).
 */
function* fieldPlacesSteps(index: DirectoryIndex, common: Uint8Array): Generator<void, FieldPlaces, void> {
  const { chunks, chunkStart, itemStart } = index;
  // Where each field begins, in FIELD_ order; the last ends where the item does.
  const fieldStart = [index.docNoStart, index.indexNoStart, index.keywordsStart];
  const commonSlot = new Int16Array(KEY_COUNT).fill(-1);
  const firstInField: (Uint8Array | undefined)[] = [];
  const n = index.items.length;
  const tableOf = (key: number, field: number): Uint8Array => {
    if (commonSlot[key] === -1) {
      commonSlot[key] = firstInField.length / FIELDS;
      firstInField.push(...Array<undefined>(FIELDS));
    }
    return (firstInField[FIELDS * commonSlot[key]! + field] ??= new Uint8Array(n));
  };
  let c = 0;
  for (let item = 0; item < n; item++) {
    const begin = itemStart[item]!;
    while (chunkStart[c + 1]! <= begin) c++;
    const text = chunks[c]!;
    const base = chunkStart[c]!;
    for (let field = 0; field < FIELDS; field++) {
      const to = (field + 1 < FIELDS ? fieldStart[field + 1]![item]! : itemStart[item + 1]!) - base;
      for (let p = fieldStart[field]![item]! - base; p < to; p++) {
        // A field ends with a separator, so no pair is taken across its end.
        const key = keyAt(text, p);
        if (key === -1 || !common[key]) continue;
        const table = tableOf(key, field);
        const offset = base + p - begin;
        if (table[item] === 0) table[item] = offset < FIELD_FAR - FIELD_PLACE ? FIELD_PLACE + offset : FIELD_FAR;
      }
    }
    if (item % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  return { commonSlot, firstInField };
}

/** Items whose keys are collected between two pauses of `postingsSteps`. */
const ITEMS_PER_PAUSE = 1000;

/**
 * The postings of an index, as steps (a few hundred items between pauses):
 * stored in `index.lazy.postings` when done, from when on queries use them.
 */
export function* postingsSteps(index: DirectoryIndex): Generator<void, void, void> {
  if (index.lazy.postings) return;
  const { chunks, chunkStart, itemStart } = index;
  const n = index.items.length;
  const builder = new PostingsBuilder(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    while (chunkStart[c + 1]! <= itemStart[i]!) c++;
    builder.add(chunks[c]!, itemStart[i]! - chunkStart[c]!, itemStart[i + 1]! - chunkStart[c]!);
    if (i % ITEMS_PER_PAUSE === ITEMS_PER_PAUSE - 1) yield;
  }
  const lists = yield* builder.buildSteps();
  index.lazy.postings = { ...lists, ...(yield* fieldPlacesSteps(index, lists.common)) };
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
