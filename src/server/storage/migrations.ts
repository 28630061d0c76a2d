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
    version: 2,
    name: 'staff accounts, sessions, audit trail, case data, appeals, office calendar',
    statements: [
      `CREATE TABLE staff_users (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('clerk', 'head', 'admin')),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // Only a hash of the cookie's token is stored: a copy of the database opens no session.
      `CREATE TABLE staff_sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES staff_users ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX staff_sessions_user ON staff_sessions (user_id)`,
      // Failed sign-ins, by 'account:<name>' and 'address:<ip>', for the lockout shared by every instance.
      `CREATE TABLE sign_in_failures (
        key text NOT NULL,
        failed_at timestamptz NOT NULL
      )`,
      `CREATE INDEX sign_in_failures_key ON sign_in_failures (key, failed_at)`,
      // Everything the desk, the applicant and the system did to a case: who, when, what, why, before and after.
      `CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        tracking_code text REFERENCES applications ON DELETE RESTRICT,
        actor jsonb NOT NULL,
        action text NOT NULL,
        reason text,
        before jsonb,
        after jsonb NOT NULL
      )`,
      `CREATE INDEX audit_log_code ON audit_log (tracking_code, id)`,
      // Append-only by the database itself, not only by the code that happens to use it.
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END
       $$`,
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
      // The desk's part of a case (clock events, 补正, consultations, extension, answer) as one document beside the lifecycle columns.
      `ALTER TABLE applications ADD COLUMN case_data jsonb NOT NULL DEFAULT '{}'::jsonb`,
      `CREATE INDEX applications_status ON applications (status)`,
      `CREATE TABLE appeals (
        id text PRIMARY KEY,
        tracking_code text NOT NULL REFERENCES applications ON DELETE RESTRICT,
        kind text NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
        route text CHECK (route IN ('direct', 'after-reconsideration')),
        result text NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
        filed_on date NOT NULL,
        decided_on date,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'litigation') = (route IS NOT NULL))
      )`,
      `CREATE INDEX appeals_filed_on ON appeals (filed_on)`,
      // Working-day arrangements the office entered (a year the kit does not ship, or a correction of one it does).
      `CREATE TABLE calendar_years (
        year integer PRIMARY KEY,
        holidays jsonb NOT NULL,
        workdays jsonb NOT NULL,
        notice text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
  {
    version: 3,
    name: 'notifications: request language, outbox, deliveries',
    statements: [
      // The language the request was made in: its notifications are written in it.
      `ALTER TABLE applications ADD COLUMN language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en'))`,
      `ALTER TABLE feedback ADD COLUMN language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en'))`,
      // Transactional outbox: written in the transaction of the change it tells of, expanded into deliveries by the worker.
      `CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        type text NOT NULL,
        case_id text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        dedupe_key text UNIQUE, -- one staff digest a day, however many instances run
        planned_at timestamptz
      )`,
      `CREATE INDEX outbox_events_unplanned ON outbox_events (id) WHERE planned_at IS NULL`,
      `CREATE INDEX outbox_events_case ON outbox_events (case_id, id)`,
      // One row per (event, channel, recipient); its id is the stable delivery id receivers drop duplicates by.
      `CREATE TABLE notification_deliveries (
        id text PRIMARY KEY,
        event_id bigint NOT NULL REFERENCES outbox_events ON DELETE CASCADE,
        case_id text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook', 'sms')),
        recipient text NOT NULL,
        kind text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'dead', 'waiting-for-configuration')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, channel, recipient)
      )`,
      `CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE state IN ('pending', 'sending')`,
      `CREATE INDEX notification_deliveries_case ON notification_deliveries (case_id, created_at)`,
    ],
  },
  {
    version: 4,
    name: 'annual report drafts and versions',
    statements: [
      // One row per version of a year's report: draft → review → published; a correction is the next version.
      `CREATE TABLE report_versions (
        year integer NOT NULL CHECK (year BETWEEN 2019 AND 2999),
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('draft', 'review', 'published')),
        revision integer NOT NULL DEFAULT 1,
        document jsonb NOT NULL,
        sources jsonb NOT NULL DEFAULT '{}',
        note text,
        return_note text,
        created_at timestamptz NOT NULL,
        created_by jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by jsonb NOT NULL,
        submitted_at timestamptz,
        submitted_by jsonb,
        published_at timestamptz,
        published_by jsonb,
        PRIMARY KEY (year, version)
      )`,
      // At most one version of a year is being worked on at a time.
      `CREATE UNIQUE INDEX report_versions_one_open ON report_versions (year) WHERE status <> 'published'`,
      // A published version is immutable, whatever code runs against the database.
      `CREATE FUNCTION report_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.status = 'published' THEN
           RAISE EXCEPTION 'report % version % is published and cannot change', OLD.year, OLD.version USING ERRCODE = 'check_violation';
         END IF;
         RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
       END $$`,
      `CREATE TRIGGER report_versions_immutable BEFORE UPDATE OR DELETE ON report_versions
       FOR EACH ROW EXECUTE FUNCTION report_versions_immutable()`,
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
  {
    version: 6,
    name: 'cheaper inserts: checks as domains, a partial index for outbox dedupe keys',
    statements: [
      // The same rules as the CHECK constraints they replace, and the same SQLSTATE (23514) when broken. A table's
      // CHECK is read back from its stored text and planned again at every INSERT (measured about 7 % of the
      // PostgreSQL instructions of an application's creating statement); a domain's check is planned once per
      // connection.
      `CREATE DOMAIN applicant_column_code AS smallint CHECK (VALUE BETWEEN 0 AND 5)`,
      `CREATE DOMAIN request_language AS text CHECK (VALUE IN ('zh-CN', 'en'))`,
      `ALTER TABLE applications DROP CONSTRAINT applications_applicant_column_check`,
      `ALTER TABLE applications DROP CONSTRAINT applications_language_check`,
      `ALTER TABLE feedback DROP CONSTRAINT feedback_language_check`,
      `ALTER TABLE applications ALTER COLUMN applicant_column TYPE applicant_column_code`,
      `ALTER TABLE applications ALTER COLUMN language TYPE request_language`,
      `ALTER TABLE feedback ALTER COLUMN language TYPE request_language`,
      // Only staff digests have a dedupe key: every other event left a NULL entry in the full unique index.
      `ALTER TABLE outbox_events DROP CONSTRAINT outbox_events_dedupe_key_key`,
      `CREATE UNIQUE INDEX outbox_events_dedupe_key ON outbox_events (dedupe_key) WHERE dedupe_key IS NOT NULL`,
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
