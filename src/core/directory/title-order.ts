/**
 * The order by title (pinyin collation, ties newest first) from collation
 * keys: each character of the titles is ranked once by the collator (a few
 * thousand distinct characters, not 100,000 titles), every title becomes a
 * string of its characters' ranks, and a native sort of those keys puts the
 * titles nearly in order. Collation is more than ranking characters one by one
 * (numbers compare by value, accents and case only break ties), so an
 * insertion pass with the real comparison then moves what is out of place:
 * the result is exactly the order `compareTitles` gives (a total order, so
 * there is one sorted order), at some n comparisons instead of n log n.
 */
import { compareTitles } from './query.js';
import type { DirectoryIndex } from './text-index.js';

// Chinese collation, as query.ts compares titles.
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** When the keys were so far off that fixing their order costs more than this many comparisons per title, sort anew. */
const MOVES_PER_TITLE = 16;

/** Titles read, or checked, between two pauses of the steps. */
const TITLES_PER_STEP = 2000;

/**
 * Item numbers in title order, as steps (pausing every few thousand titles,
 * and once around the native sort of the keys): stored in the index as
 * `lazy.byTitle` when done. The search worker prepares it so; `queryDirectory`
 * sorts by `compareTitles` when asked before, with the same result.
 */
export function* titleOrderByKeys(index: DirectoryIndex): Generator<void, Int32Array, void> {
  if (index.lazy.byTitle) return index.lazy.byTitle;
  const { items, newestFirst, newestRank } = index;
  const n = newestFirst.length;
  // Rank every distinct UTF-16 unit of the titles by the collator.
  const seen = new Uint8Array(0x10000);
  const units: number[] = [];
  for (let i = 0; i < n; i++) {
    const title = items[i]!.title;
    for (let p = 0; p < title.length; p++) {
      const unit = title.charCodeAt(p);
      if (!seen[unit]) {
        seen[unit] = 1;
        units.push(unit);
      }
    }
    if (i % TITLES_PER_STEP === 0) yield;
  }
  units.sort((a, b) => collator.compare(String.fromCharCode(a), String.fromCharCode(b)) || a - b);
  const rank = new Uint16Array(0x10000);
  units.forEach((unit, r) => (rank[unit] = r + 1));
  // Every title's key, one after another in one buffer.
  const keyStart = new Int32Array(n + 1);
  let keys = new Uint16Array(n * 48);
  let length = 0;
  for (let i = 0; i < n; i++) {
    const title = items[i]!.title;
    if (keys.length < length + 2 * title.length + 2) {
      const grown = new Uint16Array(2 * (length + 2 * title.length + 2));
      grown.set(keys.subarray(0, length));
      keys = grown;
    }
    for (let p = 0; p < title.length; p++) {
      const unit = title.charCodeAt(p);
      if (unit >= 0x30 && unit <= 0x39) {
        // A number compares by value (13 after 5): the digits' place, then how many digits, then the digits.
        let end = p;
        while (end < title.length && title.charCodeAt(end) >= 0x30 && title.charCodeAt(end) <= 0x39) end++;
        keys[length++] = rank[0x30]!;
        keys[length++] = end - p;
        for (; p < end; p++) keys[length++] = rank[title.charCodeAt(p)]!;
        p--;
      } else keys[length++] = rank[unit]!;
    }
    keyStart[i + 1] = length;
    if (i % TITLES_PER_STEP === 0) yield;
  }
  yield;
  const order = Int32Array.from(newestFirst).sort((a, b) => {
    const aEnd = keyStart[a + 1]!;
    const bEnd = keyStart[b + 1]!;
    for (let x = keyStart[a]!, y = keyStart[b]!; x < aEnd && y < bEnd; x++, y++) {
      if (keys[x] !== keys[y]) return keys[x]! - keys[y]!;
    }
    return aEnd - keyStart[a]! - (bEnd - keyStart[b]!) || newestRank[a]! - newestRank[b]!;
  });
  yield;
  // Insertion with the real comparison: where the keys were right, one comparison per title.
  let budget = n * MOVES_PER_TITLE;
  for (let k = 1; k < n; k++) {
    if (k % TITLES_PER_STEP === 0) yield;
    const item = order[k]!;
    let j = k - 1;
    while (j >= 0 && compareTitles(index, order[j]!, item) > 0) {
      order[j + 1] = order[j]!;
      j--;
      if (--budget < 0) {
        order[j + 1] = item;
        return (index.lazy.byTitle = order.sort((a, b) => compareTitles(index, a, b)));
      }
    }
    order[j + 1] = item;
  }
  index.lazy.byTitle = order;
  return order;
}
