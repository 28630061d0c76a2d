// Staff accounts and sessions through the HTTP API, on PGlite and (with TEST_DATABASE_URL) PostgreSQL:
// sign-in, lockout, cookie, CSRF, expiry, sign-out, roles, the admin token for bootstrap.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Problem } from '../../src/api/types/problem.js';
import type { StaffAccount, StaffAccountAnswer, StaffSession } from '../../src/api/types/staff.js';
import { createApp } from '../../src/server/app.js';
import { LOCKOUT, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../src/server/staff/auth.js';
import { openStorage } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';
import { addAccounts, backends, parseSetCookie, PASSWORDS, signedIn, StaffClient } from './staff-harness.js';

const ADMIN = 'admin-token-for-staff-tests';

for (const backend of backends()) {
  describe(`staff sign-in and sessions (${backend.name})`, () => {
    let storage: Storage;
    let app: Hono;
    let clock = new Date('2025-09-26T02:00:00Z');
    const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
    const logged: string[] = [];

    before(async () => {
      storage = await openStorage(backend.config());
      app = createApp({
        storage,
        adminToken: ADMIN,
        corsOrigins: [],
        rateLimit: false,
        now: () => clock,
        log: (line) => logged.push(line),
      });
      await addAccounts(storage);
    });
    after(async () => {
      await storage.close();
      await backend.cleanup();
    });

    async function problem(response: Response, status: number): Promise<Problem> {
      assert.equal(response.status, status, await response.clone().text());
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      return (await response.json()) as Problem;
    }

    test('no staff endpoint answers without a session', async () => {
      const anonymous = new StaffClient(app);
      for (const [method, path] of [
        ['GET', '/staff/session'],
        ['DELETE', '/staff/session'],
        ['GET', '/staff/users'],
        ['POST', '/staff/users'],
        ['PATCH', '/staff/users/x'],
        ['GET', '/staff/applications'],
        ['GET', '/staff/applications/YS-X'],
        ['POST', '/staff/applications/YS-X/accept'],
        ['GET', '/staff/calendar'],
      ]) {
        const answer = await problem(await anonymous.request(method!, path!, method === 'GET' ? undefined : {}), 401);
        assert.equal(answer.type, 'urn:zwgk:problem:session-required', `${method} ${path}`);
      }
      // A made-up cookie is no session either.
      anonymous.cookie = 'zwgk_staff=forged';
      await problem(await anonymous.request('GET', '/staff/session'), 401);
    });

    test('signing in sets an HttpOnly, SameSite=Strict cookie with an expiry, and says who is signed in', async () => {
      const client = new StaffClient(app);
      const response = await client.request('POST', '/staff/session', { name: 'clerk', password: PASSWORDS.clerk });
      assert.equal(response.status, 200);
      const cookie = parseSetCookie(response.headers.get('set-cookie')!);
      assert.equal(cookie.name, 'zwgk_staff');
      assert.ok(cookie.value.length >= 40);
      assert.ok(cookie.attributes.has('httponly'));
      assert.equal(cookie.attributes.get('samesite'), 'Strict');
      assert.equal(cookie.attributes.get('path'), '/api/staff');
      assert.equal(cookie.attributes.get('max-age'), String(SESSION_IDLE_MS / 1000));
      const session = (await response.json()) as StaffSession;
      assert.equal(session.user.name, 'clerk');
      assert.equal(session.user.role, 'clerk');
      assert.ok(session.csrfToken.length >= 20);
      client.csrf = session.csrfToken;
      const me = (await (await client.request('GET', '/staff/session')).json()) as StaffSession;
      assert.deepEqual(me.user, session.user);
      assert.equal(me.csrfToken, session.csrfToken);
      assert.equal((await client.request('GET', '/staff/session')).headers.get('cache-control'), 'no-store');
    });

    test('the cookie is Secure over HTTPS, and behind a trusted proxy that says so; never from a client’s own header', async () => {
      const direct = await app.request('https://desk.example.gov.cn/api/staff/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'clerk', password: PASSWORDS.clerk }),
      });
      assert.ok(parseSetCookie(direct.headers.get('set-cookie')!).attributes.has('secure'));
      const spoofed = await new StaffClient(app).request(
        'POST',
        '/staff/session',
        { name: 'clerk', password: PASSWORDS.clerk },
        { 'X-Forwarded-Proto': 'https' },
      );
      assert.ok(!parseSetCookie(spoofed.headers.get('set-cookie')!).attributes.has('secure'), 'no proxy is trusted in this app');
      const proxied = createApp({ storage, adminToken: ADMIN, corsOrigins: [], rateLimit: false, now: () => clock, trustProxy: 1 });
      const behind = await new StaffClient(proxied).request(
        'POST',
        '/staff/session',
        { name: 'clerk', password: PASSWORDS.clerk },
        {
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-For': '198.51.100.200',
        },
      );
      assert.ok(parseSetCookie(behind.headers.get('set-cookie')!).attributes.has('secure'));
    });

    test('a wrong password and an unknown name get the same 401; the password never reaches the log', async () => {
      const client = new StaffClient(app, '192.0.2.50');
      const wrong = await problem(await client.request('POST', '/staff/session', { name: 'head', password: 'not-the-password' }), 401);
      const unknown = await problem(await client.request('POST', '/staff/session', { name: 'nobody', password: 'not-the-password' }), 401);
      assert.equal(wrong.type, 'urn:zwgk:problem:sign-in-failed');
      assert.deepEqual(wrong, unknown);
      await problem(await client.request('POST', '/staff/session', { name: 'head' }), 422);
      await client.signIn('head', PASSWORDS.head);
      assert.ok(logged.length > 0);
      assert.ok(!logged.some((line) => line.includes(PASSWORDS.head) || line.includes('not-the-password')));
    });

    test('5 wrong passwords lock the account for 15 minutes, whatever the address; then it opens again', async () => {
      for (let i = 0; i < LOCKOUT.perAccount; i++) {
        await problem(
          await new StaffClient(app, `198.51.100.${i}`).request('POST', '/staff/session', { name: 'admin', password: `guess-${i}-xxxx` }),
          401,
        );
      }
      const locked = await new StaffClient(app, '198.51.100.99').request('POST', '/staff/session', {
        name: 'admin',
        password: PASSWORDS.admin,
      });
      const body = await problem(locked, 429);
      assert.equal(body.type, 'urn:zwgk:problem:sign-in-locked');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      // Another account is not locked by it.
      await new StaffClient(app, '198.51.100.99').signIn('clerk', PASSWORDS.clerk);
      advance(LOCKOUT.windowMs + 1000);
      await new StaffClient(app, '198.51.100.99').signIn('admin', PASSWORDS.admin);
    });

    test('20 failures from one address lock that address for every account', async () => {
      const address = '203.0.113.7';
      for (let i = 0; i < LOCKOUT.perAddress; i++) {
        await problem(
          await new StaffClient(app, address).request('POST', '/staff/session', { name: `user-${i}`, password: 'wrong-password' }),
          401,
        );
      }
      await problem(
        await new StaffClient(app, address).request('POST', '/staff/session', { name: 'clerk', password: PASSWORDS.clerk }),
        429,
      );
      await new StaffClient(app, '203.0.113.8').signIn('clerk', PASSWORDS.clerk);
      advance(LOCKOUT.windowMs + 1000);
    });

    test('every staff write needs the session CSRF token', async () => {
      const admin = await signedIn(app, 'admin');
      const body = { name: 'csrf-test', role: 'clerk', password: 'csrf-test-password' };
      const missing = await problem(await admin.request('POST', '/staff/users', body, { 'X-CSRF-Token': '' }), 403);
      assert.equal(missing.type, 'urn:zwgk:problem:csrf-failed');
      await problem(await admin.request('POST', '/staff/users', body, { 'X-CSRF-Token': 'wrong' }), 403);
      // The token of another session does not do either.
      const other = await signedIn(app, 'admin');
      await problem(await admin.request('POST', '/staff/users', body, { 'X-CSRF-Token': other.csrf }), 403);
      await problem(await admin.request('DELETE', '/staff/session', undefined, { 'X-CSRF-Token': 'wrong' }), 403);
      assert.ok(!(await storage.listStaffUsers()).some((u) => u.name === 'csrf-test'));
      assert.equal((await admin.request('POST', '/staff/users', body)).status, 201);
    });

    test('a session ends after 2 idle hours, moves on with use, and ends after 12 hours whatever happens', async () => {
      const idle = await signedIn(app, 'clerk');
      advance(SESSION_IDLE_MS - 60_000);
      assert.equal((await idle.request('GET', '/staff/session')).status, 200);
      advance(SESSION_IDLE_MS - 60_000);
      assert.equal((await idle.request('GET', '/staff/session')).status, 200, 'used within the idle time: still open');
      advance(SESSION_IDLE_MS + 1000);
      const ended = await idle.request('GET', '/staff/session');
      assert.equal((await problem(ended, 401)).type, 'urn:zwgk:problem:session-required');

      const busy = await signedIn(app, 'clerk');
      for (let spent = 0; spent < SESSION_ABSOLUTE_MS - 3_600_000; spent += 3_600_000) {
        advance(3_600_000);
        assert.equal((await busy.request('GET', '/staff/session')).status, 200);
      }
      advance(3_600_000 + 1000);
      await problem(await busy.request('GET', '/staff/session'), 401);
    });

    test('signing out ends the session and clears the cookie', async () => {
      const client = await signedIn(app, 'head');
      const stolen = client.cookie;
      const out = await client.request('DELETE', '/staff/session');
      assert.equal(out.status, 204);
      assert.equal(parseSetCookie(out.headers.get('set-cookie')!).attributes.get('max-age'), '0');
      const replay = new StaffClient(app);
      replay.cookie = stolen;
      await problem(await replay.request('GET', '/staff/session'), 401);
    });

    test('only an administrator manages accounts; a reset password and a disabled account end sessions', async () => {
      const clerk = await signedIn(app, 'clerk');
      assert.equal((await problem(await clerk.request('GET', '/staff/users'), 403)).type, 'urn:zwgk:problem:role-forbidden');
      await problem(await clerk.request('POST', '/staff/users', { name: 'x', role: 'admin' }), 403);
      const admin = await signedIn(app, 'admin');
      const created = (await (await admin.request('POST', '/staff/users', { name: '李经办', role: 'clerk' })).json()) as StaffAccountAnswer;
      assert.equal(created.account.role, 'clerk');
      assert.match(created.password!, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      await problem(await admin.request('POST', '/staff/users', { name: '李经办', role: 'head' }), 409);
      await problem(await admin.request('POST', '/staff/users', { name: 'short', role: 'head', password: 'short' }), 422);
      const list = (await (await admin.request('GET', '/staff/users')).json()) as StaffAccount[];
      assert.ok(list.some((a) => a.name === '李经办'));
      assert.ok(!JSON.stringify(list).includes('scrypt'), 'no password hash leaves the server');

      const li = new StaffClient(app);
      await li.signIn('李经办', created.password!);
      const reset = (await (
        await admin.request('PATCH', `/staff/users/${created.account.id}`, { resetPassword: true })
      ).json()) as StaffAccountAnswer;
      await problem(await li.request('GET', '/staff/session'), 401);
      await problem(await new StaffClient(app).request('POST', '/staff/session', { name: '李经办', password: created.password }), 401);
      await li.signIn('李经办', reset.password!);
      await admin.request('PATCH', `/staff/users/${created.account.id}`, { disabled: true });
      await problem(await li.request('GET', '/staff/session'), 401);
      await problem(await new StaffClient(app).request('POST', '/staff/session', { name: '李经办', password: reset.password }), 401);
      const self = (await (await admin.request('GET', '/staff/session')).json()) as StaffSession;
      await problem(await admin.request('PATCH', `/staff/users/${self.user.id}`, { disabled: true }), 409);
    });

    test('the shared admin token creates accounts for bootstrap; it opens no staff endpoint', async () => {
      const bearer = { Authorization: `Bearer ${ADMIN}` };
      const response = await app.request('/api/admin/staff-users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer },
        body: JSON.stringify({ name: 'bootstrap-admin', role: 'admin', password: 'bootstrap-password' }),
      });
      assert.equal(response.status, 201);
      await problem(await app.request('/api/staff/users', { headers: bearer }), 401);
      await new StaffClient(app).signIn('bootstrap-admin', 'bootstrap-password');
    });
  });
}
