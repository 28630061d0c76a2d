/**
 * What a directory query asks for beside its text — how many per page, in what order, which facets it can
 * filter by — read alike by the element in both modes, the search worker and the server. Apart from the search
 * itself (query.ts, text-index.ts) so that a page whose server searches (remote mode) does not load the search.
 */
import type { DirectoryQuery, DirectorySort } from '../../api/types/directory.js';
import { searchTerms } from './normalize.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type FacetName = 'category' | 'publisher' | 'year' | 'validity';
export const FACET_NAMES: readonly FacetName[] = ['category', 'publisher', 'year', 'validity'];

/** The order a query is shown in: the one asked for, else relevance when there is search text, else newest first. */
export function effectiveSort(query: Pick<DirectoryQuery, 'q' | 'sort'>): DirectorySort {
  if (query.sort) return query.sort;
  return searchTerms(query.q).length > 0 ? 'relevance' : 'newest';
}

/** A page size within 1..100 (default 20 for anything unreadable). */
export function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isFinite(pageSize)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
}
