// The databases a storage-backed suite runs on: embedded PGlite always, and PostgreSQL when
// TEST_DATABASE_URL is set (a fresh schema per run, dropped afterwards); and the sample records they store.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { StorageConfig } from '../../src/server/storage/index.js';
import type { ApplicationRecord, FeedbackRecord } from '../../src/server/storage/types.js';
import { sampleApplication } from '../../src/server/testing.js';

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

let seq = 0;
/** A name no other test (or earlier run on a shared PostgreSQL) used: `prefix-N-random`. */
export const unique = (prefix: string): string => `${prefix}-${++seq}-${randomBytes(4).toString('hex')}`;

/** A stored application as a new request leaves it (received 10 March 2025, not yet accepted). */
export function sampleRecord(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    trackingCode: unique('YS'),
    phoneDigits: '13912345678',
    agency: '福建省商务厅',
    applicantColumn: 0,
    body: sampleApplication(),
    status: 'submitted',
    receivedAt: '2025-03-10T02:00:00.000Z',
    receivedOn: '2025-03-10',
    clockStart: '2025-03-10',
    extended: false,
    dueDate: '2025-04-08',
    outcome: null,
    resolvedOn: null,
    timeline: [{ status: 'submitted', at: '2025-03-10T02:00:00.000Z' }],
    ...overrides,
  };
}

/** A stored letter, replied to two days after it came. */
export function sampleLetterRecord(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    queryCode: unique('Q'),
    publicId: unique('pub'),
    category: 'consult',
    subject: '咨询',
    message: '正文',
    name: '陈明',
    phone: '137-0000-1111',
    phoneDigits: '13700001111',
    email: 'ChenMing@example.com',
    publish: true,
    withheld: false,
    status: 'replied',
    receivedAt: '2025-03-10T02:00:00.000Z',
    receivedOn: '2025-03-10',
    reply: '答复',
    replyDepartment: '福建省商务厅',
    repliedOn: '2025-03-12',
    rating: null,
    ratedAt: null,
    ...overrides,
  };
}

/** A spent-once proof of work, valid for a minute. */
export const sampleProof = () => ({ id: unique('proof'), expiresAt: new Date(Date.now() + 60_000) });
