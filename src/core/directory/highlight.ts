import { normalizeWithMap, searchTerms } from './normalize.js';

/**
 * Where the terms of `q` occur in `text`, as `[start, end)` ranges in the
 * original string's UTF-16 indices, sorted and merged — ready to wrap in
 * `<mark>`. Matching is the directory's (full/half width, case and 文号
 * brackets ignored); a range always covers whole original characters, even
 * when normalisation changed their length (①, ㈠, astral characters).
 */
export function matchRanges(text: string, q: string | undefined): [number, number][] {
  const terms = searchTerms(q);
  if (terms.length === 0 || !text) return [];
  const mapped = normalizeWithMap(text);
  const found: [number, number][] = [];
  for (const term of terms) {
    let position = mapped.text.indexOf(term);
    while (position !== -1) {
      found.push([mapped.from[position]!, mapped.to[position + term.length - 1]!]);
      position = mapped.text.indexOf(term, position + term.length);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
