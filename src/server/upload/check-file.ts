/**
 * Whole-structure checks of the files a citizen may upload (PDF, PNG, JPEG).
 * A first-bytes check lets polyglots through — a PNG whose tail is a ZIP or
 * an HTML page, a PDF carrying JavaScript — so each format is walked to its
 * end: every PNG chunk and its CRC up to IEND, every JPEG segment up to EOI,
 * and nothing after; a PDF's header, trailer and cross-reference pointer,
 * with every name (hex escapes decoded, object streams inflated) checked for
 * active content. Pure functions over the bytes.
 */
import { crc32, inflateSync } from 'node:zlib';

export type FileCheck = { ok: true } | { ok: false; reason: string };

const ok: FileCheck = { ok: true };
const refuse = (reason: string): FileCheck => ({ ok: false, reason });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkPng(bytes: Uint8Array): FileCheck {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return refuse('not a PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let first = true;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) return refuse(`chunk ${at}: not a chunk type`);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) return refuse(`chunk ${type} runs past the end of the file`);
    if (first && (type !== 'IHDR' || length !== 13)) return refuse('the first chunk is not IHDR');
    first = false;
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return refuse(`chunk ${type}: CRC mismatch`);
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') {
      if (end !== bytes.length) return refuse(`${bytes.length - end} bytes after IEND`);
      return sawData ? ok : refuse('no image data');
    }
    at = end;
  }
  return refuse('no IEND chunk');
}

export function checkJpeg(bytes: Uint8Array): FileCheck {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return refuse('not a JPEG start of image');
  let at = 2;
  let sawFrame = false;
  let sawScan = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return refuse(`byte ${at}: a segment was expected`);
    let marker = bytes[at + 1];
    while (marker === 0xff) marker = bytes[++at + 1]; // fill bytes
    if (marker === undefined) break;
    at += 2;
    if (marker === 0xd9) {
      if (!sawFrame || !sawScan) return refuse('no frame or scan before end of image');
      return at === bytes.length ? ok : refuse(`${bytes.length - at} bytes after end of image`);
    }
    if (marker >= 0xd0 && marker <= 0xd7) continue; // restart markers carry no length
    if (marker === 0x00 || marker === 0x01) return refuse(`byte ${at}: not a segment marker`);
    if (at + 2 > bytes.length) break;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return refuse(`segment ${marker.toString(16)} runs past the end of the file`);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) sawFrame = true;
    at += length;
    if (marker === 0xda) {
      sawScan = true;
      // Entropy-coded data: runs to the next marker that is not a stuffed 00 or a restart marker.
      while (at < bytes.length) {
        if (bytes[at] === 0xff) {
          const next = bytes[at + 1];
          if (next === 0x00 || (next !== undefined && next >= 0xd0 && next <= 0xd7)) at += 2;
          else if (next === 0xff) at++;
          else break;
        } else at++;
      }
    }
  }
  return refuse('no end of image marker');
}

/**
 * PDF names that run code, open other files, carry files, or hide the content from this check (encryption):
 * refused outright. The triggers (/OpenAction, /AA) are left alone — Word and LibreOffice use them to open
 * at a page — because what they could trigger is caught by its own action type here.
 */
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'GoToR',
  'Sound',
  'Movie',
  'Rendition',
  'Encrypt',
]);
const NAME = /\/([^\s/<>[\]{}()%]+)/g;

function activeName(text: string): string | null {
  for (const [, raw] of text.matchAll(NAME)) {
    // `#4A` in a name is the byte 0x4A: `/J#61vaScript` is `/JavaScript`.
    const name = raw!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (ACTIVE_NAMES.has(name)) return name;
  }
  return null;
}

export function checkPdf(bytes: Uint8Array): FileCheck {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(text)) return refuse('not a PDF header');
  const tail = text.slice(-2048);
  const eof = tail.lastIndexOf('%%EOF');
  if (eof === -1) return refuse('no %%EOF trailer');
  if (!/^%%EOF[\r\n\s\0]*$/.test(tail.slice(eof))) return refuse('bytes after the last %%EOF');
  const startxref = /startxref\s+(\d+)\s+%%EOF[\r\n\s\0]*$/.exec(tail);
  if (!startxref) return refuse('no startxref');
  const xref = Number(startxref[1]);
  if (xref <= 0 || xref >= bytes.length) return refuse('startxref points outside the file');
  const atXref = text.slice(xref, xref + 32);
  if (!/^(xref\b|\s*\d+\s+\d+\s+obj\b)/.test(atXref)) return refuse('startxref does not point at a cross-reference section');
  if (/<\s*(script|html|body|iframe|svg)\b/i.test(text)) return refuse('HTML markup inside the file');
  const found = activeName(text);
  if (found) return refuse(`active content (/${found})`);
  // Object streams pack dictionaries compressed, where the scan above cannot see them: inflate and look again.
  for (const match of text.matchAll(/\/Type\s*\/ObjStm\b/g)) {
    const start = text.indexOf('stream', match.index);
    const dataStart = start === -1 ? -1 : start + (text[start + 6] === '\r' && text[start + 7] === '\n' ? 8 : 7);
    const end = dataStart === -1 ? -1 : text.indexOf('endstream', dataStart);
    if (end === -1) return refuse('an object stream without data');
    let inflated: string;
    try {
      inflated = inflateSync(bytes.subarray(dataStart, end)).toString('latin1');
    } catch {
      try {
        inflated = inflateSync(bytes.subarray(dataStart, end), { finishFlush: 2 }).toString('latin1');
      } catch {
        return refuse('an object stream that cannot be read');
      }
    }
    const hidden = activeName(inflated);
    if (hidden) return refuse(`active content in an object stream (/${hidden})`);
  }
  return ok;
}

/** The check for a sniffed media type. */
export function checkFileStructure(type: string, bytes: Uint8Array): FileCheck {
  if (type === 'application/pdf') return checkPdf(bytes);
  if (type === 'image/png') return checkPng(bytes);
  if (type === 'image/jpeg') return checkJpeg(bytes);
  return refuse(`no check for ${type}`);
}
