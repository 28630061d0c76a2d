/**
 * What the page (loader.ts) and the search worker (search-worker.ts) say to
 * each other, where the worker is, and the check of a validated list both
 * make before indexing it. The worker is a same-origin file: in the dev
 * servers the TypeScript source, in the builds `zwgk-directory-worker.js`
 * beside the bundle. No DOM here.
 */
import type { DirectoryPage, DirectoryQuery, DisclosureItem } from '../../api/types/directory.js';
import type { DirectoryDataProblem } from '../../core/directory/validate.js';
import type { LoadError } from '../base/controllers/request.js';

/** Page → worker: load and index the list at `url` (and send its newest page first), or answer a query. */
export type ToWorker = { type: 'load'; url: string; previewSize?: number } | { type: 'query'; id: number; query: DirectoryQuery };

/** Worker → page: the newest page, then the list's check (its `error`: nothing to search, or it could not be loaded). */
export type FromWorker =
  { type: 'preview'; items: DisclosureItem[] } | { type: 'checked'; check: ListCheck } | { type: 'page'; id: number; page: DirectoryPage };

/** What was wrong in a list, for the console; `error` when nothing in it can be shown. */
export interface ListCheck {
  problemCount: number;
  /** The first 20 problems' messages. */
  firstProblems: string[];
  error?: LoadError;
}

/** The worker's URL: the source file under a dev server (a module ending in .ts), the shipped file in a build. */
export function workerUrl(moduleUrl: string = import.meta.url): URL {
  return new URL(/\.ts(\?|$)/.test(moduleUrl) ? './search-worker.ts' : './zwgk-directory-worker.js', moduleUrl);
}

/** What a client-mode payload that holds no list of items is. */
export const NOT_A_LIST: LoadError = { kind: 'invalid', detail: 'Expected { "items": [...] } or an array of items.' };

/** The check of a list that could not be had at all. */
export const failed = (error: LoadError): ListCheck => ({ problemCount: 0, firstProblems: [], error });

/** The check of a list of `received` items of which `valid` passed validation with `problems`. */
export function checkList(valid: number, problems: readonly DirectoryDataProblem[], received: number): ListCheck {
  const check: ListCheck = { problemCount: problems.length, firstProblems: problems.slice(0, 20).map((p) => p.message) };
  if (valid === 0 && received > 0) check.error = { kind: 'invalid', detail: `None of the ${received} items could be read.` };
  return check;
}
