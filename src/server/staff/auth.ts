/**
 * Staff sessions for `/api/staff/**`: an HttpOnly, SameSite=Strict cookie that
 * holds a random token (only its hash is stored), idle and absolute expiry,
 * a CSRF token per session required on every write, a per-role check, and a
 * sign-in lockout per account and per address kept in the database (so every
 * instance sees the same count).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffRole, StaffSession, StaffUser } from '../../api/types/staff.js';
import { ProblemError } from '../problem.js';
import type { StaffUserRecord } from '../storage/staff-types.js';
import type { Storage } from '../storage/types.js';
import { decoyHash, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'zwgk_staff';
export const CSRF_HEADER = 'X-CSRF-Token';
export const COOKIE_PATH = '/api/staff';
/** A session ends after 2 hours without a request, and after 12 hours whatever happens. */
export const SESSION_IDLE_MS = 2 * 3_600_000;
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** 5 wrong passwords for one account, or 20 from one address, within 15 minutes lock sign-in for the rest of the window. */
export const LOCKOUT = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/** What handlers under `/staff` get: `c.get('staff')`. */
export type StaffEnv = { Variables: { staff: StaffUser; csrfToken: string; sessionExpiresAt: string } };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export const staffUser = (record: StaffUserRecord): StaffUser => ({ id: record.id, name: record.name, role: record.role });

const isRead = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/**
 * Whether the browser reached us over HTTPS: directly, or through our own
 * proxy (X-Forwarded-Proto, trusted only when proxy hops are configured).
 */
function overHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const hops = (c.get('proxyHops' as never) as number | undefined) ?? 0;
  const proto = (c.req.header('x-forwarded-proto') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return hops > 0 && proto.at(-1)?.toLowerCase() === 'https';
}

function setSessionCookie(c: Context, token: string, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: COOKIE_PATH,
    secure: overHttps(c),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/**
 * Every `/staff` request except signing in: a valid session (401 otherwise),
 * and on writes the session's CSRF token in `X-CSRF-Token` (403 otherwise).
 */
export function staffSessionMiddleware(storage: Storage, now: () => Date, proxyHops = 0): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.set('proxyHops' as never, proxyHops as never);
    if (c.req.method === 'POST' && c.req.path === `${COOKIE_PATH}/session`) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const at = now();
    const found = token
      ? await storage.touchStaffSession(sha256(token), at.toISOString(), new Date(at.getTime() + SESSION_IDLE_MS).toISOString())
      : null;
    if (!found) {
      if (token) deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
      throw new ProblemError(
        'session-required',
        token ? 'The session has ended; sign in again.' : 'Sign in at POST /api/staff/session first.',
      );
    }
    if (!isRead(c.req.method) && !sameSecret(c.req.header(CSRF_HEADER) ?? '', found.session.csrfToken)) {
      throw new ProblemError('csrf-failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
    }
    setSessionCookie(c, token!, new Date(found.session.expiresAt).getTime() - at.getTime());
    c.set('staff', staffUser(found.user));
    c.set('csrfToken', found.session.csrfToken);
    c.set('sessionExpiresAt', found.session.expiresAt);
    await next();
  };
}

/** Refuses (403) a user whose role is not among `roles`. */
export function assertRole(user: StaffUser, roles: readonly StaffRole[], what = 'this'): void {
  if (!roles.includes(user.role))
    throw new ProblemError('role-forbidden', `A ${user.role} may not do ${what}; it needs: ${roles.join(', ')}.`);
}

/** A route-level role check. */
export function requireRole(...roles: StaffRole[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    assertRole(c.get('staff'), roles);
    await next();
  };
}

/**
 * Signs in: refuses while the account or the address is locked out (429 with
 * Retry-After), checks the password (as long for an unknown name as for a
 * known one), records a failure against both, and on success opens a session.
 */
export async function signIn(
  c: Context,
  storage: Storage,
  at: Date,
  address: string,
  name: string,
  password: string,
): Promise<StaffSession> {
  const keys = [`account:${name}`, `address:${address}`];
  const since = new Date(at.getTime() - LOCKOUT.windowMs).toISOString();
  const failures = await storage.signInFailures(keys, since);
  const account = failures.get(keys[0]!);
  const byAddress = failures.get(keys[1]!);
  const locked = [
    account && account.count >= LOCKOUT.perAccount ? account : undefined,
    byAddress && byAddress.count >= LOCKOUT.perAddress ? byAddress : undefined,
  ].filter((f) => f !== undefined);
  if (locked.length > 0) {
    const until = Math.max(...locked.map((f) => new Date(f.oldest).getTime() + LOCKOUT.windowMs));
    const seconds = Math.max(1, Math.ceil((until - at.getTime()) / 1000));
    throw new ProblemError('sign-in-locked', `Try again in ${Math.ceil(seconds / 60)} min.`, [], { 'Retry-After': String(seconds) });
  }
  const user = await storage.findStaffUserByName(name);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid || user.disabled) {
    await storage.recordSignInFailure(keys, at.toISOString());
    throw new ProblemError('sign-in-failed');
  }
  await storage.clearSignInFailures(keys[0]!);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(at.getTime() + SESSION_IDLE_MS).toISOString();
  await storage.createStaffSession({
    tokenHash: sha256(token),
    userId: user.id,
    csrfToken,
    createdAt: at.toISOString(),
    expiresAt,
    absoluteExpiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  setSessionCookie(c, token, SESSION_IDLE_MS);
  return { user: staffUser(user), csrfToken, expiresAt };
}

export async function signOut(c: Context, storage: Storage): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await storage.deleteStaffSession(sha256(token));
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
}
