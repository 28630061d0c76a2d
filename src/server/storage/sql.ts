/**
 * The one SQL surface both databases share: positional parameters ($1…),
 * rows as plain objects, and transactions. The storage module writes its
 * queries once against this; PGlite and node-postgres each adapt to it.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE PostgreSQL (and PGlite) report for a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

export function pgliteDatabase(db: PGlite): SqlDatabase {
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    // PGlite is one connection: its transactions are serialised by PGlite itself.
    transaction(work) {
      return db.transaction((tx) =>
        work({ query: async <Row>(text: string, params: unknown[] = []) => (await tx.query<Row>(text, params)).rows }),
      );
    },
    close: () => db.close(),
  };
}

export function postgresDatabase(pool: Pool): SqlDatabase {
  const clientOf = (client: PoolClient): SqlClient => ({
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as Row[];
    },
  });
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
