import type { DirectoryFacets, DirectoryPage, DirectoryQuery, DirectorySort, FacetCount } from '../../api/types/directory.js';
import { searchTerms } from './normalize.js';
import { FACET_NAMES, clampPageSize, effectiveSort, type FacetName } from './query-options.js';
import { FIELD_WEIGHT, matchTerms, orderByKey, type DirectoryIndex } from './text-index.js';

// Chinese collation (pinyin order) for titles and facet values; numeric so 2 sorts before 10.
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

const NO_FILTER = -1;
/** Up to this many results, a page is found by sorting the results rather than by walking a full order. */
const FEW_RESULTS = 5000;
const NOTHING_MATCHES = -2;

/**
 * The one entry point: search, filter, count facets, sort and page.
 * A facet's counts apply every filter except its own, so the citizen sees
 * what choosing another value would give.
 */
export function queryDirectory(index: DirectoryIndex, query: DirectoryQuery = {}): DirectoryPage {
  const n = index.items.length;
  const terms = searchTerms(query.q);
  const matches = terms.length > 0 ? matchTerms(index, terms) : null;
  const score = matches?.score ?? null;

  const selected: Record<FacetName, string | undefined> = {
    category: query.category || undefined,
    publisher: query.publisher || undefined,
    year: query.year === undefined ? undefined : String(query.year),
    validity: query.validity || undefined,
  };
  const dimensions = FACET_NAMES.map((name) => index.facets[name]);
  const wanted = FACET_NAMES.map((name, d) => {
    const value = selected[name];
    return value === undefined ? NO_FILTER : (dimensions[d]!.idOf.get(value) ?? NOTHING_MATCHES);
  });
  const counts = dimensions.map((dimension) => new Int32Array(dimension.values.length));
  // The four filters unrolled: this loop runs over every item on every keystroke.
  const [categoryOf, publisherOf, yearOf, validityOf] = dimensions.map((dimension) => dimension.valueOf) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  const [categoryWanted, publisherWanted, yearWanted, validityWanted] = wanted as [number, number, number, number];
  const [categoryCounts, publisherCounts, yearCounts, validityCounts] = counts as [Int32Array, Int32Array, Int32Array, Int32Array];

  // One pass: an item failing no filter is a result and counts in every facet;
  // an item failing exactly one filter counts only in that filter's facet.
  const isResult = index.scratch.isResult.fill(0);
  const resultsWithScore = new Int32Array(terms.length * FIELD_WEIGHT.title + 1);
  let total = 0;
  // With search text only the matching items can count anywhere.
  const visited = matches?.items;
  const visits = visited ? visited.length : n;
  for (let v = 0; v < visits; v++) {
    const i = visited ? visited[v]! : v;
    const category = categoryOf[i]!;
    const publisher = publisherOf[i]!;
    const year = yearOf[i]!;
    const validity = validityOf[i]!;
    const categoryFails = categoryWanted !== NO_FILTER && category !== categoryWanted;
    const publisherFails = publisherWanted !== NO_FILTER && publisher !== publisherWanted;
    const yearFails = yearWanted !== NO_FILTER && year !== yearWanted;
    const validityFails = validityWanted !== NO_FILTER && validity !== validityWanted;
    const failures = +categoryFails + +publisherFails + +yearFails + +validityFails;
    if (failures === 0) {
      isResult[i] = 1;
      total++;
      if (score !== null) resultsWithScore[score[i]!]!++;
      categoryCounts[category]!++;
      publisherCounts[publisher]!++;
      yearCounts[year]!++;
      validityCounts[validity]!++;
    } else if (failures === 1) {
      if (categoryFails) categoryCounts[category]!++;
      else if (publisherFails) publisherCounts[publisher]!++;
      else if (yearFails) yearCounts[year]!++;
      else validityCounts[validity]!++;
    }
  }

  const facets = {} as DirectoryFacets;
  FACET_NAMES.forEach((name, d) => {
    facets[name] = facetList(dimensions[d]!.values, counts[d]!, selected[name]);
  });

  const pageSize = clampPageSize(query.pageSize);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const requested = query.page !== undefined && Number.isFinite(query.page) ? Math.floor(query.page) : 1;
  const page = Math.min(lastPage, Math.max(1, requested));
  const first = (page - 1) * pageSize;
  const sort = effectiveSort(query);
  const onPage =
    sort === 'relevance' && score !== null
      ? pageByRelevance(index, isResult, score, resultsWithScore, first, pageSize, visited!, total)
      : pageInOrder(index, sort, isResult, total, first, pageSize, visited);
  const items = onPage.map((i) => index.items[i]!);
  return { items, total, page, pageSize, facets };
}

function facetList(values: readonly string[], counts: Int32Array, selected: string | undefined): FacetCount[] {
  const list: FacetCount[] = [];
  values.forEach((value, id) => {
    // '' is the year of an unreadable date: nothing a citizen could choose.
    if ((counts[id]! > 0 && value !== '') || value === selected) list.push({ value, count: counts[id]! });
  });
  // A selected value unknown to the data still shows, so the element can display (and clear) it.
  if (selected !== undefined && !values.includes(selected)) list.push({ value: selected, count: 0 });
  return list.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

/**
 * The page of a relevance ranking without sorting all results: the counts per
 * score say which scores the page falls in; each such score's items are then
 * taken newest first (the tie-break).
 */
function pageByRelevance(
  index: DirectoryIndex,
  isResult: Uint8Array,
  score: Uint16Array,
  resultsWithScore: Int32Array,
  first: number,
  pageSize: number,
  matched: Int32Array,
  total: number,
): number[] {
  if (total <= FEW_RESULTS) {
    // Few results: sorting just them beats walking every item once per score on the page.
    const results = resultsOf(matched, isResult, total);
    return results.sort((a, b) => score[b]! - score[a]! || index.newestRank[a]! - index.newestRank[b]!).slice(first, first + pageSize);
  }
  const page: number[] = [];
  let before = 0; // results ranked above the current score
  for (let s = resultsWithScore.length - 1; s > 0 && page.length < pageSize; s--) {
    const count = resultsWithScore[s]!;
    if (before + count <= first) {
      before += count;
      continue;
    }
    let skip = Math.max(0, first - before);
    for (let k = 0; k < index.newestFirst.length && page.length < pageSize; k++) {
      const i = index.newestFirst[k]!;
      if (isResult[i] && score[i] === s && skip-- <= 0) page.push(i);
    }
    before += count;
  }
  return page;
}

/** The page of results in a fixed order: newest, oldest or by title. */
function pageInOrder(
  index: DirectoryIndex,
  sort: DirectorySort,
  isResult: Uint8Array,
  total: number,
  first: number,
  pageSize: number,
  matched: Int32Array | undefined,
): number[] {
  if (sort === 'title' && total <= 2000) {
    // Few results: collating just them is cheaper than building the full title order.
    const results: number[] = [];
    for (const i of index.newestFirst) if (isResult[i]) results.push(i);
    return results.sort((a, b) => compareTitles(index, a, b)).slice(first, first + pageSize);
  }
  if (matched && total <= FEW_RESULTS && sort !== 'title') {
    // Few results of a search: sorting them beats walking the whole order to find them.
    const byDate =
      sort === 'oldest'
        ? (a: number, b: number) => index.dates[a]! - index.dates[b]! || a - b
        : (a: number, b: number) => index.newestRank[a]! - index.newestRank[b]!;
    return resultsOf(matched, isResult, total)
      .sort(byDate)
      .slice(first, first + pageSize);
  }
  const order = sort === 'title' ? titleOrder(index) : sort === 'oldest' ? oldestOrder(index) : index.newestFirst;
  const page: number[] = [];
  let seen = 0;
  for (let k = 0; k < order.length && page.length < pageSize; k++) {
    if (isResult[order[k]!] && seen++ >= first) page.push(order[k]!);
  }
  return page;
}

/** The matched items that passed every filter. */
function resultsOf(matched: Int32Array, isResult: Uint8Array, total: number): number[] {
  const results = new Array<number>(total);
  let k = 0;
  for (const i of matched) if (isResult[i]) results[k++] = i;
  return results;
}

/** Pinyin order of two items' titles, ties newest first: a total order. */
export function compareTitles(index: DirectoryIndex, a: number, b: number): number {
  return collator.compare(index.items[a]!.title, index.items[b]!.title) || index.newestRank[a]! - index.newestRank[b]!;
}

/** The order by title, prepared in idle time (`titleOrderSteps`), or sorted now when asked for sooner: the same order. */
function titleOrder(index: DirectoryIndex): Int32Array {
  index.lazy.byTitle ??= Int32Array.from(index.newestFirst).sort((a, b) => compareTitles(index, a, b));
  return index.lazy.byTitle;
}

function oldestOrder(index: DirectoryIndex): Int32Array {
  // Oldest 发布日期 first; ties keep input order, as newest first does.
  index.lazy.oldestFirst ??= orderByKey(index.items.length, (i) => index.dates[i]!);
  return index.lazy.oldestFirst;
}
