// Shared by the staff test files: the storage backends (PGlite always, PostgreSQL with
// TEST_DATABASE_URL, a fresh schema per run) and a signed-in client with a cookie jar.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import pg from 'pg';
import type { StaffRole, StaffSession } from '../../src/api/types/staff.js';
import { addStaffAccount } from '../../src/server/staff/accounts.js';
import type { StorageConfig } from '../../src/server/storage/index.js';
import type { Storage } from '../../src/server/storage/types.js';

export interface Backend {
  name: string;
  config: () => StorageConfig;
  cleanup: () => Promise<void>;
}

export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'PGlite', config: () => ({ memory: true }), cleanup: async () => undefined }];
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (databaseUrl) {
    const schemas: string[] = [];
    list.push({
      name: 'PostgreSQL',
      config: () => {
        const schema = `zwgk_test_${randomBytes(6).toString('hex')}`;
        schemas.push(schema);
        return { databaseUrl, schema, maxConnections: 4 };
      },
      async cleanup() {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    });
  }
  return list;
}

/** The `name=value` of a Set-Cookie header, and its attributes in lower case. */
export function parseSetCookie(header: string): { name: string; value: string; attributes: Map<string, string> } {
  const [pair, ...attrs] = header.split(';').map((part) => part.trim());
  const [name, ...value] = pair!.split('=');
  return {
    name: name!,
    value: value.join('='),
    attributes: new Map(attrs.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=').slice(1).join('=')])),
  };
}

/** A browser-like client of the staff API: keeps the session cookie, sends the CSRF token on writes. */
export class StaffClient {
  cookie = '';
  csrf = '';
  /** set by `renewing`: sign in again when a session ended because a test moved the server's clock on by days */
  private credentials: { name: string; password: string } | null = null;
  constructor(
    readonly app: Hono,
    readonly address = '192.0.2.10',
  ) {}

  /** Signs in again whenever the session has ended (for tests that jump the clock); session expiry itself is tested without it. */
  renewing(): this {
    this.credentials = this.lastSignIn;
    return this;
  }

  private lastSignIn: { name: string; password: string } | null = null;

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.send(method, path, body, headers);
    if (response.status !== 401 || !this.credentials || path === '/staff/session') return response;
    await this.signIn(this.credentials.name, this.credentials.password);
    return this.send(method, path, body, headers);
  }

  private async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit = {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'X-CSRF-Token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: body instanceof FormData ? body : JSON.stringify(body) } : {}),
    };
    if (body instanceof FormData) delete (init.headers as Record<string, string>)['Content-Type'];
    const response = await this.app.request(`/api${path}`, init, { incoming: { socket: { remoteAddress: this.address } } });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const { value, attributes } = parseSetCookie(setCookie);
      this.cookie = attributes.get('max-age') === '0' || value === '' ? '' : `zwgk_staff=${value}`;
    }
    return response;
  }

  async signIn(name: string, password: string): Promise<StaffSession> {
    const response = await this.request('POST', '/staff/session', { name, password });
    assert.equal(response.status, 200, await response.clone().text());
    const session = (await response.json()) as StaffSession;
    this.csrf = session.csrfToken;
    this.lastSignIn = { name, password };
    return session;
  }
}

export const PASSWORDS: Record<StaffRole, string> = { clerk: 'clerk-password-1', head: 'head-password-1', admin: 'admin-password-1' };

/** One account per role, named after it. */
export async function addAccounts(storage: Storage, suffix = ''): Promise<void> {
  for (const role of ['clerk', 'head', 'admin'] as const)
    await addStaffAccount(storage, { name: `${role}${suffix}`, role, password: PASSWORDS[role] });
}

export async function signedIn(app: Hono, role: StaffRole, address?: string): Promise<StaffClient> {
  const client = new StaffClient(app, address);
  await client.signIn(role, PASSWORDS[role]);
  return client;
}
