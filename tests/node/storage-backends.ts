// The databases a storage-backed suite runs on: embedded PGlite always, and PostgreSQL when
// TEST_DATABASE_URL is set (a fresh schema per run, dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StorageConfig } from '../../src/server/storage/index.js';

export interface Backend {
  name: string;
  config: StorageConfig;
  cleanup?: () => Promise<void>;
}

export function storageBackends(prefix: string): Backend[] {
  const backends: Backend[] = [{ name: 'PGlite', config: { memory: true } }];
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (databaseUrl) {
    const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
    backends.push({
      name: 'PostgreSQL',
      config: { databaseUrl, schema },
      async cleanup() {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    });
  }
  return backends;
}
