/**
 * The one SQL surface both databases share: positional parameters ($1…),
 * rows as plain objects, and transactions. The storage module writes its
 * queries once against this; PGlite and node-postgres each adapt to it.
 */
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import pg, { type Pool, type PoolClient, type QueryResult } from 'pg';

export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs a statement for its effect: the row count its command tag reports (an INSERT's rows), no rows sent back. */
  execute(text: string, params?: unknown[]): Promise<number>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE PostgreSQL (and PGlite) report for a unique-constraint violation. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

/** How many query texts get a named prepared statement, per database; past this many something builds them. */
const MAX_PREPARED = 500;

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * What of PGlite the prepared statements below use, by name, when missing: two internals — the check `query()`
 * makes first (`_checkReady`: refuses once closed) and its transaction lock (`_runExclusiveTransaction`) — beside
 * the public `runExclusive()` (its query lock), `execProtocol()`, `syncToFs()`, the type (de)serialisers and the
 * protocol module's message builders and parsers. The server package pins PGlite's exact version because of them, and
 * `tests/node/server-storage.test.ts` fails loudly when an upgrade drops or renames one; without them every query
 * takes the public `query()`, as before these statements existed.
 */
export function pgliteInternalsMissing(db: PGlite): string[] {
  const functions: Record<string, unknown> = {
    _checkReady: db._checkReady,
    _runExclusiveTransaction: db._runExclusiveTransaction,
    runExclusive: db.runExclusive,
    execProtocol: db.execProtocol,
    syncToFs: db.syncToFs,
    'protocol.serialize.parse': protocol?.serialize?.parse,
    'protocol.serialize.describe': protocol?.serialize?.describe,
    'protocol.serialize.bind': protocol?.serialize?.bind,
    'protocol.serialize.execute': protocol?.serialize?.execute,
    'protocol.serialize.sync': protocol?.serialize?.sync,
    'parse.parseDescribeStatementResults': parse?.parseDescribeStatementResults,
    'parse.parseResults': parse?.parseResults,
  };
  const tables: Record<string, unknown> = { serializers: db.serializers, parsers: db.parsers };
  return [
    ...Object.keys(functions).filter((name) => typeof functions[name] !== 'function'),
    ...Object.keys(tables).filter((name) => typeof tables[name] !== 'object' || tables[name] === null),
  ];
}

/**
 * PGlite's `query()` parses, describes, binds and executes every call in six calls into the database, and
 * PostgreSQL parses and plans the text each time: for the seven-part insert of an application, two thirds or
 * more of its cost (measured 1.1–2.1 ms a call that way, 0.4–0.6 ms this way). Here a query with parameters is
 * parsed once into a named prepared statement (its parameter types described once), and each call is one
 * Bind + Describe + Execute + Sync message — serialised and its rows parsed by PGlite's own serializers and
 * parsers, under its own locks, so it interleaves with `query()` and `transaction()` as they do with each other.
 * Null when this PGlite lacks a member it needs (see `pgliteInternalsMissing`).
 */
function preparedPglite(db: PGlite) {
  if (pgliteInternalsMissing(db).length > 0) return null;
  const statements = new Map<string, { name: string; types: number[] }>();
  const { serialize } = protocol;
  const run = async (text: string, params: unknown[]) => {
    let statement = statements.get(text);
    if (!statement) {
      const name = `zwgk_${statements.size + 1}`;
      const described = await db.execProtocol(
        concatBytes([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
        { syncToFs: false },
      );
      statements.set(text, (statement = { name, types: parse.parseDescribeStatementResults(described.messages) }));
    }
    const { types } = statement;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = db.serializers[types[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const result = await db.execProtocol(
      concatBytes([
        serialize.bind({ statement: statement.name, values: values as string[] }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const [first] = parse.parseResults(result.messages, db.parsers);
    return { rows: first?.rows ?? [], rowCount: first?.rowCount ?? 0 };
  };
  return {
    /** Whether `query` takes this text: parameters, and room in the cache (or already in it). */
    takes: (text: string, params: unknown[]) => params.length > 0 && (statements.size < MAX_PREPARED || statements.has(text)),
    /** Outside a transaction: waits for any transaction and query to end, as `db.query()` does. */
    query: async (text: string, params: unknown[]) => {
      await db._checkReady(); // a closed database refuses, as `db.query()` does
      return db._runExclusiveTransaction(() =>
        db.runExclusive(async () => {
          const result = await run(text, params);
          await db.syncToFs();
          return result;
        }),
      );
    },
    /** Inside `db.transaction()`, which holds the transaction lock: waits only for the query running now. */
    queryInTransaction: async (text: string, params: unknown[]) => (await db.runExclusive(() => run(text, params))).rows,
  };
}

export function pgliteDatabase(db: PGlite): SqlDatabase {
  const prepared = preparedPglite(db);
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: unknown[] = []) {
      if (prepared?.takes(text, params)) return (await prepared.query(text, params)).rows as Row[];
      return (await db.query<Row>(text, params)).rows;
    },
    async execute(text: string, params: unknown[] = []) {
      if (prepared?.takes(text, params)) return (await prepared.query(text, params)).rowCount;
      return (await db.query(text, params)).rowCount ?? 0;
    },
    // PGlite is one connection: its transactions are serialised by PGlite itself.
    transaction(work) {
      return db.transaction((tx) =>
        work({
          query: async <Row>(text: string, params: unknown[] = []) =>
            prepared?.takes(text, params)
              ? ((await prepared.queryInTransaction(text, params)) as Row[])
              : (await tx.query<Row>(text, params)).rows,
        }),
      );
    },
    close: () => db.close(),
  };
}

/** One name per query text, the same in every pool: pg prepares a named statement once per connection. */
const statementNames = new Map<string, string>();

/**
 * A query with parameters as a named prepared statement, so PostgreSQL parses and plans it once per connection
 * rather than at every call. Statements without parameters (migrations, DDL) stay unnamed. The driver gets its own
 * `Query`, built from the text and the values and then named: given a config object (`{ name, text, values }`)
 * it copies it by property descriptors at every call (pg's `cloneQueryConfig`), which the profile of a POST showed
 * as the driver's costliest step.
 */
function statement(text: string, values: unknown[]): pg.Query | string {
  if (values.length === 0) return text;
  const query = new pg.Query(text, values);
  let name = statementNames.get(text);
  // The server's queries are a fixed set; past this many texts something builds them, and those stay unnamed.
  if (!name && statementNames.size < MAX_PREPARED) statementNames.set(text, (name = `zwgk_${statementNames.size + 1}`));
  if (name) (query as pg.Query & { name?: string }).name = name;
  return query;
}

export function postgresDatabase(pool: Pool): SqlDatabase {
  const clientOf = (client: PoolClient): SqlClient => ({
    query: <Row>(text: string, params: unknown[] = []) =>
      new Promise<Row[]>((resolve, reject) =>
        client.query(statement(text, params) as string, (error: Error | null, result: QueryResult) =>
          error ? reject(error) : resolve(result.rows as Row[]),
        ),
      ),
  });
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      // pg-pool runs a `Query` as it runs text, releasing the client when it answers (its typings promise only text).
      return ((await pool.query(statement(text, params) as string)) as QueryResult).rows as Row[];
    },
    async execute(text: string, params: unknown[] = []) {
      return ((await pool.query(statement(text, params) as string)) as QueryResult).rowCount ?? 0;
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
