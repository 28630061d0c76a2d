/** SQL of staff accounts, sessions and the sign-in lockout, for PGlite and PostgreSQL alike. */
import type { StaffRole } from '../../api/types/staff.js';
import { isUniqueViolation, type SqlDatabase } from './sql.js';
import type { StaffSessionRecord, StaffStorage, StaffUserRecord } from './staff-types.js';

interface UserRow {
  id: string;
  name: string;
  role: StaffRole;
  password_hash: string;
  disabled: boolean;
  created_at: string;
}

interface SessionRow {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  absolute_expires_at: string;
}

const USER_COLUMNS = `id, name, role, password_hash, disabled, to_json(created_at) #>> '{}' AS created_at`;
const SESSION_COLUMNS = `token_hash, user_id, csrf_token, to_json(created_at) #>> '{}' AS created_at,
  to_json(expires_at) #>> '{}' AS expires_at, to_json(absolute_expires_at) #>> '{}' AS absolute_expires_at`;

const iso = (text: string) => new Date(text).toISOString();

function toUser(row: UserRow): StaffUserRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: row.disabled,
    createdAt: iso(row.created_at),
  };
}

function toSession(row: SessionRow): StaffSessionRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    absoluteExpiresAt: iso(row.absolute_expires_at),
  };
}

export function createStaffStorage(db: SqlDatabase): StaffStorage {
  return {
    async createStaffUser(user) {
      try {
        await db.query(`INSERT INTO staff_users (id, name, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
          user.id,
          user.name,
          user.role,
          user.passwordHash,
          user.disabled,
          user.createdAt,
        ]);
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'name-taken';
        throw error;
      }
    },

    async findStaffUserByName(name) {
      const [row] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM staff_users WHERE name = $1`, [name]);
      return row ? toUser(row) : null;
    },

    async listStaffUsers() {
      return (await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM staff_users ORDER BY name`)).map(toUser);
    },

    updateStaffUser(id, patch) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<UserRow>(
          `UPDATE staff_users SET role = coalesce($2, role), disabled = coalesce($3, disabled), password_hash = coalesce($4, password_hash)
           WHERE id = $1 RETURNING ${USER_COLUMNS}`,
          [id, patch.role ?? null, patch.disabled ?? null, patch.passwordHash ?? null],
        );
        if (!row) return null;
        if (patch.passwordHash || patch.disabled || patch.role) await tx.query(`DELETE FROM staff_sessions WHERE user_id = $1`, [id]);
        return toUser(row);
      });
    },

    async createStaffSession(session) {
      await db.query(
        `INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, expires_at, absolute_expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt, session.absoluteExpiresAt],
      );
    },

    async touchStaffSession(tokenHash, now, slideTo) {
      const [row] = await db.query<SessionRow>(
        `UPDATE staff_sessions SET expires_at = least($3::timestamptz, absolute_expires_at)
         WHERE token_hash = $1 AND expires_at > $2::timestamptz AND absolute_expires_at > $2::timestamptz
         RETURNING ${SESSION_COLUMNS}`,
        [tokenHash, now, slideTo],
      );
      if (!row) {
        // An expired session is gone for good: sweep it (and others) now.
        await db.query(`DELETE FROM staff_sessions WHERE expires_at <= $1::timestamptz OR absolute_expires_at <= $1::timestamptz`, [now]);
        return null;
      }
      const [user] = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM staff_users WHERE id = $1 AND NOT disabled`, [row.user_id]);
      return user ? { session: toSession(row), user: toUser(user) } : null;
    },

    async deleteStaffSession(tokenHash) {
      await db.query(`DELETE FROM staff_sessions WHERE token_hash = $1`, [tokenHash]);
    },

    async signInFailures(keys, since) {
      const rows = await db.query<{ key: string; count: number; oldest: string }>(
        `SELECT key, count(*)::int AS count, to_json(min(failed_at)) #>> '{}' AS oldest FROM sign_in_failures
         WHERE key = ANY($1::text[]) AND failed_at > $2::timestamptz GROUP BY key`,
        [keys, since],
      );
      return new Map(rows.map((r) => [r.key, { count: r.count, oldest: iso(r.oldest) }]));
    },

    async recordSignInFailure(keys, at) {
      await db.transaction(async (tx) => {
        // Keep the table small: failures older than a day count for nothing.
        await tx.query(`DELETE FROM sign_in_failures WHERE failed_at < $1::timestamptz - interval '1 day'`, [at]);
        for (const key of keys) await tx.query(`INSERT INTO sign_in_failures (key, failed_at) VALUES ($1, $2)`, [key, at]);
      });
    },

    async clearSignInFailures(key) {
      await db.query(`DELETE FROM sign_in_failures WHERE key = $1`, [key]);
    },
  };
}
