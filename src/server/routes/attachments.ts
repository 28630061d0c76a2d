/**
 * Uploads (e.g. a copy of the 身份证明): one file per request, at most 10 MB,
 * PDF, JPEG or PNG judged by the bytes, not by the name or the declared type,
 * and by their whole structure (no polyglots, no PDF with active content).
 * Bodies are files, never served back by any route. An upload no application
 * refers to expires; pending uploads are under a per-address and a total quota.
 */
import { createHash, randomUUID } from 'node:crypto';
import busboy, { type Busboy } from 'busboy';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AttachmentReceipt } from '../../api/types/application.js';
import { checkFileStructure } from '../upload/check-file.js';
import type { ServerDeps } from '../deps.js';
import { answerCreate, idempotencyKey } from '../http.js';
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
  const clean = [
    ...base
      .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu, '')
      .normalize('NFC')
      .trim(),
  ];
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

/**
 * The one file of the multipart body, parsed as it streams in (busboy): the
 * main thread handles one network chunk at a time, hashing it on the way, so
 * a 10 MiB upload never holds it for the whole body at once. The hash is the
 * idempotency hash of name and bytes (as `bytesHash([name, content])`).
 */
function readOneFile(c: Context): Promise<{ name: string; content: Uint8Array; hash: string }> {
  const body = c.req.raw.body;
  let parser: Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      // One part more than allowed of each kind, so a second part is seen (and refused) rather than silently dropped.
      limits: { files: 2, fields: 1, parts: 2, fileSize: MAX_ATTACHMENT_BYTES },
      defParamCharset: 'utf8',
    });
  } catch {
    return Promise.reject(new ProblemError('bad-request', 'The multipart body could not be read.'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let name: string | null = null;
    let files = 0;
    let others = 0;
    let tooLarge = false;
    parser.on('file', (_field, stream, info) => {
      if (++files > 1) return void stream.resume();
      name = safeFileName(info.filename ?? '');
      hash.update(name).update('\0');
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        hash.update(chunk);
      });
      stream.on('limit', () => (tooLarge = true));
    });
    parser.on('field', () => others++);
    parser.on('filesLimit', () => files++);
    parser.on('fieldsLimit', () => others++);
    parser.on('partsLimit', () => others++);
    parser.on('error', () => reject(new ProblemError('bad-request', 'The multipart body could not be read.')));
    parser.on('close', () => {
      if (tooLarge) return reject(new ProblemError('payload-too-large', 'A file may be at most 10 MB.'));
      if (files !== 1 || others > 0 || name === null) {
        const code = files === 0 ? 'required' : 'list.tooMany';
        return reject(new ProblemError('bad-request', 'Send exactly one part: the file.', [{ field: '/file', code, params: { max: 1 } }]));
      }
      const content = Buffer.concat(chunks);
      resolve({
        name,
        content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
        hash: hash.update('\0').digest('hex'),
      });
    });
    if (!body) return parser.end();
    // A stream error (the body-size limit, a dropped client) is passed on as it is: the size limit answers it with 413.
    const input = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    input.on('error', reject);
    input.pipe(parser);
  });
}

export function attachmentRoutes(deps: ServerDeps): Hono {
  const { storage } = deps;
  const routes = new Hono();

  routes.post('/attachments', async (c) => {
    const key = idempotencyKey(c);
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
      throw new ProblemError('unsupported-media-type', 'Upload the file as multipart/form-data.');
    }
    const { name, content, hash } = await readOneFile(c);
    const idem: IdempotencyRequest = { scope: 'attachments', key, hash };
    const seen = await storage.findReplay(idem);
    if (seen) return answerCreate(c, seen);

    const type = sniffType(content);
    if (!type) throw new ProblemError('unsupported-media-type', 'Only PDF, JPEG and PNG files are accepted; this file is none of them.');
    const structure = checkFileStructure(type, content);
    if (!structure.ok) {
      throw new ProblemError(
        'unsupported-media-type',
        `This is not a plain ${type} file (${structure.reason}); save or scan it again and upload that.`,
        [{ field: '/file', code: 'attachment.invalid' }],
      );
    }

    // Expiry runs on the wall clock: it is housekeeping, not a legal date.
    const wallClock = new Date();
    await storage.expireAttachments(wallClock);
    const uploader = createHash('sha256')
      .update(`zwgk-uploader:${deps.addressOf(c)}`)
      .digest('hex')
      .slice(0, 32);
    const limits = deps.uploadLimits;
    if ((await storage.pendingUploadBytes(uploader)) + content.byteLength > limits.perAddressBytes) {
      const hours = Math.ceil(limits.ttlMs / 3_600_000);
      throw new ProblemError(
        'too-many-requests',
        `Uploads not yet sent with an application are limited; they expire after ${hours} h.`,
        [],
        {
          'Retry-After': String(Math.ceil(limits.ttlMs / 1000)),
        },
      );
    }
    if ((await storage.pendingUploadBytes()) + content.byteLength > limits.totalBytes) {
      throw new ProblemError('storage-full', 'The server holds as many pending uploads as it may; try again later.', [], {
        'Retry-After': '3600',
      });
    }
    const receipt: AttachmentReceipt = { id: randomUUID(), name, size: content.byteLength, type };
    const record = { ...receipt, content, uploader, expiresAt: new Date(wallClock.getTime() + limits.ttlMs).toISOString() };
    return answerCreate(c, await storage.createAttachment(idem, record, { status: 201, body: receipt }));
  });

  return routes;
}
