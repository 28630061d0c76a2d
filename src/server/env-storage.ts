/** The storage `npm run serve` and `npm run staff` both use: DATABASE_URL, else PGlite in ZWGK_DATA_DIR (default ./.data). */
import type { StorageConfig } from './storage/index.js';

export function storageSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): { dataDir: string; databaseUrl: string | undefined } {
  return { dataDir: env.ZWGK_DATA_DIR || '.data', databaseUrl: env.DATABASE_URL || undefined };
}

export function storageConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const { dataDir, databaseUrl } = storageSettingsFromEnv(env);
  return databaseUrl ? { databaseUrl } : { dataDir };
}
