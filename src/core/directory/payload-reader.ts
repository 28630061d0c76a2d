/**
 * Reads a directory payload — `{ "items": [...] }` or a bare array — as its
 * text arrives, piece by piece, and parses its items a batch at a time: a
 * 100,000-item list (some 50 MB of JSON) is parsed while it downloads instead
 * of after it, and whoever reads it can validate each batch meanwhile.
 *
 * Once a batch is long enough it is cut at the next `},` followed by `{`, and
 * parsed by the native JSON.parse, which also tells whether the cut was
 * right: from the start of an item, text that ends inside a string or inside
 * an item is no list of values, and does not parse. (Scanning every unit for
 * strings and nesting instead cost half as much again as parsing.) At the end
 * the rest is parsed with the text before the list, which checks what
 * surrounds the list too.
 *
 * The result is always what JSON.parse of the whole text gives, or a
 * SyntaxError where JSON.parse throws one. A payload that does not begin with
 * its list (`[` or `{"items": [`) is parsed whole at the end; one that does is
 * never held whole, only the text since the last cut (a phone holding 50 MB of
 * JSON as text beside its parsed items could run out of memory). Whether the
 * object's "items" at the end is still this list, and not a later key of that
 * name (JSON.parse keeps the last, and `\u0069tems` is the same name), is told
 * by a marker put before the rest: see `end()`.
 */

/** Units of text parsed at once: enough that JSON.parse's own work dominates, few enough to keep up with the download. */
const BATCH_UNITS = 1 << 18;
/** Cuts that did not parse (inside a string or an item, or not JSON), in a piece and in all, before the rest is left to `end()`. */
const CUTS_TRIED = 4;
const CUTS_FAILED = 16;
/** How a payload whose list can be read as it comes begins. */
const LIST_FIRST = /^\s*(?:\[|\{\s*"items"\s*:\s*\[)/;
/** Units after which a payload that has not begun so is parsed whole. */
const HEAD_UNITS = 256;
/** Put first in the rest's list after a cut: two strings, so that a later list cannot begin with both. */
const MARKS = ['zwgk-cut-1', 'zwgk-cut-2'] as const;

export class PayloadReader {
  /** The items parsed so far, in order; once `end()` has returned, the payload's list when `listed`. */
  readonly items: unknown[] = [];
  /** Whether `items` is the payload's list: set by `end()`; false when the text was parsed whole, or a later key named "items" won. */
  listed = false;

  /** Every piece until the list is found, and all of them when it is not (for `end()` to parse whole). */
  private pieces: string[] = [];
  /** The text up to the list's `[`, once found (undefined before; null: not to be read as it comes). */
  private head: string | undefined | null;
  /** The pieces after the last cut, and their length. */
  private rest: string[] = [];
  private restLength = 0;
  private failedCuts = 0;

  /**
   * @param onItems called after each batch, with where its items begin in `items`
   * @param batchUnits units of text in a batch (fewer in tests)
   */
  constructor(
    private readonly onItems: (from: number) => void = () => {},
    private readonly batchUnits = BATCH_UNITS,
  ) {}

  push(text: string): void {
    if (this.head === null) {
      this.pieces.push(text);
      return;
    }
    if (this.head === undefined) {
      this.pieces.push(text);
      const start = this.pieces.join('');
      const list = LIST_FIRST.exec(start);
      if (!list) {
        // Not yet (a piece may end inside `{"items":`), or never.
        if (start.length >= HEAD_UNITS || /^\s*[^\s[{]/.test(start)) this.head = null;
        return;
      }
      this.head = list[0];
      this.pieces = [];
      text = start.slice(list[0].length);
    }
    this.rest.push(text);
    this.restLength += text.length;
    if (this.restLength >= this.batchUnits && this.failedCuts < CUTS_FAILED) this.cut(text);
  }

  /** The payload as JSON.parse of the whole text gives it; throws a SyntaxError where JSON.parse would. */
  end(): unknown {
    const head = this.head;
    if (!head) return JSON.parse(this.pieces.splice(0).join(''));
    const rest = this.rest.splice(0).join('');
    // Without a cut, head and rest are the whole text. After one the rest begins with an item, and the text before
    // it was a list's items and a comma: a marker in their place leaves the rest to parse (or fail) as in the whole.
    const cut = this.items.length > 0;
    const parse = (mark: string) => JSON.parse(cut ? `${head}"${mark}",${rest}` : head + rest) as unknown;
    const listOf = (value: unknown) => (Array.isArray(value) ? value : (value as { items?: unknown } | null)?.items);
    const whole = parse(MARKS[0]);
    const list = listOf(whole);
    if (!Array.isArray(list)) return whole;
    if (!Array.isArray(whole)) {
      // Only a later key can name "items" again (plainly or in escapes): the one JSON.parse keeps.
      const mayRepeat = rest.includes('"items"') || rest.includes('\\u');
      const continues = cut ? list[0] === MARKS[0] && (!mayRepeat || (listOf(parse(MARKS[1])) as unknown[])[0] === MARKS[1]) : !mayRepeat;
      // Not this list: the later key's, and nothing before the rest is in the payload as JSON.parse gives it.
      if (!continues) return whole;
    }
    this.add(cut ? list.slice(1) : list);
    this.listed = true;
    if (Array.isArray(whole)) return this.items;
    (whole as { items: unknown[] }).items = this.items;
    return whole;
  }

  /** Cuts the text since the last cut at the first `},{` in `text` (the newest piece) that parses. */
  private cut(text: string): void {
    // A `},` can straddle two pieces: look from the last unit of the one before.
    const before = this.rest.length > 1 ? this.rest[this.rest.length - 2]!.slice(-1) : '';
    const joined = before + text;
    let from = 0;
    for (let tries = 0; tries < CUTS_TRIED; tries++) {
      const close = joined.indexOf('},', from);
      if (close === -1) return;
      const next = joined.slice(close + 2).search(/\S/);
      if (next === -1) return; // what follows the comma comes in the next piece
      from = close + 1;
      if (joined.charCodeAt(close + 2 + next) !== 0x7b) continue; // not `{`: no next item here
      // The batch, as a list: the pieces before this one, and this one up to the `}` (joined once: 50 MB in all).
      const cutAt = close + 1 - before.length;
      const batch = ['[', ...this.rest.slice(0, -1), text.slice(0, cutAt), ']'];
      const items = parseOrNull(batch.join('')) as unknown[] | null;
      if (items) {
        this.add(items);
        this.rest = [text.slice(cutAt + 1)];
        this.restLength = this.rest[0]!.length;
        return;
      }
      this.failedCuts++;
    }
  }

  private add(items: unknown[]): void {
    const from = this.items.length;
    for (let k = 0; k < items.length; k++) this.items.push(items[k]);
    if (items.length > 0) this.onItems(from);
  }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
