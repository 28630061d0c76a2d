/** One number of a 联系电话 line, ready to show and to dial. */
export interface PhoneNumber {
  /** As published, e.g. 0591-87270308 */
  display: string;
  /** A `tel:` URI that dials from anywhere, e.g. tel:+86-591-87270308 */
  href: string;
  /** The note published with it, e.g. 可传真 */
  note?: string;
}

const SEPARATORS = /[、,，;；\n]+/;
const NOTE = /[（(]([^）)]*)[）)]\s*$/;

/** Splits a published phone line into numbers: "0591-24339101（可传真）、0591-23165385". */
export function parsePhoneList(text: string | undefined): PhoneNumber[] {
  if (!text) return [];
  return text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parsePhone);
}

function parsePhone(part: string): PhoneNumber {
  const noteMatch = NOTE.exec(part);
  // A bracket that holds only digits is an area code, "(0591)87270308", not a note.
  const note = noteMatch && !/^[\d\s-]+$/.test(noteMatch[1]!) ? noteMatch[1]!.trim() : undefined;
  const display = (note ? part.slice(0, noteMatch!.index) : part).trim();
  return { display, href: telHref(display), ...(note ? { note } : {}) };
}

/** The dialable tel: URI of a Chinese number: landlines with area code and mobiles get +86. */
export function telHref(number: string): string {
  const halfWidth = number.normalize('NFKC');
  const extension = /(?:转|分机|ext\.?|#|x)\s*(\d{1,6})\s*$/i.exec(halfWidth);
  const main = extension ? halfWidth.slice(0, extension.index) : halfWidth;
  let digits = main.replace(/[^\d+]/g, '');
  let ext = extension?.[1];
  // 0591-87270308-123: a third group after a full landline is an extension.
  const groups = main.split(/[-\s]+/).filter(Boolean);
  if (!ext && groups.length === 3 && /^0\d{2,3}$/.test(groups[0]!) && /^\d{7,8}$/.test(groups[1]!) && /^\d{1,6}$/.test(groups[2]!)) {
    digits = groups[0]! + groups[1]!;
    ext = groups[2];
  }
  let uri: string;
  const area = /^0(10|2\d|[3-9]\d{2})(\d{7,8})$/.exec(digits);
  if (digits.startsWith('+')) uri = digits;
  else if (digits.startsWith('0086')) uri = `+${digits.slice(2)}`;
  else if (/^1[3-9]\d{9}$/.test(digits)) uri = `+86-${digits}`;
  else if (area) uri = `+86-${area[1]}-${area[2]}`;
  else uri = digits;
  return `tel:${uri}${ext ? `;ext=${ext}` : ''}`;
}

/** Whether two published numbers dial the same line. */
export function sameNumber(a: string, b: string): boolean {
  return telHref(a) === telHref(b);
}
