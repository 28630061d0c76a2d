/**
 * Uploads (e.g. a copy of the 身份证明): one file per request, at most 10 MB,
 * PDF, JPEG or PNG judged by the bytes, not by the name or the declared type.
 * Stored in the database, never served back by any route.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AttachmentReceipt } from '../../api/types/application.js';
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

/** The last path segment, without control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
  const clean = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 200).join('');
  return clean || 'attachment';
}

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
    const receipt: AttachmentReceipt = { id: randomUUID(), name, size: content.byteLength, type };
    return answerCreate(c, await storage.createAttachment(idem, { ...receipt, content }, { status: 201, body: receipt }));
  });

  return routes;
}
