/**
 * Uploads (e.g. a copy of the 身份证明): one file per request, at most 10 MB,
 * PDF, JPEG or PNG judged by the bytes, not by the name or the declared type,
 * and by their whole structure (no polyglots, no PDF with active content).
 * Bodies are files, never served back by any route. An upload no application
 * refers to expires; pending uploads are under a per-address and a total quota.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AttachmentReceipt } from '../../api/types/application.js';
import { checkFileStructure } from '../../core/upload/check-file.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, bytesHash, idempotencyKey } from '../http.js';
import { ProblemError } from '../problem.js';
import type { IdempotencyRequest } from '../storage/types.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type the content really is, or null when it is none of the accepted ones. */
export function sniffType(content: Uint8Array): string | null {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => content[i] === byte))?.type ?? null;
}

/** The last path segment, NFC, without control, bidi or lone-surrogate characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu, '').normalize('NFC').trim()];
  return clean.slice(0, 200).join('') || 'attachment';
}

export interface UploadLimits {
  /** how long an upload may wait for the application that refers to it */
  ttlMs: number;
  /** bytes of pending (not yet referred to) uploads one client address may hold */
  perAddressBytes: number;
  /** bytes of pending uploads all clients together may hold */
  totalBytes: number;
}

/** A day to finish the form; five full-size files per address; 2 GiB in all. */
export const UPLOAD_LIMITS: UploadLimits = { ttlMs: 24 * 3_600_000, perAddressBytes: 50 * 1024 * 1024, totalBytes: 2 * 1024 ** 3 };

export function attachmentRoutes(deps: ServerDeps): Hono {
  const { storage } = deps;
  const routes = new Hono();

  routes.post('/attachments', async (c) => {
    const key = idempotencyKey(c);
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
      throw new ProblemError('unsupported-media-type', 'Upload the file as multipart/form-data.');
    }
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw new ProblemError('bad-request', 'The multipart body could not be read.');
    }
    const parts = [...form.entries()];
    const files = parts.filter((entry): entry is [string, File] => typeof entry[1] !== 'string');
    if (parts.length !== 1 || files.length !== 1) {
      throw new ProblemError('bad-request', 'Send exactly one part: the file.', [{ field: '/file', code: files.length === 0 ? 'required' : 'list.tooMany', params: { max: 1 } }]);
    }
    const file = files[0]![1];
    if (file.size > MAX_ATTACHMENT_BYTES) throw new ProblemError('payload-too-large', 'A file may be at most 10 MB.');
    const content = new Uint8Array(await file.arrayBuffer());
    const name = safeFileName(file.name);
    const idem: IdempotencyRequest = { scope: 'attachments', key, hash: bytesHash([name, content]) };
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);

    const type = sniffType(content);
    if (!type) throw new ProblemError('unsupported-media-type', 'Only PDF, JPEG and PNG files are accepted; this file is none of them.');
    const structure = checkFileStructure(type, content);
    if (!structure.ok) {
      throw new ProblemError('unsupported-media-type', `This is not a plain ${type} file (${structure.reason}); save or scan it again and upload that.`, [
        { field: '/file', code: 'attachment.invalid' },
      ]);
    }

    // Expiry runs on the wall clock: it is housekeeping, not a legal date.
    const wallClock = new Date();
    await storage.expireAttachments(wallClock);
    const uploader = createHash('sha256').update(`zwgk-uploader:${deps.addressOf(c)}`).digest('hex').slice(0, 32);
    const limits = deps.uploadLimits;
    if ((await storage.pendingUploadBytes(uploader)) + content.byteLength > limits.perAddressBytes) {
      const hours = Math.ceil(limits.ttlMs / 3_600_000);
      throw new ProblemError('too-many-requests', `Uploads not yet sent with an application are limited; they expire after ${hours} h.`, [], {
        'Retry-After': String(Math.ceil(limits.ttlMs / 1000)),
      });
    }
    if ((await storage.pendingUploadBytes()) + content.byteLength > limits.totalBytes) {
      throw new ProblemError('storage-full', 'The server holds as many pending uploads as it may; try again later.', [], { 'Retry-After': '3600' });
    }
    const receipt: AttachmentReceipt = { id: randomUUID(), name, size: content.byteLength, type };
    const record = { ...receipt, content, uploader, expiresAt: new Date(wallClock.getTime() + limits.ttlMs).toISOString() };
    return answerCreate(c, await storage.createAttachment(idem, record, { status: 201, body: receipt }));
  });

  return routes;
}
