/**
 * Files the office releases with an answer (条例 art. 40: electronic
 * documents in the form they are kept): PDF, images, OFD, office documents,
 * archives. The type is judged from the bytes; the name's extension only
 * tells apart the members of the ZIP family (DOCX, XLSX, PPTX, ODF, OFD, ZIP).
 * Never HTML, SVG or script: nothing that could run as a page.
 */
import { RELEASED_FILE_MAX_BYTES } from '../../api/types/staff.js';

export { RELEASED_FILE_MAX_BYTES };

const MAGIC: { type: string; bytes: number[]; offset?: number }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'application/vnd.rar', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const ZIP_FAMILY: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ofd: 'application/ofd',
  zip: 'application/zip',
};

const OLE2_FAMILY: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
};

const starts = (content: Uint8Array, bytes: number[], offset = 0) => bytes.every((byte, i) => content[offset + i] === byte);

/** The media type of a released file, or null when it is none of the accepted kinds. */
export function sniffReleasedFile(content: Uint8Array, name: string): string | null {
  const extension = (name.split('.').pop() ?? '').toLowerCase();
  const magic = MAGIC.find(({ bytes, offset }) => starts(content, bytes, offset));
  if (magic) return magic.type;
  if (starts(content, [0x52, 0x49, 0x46, 0x46]) && starts(content, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts(content, ZIP)) return ZIP_FAMILY[extension] ?? 'application/zip';
  if (starts(content, OLE2)) return OLE2_FAMILY[extension] ?? 'application/x-ole-storage';
  return null;
}
