/**
 * Reads a directory payload — `{ "items": [...] }` or a bare array — as its
 * text arrives, piece by piece, and parses its items a batch at a time: a
 * 100,000-item list (some 50 MB of JSON) is parsed while it downloads instead
 * of after it, and whoever reads it can validate each batch meanwhile.
 *
 * A scan that follows strings and nesting finds the list; in the list, a
 * batch is cut at the next `},` followed by `{` once it is long enough, and
 * parsed by the native JSON.parse, which also tells whether the cut was
 * right: from the start of an item, text that ends inside a string or inside
 * an item is no list of values, and does not parse (scanning every unit
 * instead cost half as much again as parsing). The last batch, and what
 * follows the list, are scanned. The result is always what JSON.parse of the
 * whole text gives, or its error: whatever the reader does not expect (an
 * escaped key, a second "items", a list that is no array, batches that do
 * not parse) makes `end()` parse the whole text instead.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Units of text parsed at once: enough that JSON.parse's own work dominates, few enough to keep up with the download. */
const BATCH_UNITS = 1 << 18;
/** Cuts tried in a piece, and in all, that did not parse (inside a string or an item, or not JSON) before the rest is left to `end()`. */
const CUTS_TRIED = 4;
const CUTS_FAILED = 16;

/** Where the scan is: before the payload, in its object, in the list of items, after the list, or given up. */
type Place = 'start' | 'object' | 'list' | 'after' | 'whole';

export class PayloadReader {
  /** The items parsed so far, in order; once `end()` has returned, the payload's list when `listed`. */
  readonly items: unknown[] = [];
  /** Whether `items` is the payload's list: set by `end()`, false when it parsed the whole text instead. */
  listed = false;

  /** Every piece, for `end()` to parse as a whole when the scan gave up. */
  private readonly pieces: string[] = [];
  /** Before the list and after it, the text scanned; in the list, the pieces of the batch under way. */
  private pending = '';
  private batchPieces: string[] = [];
  private batchLength = 0;
  private failedCuts = 0;
  /** Where the scan goes on in `pending` (one past its end when the last piece ended in an escape). */
  private scan = 0;
  private place: Place = 'start';
  private depth = 0;
  private inString = false;
  /** A bare array's items are at depth 1, an object's list's at depth 2. */
  private itemDepth = 1;
  /** In the object, at depth 1: whether the next string is a key, where the key being read began, and whether it was "items". */
  private expectKey = false;
  private keyFrom = -1;
  private listNext = false;
  private itemsKeys = 0;
  /** The text before the list, up to its `[`; where the list's `]` is in `pending` once it is read. */
  private head = '';
  private tailFrom = 0;
  /** Where the batch under way begins in `pending`, and how many were parsed. */
  private batchFrom = 0;
  private batches = 0;

  /**
   * @param onItems called after each batch, with where its items begin in `items`
   * @param batchUnits units of text in a batch (fewer in tests)
   */
  constructor(
    private readonly onItems: (from: number) => void = () => {},
    private readonly batchUnits = BATCH_UNITS,
  ) {}

  push(text: string): void {
    this.pieces.push(text);
    if (this.place === 'list') this.cutBatches(text);
    else if (this.place !== 'whole') {
      this.pending += text;
      // Once the list began, its items are cut without scanning them.
      if (this.advance()) this.startBatches(this.pending.slice(this.batchFrom));
    }
  }

  /** The payload as JSON.parse of the whole text gives it; throws as JSON.parse would. */
  end(): unknown {
    const pieces = this.pieces.splice(0);
    if (this.place === 'list') {
      // The last batch and what follows the list, scanned to the list's end.
      this.pending = this.batchPieces.join('');
      this.batchPieces = [];
      this.scan = this.batchFrom = 0;
      this.advance(Infinity);
    }
    if (this.place === 'after') {
      let around: unknown;
      try {
        around = JSON.parse(this.head + this.pending.slice(this.tailFrom));
      } catch {
        around = undefined; // not JSON around the list: the whole text's error is the one to give
      }
      if (Array.isArray(around)) {
        this.listed = true;
        return this.items;
      }
      if (typeof around === 'object' && around !== null) {
        this.listed = true;
        (around as { items: unknown[] }).items = this.items;
        return around;
      }
    }
    return JSON.parse(pieces.join(''));
  }

  /** Pieces in the list: the batch under way grows until it is long enough, then is cut at the first `},{` that parses. */
  private cutBatches(text: string): void {
    this.batchPieces.push(text);
    this.batchLength += text.length;
    if (this.batchLength < this.batchUnits || this.failedCuts >= CUTS_FAILED) return;
    // A `},` can straddle two pieces: look from the last unit of the one before.
    const before = this.batchPieces.length > 1 ? this.batchPieces[this.batchPieces.length - 2]!.slice(-1) : '';
    const joined = before + text;
    let from = 0;
    for (let tries = 0; tries < CUTS_TRIED; tries++) {
      const close = joined.indexOf('},', from);
      if (close === -1) return;
      let next = close + 2;
      while (next < joined.length && isSpace(joined.charCodeAt(next))) next++;
      from = close + 1;
      if (next === joined.length) return; // what follows the comma comes in the next piece
      if (joined.charCodeAt(next) !== OPEN_BRACE) continue;
      // The batch: the pieces before this one, and this one up to the `}`.
      const cutAt = close + 1 - before.length;
      const head = this.batchPieces.slice(0, -1);
      head.push(text.slice(0, cutAt));
      const items = parseList(head.join(''));
      if (items) {
        this.add(items);
        this.startBatches(text.slice(cutAt + 1));
        return;
      }
      // Inside a string or an item, past the list's end, or not JSON: after a few, end() scans the rest instead.
      this.failedCuts++;
    }
  }

  private startBatches(text: string): void {
    this.pending = '';
    this.batchPieces = [text];
    this.batchLength = text.length;
  }

  private add(items: unknown[]): void {
    this.batches++;
    const from = this.items.length;
    for (let k = 0; k < items.length; k++) this.items.push(items[k]);
    if (items.length > 0) this.onItems(from);
  }

  /**
   * Scans `pending` from `scan`: before the list, to its beginning; from a
   * batch's beginning, to the list's end (cutting batches of `batchUnits`
   * on the way) and on after it. True when, scanning from before the list, it reached the list.
   */
  private advance(batchUnits = this.batchUnits): boolean {
    const text = this.pending;
    const end = text.length;
    let at = this.scan;
    const inList = this.place === 'list';
    while (at < end && this.place !== 'whole' && (inList || this.place !== 'list')) {
      if (this.inString) {
        // Most of the text is strings: run to this one's end.
        for (; at < end; at++) {
          const code = text.charCodeAt(at);
          if (code === BACKSLASH) at++;
          else if (code === QUOTE) break;
        }
        if (at >= end) break;
        this.inString = false;
        if (this.keyFrom !== -1) this.keyRead(text.slice(this.keyFrom, at));
      } else {
        const code = text.charCodeAt(at);
        if (code === QUOTE) {
          this.inString = true;
          if (this.expectKey && this.depth === 1) this.keyFrom = at + 1;
        } else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.opens(text, at, code);
        else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
          this.depth--;
          if (this.place === 'list' && this.depth < this.itemDepth && this.cut(text, at, true)) {
            this.place = 'after';
            this.tailFrom = at;
          }
        } else if (code === COMMA) {
          if (this.place === 'list') {
            if (this.depth === this.itemDepth && at - this.batchFrom >= batchUnits) this.cut(text, at, false);
          } else if (this.depth === 1) this.expectKey = true;
        }
      }
      at++;
    }
    this.scan = at;
    return !inList && this.place === 'list';
  }

  /** `{` or `[` at `at`: the payload's beginning, the list's, or nesting. */
  private opens(text: string, at: number, code: number): void {
    this.depth++;
    if (this.place === 'start') {
      if (code === OPEN_BRACKET) this.startList(text, at, 1);
      else {
        this.place = 'object';
        this.expectKey = true;
      }
    } else if (this.place === 'object' && this.depth === 2 && this.listNext) {
      this.listNext = false;
      // "items" holding anything but an array: JSON.parse's result says what (payloadList then finds no list).
      if (code === OPEN_BRACKET) this.startList(text, at, 2);
      else this.giveUp();
    }
  }

  private startList(text: string, at: number, itemDepth: number): void {
    this.place = 'list';
    this.itemDepth = itemDepth;
    this.head = text.slice(0, at + 1);
    this.batchFrom = at + 1;
  }

  private keyRead(key: string): void {
    this.keyFrom = -1;
    this.expectKey = false;
    // An escaped key may be "items" in disguise, and of two "items" JSON.parse keeps the last: it decides those.
    if (key.includes('\\') || (key === 'items' && ++this.itemsKeys > 1)) this.giveUp();
    else this.listNext = key === 'items' && this.place === 'object';
  }

  /** Parses the items from `batchFrom` to the comma (or, when `last`, the list's end) at `at`; false when they are no list of values. */
  private cut(text: string, at: number, last: boolean): boolean {
    const batch = text.slice(this.batchFrom, at);
    // Nothing between two commas, or after the last one, is not JSON; nothing at all is an empty list.
    if (batch.trim() === '' && !(last && this.batches === 0)) {
      this.giveUp();
      return false;
    }
    const parsed = parseList(batch);
    if (!parsed) {
      this.giveUp();
      return false;
    }
    this.batchFrom = at + 1;
    this.add(parsed);
    return true;
  }

  private giveUp(): void {
    this.place = 'whole';
    this.pending = this.head = '';
    this.batchPieces = [];
  }
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** The values of `text` as a list's inside (`a, b, c`), or null when it is not one. */
function parseList(text: string): unknown[] | null {
  try {
    return JSON.parse(`[${text}]`) as unknown[];
  } catch {
    return null;
  }
}
