/**
 * The search on the page: a client-mode list the element reads itself (`data`, inline JSON, a `<table>` child,
 * or a `src` where no worker starts) is validated, indexed and queried with this. Loaded on first use
 * (local-search-loader.ts), so a page whose server searches (remote mode) or whose worker does (a client-mode
 * `src`) never downloads it.
 */
export { queryDirectory } from '../../core/directory/query.js';
export { directoryIndexSteps, runToEnd } from '../../core/directory/text-index.js';
export { VALIDATE_AT_ONCE, newestValidItems } from './catalog.js';
export { readDirectoryTable } from './table-source.js';

export type LongList = typeof import('./long-list.js');

/** What validates and indexes a long list in short tasks (long-list.ts), loaded when one comes. */
export const loadLongList = (): Promise<LongList> => import('./long-list.js');
