/** The directory's state in the page URL (`?dir-q=…&dir-page=…`), next to whatever else the URL holds. No DOM here. */
import type { DirectoryQuery } from '../../api/types/directory.js';
import { DIRECTORY_QUERY_KEYS, parseDirectoryQuery, serializeDirectoryQuery } from '../../core/directory/url-state.js';

/** The query a URL's search string holds for this prefix. */
export function queryFromSearch(search: string, prefix: string): DirectoryQuery {
  return parseDirectoryQuery(new URLSearchParams(search), prefix);
}

/**
 * `href` (relative to `base`) with this prefix's parameters replaced by the query's; other parameters and the
 * hash stay. For the page URL, and for a remote `src`, whose own parameters (an agency code, a site id) are kept.
 */
export function hrefWithQuery(href: string, query: DirectoryQuery, prefix: string, base?: string): string {
  const url = new URL(href, base);
  for (const key of DIRECTORY_QUERY_KEYS) url.searchParams.delete(prefix + key);
  for (const [key, value] of serializeDirectoryQuery(query, prefix)) url.searchParams.append(key, value);
  return url.href;
}

/** Whether two queries show the same results (defaults and spelling of the URL aside). */
export function sameQuery(a: DirectoryQuery, b: DirectoryQuery): boolean {
  return serializeDirectoryQuery(a).toString() === serializeDirectoryQuery(b).toString();
}
