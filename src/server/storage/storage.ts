/** Every query of the server, written once for PGlite and PostgreSQL alike. */
import type { ApplicationStatus, Locale, OutcomeId, TimelineEntry } from '../../api/types/application.js';
import type { FeedbackCategory, FeedbackRating, FeedbackStatus, PublishedLetter } from '../../api/types/feedback.js';
import {
  applicationCreated,
  applicationStatusChanged,
  feedbackChanged,
  feedbackCreated,
  outboxRow,
  recordEvent,
} from '../notify/outbox.js';
import { createNotificationStore } from '../notify/store.js';
import { createReportStorage } from './reports.js';
import type { FileStore } from './files.js';
import { APPLICATION_COLUMNS, applicationFields, isoInstant, type ApplicationRow } from './application-row.js';
import type { SqlClient, SqlDatabase } from './sql.js';
import { createCaseStorage } from './case-storage.js';
import { createStaffStorage } from './staff-storage.js';
import type {
  ApplicationCounts,
  ApplicationRecord,
  CreateOutcome,
  FeedbackRecord,
  IdempotencyRequest,
  Replay,
  Storage,
  StoredResponse,
} from './types.js';

// Dates and instants leave the database as text so no driver converts them through the host's time zone.
const FEEDBACK_COLUMNS = `query_code, public_id, category, subject, message, name, phone, phone_digits, email, publish, withheld, status,
  to_json(received_at) #>> '{}' AS received_at, received_on::text AS received_on, reply, reply_department,
  replied_on::text AS replied_on, rating, to_json(rated_at) #>> '{}' AS rated_at, language`;

interface FeedbackRow {
  query_code: string;
  public_id: string;
  category: FeedbackCategory;
  subject: string;
  message: string;
  name: string;
  phone: string | null;
  phone_digits: string | null;
  email: string | null;
  publish: boolean;
  withheld: boolean;
  status: FeedbackStatus;
  received_at: string;
  received_on: string;
  reply: string | null;
  reply_department: string | null;
  replied_on: string | null;
  rating: FeedbackRating | null;
  rated_at: string | null;
  language: Locale;
}

function toFeedback(row: FeedbackRow): FeedbackRecord {
  return {
    queryCode: row.query_code,
    publicId: row.public_id,
    category: row.category,
    subject: row.subject,
    message: row.message,
    name: row.name,
    phone: row.phone,
    phoneDigits: row.phone_digits,
    email: row.email,
    publish: row.publish,
    withheld: row.withheld,
    status: row.status,
    receivedAt: isoInstant(row.received_at),
    receivedOn: row.received_on,
    reply: row.reply,
    replyDepartment: row.reply_department,
    repliedOn: row.replied_on,
    rating: row.rating,
    ratedAt: row.rated_at === null ? null : isoInstant(row.rated_at),
    language: row.language,
  };
}

/**
 * A new application in one statement, so one round trip and no transaction to open and commit: the claim of its
 * Idempotency-Key, the row, its attachments (kept from now on, as long as the application), its timeline, the
 * first audit row and the outbox event. Every part after the claim selects from the row before it, so when the key
 * was taken nothing is written; a statement is atomic, so either all of it commits or none. On PostgreSQL a
 * concurrent twin with the same key blocks on the key's primary key until the first commits, then claims nothing.
 * The event is stored as planned ($28) when the worker would make no delivery of it. The attachments ($29) are the
 * last parameter, so that most applications, which have none, take the statement without those two parts (about
 * 6 % of its cost in PostgreSQL).
 *
 * (Tried: the values as one JSON parameter unpacked by `json_to_record`. Node's encoding got cheaper, but
 * PostgreSQL parsing the JSON cost it about 0.05 ms more per statement than binding 28 values: a net loss.)
 */
function createApplicationStatement(withAttachments: boolean, oneEntry: boolean): string {
  const attachmentParts = `
  ), linked AS (
    INSERT INTO application_attachments (tracking_code, attachment_id)
    SELECT application.tracking_code, attachment_id FROM application, unnest($29::text[]) AS attachment_id
    ON CONFLICT DO NOTHING
  ), kept AS (
    UPDATE attachments SET expires_at = NULL WHERE id = ANY($29::text[]) AND EXISTS (SELECT 1 FROM application)`;
  return `
  WITH claim AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, status, body) VALUES ($1, $2, $3, $4::integer, $5::json)
    ON CONFLICT (scope, key) DO NOTHING RETURNING key
  ), application AS (
    INSERT INTO applications (tracking_code, phone_digits, agency, applicant_column, body, status,
      received_at, received_on, clock_start, extended, due_date, outcome, resolved_on, language)
    SELECT $6::text, $7::text, $8::text, $9::smallint, $10::jsonb, $11::text,
      $12::timestamptz, $13::date, $14::date, $15::boolean, $16::date, $17::text, $18::date, $19::text
    FROM claim RETURNING tracking_code${withAttachments ? attachmentParts : ''}
  ), timeline AS (
    INSERT INTO application_events (tracking_code, status, at, note)
    ${
      oneEntry
        ? `SELECT tracking_code, $20::text, $21::timestamptz, $22::text FROM application`
        : `SELECT application.tracking_code, entry.status, entry.at, entry.note
    FROM application, unnest($20::text[], $21::timestamptz[], $22::text[]) AS entry (status, at, note)`
    }
  ), audit AS (
    INSERT INTO audit_log (at, tracking_code, actor, action, reason, before, after)
    SELECT $12::timestamptz, tracking_code, '{"kind": "applicant"}'::jsonb, 'submit', NULL, NULL, $23::jsonb FROM application
  )
  INSERT INTO outbox_events (event_id, type, case_id, payload, planned_at)
  SELECT $24::text, $25::text, $26::text, $27::jsonb, CASE WHEN $28::boolean THEN now() END FROM application`;
}
/** Indexed `[withAttachments][oneEntry]`, 0 for false (one timeline entry, as every new application has). */
const CREATE_APPLICATION = [
  [createApplicationStatement(false, false), createApplicationStatement(false, true)],
  [createApplicationStatement(true, false), createApplicationStatement(true, true)],
] as const;

async function timelineOf(sql: SqlClient, trackingCode: string): Promise<TimelineEntry[]> {
  const rows = await sql.query<{ status: ApplicationStatus; at: string; note: string | null }>(
    `SELECT status, to_json(at) #>> '{}' AS at, note FROM application_events WHERE tracking_code = $1 ORDER BY id`,
    [trackingCode],
  );
  return rows.map((r) =>
    r.note === null ? { status: r.status, at: isoInstant(r.at) } : { status: r.status, at: isoInstant(r.at), note: r.note },
  );
}

async function toApplication(sql: SqlClient, row: ApplicationRow): Promise<ApplicationRecord> {
  return { ...applicationFields(row), timeline: await timelineOf(sql, row.tracking_code) };
}

async function addEvent(sql: SqlClient, trackingCode: string, entry: TimelineEntry): Promise<void> {
  await sql.query(`INSERT INTO application_events (tracking_code, status, at, note) VALUES ($1, $2, $3, $4)`, [
    trackingCode,
    entry.status,
    entry.at,
    entry.note ?? null,
  ]);
}

async function readReplay(sql: SqlClient, idem: IdempotencyRequest): Promise<Replay | null> {
  const [row] = await sql.query<{ request_hash: string; status: number; body: unknown }>(
    `SELECT request_hash, status, body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    [idem.scope, idem.key],
  );
  if (!row) return null;
  return row.request_hash === idem.hash ? { kind: 'replay', response: { status: row.status, body: row.body } } : { kind: 'conflict' };
}

/**
 * Claims the key and runs `create` in one transaction. On PostgreSQL a
 * concurrent request with the same key blocks on the primary key until the
 * first commits, then reads its stored response: one record, one answer.
 */
async function createOnce<R, Refusal = never>(
  db: SqlDatabase,
  idem: IdempotencyRequest,
  receipt: StoredResponse<R>,
  create: (tx: SqlClient) => Promise<void>,
): Promise<CreateOutcome<R> | Refusal> {
  const outcome = await db
    .transaction(async (tx) => {
      const claimed = await tx.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status, body) VALUES ($1, $2, $3, $4, $5::json)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
        [idem.scope, idem.key, idem.hash, receipt.status, JSON.stringify(receipt.body)],
      );
      if (claimed.length === 0) return { taken: true as const };
      await create(tx);
      return { taken: false as const };
    })
    .catch((error: unknown) => {
      if (error instanceof RefusedCreate) return { refusal: error.refusal as Refusal };
      throw error;
    });
  if ('refusal' in outcome) return outcome.refusal;
  if (!outcome.taken) return { kind: 'created', response: receipt };
  const replay = await readReplay(db, idem);
  if (!replay) throw new Error('Idempotency key vanished between claim and read');
  return replay;
}

/** Thrown by a `create` step to refuse: the transaction rolls back, the claimed key included. */
class RefusedCreate extends Error {
  constructor(readonly refusal: unknown) {
    super('create refused');
  }
}

function zeros(): number[] {
  return [0, 0, 0, 0, 0, 0];
}

/** The storage over `db`; with `files`, attachment bodies are files there rather than bytea. */
export function createSqlStorage(db: SqlDatabase, files: FileStore | null = null): Storage {
  return {
    kind: db.kind,
    notifications: createNotificationStore(db),
    ...createReportStorage(db),

    findReplay: (idem) => readReplay(db, idem),

    async createApplication(idem, record, receipt, plan) {
      // The first row of the case's audit trail: the applicant submitted it.
      const after = { status: record.status, receivedOn: null, dueDate: record.dueDate, outcome: null, extension: null, consulting: false };
      const event = applicationCreated(record);
      const { attachments } = record.body;
      const { timeline } = record;
      // One entry as scalars: PostgreSQL then parses no arrays and runs no unnest (about 1.5 % of the statement).
      const oneEntry = timeline.length === 1;
      const values = [
        idem.scope,
        idem.key,
        idem.hash,
        receipt.status,
        JSON.stringify(receipt.body),
        record.trackingCode,
        record.phoneDigits,
        record.agency,
        record.applicantColumn,
        JSON.stringify(record.body),
        record.status,
        record.receivedAt,
        record.receivedOn,
        record.clockStart,
        record.extended,
        record.dueDate,
        record.outcome,
        record.resolvedOn,
        record.language ?? 'zh-CN',
        ...(oneEntry
          ? [timeline[0]!.status, timeline[0]!.at, timeline[0]!.note ?? null]
          : [timeline.map((entry) => entry.status), timeline.map((entry) => entry.at), timeline.map((entry) => entry.note ?? null)]),
        JSON.stringify(after),
        ...outboxRow(event),
        // Nothing to deliver: the worker would only mark it planned, a round and a row update of its own.
        plan ? plan(event).length === 0 : false,
      ];
      // The event's row, the statement's last part, is written only when the key was claimed: its count says which.
      const withAttachments = attachments.length > 0;
      const statement = CREATE_APPLICATION[withAttachments ? 1 : 0][oneEntry ? 1 : 0];
      const created = await db.execute(statement, withAttachments ? [...values, attachments] : values);
      if (created > 0) return { kind: 'created', response: receipt };
      // The key was taken, earlier or by a twin this statement waited for until it committed: its stored answer.
      const replay = await readReplay(db, idem);
      if (!replay) throw new Error('Idempotency key vanished between claim and read');
      return replay;
    },

    async findApplication(trackingCode, phoneDigits) {
      const [row] = await db.query<ApplicationRow>(
        `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE tracking_code = $1 AND phone_digits = $2`,
        [trackingCode, phoneDigits],
      );
      return row ? toApplication(db, row) : null;
    },

    updateApplication(trackingCode, decide) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<ApplicationRow>(
          `SELECT ${APPLICATION_COLUMNS} FROM applications WHERE tracking_code = $1 FOR UPDATE`,
          [trackingCode],
        );
        if (!row) return null;
        const current = await toApplication(tx, row);
        const change = decide(current);
        await tx.query(
          `UPDATE applications SET status = $2, clock_start = $3, extended = $4, due_date = $5, outcome = $6, resolved_on = $7
           WHERE tracking_code = $1`,
          [trackingCode, change.status, change.clockStart, change.extended, change.dueDate, change.outcome, change.resolvedOn],
        );
        await addEvent(tx, trackingCode, change.entry);
        const { entry, ...state } = change;
        const updated = { ...current, ...state, timeline: [...current.timeline, entry] };
        await recordEvent(tx, applicationStatusChanged(current, updated));
        return updated;
      });
    },

    async countApplications(yearStart, yearEnd) {
      const byColumn = await db.query<{ col: number; received: number; carried: number; open_at_end: number }>(
        `SELECT applicant_column AS col,
           count(*) FILTER (WHERE received_on BETWEEN $1::date AND $2::date)::int AS received,
           count(*) FILTER (WHERE received_on < $1::date AND (resolved_on IS NULL OR resolved_on >= $1::date))::int AS carried,
           count(*) FILTER (WHERE received_on <= $2::date AND (resolved_on IS NULL OR resolved_on > $2::date))::int AS open_at_end
         FROM applications GROUP BY applicant_column`,
        [yearStart, yearEnd],
      );
      const resolved = await db.query<{ outcome: OutcomeId | null; col: number; count: number }>(
        `SELECT outcome, applicant_column AS col, count(*)::int AS count FROM applications
         WHERE resolved_on BETWEEN $1::date AND $2::date GROUP BY outcome, applicant_column`,
        [yearStart, yearEnd],
      );
      const counts: ApplicationCounts = { received: zeros(), carriedOver: zeros(), openAtEnd: zeros(), resolved: [] };
      for (const row of byColumn) {
        counts.received[row.col] = row.received;
        counts.carriedOver[row.col] = row.carried;
        counts.openAtEnd[row.col] = row.open_at_end;
      }
      counts.resolved = resolved.map((r) => ({ outcome: r.outcome, column: r.col, count: r.count }));
      return counts;
    },

    async countAllApplications() {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applications`);
      return row?.n ?? 0;
    },

    async createAttachment(idem, record, receipt) {
      // The body goes to a file first; the row that names it commits after, so a row never names a missing file.
      if (files) await files.write(record.id, record.content);
      const outcome = await createOnce(db, idem, receipt, async (tx) => {
        await tx.query(
          `INSERT INTO attachments (id, name, media_type, size, content, on_disk, uploader, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            record.id,
            record.name,
            record.type,
            record.size,
            files ? null : Buffer.from(record.content.buffer, record.content.byteOffset, record.content.byteLength),
            files !== null,
            record.uploader ?? null,
            record.expiresAt ?? null,
          ],
        );
      }).catch(async (error: unknown) => {
        if (files) await files.remove(record.id);
        throw error;
      });
      if (files && outcome.kind !== 'created') await files.remove(record.id);
      return outcome;
    },

    async readAttachment(id) {
      const [row] = await db.query<{
        id: string;
        name: string;
        media_type: string;
        size: number;
        content: Uint8Array | null;
        on_disk: boolean;
      }>(`SELECT id, name, media_type, size, content, on_disk FROM attachments WHERE id = $1`, [id]);
      if (!row) return null;
      const content = row.on_disk ? await files?.read(id) : row.content;
      if (!content) return null;
      return { id: row.id, name: row.name, type: row.media_type, size: row.size, content: new Uint8Array(content) };
    },

    async expireAttachments(now) {
      const gone = await db.query<{ id: string; on_disk: boolean }>(
        `DELETE FROM attachments a WHERE a.expires_at < $1
           AND NOT EXISTS (SELECT 1 FROM application_attachments r WHERE r.attachment_id = a.id)
         RETURNING a.id, a.on_disk`,
        [now.toISOString()],
      );
      for (const row of gone) if (row.on_disk) await files?.remove(row.id);
      return gone.length;
    },

    async pendingUploadBytes(uploader) {
      const [row] = await db.query<{ n: string | number }>(
        `SELECT coalesce(sum(size), 0)::bigint AS n FROM attachments WHERE expires_at IS NOT NULL AND ($1::text IS NULL OR uploader = $1)`,
        [uploader ?? null],
      );
      return Number(row?.n ?? 0);
    },

    async missingAttachments(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM attachments WHERE id = ANY($1::text[]) AND (expires_at IS NULL OR expires_at > now())`,
        [ids],
      );
      const found = new Set(rows.map((r) => r.id));
      return ids.filter((id) => !found.has(id));
    },

    createFeedback(idem, record, receipt, proof) {
      return createOnce<typeof receipt.body, { kind: 'proof-used' }>(db, idem, receipt, async (tx) => {
        await tx.query(`DELETE FROM used_proofs WHERE expires_at < now()`);
        const spent = await tx.query(`INSERT INTO used_proofs (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id`, [
          proof.id,
          proof.expiresAt.toISOString(),
        ]);
        if (spent.length === 0) throw new RefusedCreate({ kind: 'proof-used' });
        await tx.query(
          `INSERT INTO feedback (query_code, public_id, category, subject, message, name, phone, phone_digits, email, publish, withheld,
             status, received_at, received_on, reply, reply_department, replied_on, rating, rated_at, language)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
          [
            record.queryCode,
            record.publicId,
            record.category,
            record.subject,
            record.message,
            record.name,
            record.phone,
            record.phoneDigits,
            record.email,
            record.publish,
            record.withheld,
            record.status,
            record.receivedAt,
            record.receivedOn,
            record.reply,
            record.replyDepartment,
            record.repliedOn,
            record.rating,
            record.ratedAt,
            record.language ?? 'zh-CN',
          ],
        );
        await recordEvent(tx, feedbackCreated(record));
      });
    },

    async findFeedback(queryCode, contact) {
      const [row] = await db.query<FeedbackRow>(
        `SELECT ${FEEDBACK_COLUMNS} FROM feedback
         WHERE query_code = $1 AND ((phone_digits = $2 AND $2 <> '') OR (lower(email) = lower($3) AND $3 <> ''))`,
        [queryCode, contact.phoneDigits, contact.email],
      );
      return row ? toFeedback(row) : null;
    },

    updateFeedback(queryCode, decide) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<FeedbackRow>(`SELECT ${FEEDBACK_COLUMNS} FROM feedback WHERE query_code = $1 FOR UPDATE`, [queryCode]);
        if (!row) return null;
        const current = toFeedback(row);
        const change = decide(current);
        await tx.query(
          `UPDATE feedback SET status = $2, reply = $3, reply_department = $4, replied_on = $5, withheld = $6, rating = $7, rated_at = $8
           WHERE query_code = $1`,
          [
            queryCode,
            change.status,
            change.reply,
            change.replyDepartment,
            change.repliedOn,
            change.withheld,
            change.rating,
            change.ratedAt,
          ],
        );
        const updated = { ...current, ...change };
        const event = feedbackChanged(current, updated);
        if (event) await recordEvent(tx, event);
        return updated;
      });
    },

    async listPublishedFeedback(offset, limit) {
      const where = `publish AND NOT withheld AND status = 'replied'`;
      // Only public columns are selected: a name, phone or e-mail cannot leak from a row that never held one.
      const items = await db.query<PublishedLetter>(
        `SELECT public_id AS id, category, subject, message, reply, received_on::text AS "receivedOn",
           replied_on::text AS "repliedOn", reply_department AS "replyDepartment"
         FROM feedback WHERE ${where} ORDER BY replied_on DESC, received_at DESC, public_id LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback WHERE ${where}`);
      return { items, total: count?.n ?? 0 };
    },

    async feedbackFigures() {
      const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback`);
      const replied = await db.query<{ receivedOn: string; repliedOn: string }>(
        `SELECT received_on::text AS "receivedOn", replied_on::text AS "repliedOn" FROM feedback WHERE status = 'replied' AND replied_on IS NOT NULL`,
      );
      return { received: count?.n ?? 0, replied };
    },

    async seedOnce(name, seed) {
      const claimed = await db.query(`INSERT INTO seeds (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name`, [name]);
      if (claimed.length === 0) return false;
      try {
        await seed();
      } catch (error) {
        await db.query(`DELETE FROM seeds WHERE name = $1`, [name]);
        throw error;
      }
      return true;
    },

    ...createStaffStorage(db),
    ...createCaseStorage(db),

    close: async () => {
      await db.close();
      await files?.close();
    },
  };
}
