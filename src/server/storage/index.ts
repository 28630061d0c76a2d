/**
 * Opens the storage the configuration names: PostgreSQL when a connection
 * string is given (several server instances may share it), else embedded
 * PGlite in a data directory, or in memory for tests.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
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

/**
 * PGlite is one process's database: two servers on one data directory (say
 * `npm start` and `npm run serve` at once) would corrupt it. The lock is the
 * kernel's: a socket bound to a name derived from the directory (Linux's
 * abstract namespace, a Windows named pipe). Binding is atomic, so of any
 * number of simultaneous starts exactly one wins, and the kernel frees the
 * name when its process dies, even by SIGKILL — there is no stale lock to
 * take over, so no takeover to race. The pid file beside it only names the
 * owner in the refusal. Elsewhere (macOS) an exclusively created pid file
 * is the lock, and a stale one is taken over under a second exclusive file.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const directory = await realpath(dataDir);
  const pidFile = join(directory, 'zwgk-server.pid');
  const inUse = async () => {
    const owner = (await readFile(pidFile, 'utf8').catch(() => '')).trim();
    return new Error(
      `The data directory ${dataDir} is in use${owner ? ` by process ${owner}` : ''}. Stop that server or use another ZWGK_DATA_DIR.`,
    );
  };
  const name = kernelLockName(directory);
  if (!name) return pidFileLock(pidFile, inUse);
  const server = createNetServer();
  const bound = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    server.listen(name, () => resolve(true));
  });
  if (!bound) throw await inUse();
  // Never keeps the process alive, never answers anyone: a connection is closed at once.
  server.unref();
  server.on('connection', (socket) => socket.destroy());
  await writeFile(pidFile, String(process.pid));
  return async () => {
    await rm(pidFile, { force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

function kernelLockName(directory: string): string | null {
  const key = createHash('sha256').update(directory).digest('hex').slice(0, 40);
  if (process.platform === 'linux') return `\0zwgk-kit-data-${key}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\zwgk-kit-data-${key}`;
  return null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The portable fallback: exclusive create; a stale file is removed only by whoever holds the exclusive takeover file. */
async function pidFileLock(pidFile: string, inUse: () => Promise<Error>): Promise<() => Promise<void>> {
  const takeover = `${pidFile}.takeover`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(pidFile, String(process.pid), { flag: 'wx' });
      return () => rm(pidFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
    if (owner === process.pid || (owner > 0 && isRunning(owner))) throw await inUse();
    try {
      await writeFile(takeover, String(process.pid), { flag: 'wx' });
    } catch {
      throw await inUse(); // another start is taking the stale lock over right now
    }
    try {
      // Still the same stale owner? Then nobody else took it meanwhile.
      if (Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) === owner) await rm(pidFile, { force: true });
    } finally {
      await rm(takeover, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${pidFile}`);
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
