/**
 * Client mode without blocking the page: the first page of a large list is
 * shown before the list is validated or indexed, then the list is validated in
 * short tasks (yielding between them) and indexed once, in idle time. No DOM here.
 */
import type { DisclosureItem } from '../../api/types/directory.js';
import { validateDisclosureItems, type DirectoryDataProblem } from '../../core/directory/validate.js';

/** Lists up to this long are validated at once (a few ms); longer ones in short tasks. */
export const VALIDATE_AT_ONCE = 2000;
/** Items per `validateDisclosureItems` call while validating in tasks. */
const SLICE = 250;
/** Milliseconds of validation per task before the browser gets a turn: typing and painting go on. */
const TASK_BUDGET_MS = 10;

/** The list of a client-mode payload, `{ "items": [...] }` or a bare array; null when it is neither. */
export function payloadItems(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items)) {
    return (data as { items: unknown[] }).items;
  }
  return null;
}

/**
 * The newest `count` items of a raw list that pass validation, newest
 * 发布日期 first and ties in list order — the same first page the index gives
 * with no query — validating only the candidates: about `count` items when the
 * list is already newest first, a few hundred when it is in no order.
 * (A repeated id may show here; the validated list keeps only its first.)
 */
export function newestValidItems(list: readonly unknown[], count: number): DisclosureItem[] {
  const top: DisclosureItem[] = [];
  for (const raw of list) {
    const date = (raw as { publishedAt?: unknown } | null)?.publishedAt;
    // YYYY-MM-DD strings compare as dates; anything else fails validation anyway.
    if (typeof date !== 'string') continue;
    if (top.length === count && date <= top[count - 1]!.publishedAt) continue;
    const item = validateDisclosureItems([raw]).items[0];
    if (!item) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.publishedAt < item.publishedAt) at--;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

export interface ValidatedList {
  items: DisclosureItem[];
  problems: DirectoryDataProblem[];
}

/**
 * Gives the browser a turn: a new task, so input and painting go first.
 * (Not `scheduler.yield()`: its continuations outrank rendering, and Chromium
 * then paints only every 100 ms while a long list is validated.)
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
): Promise<ValidatedList | null> {
  const { signal, slice = SLICE, budgetMs = TASK_BUDGET_MS, pause = yieldToBrowser } = options;
  const items: DisclosureItem[] = [];
  const problems: DirectoryDataProblem[] = [];
  const seen = new Set<string>();
  let taskStart = -Infinity;
  for (let start = 0; start < list.length; start += slice) {
    // A pause before the first slice too: the caller's render comes first.
    if (performance.now() - taskStart >= budgetMs) {
      await pause();
      if (signal?.aborted) return null;
      taskStart = performance.now();
    }
    const part = validateDisclosureItems(list.slice(start, start + slice));
    for (const problem of part.problems) {
      const index = problem.index === null ? null : problem.index + start;
      const message = index === null ? problem.message : problem.message.replace(/^items\[\d+\]/, `items[${index}]`);
      problems.push({ ...problem, index, message });
    }
    for (const item of part.items) {
      if (seen.has(item.id)) {
        const index = start + list.slice(start, start + slice).findIndex((raw) => String((raw as { id?: unknown }).id) === item.id);
        problems.push({ index, field: 'id', message: `items[${index}].id: repeats id "${item.id}"; the item is left out.` });
        continue;
      }
      seen.add(item.id);
      items.push(item);
    }
  }
  if (signal?.aborted) return null;
  // In list order, as one validation would report them (a repeat is found after its slice's own problems).
  problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  return { items, problems };
}
