import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, requestJson, requestJsonAsItArrives, type BodyReader } from '../../src/api/client.js';
import { newIdempotencyKey } from '../../src/api/idempotency.js';
import { apiUrl } from '../../src/api/url.js';
import { PayloadReader } from '../../src/core/directory/payload-reader.js';

// A loopback server with one path per behaviour the client must handle.
let server: Server;
let base = '';
/** When the server sent the last piece of /dribble. */
let dribbleEnded = 0;
const DRIBBLE = JSON.stringify({
  items: Array.from({ length: 400 }, (_, k) => ({ id: `d${k}`, title: `第${k}项，含 "引号" 与 }{ 括号` })),
});
const seenKeys: (string | undefined)[] = [];

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/ok') {
      seenKeys.push(req.headers['idempotency-key'] as string | undefined);
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ echo: body ? JSON.parse(body) : null, method: req.method })),
      );
    } else if (url.pathname === '/empty') {
      res.writeHead(204).end();
    } else if (url.pathname === '/slow') {
      setTimeout(() => res.writeHead(200).end('{}'), 2000);
    } else if (url.pathname === '/problem') {
      res.writeHead(422, { 'Content-Type': 'application/problem+json' }).end(
        JSON.stringify({
          type: 'urn:zwgk:problem:invalid',
          title: 'Invalid',
          status: 422,
          detail: '请检查标出的项目',
          errors: [{ field: '/applicant/phone', message: '手机号码位数不对' }, { bogus: true }],
        }),
      );
    } else if (url.pathname === '/html-error') {
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
    } else if (url.pathname === '/not-json') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"items": [');
    } else if (url.pathname === '/empty-200') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end();
    } else if (url.pathname === '/cut-off') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
      res.write('{"items": [1, 2');
      setTimeout(() => res.destroy(), 20);
    } else if (url.pathname === '/dribble') {
      // The answer in eight pieces, 30 ms apart, split inside a character of its UTF-8.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const bytes = Buffer.from(DRIBBLE);
      const step = Math.ceil(bytes.length / 8) | 1;
      let at = 0;
      const next = (): void => {
        if (at >= bytes.length) {
          dribbleEnded = performance.now();
          res.end();
          return;
        }
        res.write(bytes.subarray(at, (at += step)));
        setTimeout(next, 30);
      };
      next();
    } else if (url.pathname === '/drop') {
      req.socket.destroy();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('the request did not fail');
}

describe('requestJson', () => {
  test('sends JSON with the idempotency key and reads JSON back', async () => {
    const key = newIdempotencyKey();
    const answer = await requestJson<{ echo: unknown; method: string }>(`${base}/ok`, {
      method: 'POST',
      body: { subject: '咨询' },
      idempotencyKey: key,
    });
    assert.deepEqual(answer, { echo: { subject: '咨询' }, method: 'POST' });
    assert.equal(seenKeys.at(-1), key);
    assert.equal(await requestJson(`${base}/empty`), undefined);
  });

  test('turns RFC 9457 problems into typed errors with field errors', async () => {
    const error = await failure(requestJson(`${base}/problem`, { method: 'POST', body: {} }));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 422);
    assert.equal(error.message, '请检查标出的项目');
    assert.deepEqual(error.fieldErrors, [{ field: '/applicant/phone', message: '手机号码位数不对' }], 'malformed entries are dropped');
    const html = await failure(requestJson(`${base}/html-error`));
    assert.equal(html.kind, 'http');
    assert.equal(html.status, 502);
    assert.deepEqual(html.fieldErrors, []);
  });

  test('says what went wrong: timeout, abort, dropped connection, broken JSON', async () => {
    assert.equal((await failure(requestJson(`${base}/slow`, { timeoutMs: 100 }))).kind, 'timeout');
    const abort = new AbortController();
    const pending = requestJson(`${base}/slow`, { signal: abort.signal });
    abort.abort();
    assert.equal((await failure(pending)).kind, 'aborted');
    assert.equal((await failure(requestJson(`${base}/drop`))).kind, 'network');
    assert.equal((await failure(requestJson('http://127.0.0.1:9/nothing-listens'))).kind, 'network');
    assert.equal((await failure(requestJson(`${base}/not-json`))).kind, 'malformed');
  });
});

test('newIdempotencyKey makes a fresh RFC 4122 v4 key each time', () => {
  const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
  assert.equal(keys.size, 100);
  for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('apiUrl joins the base and path and drops empty query values', () => {
  assert.equal(apiUrl('/api/', '/feedback', { page: 2, q: '', x: undefined }), '/api/feedback?page=2');
  assert.equal(
    apiUrl('https://portal.example.cn/api', 'applications/YS-ABC', { phone: '139 1234' }),
    'https://portal.example.cn/api/applications/YS-ABC?phone=139+1234',
  );
});

describe('answers that never fully arrived', () => {
  test('an empty 200 is a malformed answer, not an empty success; 204 is still no content', async () => {
    const empty = await failure(requestJson(`${base}/empty-200`));
    assert.equal(empty.kind, 'malformed');
    assert.equal(empty.status, 200);
    assert.equal(await requestJson(`${base}/empty`), undefined);
  });

  test('a body cut off mid-transfer is a network error, never a resolved undefined', async () => {
    const cut = await failure(requestJson(`${base}/cut-off`));
    assert.equal(cut.kind, 'network');
    assert.match(cut.message, /cut off/);
  });
});

/** A reader that keeps what it is given and when. */
class Recorder implements BodyReader {
  readonly pieces: { text: string; at: number }[] = [];
  push(text: string): void {
    this.pieces.push({ text, at: performance.now() });
  }
  end(): unknown {
    return JSON.parse(this.pieces.map((piece) => piece.text).join(''));
  }
}

describe('requestJsonAsItArrives', () => {
  test('hands the body to the reader as it arrives, and answers what requestJson answers', async () => {
    const recorder = new Recorder();
    const answer = await requestJsonAsItArrives(`${base}/dribble`, recorder);
    assert.deepEqual(answer, JSON.parse(DRIBBLE));
    assert.deepEqual(await requestJson(`${base}/dribble`), answer);
    const early = recorder.pieces.filter((piece) => piece.text !== '' && piece.at < dribbleEnded);
    assert.ok(early.length >= 4, `pieces before the answer was complete: ${early.length}`);
    // The directory's reader: its items parsed before the end, the payload the same.
    const items = new PayloadReader(undefined, 1024);
    assert.deepEqual(await requestJsonAsItArrives(`${base}/dribble`, items), answer);
    assert.equal(items.listed, true);
    assert.equal(await requestJsonAsItArrives(`${base}/empty`, new Recorder()), undefined);
  });

  test('fails as requestJson fails: problem, error page, broken or empty JSON, cut off, dropped, timeout, abort', async () => {
    const same = async (path: string, options = {}): Promise<void> => {
      const expected = await failure(requestJson(`${base}${path}`, options));
      const got = await failure(requestJsonAsItArrives(`${base}${path}`, new Recorder(), options));
      assert.deepEqual(
        [got.kind, got.status, got.message.replace(/:.*/, ''), got.fieldErrors],
        [expected.kind, expected.status, expected.message.replace(/:.*/, ''), expected.fieldErrors],
        path,
      );
    };
    for (const path of ['/problem', '/html-error', '/not-json', '/empty-200', '/cut-off', '/drop', '/nowhere']) await same(path);
    await same('/slow', { timeoutMs: 100 });
    const abort = new AbortController();
    const pending = requestJsonAsItArrives(`${base}/slow`, new Recorder(), { signal: abort.signal });
    abort.abort();
    assert.equal((await failure(pending)).kind, 'aborted');
  });
});
