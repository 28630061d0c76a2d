/**
 * A long client-mode list on the page, loaded when one comes (a short one is
 * indexed at once): validated and indexed in short tasks, yielding between
 * them, then what only makes search faster (the postings, the title order),
 * in short tasks too. No DOM here.
 */
import { postingsSteps, titleOrderSteps } from '../../core/directory/idle-steps.js';
import { runInSlices } from '../../core/directory/slices.js';
import { directoryIndexSteps, type DirectoryIndex } from '../../core/directory/text-index.js';
import { validateRange, type ValidatedItems } from '../../core/directory/validate.js';
import { yieldToBrowser } from './catalog.js';

/** Items per `validateDisclosureItems` call while validating in tasks. */
const SLICE = 250;
/** Milliseconds of validation per task before the browser gets a turn: typing and painting go on. */
const TASK_BUDGET_MS = 10;

/** The list validated, then indexed, in short tasks; undefined when `signal` aborts first. */
export async function indexInSlices(
  list: readonly unknown[],
  signal: AbortSignal,
): Promise<{ validated: ValidatedItems; index: DirectoryIndex } | undefined> {
  const validated = await validateInSlices(list, { signal });
  if (!validated) return undefined;
  const index = await runInSlices(directoryIndexSteps(validated.items), { pause: yieldToBrowser, signal });
  if (!index) return undefined;
  // The first results (facet counts over every item, then their render) in a task of their own.
  await yieldToBrowser();
  return { validated, index };
}

/** What only makes search faster (without it the same results come by scanning and sorting), in short tasks. */
export async function speedUpInSlices(index: DirectoryIndex, signal: AbortSignal): Promise<void> {
  await yieldToBrowser();
  await runInSlices(postingsSteps(index), { pause: yieldToBrowser, signal });
  await runInSlices(titleOrderSteps(index), { pause: yieldToBrowser, signal });
}

/**
 * `validateDisclosureItems` over a long list, slice by slice, pausing whenever
 * a task has used its time budget (so a busy machine gets shorter slices of
 * work, not longer tasks). The result is the same as validating the whole list
 * at once: problem positions refer to the whole list, and an id repeated across
 * slices keeps only its first item. Resolves with null when `signal` aborts.
 */
export async function validateInSlices(
  list: readonly unknown[],
  options: { signal?: AbortSignal; slice?: number; budgetMs?: number; pause?: () => Promise<void> } = {},
): Promise<ValidatedItems | null> {
  const { signal, slice = SLICE, budgetMs = TASK_BUDGET_MS, pause = yieldToBrowser } = options;
  const result: ValidatedItems = { items: [], problems: [] };
  const seen = new Set<string>();
  let taskStart = -Infinity;
  for (let start = 0; start < list.length; start += slice) {
    // A pause before the first slice too: the caller's render comes first.
    if (performance.now() - taskStart >= budgetMs) {
      await pause();
      if (signal?.aborted) return null;
      taskStart = performance.now();
    }
    validateRange(list, start, Math.min(start + slice, list.length), result, seen);
  }
  return signal?.aborted ? null : result;
}
