/**
 * The directory's search index as a whole: the searchable text and facets
 * (text-index.ts) and what makes search faster (idle-steps.ts), built at once
 * — for the server and Node. A page builds them in short tasks instead.
 */
import type { DisclosureItem } from '../../api/types/directory.js';
import { postingsSteps } from './idle-steps.js';
import { directoryIndexSteps, runToEnd, type DirectoryIndex } from './text-index.js';

export * from './text-index.js';
export { postingsSteps, titleOrderSteps } from './idle-steps.js';

/**
 * Builds the search index once; queries then reuse it. Items are used as
 * given (see `validateDisclosureItems`). Each item is read once: with 100,000
 * items of varied shapes, property reads and fresh memory are what indexing
 * costs, more than the folding itself.
 */
export function createDirectoryIndex(items: readonly DisclosureItem[]): DirectoryIndex {
  const index = runToEnd(directoryIndexSteps(items));
  runToEnd(postingsSteps(index));
  return index;
}
