/**
 * Text normalisation for directory search. Both the searched text and the
 * query go through the same steps, so that what a citizen types matches what
 * a portal published however either was written:
 *
 * - NFKC: full-width letters, digits and punctuation become their ASCII forms
 *   (２０２０ → 2020, （ → (, ﹝ → 〔);
 * - letter case is ignored;
 * - every bracket a 文号 is written with — 〔〕 [] () （） 【】 ［］ 〖〗 〘〙 — becomes
 *   ( ), so 闽商务〔2020〕76号, 闽商务[2020]76号 and 闽商务(2020)76号 are equal;
 * - invisible format characters (zero-width space, BOM…) are dropped, and runs
 *   of whitespace or control characters become one space.
 */

const OPENING_BRACKETS = /[[(〔【〖〘]/g;
const CLOSING_BRACKETS = /[\])〕】〗〙]/g;
const FORMAT_CHARACTERS = /\p{Cf}+/gu;
const SPACES = /[\s\p{Cc}]+/gu;

/** The steps that act on each character on its own (no trimming or collapsing). */
function foldCharacters(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(OPENING_BRACKETS, '(').replace(CLOSING_BRACKETS, ')').replace(FORMAT_CHARACTERS, '');
}

/** The full pipeline, for any text. */
function normalizeSlowly(text: string): string {
  return foldCharacters(text).replace(SPACES, ' ').trim();
}

/** The searchable form of a piece of text (see the module comment). */
export function normalizeSearchText(text: string): string {
  const buffer = new Uint16Array(text.length);
  const end = foldInto(text, buffer, 0);
  return end < 0 ? normalizeSlowly(text) : decodeUtf16(buffer, end);
}

const utf16 = new TextDecoder('utf-16le');

/** The text in `buffer[0, end)`. (Uint16Array is little-endian on every platform browsers and Node run on.) */
function decodeUtf16(buffer: Uint16Array, end: number): string {
  return end === 0 ? '' : utf16.decode(buffer.subarray(0, end));
}

/**
 * Writes the searchable form of `text` into `out` from position `at` and
 * returns where it ends, or -1 when the text needs the full NFKC pipeline.
 * The fast path covers what directory text is made of — CJK, ASCII,
 * full-width forms, CJK punctuation — and never lengthens the text, so
 * `out` needs room for `text.length` units. Building the index this way,
 * into one buffer without intermediate strings, keeps 100,000 items fast.
 */
function foldInto(text: string, out: Uint16Array, at: number): number {
  let end = at;
  let spacePending = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The common cases first, inline: ideographs, lower-case letters, digits and , - . /
    let folded =
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x2c && code <= 0x39) ? code : foldCode(code);
    if (folded === -2) return -1;
    if (folded === -1) folded = code;
    if (folded === Char.Space) {
      spacePending = end > at; // collapse runs, drop leading
      continue;
    }
    if (spacePending) {
      out[end++] = Char.Space;
      spacePending = false;
    }
    out[end++] = folded;
  }
  return end; // a trailing space is never written
}

const enum Char {
  Space = 0x20,
  Open = 0x28, // (
  Close = 0x29, // )
}

/** The folded form of the characters this fast path handles by itself, else -1 ("leave it"), else -2 ("needs NFKC"). */
function foldCode(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return -1; // CJK ideographs: unchanged
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return code + 0x20; // A-Z
    if (code === 0x5b) return Char.Open; // [
    if (code === 0x5d) return Char.Close; // ]
    if (code <= 0x20 || code === 0x7f) return Char.Space; // whitespace and controls
    return -1;
  }
  if (code >= 0xff01 && code <= 0xff5e) {
    // Full-width ASCII: fold its half-width form.
    const ascii = code - 0xfee0;
    const folded = foldCode(ascii);
    return folded === -1 ? ascii : folded;
  }
  switch (code) {
    case 0x3000: // ideographic space
      return Char.Space;
    case 0x3014:
    case 0x3010:
    case 0x3016:
    case 0x3018: // 〔【〖〘
      return Char.Open;
    case 0x3015:
    case 0x3011:
    case 0x3017:
    case 0x3019: // 〕】〗〙
      return Char.Close;
    // CJK punctuation and quotes that NFKC leaves as they are: 、。〃〈〉《》「」『』 —‘’“”·
    case 0x3001:
    case 0x3002:
    case 0x3003:
    case 0x3008:
    case 0x3009:
    case 0x300a:
    case 0x300b:
    case 0x300c:
    case 0x300d:
    case 0x300e:
    case 0x300f:
    case 0x2014:
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
    case 0x00b7:
      return -1;
    default:
      return -2;
  }
}

/**
 * Appends searchable text to a reused buffer and cuts it into strings, for
 * building the index without a string per field.
 */
export class SearchTextWriter {
  buffer: Uint16Array = new Uint16Array(1 << 16);
  /** Units written since the last `take()`. */
  length = 0;

  /** Writes the searchable form of `text`. */
  write(text: string): void {
    this.makeRoom(text.length);
    const end = foldInto(text, this.buffer, this.length);
    if (end >= 0) {
      this.length = end;
      return;
    }
    const slow = normalizeSlowly(text); // may be longer than text: ① → 1 is not, ㈠ → (一) is
    this.makeRoom(slow.length);
    for (let k = 0; k < slow.length; k++) this.buffer[this.length++] = slow.charCodeAt(k);
  }

  /** Writes one UTF-16 unit as it is (a separator). */
  writeUnit(code: number): void {
    this.makeRoom(1);
    this.buffer[this.length++] = code;
  }

  /** The text written so far, as a string; the writer starts empty again. */
  take(): string {
    const text = decodeUtf16(this.buffer, this.length);
    this.length = 0;
    return text;
  }

  private makeRoom(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint16Array(Math.max(this.length + extra, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

/** The search terms of a query: normalised, split on whitespace, without duplicates or terms another term contains. */
export function searchTerms(q: string | undefined, maxTerms = 16): string[] {
  const words = [
    ...new Set(
      normalizeSearchText(q ?? '')
        .split(' ')
        .filter(Boolean),
    ),
  ];
  // A term inside another term adds no condition: 便利 is implied by 便利店.
  const terms = words.filter((word) => !words.some((other) => other !== word && other.includes(word)));
  return terms.slice(0, maxTerms);
}

/** Normalised text plus, for each of its UTF-16 units, the span of the original text it came from. */
export interface MappedText {
  text: string;
  /** Original start index of the character that produced `text[i]`. */
  from: number[];
  /** Original end index (exclusive) of the character that produced `text[i]`. */
  to: number[];
}

// One base character with the combining marks that follow it: NFKC composes within it, never across.
const CHARACTER_CLUSTER = /\P{M}\p{M}*|\p{M}+/suy;

/** A unit after which no combining mark can follow in the same cluster: below U+0300, CJK, full-width forms. */
function endsCluster(code: number): boolean {
  return Number.isNaN(code) || code < 0x300 || (code >= 0x3000 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff5e);
}

/**
 * Normalises character by character and remembers where each output unit came
 * from. NFKC changes lengths (① → 1, ㈠ → (一), e + ◌́ → é, astral characters
 * are two units), so positions in the normalised text are mapped back through
 * this table, not used directly. Whitespace is kept one-for-one (not collapsed).
 * What the fast fold handles (CJK, ASCII, full-width forms, CJK punctuation)
 * maps one unit to one unit without a RegExp or NFKC; the rest goes cluster by
 * cluster through the full pipeline. This runs for every field of every item
 * on the page at every keystroke, to highlight the matches.
 */
export function normalizeWithMap(text: string): MappedText {
  const from: number[] = [];
  const to: number[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const folded =
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x2c && code <= 0x39) ? -1 : foldCode(code);
    if (folded !== -2 && endsCluster(text.charCodeAt(i + 1))) {
      out += String.fromCharCode(folded === -1 ? code : folded);
      from.push(i);
      to.push(i + 1);
      i++;
      continue;
    }
    CHARACTER_CLUSTER.lastIndex = i;
    const cluster = CHARACTER_CLUSTER.exec(text)![0];
    const end = i + cluster.length;
    const slow = foldCharacters(cluster).replace(SPACES, ' ');
    for (let k = 0; k < slow.length; k++) {
      from.push(i);
      to.push(end);
    }
    out += slow;
    i = end;
  }
  return { text: out, from, to };
}
