/**
 * The SQL schema, as numbered migrations. Applied in order at start, each
 * once, recorded in `schema_migrations`. Never edit a released migration:
 * add the next number.
 */
import type { SqlDatabase } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'applications, feedback, attachments, idempotency',
    statements: [
      // The stored response of every creating POST, keyed by endpoint and Idempotency-Key.
      `CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        body json NOT NULL, -- json, not jsonb: a replay repeats the original bytes' key order
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`,
      `CREATE TABLE attachments (
        id text PRIMARY KEY,
        name text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE applications (
        tracking_code text PRIMARY KEY,
        phone_digits text NOT NULL,
        agency text NOT NULL,
        applicant_column smallint NOT NULL CHECK (applicant_column BETWEEN 0 AND 5),
        body jsonb NOT NULL,
        status text NOT NULL,
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        clock_start date NOT NULL,
        extended boolean NOT NULL DEFAULT false,
        due_date date,
        outcome text,
        resolved_on date
      )`,
      `CREATE INDEX applications_received_on ON applications (received_on)`,
      `CREATE TABLE application_attachments (
        tracking_code text NOT NULL REFERENCES applications ON DELETE CASCADE,
        attachment_id text NOT NULL REFERENCES attachments,
        PRIMARY KEY (tracking_code, attachment_id)
      )`,
      `CREATE TABLE application_events (
        id bigserial PRIMARY KEY,
        tracking_code text NOT NULL REFERENCES applications ON DELETE CASCADE,
        status text NOT NULL,
        at timestamptz NOT NULL,
        note text
      )`,
      `CREATE INDEX application_events_code ON application_events (tracking_code, id)`,
      `CREATE TABLE feedback (
        query_code text PRIMARY KEY,
        public_id text NOT NULL UNIQUE,
        category text NOT NULL,
        subject text NOT NULL,
        message text NOT NULL,
        name text NOT NULL,
        phone text,
        phone_digits text,
        email text,
        publish boolean NOT NULL,
        withheld boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        reply text,
        reply_department text,
        replied_on date,
        rating text,
        rated_at timestamptz
      )`,
      `CREATE INDEX feedback_published ON feedback (replied_on DESC) WHERE publish AND NOT withheld AND status = 'replied'`,
      // ALTCHA proofs already spent, kept until their challenge expires.
      `CREATE TABLE used_proofs (
        id text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`,
      // Demo data sets already seeded, so a restart never seeds twice.
      `CREATE TABLE seeds (
        name text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 5,
    name: 'attachment bodies on disk, upload expiry and quota',
    statements: [
      // Bodies now live in files (PGlite inserts of 10 MiB bytea froze the server); old rows keep theirs here.
      `ALTER TABLE attachments ALTER COLUMN content DROP NOT NULL`,
      `ALTER TABLE attachments ADD COLUMN on_disk boolean NOT NULL DEFAULT false`,
      // A hash of the uploading address (never the address): the per-address quota counts by it.
      `ALTER TABLE attachments ADD COLUMN uploader text`,
      // An upload no application refers to is deleted after this instant; NULL once referenced (or for staff files).
      `ALTER TABLE attachments ADD COLUMN expires_at timestamptz`,
      `CREATE INDEX attachments_expiry ON attachments (expires_at) WHERE expires_at IS NOT NULL`,
    ],
  },
];

/**
 * Applies the pending migrations in one transaction. A transaction-scoped
 * advisory lock makes server instances that share one PostgreSQL database
 * take turns instead of racing.
 */
export async function migrate(db: SqlDatabase, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(7246115)`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>(`SELECT version FROM schema_migrations`)).map((r) => r.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
