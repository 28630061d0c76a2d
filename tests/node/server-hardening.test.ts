// Hardening of the HTTP surface: security headers on every response, structured logs a hostile path
// cannot forge, a forged X-Forwarded-For that does not beat the rate limit, throttled wrong admin tokens,
// and the configuration checks that refuse to start insecurely.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { adminTokenProblem, trustedProxyHops } from '../../src/server/config.js';
import { openStorage, type Storage } from '../../src/server/storage/index.js';
import { sampleApplication } from '../../src/server/testing.js';

const ADMIN = 'hardening-admin-token-0123456789abcdefABCDEF';
let storage: Storage;
before(async () => {
  storage = await openStorage({ memory: true });
});
after(() => storage.close());

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('security headers', () => {
  test('every kind of response carries them: data, problem, 404, preflight, admin refusal', async () => {
    const app = createApp({ storage, adminToken: ADMIN, corsOrigins: ['https://portal.example.gov.cn'] });
    const responses = [
      await app.request('/api/contact'),
      await app.request('/api/disclosures?q=x'),
      await app.request('/api/applications/YS-NOPE?phone=1'),
      await app.request('/api/nowhere'),
      await app.request('/api/applications', {
        method: 'OPTIONS',
        headers: { Origin: 'https://portal.example.gov.cn', 'Access-Control-Request-Method': 'POST' },
      }),
      await app.request('/api/admin/feedback/X', { method: 'PATCH' }),
      await app.request('/api/applications', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
        body: '[[[',
      }),
    ];
    for (const response of responses) {
      const label = `${response.status}`;
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/, label);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, label);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', label);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', label);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', label);
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'same-origin', label);
      assert.equal(response.headers.get('strict-transport-security'), null, `${label}: no HSTS over plain http`);
    }
  });

  test('HSTS only over HTTPS: the URL scheme, or X-Forwarded-Proto from a trusted proxy', async () => {
    const direct = createApp({ storage, adminToken: ADMIN, corsOrigins: [] });
    assert.match(
      (await direct.request('https://zwgk.example.gov.cn/api/contact')).headers.get('strict-transport-security') ?? '',
      /max-age=\d+/,
    );
    const forged = await direct.request('/api/contact', { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.equal(forged.headers.get('strict-transport-security'), null, 'an untrusted X-Forwarded-Proto is ignored');
    const proxied = createApp({ storage, adminToken: ADMIN, corsOrigins: [], trustProxy: 1 });
    const behind = await proxied.request('/api/contact', { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.match(behind.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });
});

describe('request log', () => {
  test('one JSON line per request; %0A, %1B and %00 in the path forge no line and write no raw control byte', async () => {
    const lines: string[] = [];
    const app = createApp({ storage, adminToken: ADMIN, corsOrigins: [], log: (line) => lines.push(line) });
    const hostile = [
      '/api/x%0A{"status":200,"path":"/api/admin"}',
      '/api/%1B[2J%1B[31mred',
      '/api/applications/%00?phone=13912345678',
      '/api/a%0D%0AGET%20/api/forged%20200',
      '/api/%E2%80%A8sep%C2%85',
      '/api/applications/YS-X?phone=13912345678',
    ];
    for (const path of hostile) await app.request(path);
    assert.equal(lines.length, hostile.length, lines.join('\n'));
    for (const line of lines) {
      assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, `raw control character in ${JSON.stringify(line)}`);
      const entry = JSON.parse(line) as { method: string; path: string; status: number; ms: number; at: string };
      assert.equal(entry.method, 'GET');
      assert.equal(typeof entry.status, 'number');
      assert.ok(!entry.path.includes('13912345678'), 'no query string (phone numbers) in the log');
    }
    const paths = lines.map((l) => (JSON.parse(l) as { path: string }).path);
    assert.match(paths[0]!, /^\/api\/x%0A/, 'the path is logged as sent, still escaped');
    assert.equal(paths[1], '/api/%1B[2J%1B[31mred');
  });
});

describe('client addresses and throttles', () => {
  test('with one trusted proxy, a forged X-Forwarded-For cannot bypass the rate limit', async () => {
    const app = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: { max: 2, windowMs: 60_000 }, trustProxy: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The client forges a fresh first hop each time; our proxy (the socket peer) appends the real address.
      const response = await app.request(
        '/api/applications',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `xff-${i}`, 'X-Forwarded-For': `10.0.0.${i}, 198.51.100.7` },
          body: JSON.stringify(sampleApplication()),
        },
        from('127.0.0.1'),
      );
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [201, 201, 429, 429, 429]);
  });

  test('with no trusted proxy X-Forwarded-For is ignored; with two, the second hop from the right is the client', async () => {
    const none = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: { max: 1, windowMs: 60_000 } });
    const proxied = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: { max: 1, windowMs: 60_000 }, trustProxy: 2 });
    const post = (app: typeof none, xff: string, i: number) =>
      app.request(
        '/api/applications',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `hop-${i}`, 'X-Forwarded-For': xff },
          body: '{}',
        },
        from('127.0.0.9'),
      );
    assert.equal((await post(none, '1.1.1.1', 1)).status, 422);
    assert.equal((await post(none, '2.2.2.2', 2)).status, 429, 'the socket peer is the client');
    assert.equal((await post(proxied, 'forged, 203.0.113.5, 10.0.0.2', 3)).status, 422);
    assert.equal((await post(proxied, 'other, 203.0.113.5, 10.0.0.2', 4)).status, 429, 'same client behind two proxies');
    assert.equal((await post(proxied, '203.0.113.6, 10.0.0.2', 5)).status, 422, 'another client');
  });

  test('wrong admin tokens are throttled per address with a growing wait; the right token still works elsewhere', async () => {
    const app = createApp({ storage, adminToken: ADMIN, corsOrigins: [] });
    const patch = (token: string, address: string) =>
      app.request(
        '/api/admin/feedback/NOPE',
        { method: 'PATCH', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' },
        from(address),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await patch(`guess-${i}`, '192.0.2.1')).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(
      statuses.slice(6).every((s) => s === 429),
      statuses.join(),
    );
    const limited = await patch(ADMIN, '192.0.2.1');
    assert.equal(limited.status, 429, 'even the right token waits out the penalty');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await patch(ADMIN, '192.0.2.2')).status, 404, 'another address is not affected');
  });
});

describe('configuration', () => {
  test('an admin token must hold at least 32 bytes of entropy', () => {
    for (const weak of [
      'x',
      'process-test-token',
      'a'.repeat(100),
      'abababababababababababababababababababababababab',
      '12345678901234567890123456789012',
    ]) {
      assert.match(adminTokenProblem(weak) ?? '', /too weak.*randomBytes\(32\)/, weak);
    }
    assert.equal(adminTokenProblem('Lz3pHq0v9Ck2XbJr7YtW1sNa5Ue8Gd4Mf6Ri-Ko_VxE'), null, '32 random bytes in base64url');
    assert.equal(adminTokenProblem('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'), null, '32 random bytes in hex');
  });

  test('ZWGK_TRUST_PROXY is a number of hops', () => {
    assert.equal(trustedProxyHops(undefined), 0);
    assert.equal(trustedProxyHops('2'), 2);
    assert.equal(trustedProxyHops('yes'), null);
  });
});
