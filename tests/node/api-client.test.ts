import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, apiUrl, newIdempotencyKey, requestJson } from '../../src/api/client.js';

// A loopback server with one path per behaviour the client must handle.
let server: Server;
let base = '';
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
