/**
 * Downloads of case files and the 答复书: always `Content-Disposition:
 * attachment`, a media type no browser renders as a page, no sniffing, a
 * sandbox CSP in case one does, and no caching.
 */
import type { Context } from 'hono';
import type { AttachmentRecord } from '../storage/types.js';

function disposition(name: string): string {
  // ASCII fallback plus the UTF-8 name (RFC 6266 / 5987), so 答复书.txt keeps its name.
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function downloadResponse(
  c: Context,
  file: Pick<AttachmentRecord, 'name' | 'content'>,
  type = 'application/octet-stream',
): Response {
  return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': type,
    'Content-Disposition': disposition(file.name),
    'Content-Length': String(file.content.byteLength),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'no-store',
  });
}
