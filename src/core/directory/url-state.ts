import type { DirectoryQuery, DirectorySort, DisclosureValidity } from '../../api/types/directory.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, effectiveSort } from './query-options.js';

/** The query parameter names, shared by the page URL (with a prefix) and `GET /disclosures` (without). */
export const DIRECTORY_QUERY_KEYS = ['q', 'category', 'publisher', 'year', 'validity', 'sort', 'page', 'pageSize'] as const;

/** Every sort order, in the order the sort select lists them. */
export const SORTS: readonly DirectorySort[] = ['newest', 'oldest', 'relevance', 'title'];
export const VALIDITIES: readonly DisclosureValidity[] = ['有效', '失效', '废止'];

/**
 * Reads a query from URL parameters named `${prefix}q`, `${prefix}page`…
 * (the prefix keeps two directories on one page apart). Values that cannot be
 * meant — an unknown sort, page=abc, year=20 — are left out, so the default
 * applies; pageSize is clamped to 1..100.
 */
export function parseDirectoryQuery(params: URLSearchParams | Record<string, string>, prefix = ''): DirectoryQuery {
  const read = (key: string): string | undefined => {
    const value = params instanceof URLSearchParams ? params.get(prefix + key) : params[prefix + key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const query: DirectoryQuery = {};
  const q = read('q');
  if (q !== undefined) query.q = q;
  const category = read('category')?.trim();
  if (category) query.category = category;
  const publisher = read('publisher')?.trim();
  if (publisher) query.publisher = publisher;
  const year = read('year')?.trim();
  if (year && /^\d{4}$/.test(year)) query.year = Number(year);
  const validity = read('validity')?.trim();
  if (validity && (VALIDITIES as readonly string[]).includes(validity)) query.validity = validity as DisclosureValidity;
  const sort = read('sort')?.trim();
  if (sort && (SORTS as readonly string[]).includes(sort)) query.sort = sort as DirectorySort;
  const page = positiveInteger(read('page'));
  if (page !== undefined && page > 1) query.page = page;
  const pageSize = positiveInteger(read('pageSize'));
  if (pageSize !== undefined && pageSize !== DEFAULT_PAGE_SIZE) query.pageSize = Math.min(MAX_PAGE_SIZE, pageSize);
  return query;
}

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d{1,9}\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/**
 * Writes a query as URL parameters, leaving out whatever is the default
 * (empty text, page 1, page size 20, the sort the query would get anyway),
 * so shared links stay short. `parseDirectoryQuery` reads it back.
 */
export function serializeDirectoryQuery(query: DirectoryQuery, prefix = ''): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') params.set(prefix + key, String(value));
  };
  put('q', query.q?.trim() ? query.q : undefined);
  put('category', query.category);
  put('publisher', query.publisher);
  put('year', Number.isInteger(query.year) ? query.year : undefined);
  put('validity', query.validity);
  put('sort', query.sort && query.sort !== effectiveSort({ q: query.q }) ? query.sort : undefined);
  put('page', query.page !== undefined && query.page > 1 ? Math.floor(query.page) : undefined);
  const pageSize = query.pageSize === undefined ? undefined : Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize)));
  put('pageSize', pageSize !== undefined && pageSize !== DEFAULT_PAGE_SIZE ? pageSize : undefined);
  return params;
}
