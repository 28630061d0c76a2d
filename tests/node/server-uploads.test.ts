// Uploads: bodies are files on disk (never a PGlite bytea), every format is walked to its end so
// polyglots and PDFs with active content are refused, unreferenced uploads expire, quotas hold per
// address and in all, and an upload in flight does not hold up anyone else.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import type { AttachmentReceipt } from '../../src/api/types/application.js';
import type { Problem } from '../../src/api/types/problem.js';
import { checkJpeg, checkPdf, checkPng } from '../../src/server/upload/check-file.js';
import { createApp } from '../../src/server/app.js';
import { createNodeHandler } from '../../src/server/node.js';
import { openStorage, type Storage } from '../../src/server/storage/index.js';
import { sampleApplication, sampleJpeg, samplePdf, samplePng } from '../../src/server/testing.js';

const ADMIN = 'uploads-admin-token-0123456789abcdefABCDEF';
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

let keys = 0;
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

async function setup(options: Parameters<typeof createApp>[0]['uploadLimits'] = {}, dataDir?: string) {
  const storage: Storage = await openStorage(dataDir ? { dataDir } : { memory: true });
  cleanups.push(() => storage.close());
  const app = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: false, uploadLimits: options });
  const upload = (content: Uint8Array, name = 'file.pdf', address = '198.51.100.1') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return app.request('/api/attachments', { method: 'POST', headers: { 'Idempotency-Key': `up-${++keys}` }, body: form }, from(address));
  };
  return { storage, app, upload };
}

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('whole-structure checks', () => {
  test('well-formed PDF, PNG and JPEG pass', () => {
    assert.deepEqual(checkPdf(samplePdf()), { ok: true });
    assert.deepEqual(checkPng(samplePng(5000)), { ok: true });
    assert.deepEqual(checkJpeg(sampleJpeg()), { ok: true });
  });

  test('polyglots are refused: an image or PDF with another file after its end', () => {
    const zip = latin1('PK\u0003\u0004hidden.html<script>alert(1)</script>');
    assert.match(String((checkPng(concat(samplePng(), zip)) as { reason: string }).reason), /after IEND/);
    assert.match(
      String((checkJpeg(concat(sampleJpeg(), latin1('<html><script>alert(1)</script>'))) as { reason: string }).reason),
      /after end of image/,
    );
    assert.equal(checkPdf(concat(samplePdf(), latin1('<html><script>alert(1)</script></html>'))).ok, false);
    const html = latin1('<html><body><script>alert(1)</script></body></html>');
    const png = samplePng();
    assert.equal(checkPng(concat(png.subarray(0, 8), html, png.subarray(8))).ok, false, 'a signature then HTML');
  });

  test('broken structure is refused: a bad CRC, a truncated file, a missing trailer', () => {
    const png = samplePng(200);
    png[50] = png[50]! ^ 0xff;
    assert.match(String((checkPng(png) as { reason: string }).reason), /CRC/);
    assert.equal(checkPng(samplePng(200).subarray(0, 100)).ok, false);
    assert.equal(checkJpeg(sampleJpeg().subarray(0, 30)).ok, false);
    assert.equal(checkPdf(latin1('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')).ok, false, 'no cross-reference');
  });

  test('PDFs with JavaScript or other active content are refused, however the name is spelled or packed', () => {
    for (const extra of [
      '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
      '/AA << /O << /S /J#61vaScript /JS (x) >> >>',
      '/Names << /EmbeddedFiles 9 0 R >>',
      '/OpenAction << /S /Launch /F (cmd.exe) >>',
    ]) {
      assert.equal(checkPdf(samplePdf(extra)).ok, false, extra);
    }
    // Hidden in a compressed object stream.
    const packed = deflateSync(Buffer.from('9 0 << /S /JavaScript /JS (app.alert(1)) >>'));
    const base = Buffer.from(samplePdf()).toString('latin1');
    const objstm = `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`;
    const withStream = concat(
      latin1(base.slice(0, base.indexOf('xref'))),
      latin1(objstm),
      packed,
      latin1('\nendstream\nendobj\n'),
      latin1(base.slice(base.indexOf('xref'))),
    );
    // The trailer's startxref no longer points at xref: rebuild it for this test.
    const fixed = Buffer.from(withStream)
      .toString('latin1')
      .replace(/startxref\n\d+/, () => `startxref\n${Buffer.from(withStream).toString('latin1').indexOf('xref\n')}`);
    assert.match(String((checkPdf(latin1(fixed)) as { reason: string }).reason), /object stream/);
    assert.deepEqual(checkPdf(samplePdf('/OpenAction [3 0 R /Fit]')), { ok: true }, 'opening at a page is not active content');
  });
});

describe('POST /attachments', () => {
  test('the body is a file under the data directory; the database holds none of it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'zwgk-uploads-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const { storage, upload } = await setup({}, dataDir);
    const response = await upload(samplePng(4096), 'scan.png');
    assert.equal(response.status, 201);
    const { id } = (await response.json()) as AttachmentReceipt;
    assert.ok(existsSync(join(dataDir, 'zwgk-files', id)), 'the body is a file');
    const stored = await storage.readAttachment(id);
    assert.equal(stored?.content.byteLength, 4096);
    assert.deepEqual(stored?.content, samplePng(4096));
  });

  test('a polyglot or a PDF with JavaScript is refused with 415 and a field pointer', async () => {
    const { upload } = await setup();
    for (const content of [
      concat(samplePng(), latin1('PK\u0003\u0004...')),
      samplePdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
    ]) {
      const response = await upload(content);
      assert.equal(response.status, 415);
      const problem = (await response.json()) as Problem;
      assert.deepEqual(
        problem.errors?.map((e) => e.field),
        ['/file'],
      );
    }
  });

  test('an upload nobody refers to expires: its file is deleted and an application can no longer name it', async () => {
    const { app, storage, upload } = await setup({ ttlMs: 1 });
    const { id } = (await (await upload(samplePdf())).json()) as AttachmentReceipt;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await storage.expireAttachments(new Date()), 1);
    assert.equal(await storage.readAttachment(id), null);
    const refused = await app.request('/api/applications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `app-${++keys}` },
      body: JSON.stringify(sampleApplication({ attachments: [id] })),
    });
    assert.equal(refused.status, 422);
  });

  test('an upload an application refers to is kept past the expiry', async () => {
    const { app, storage, upload } = await setup({ ttlMs: 2_000 });
    const { id } = (await (await upload(samplePdf())).json()) as AttachmentReceipt;
    const sent = await app.request('/api/applications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `app-${++keys}` },
      body: JSON.stringify(sampleApplication({ attachments: [id] })),
    });
    assert.equal(sent.status, 201);
    assert.equal(await storage.expireAttachments(new Date(Date.now() + 60_000)), 0, 'long past its expiry');
    assert.ok(await storage.readAttachment(id));
  });

  test('pending uploads are limited per address (429) and in all (503); another address may still upload', async () => {
    const { upload } = await setup({ perAddressBytes: 10_000, totalBytes: 15_000 });
    assert.equal((await upload(samplePng(6000), 'a.png', '192.0.2.1')).status, 201);
    const over = await upload(samplePng(6000), 'b.png', '192.0.2.1');
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('retry-after')) > 0);
    assert.equal((await upload(samplePng(6000), 'c.png', '192.0.2.2')).status, 201, 'another address');
    const full = await upload(samplePng(6000), 'd.png', '192.0.2.3');
    assert.equal(full.status, 503);
    assert.equal(((await full.json()) as Problem).type, 'urn:zwgk:problem:storage-full');
  });

  test('while a 10 MiB upload is in flight (stalled mid-body), other requests are answered', async () => {
    const { app } = await setup();
    const server = createServer(createNodeHandler(app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())));
    const { port } = server.address() as AddressInfo;
    const boundary = 'zwgk-upload-boundary';
    const file = samplePng(10 * 1024 * 1024 - 1024);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const uploaded = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/attachments',
          headers: {
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': head.length + file.length + tail.length,
            'Idempotency-Key': 'stalled-upload',
          },
        },
        (res) => (res.resume(), resolve(res.statusCode ?? 0)),
      );
      req.on('error', reject);
      req.write(head);
      req.write(file.subarray(0, file.length / 2));
      // Half the file is sent; the rest comes only after the unrelated request was answered.
      void fetch(`http://127.0.0.1:${port}/api/contact`).then(async (other) => {
        assert.equal(other.status, 404, 'answered (no contact card is configured here)');
        await other.text();
        req.write(file.subarray(file.length / 2));
        req.end(tail);
      }, reject);
    });
    assert.equal(await uploaded, 201);
  });
});

describe('temporary file store', () => {
  test('an in-memory database keeps its files in a temporary directory, removed on close', async () => {
    // A private TMPDIR: other test files running at the same time make zwgk-files-* folders of their own.
    const privateTmp = await mkdtemp(join(tmpdir(), 'zwgk-uploads-test-'));
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    try {
      const storage = await openStorage({ memory: true });
      const created = (await readdir(privateTmp)).filter((n) => n.startsWith('zwgk-files-'));
      assert.equal(created.length, 1);
      await storage.close();
      assert.ok(!existsSync(join(privateTmp, created[0]!)));
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      await rm(privateTmp, { recursive: true, force: true });
    }
  });
});
