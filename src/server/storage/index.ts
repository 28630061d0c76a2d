/**
 * Opens the storage the configuration names: PostgreSQL when a connection
 * string is given (several server instances may share it), else embedded
 * PGlite in a data directory, or in memory for tests.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from './migrations.js';
import { pgliteDatabase, postgresDatabase, type SqlDatabase } from './sql.js';
import { createSqlStorage } from './storage.js';
import type { Storage } from './types.js';

export type StorageConfig =
  /** PostgreSQL; `schema` (created when missing) keeps tests apart from each other */
  | { databaseUrl: string; schema?: string; maxConnections?: number }
  /** PGlite with its files in `dataDir` */
  | { dataDir: string }
  /** PGlite in memory: gone when the process ends */
  | { memory: true };

export async function openDatabase(config: StorageConfig): Promise<SqlDatabase> {
  if ('databaseUrl' in config) {
    const { databaseUrl, schema, maxConnections = 10 } = config;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Not a plain schema name: ${schema}`);
    if (schema) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: maxConnections,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    return postgresDatabase(pool);
  }
  if ('dataDir' in config) {
    await mkdir(config.dataDir, { recursive: true });
    return pgliteDatabase(await PGlite.create(config.dataDir));
  }
  return pgliteDatabase(await PGlite.create());
}

/** Opens the database and brings its schema up to date. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return createSqlStorage(db);
}

export { migrate, MIGRATIONS } from './migrations.js';
export type * from './types.js';
