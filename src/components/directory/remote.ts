/**
 * Remote mode: the page of results read back from `src` (`GET /disclosures?q=…&page=…`, the query's
 * parameters written by url-sync.ts `hrefWithQuery`). No DOM here.
 */
import type { DirectoryFacets, DirectoryQuery, DisclosureItem, FacetCount } from '../../api/types/directory.js';
import { FACET_NAMES, clampPageSize } from '../../core/directory/query-options.js';
import { isRecord, validateDisclosureItems } from '../../core/directory/validate.js';

/** A page of results as the element shows it; `facets` only when the server sends them. */
export interface ResultPage {
  items: DisclosureItem[];
  total: number;
  page: number;
  pageSize: number;
  facets?: DirectoryFacets;
}

/**
 * Reads the server's answer, `{ items, total, page?, pageSize?, facets? }`.
 * Items are validated like client data (a bad item is left out, not shown);
 * a missing `items` array or `total` makes the whole answer unreadable.
 */
export function parseResultPage(body: unknown, query: DirectoryQuery): { value: ResultPage } | { problems: string[] } {
  if (!isRecord(body)) return { problems: ['Expected an object { items, total }.'] };
  if (!Array.isArray(body.items)) return { problems: ['items: expected an array.'] };
  if (typeof body.total !== 'number' || !Number.isInteger(body.total) || body.total < 0) {
    return { problems: ['total: expected a whole number of documents.'] };
  }
  const { items, problems } = validateDisclosureItems(body.items);
  if (problems.length)
    console.warn(
      '[zwgk-directory] items left out of the answer:',
      problems.map((p) => p.message),
    );
  const page = positive(body.page) ?? positive(query.page) ?? 1;
  const pageSize = clampPageSize(positive(body.pageSize) ?? query.pageSize);
  const value: ResultPage = { items, total: Math.max(body.total, items.length), page, pageSize };
  const facets = readFacets(body.facets);
  if (facets) value.facets = facets;
  return { value };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** Facets as the core computes them; entries that are not `{ value: string, count: number }` are dropped. */
function readFacets(raw: unknown): DirectoryFacets | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const facets = {} as DirectoryFacets;
  for (const key of FACET_NAMES) {
    const list = (raw as Record<string, unknown>)[key];
    facets[key] = Array.isArray(list)
      ? list.filter(
          (entry): entry is FacetCount =>
            typeof entry?.value === 'string' && entry.value !== '' && typeof entry.count === 'number' && entry.count >= 0,
        )
      : [];
  }
  return facets;
}
