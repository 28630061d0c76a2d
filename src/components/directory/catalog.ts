/**
 * Client mode without blocking the page: the first page of a large list is
 * shown before the list is validated or indexed (then long-list.ts validates
 * and indexes it in short tasks), and the way to give the browser a turn. No DOM here.
 */
import type { DisclosureItem } from '../../api/types/directory.js';
import { validateDisclosureItems } from '../../core/directory/validate.js';

/** Lists up to this long are validated at once (a few ms); longer ones in short tasks. */
export const VALIDATE_AT_ONCE = 2000;

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
