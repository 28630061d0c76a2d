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

/** One name per query text, the same in every pool: pg prepares a named statement once per connection. */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 500;

/**
 * A query with parameters as a named prepared statement, so PostgreSQL parses and plans it once per connection
 * rather than at every call. Statements without parameters (migrations, DDL) stay unnamed.
 */
function preparedQuery(text: string, values: unknown[]): { text: string; values: unknown[]; name?: string } {
  if (values.length === 0) return { text, values };
  let name = statementNames.get(text);
  if (!name) {
    // The server's queries are a fixed set; past this many texts something builds them, and those stay unnamed.
    if (statementNames.size >= MAX_PREPARED) return { text, values };
    statementNames.set(text, (name = `zwgk_${statementNames.size + 1}`));
  }
  return { name, text, values };
}

export function postgresDatabase(pool: Pool): SqlDatabase {
  const clientOf = (client: PoolClient): SqlClient => ({
    async query<Row>(text: string, params: unknown[] = []) {
      return (await client.query(preparedQuery(text, params))).rows as Row[];
    },
  });
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      return (await pool.query(preparedQuery(text, params))).rows as Row[];
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
