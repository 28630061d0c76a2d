import type { DirectoryQuery } from '../api/types/directory.js';

/** Detail of `zwgk-search`: the query whose results are now shown (as `GET /disclosures` would take it). */
export type ZwgkSearchDetail = DirectoryQuery;

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-search': CustomEvent<ZwgkSearchDetail>;
  }
}
