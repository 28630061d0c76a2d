import type { DisclosureItem } from '../../api/types/directory.js';
import { normalizeSearchText } from './normalize.js';

/** A filterable field: its distinct values and, per item, the number of its value. */
export interface FacetDimension {
  readonly values: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /** Per item, the index of its value in `values`. */
  readonly valueOf: Int32Array;
}

export type FacetName = 'category' | 'publisher' | 'year' | 'validity';
export const FACET_NAMES: readonly FacetName[] = ['category', 'publisher', 'year', 'validity'];

/**
 * Everything a query needs, computed once from the items. Treat as opaque:
 * build with `createDirectoryIndex`, read with `queryDirectory`.
 */
export interface DirectoryIndex {
  readonly items: readonly DisclosureItem[];
  /**
   * The normalised searchable text of every item in one string, item after
   * item: title, 文号, 索引号, 主题词, each followed by a separator that no
   * normalised query contains, so a match never spans two fields. One native
   * `indexOf` scan over it is far faster than a test per item.
   */
  readonly haystack: string;
  /** Where item i begins in `haystack` (length n + 1: the last entry is the end). */
  readonly itemStart: Int32Array;
  /** Where item i's 文号 begins: matches before it are in the title. */
  readonly docNoStart: Int32Array;
  /** Where item i's 主题词 begin: matches from here on are keyword matches. */
  readonly keywordsStart: Int32Array;
  /** Per item, 发布日期 as YYYYMMDD. */
  readonly dates: Int32Array;
  readonly facets: Readonly<Record<FacetName, FacetDimension>>;
  /** Item numbers, newest 发布日期 first (ties: input order). */
  readonly newestFirst: Int32Array;
  /** Per item, its position in `newestFirst` (the tie-breaker of every other order). */
  readonly newestRank: Int32Array;
  /** Built on first use: sorting 100,000 titles by collation is slow and seldom needed. */
  readonly lazy: { oldestFirst?: Int32Array; byTitle?: Int32Array };
}

const FIELD_END = '\u0001';
const KEYWORD_END = '\u0002';

/** YYYY-MM-DD as the number YYYYMMDD (0 when the date is unreadable). */
export function dateNumber(date: string): number {
  // Digit arithmetic instead of a RegExp: this runs once per item while indexing.
  let value = 0;
  for (let i = 0; i < 10; i++) {
    const code = date.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (code !== 0x2d) return 0;
    } else if (code >= 0x30 && code <= 0x39) {
      value = value * 10 + (code - 0x30);
    } else {
      return 0;
    }
  }
  return value;
}

function createDimension(items: readonly DisclosureItem[], valueFor: (item: DisclosureItem) => string): FacetDimension {
  const values: string[] = [];
  const idOf = new Map<string, number>();
  const valueOf = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const value = valueFor(items[i]!);
    let id = idOf.get(value);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      idOf.set(value, id);
    }
    valueOf[i] = id;
  }
  return { values, idOf, valueOf };
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

/** Builds the search index once; queries then reuse it. Items are used as given (see `validateDisclosureItems`). */
export function createDirectoryIndex(items: readonly DisclosureItem[]): DirectoryIndex {
  const n = items.length;
  if (n >= ITEM_SLOTS) throw new RangeError(`A directory index holds at most ${ITEM_SLOTS - 1} items`);
  const parts: string[] = [];
  const itemStart = new Int32Array(n + 1);
  const docNoStart = new Int32Array(n);
  const keywordsStart = new Int32Array(n);
  const dates = new Int32Array(n);
  let offset = 0;
  const add = (text: string): void => {
    parts.push(text, FIELD_END);
    offset += text.length + 1;
  };
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    itemStart[i] = offset;
    add(normalizeSearchText(item.title));
    docNoStart[i] = offset;
    add(item.docNo ? normalizeSearchText(item.docNo) : '');
    add(normalizeSearchText(item.indexNo));
    keywordsStart[i] = offset;
    add(item.keywords?.length ? item.keywords.map(normalizeSearchText).join(KEYWORD_END) : '');
    dates[i] = dateNumber(item.publishedAt);
  }
  itemStart[n] = offset;

  const newestFirst = orderByKey(n, (i) => 99_999_999 - dates[i]!);
  const newestRank = new Int32Array(n);
  for (let k = 0; k < n; k++) newestRank[newestFirst[k]!] = k;

  return {
    items,
    haystack: parts.join(''),
    itemStart,
    docNoStart,
    keywordsStart,
    dates,
    facets: {
      category: createDimension(items, (item) => item.category),
      publisher: createDimension(items, (item) => item.publisher),
      year: createDimension(items, (item) => item.publishedAt.slice(0, 4)),
      validity: createDimension(items, (item) => item.validity ?? '有效'),
    },
    newestFirst,
    newestRank,
    lazy: {},
  };
}

/** Relevance points per term, by the best field it matches in. */
export const FIELD_WEIGHT = { title: 4, docNoOrIndexNo: 2, keywords: 1 } as const;

/**
 * Items matching every term (normalised, from `searchTerms`), with their
 * relevance score: per term, the weight of the best field it occurs in.
 * Returns per item the score, 0 meaning "no match".
 */
export function matchTerms(index: DirectoryIndex, terms: readonly string[]): Uint16Array {
  const n = index.items.length;
  const { haystack, itemStart, docNoStart, keywordsStart } = index;
  const termsMatched = new Uint8Array(n);
  const score = new Uint16Array(n);
  terms.forEach((term, k) => {
    let item = 0;
    let position = haystack.indexOf(term);
    while (position !== -1) {
      // Hits come in increasing order, so walk forward to the item holding this one.
      while (itemStart[item + 1]! <= position) item++;
      if (termsMatched[item] === k) {
        termsMatched[item] = k + 1;
        // Fields are laid out best first, so the first hit in an item is its best field.
        score[item]! +=
          position < docNoStart[item]!
            ? FIELD_WEIGHT.title
            : position < keywordsStart[item]!
              ? FIELD_WEIGHT.docNoOrIndexNo
              : FIELD_WEIGHT.keywords;
      }
      // The rest of this item cannot change anything: go on from the next one.
      position = item + 1 < n ? haystack.indexOf(term, itemStart[item + 1]) : -1;
    }
  });
  if (terms.length > 1) {
    for (let i = 0; i < n; i++) if (termsMatched[i] !== terms.length) score[i] = 0;
  }
  return score;
}
