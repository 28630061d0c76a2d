/**
 * Client mode without blocking the page: the first page of a large list is
 * shown before the list is validated or indexed, then the list is validated in
 * short tasks (yielding between them) and indexed once, in idle time. No DOM here.
 */
import type { DisclosureItem } from '../../api/types/directory.js';
import { validateDisclosureItems, validateRange, type ValidatedItems } from '../../core/directory/validate.js';

/** Lists up to this long are validated at once (a few ms); longer ones in short tasks. */
export const VALIDATE_AT_ONCE = 2000;
/** Items per `validateDisclosureItems` call while validating in tasks. */
const SLICE = 250;
/** Milliseconds of validation per task before the browser gets a turn: typing and painting go on. */
const TASK_BUDGET_MS = 10;

/**
 * The newest `count` items of a raw list that pass validation, newest
 * 发布日期 first and ties in list order — the same first page the index gives
 * with no query. The list is read once for its newest dates (strings only:
 * YYYY-MM-DD compares as dates), and only those items are validated, more
 * of them only when some fail. (A repeated id may show here; the validated
 * list keeps only its first.)
 */
export function newestValidItems(list: readonly unknown[], count: number): DisclosureItem[] {
  for (let wanted = count; ; wanted *= 2) {
    const candidates = newestByDate(list, wanted);
    const top: DisclosureItem[] = [];
    for (const raw of candidates) {
      const item = validateDisclosureItems([raw]).items[0];
      if (item) top.push(item);
      if (top.length === count) return top;
    }
    // Every item with a date was a candidate: there are no more.
    if (candidates.length < wanted) return top;
  }
}

/** The `count` raw items with the greatest `publishedAt` strings, greatest first, ties in list order. */
function newestByDate(list: readonly unknown[], count: number): { publishedAt: string }[] {
  const top: { publishedAt: string }[] = [];
  for (const raw of list) {
    const date = (raw as { publishedAt?: unknown } | null)?.publishedAt;
    if (typeof date !== 'string' || (top.length === count && date <= top[count - 1]!.publishedAt)) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.publishedAt < date) at--;
    top.splice(at, 0, raw as { publishedAt: string });
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * Gives the browser a turn: a new task, so input and painting go first.
 * (Not `scheduler.yield()`: its continuations outrank rendering, and Chromium
 * then paints only every 100 ms while a long list is validated. Not
 * `setTimeout(0)` either: from the fifth nested timer on it waits 4 ms, a
 * third of a slice.) A message to a channel of its own is a task at once.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // Once answered, nothing refers to the channel: it is collected, no need to close it.
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
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
