/**
 * Opens the storage the configuration names: PostgreSQL when a connection
 * string is given (several server instances may share it), else embedded
 * PGlite in a data directory, or in memory for tests.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    const release = await lockDataDir(config.dataDir);
    try {
      const db = pgliteDatabase(await PGlite.create(config.dataDir));
      return { ...db, close: () => db.close().finally(release) };
    } catch (error) {
      await release();
      throw error;
    }
  }
  return pgliteDatabase(await PGlite.create());
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two servers on one data directory (say
 * `npm start` and `npm run serve` at once) would corrupt it. A pid file
 * refuses the second; one left by a killed process is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, 'zwgk-server.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (owner === process.pid || (owner > 0 && isRunning(owner))) {
        throw new Error(`The data directory ${dataDir} is in use by process ${owner}. Stop that server or use another ZWGK_DATA_DIR.`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
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
export type * from './staff-types.js';
export type * from './case-types.js';
