/**
 * The checks a file passes before it is uploaded, so a citizen learns at once
 * (not after a long upload) that a file will be refused. They mirror the
 * reference server's rule (src/server/routes/attachments.ts): PDF, JPEG or
 * PNG by content, at most 10 MB. The server checks again; this is a courtesy.
 */

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** For the file picker's `accept`. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

const KINDS: { type: string; extensions: string[]; signature: number[] }[] = [
  { type: 'application/pdf', extensions: ['pdf'], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], signature: [0xff, 0xd8, 0xff] },
  { type: 'image/png', extensions: ['png'], signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes checkAttachment wants to see. */
export const ATTACHMENT_SNIFF_BYTES = 8;

export type AttachmentCheck = { ok: true; type: string } | { ok: false; reason: 'empty' | 'too-large' | 'type' };

/**
 * Whether a file may be uploaded: not empty, not over the limit, and a PDF,
 * JPEG or PNG by its first bytes (`head`) — a renamed document is refused
 * here rather than by the server.
 */
export function checkAttachment(file: { name: string; size: number }, head: Uint8Array): AttachmentCheck {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > ATTACHMENT_MAX_BYTES) return { ok: false, reason: 'too-large' };
  const kind = KINDS.find(({ signature }) => signature.every((byte, i) => head[i] === byte));
  return kind ? { ok: true, type: kind.type } : { ok: false, reason: 'type' };
}

/** A size in words a citizen reads: 512 KB, 3.4 MB. */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
