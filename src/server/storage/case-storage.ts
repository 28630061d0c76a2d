/** SQL of the desk's side of a case: case data, the append-only audit trail, appeals, files, the office calendar. */
import type { ApplicationStatus, AttachmentReceipt, TimelineEntry } from '../../api/types/application.js';
import type { Actor, Appeal, AppealsTable, AuditAction, AuditEntry, CaseState } from '../../api/types/staff.js';
import { recordCaseEvent } from '../staff/case-events.js';
import type { CaseData, CaseRecord, CaseStorage, CaseSummary } from './case-types.js';
import type { SqlClient, SqlDatabase } from './sql.js';
import { APPLICATION_COLUMNS, applicationFields, type ApplicationRow } from './application-row.js';

const COLUMNS = `${APPLICATION_COLUMNS}, case_data`;

type Row = ApplicationRow & { case_data: CaseData };

interface AppealRow {
  id: string;
  kind: Appeal['kind'];
  route: Appeal['route'];
  result: Appeal['result'];
  filed_on: string;
  decided_on: string | null;
  note: string | null;
}

const iso = (text: string) => new Date(text).toISOString();

/** The audited state of a case: what a step changed, in a few fields. */
export function caseStateOf(record: CaseSummary): CaseState {
  return {
    status: record.status,
    receivedOn: (record.caseData.events ?? []).find((e) => e.kind === 'received')?.on ?? null,
    dueDate: record.dueDate,
    outcome: record.outcome,
    extension: record.caseData.extension ?? null,
    consulting: (record.caseData.consultations ?? []).some((c) => c.endedOn === null),
  };
}

function toSummary(row: Row): CaseSummary {
  return { ...applicationFields(row), caseData: row.case_data ?? {} };
}

const toAppeal = (row: AppealRow): Appeal => ({
  id: row.id,
  kind: row.kind,
  route: row.route,
  result: row.result,
  filedOn: row.filed_on,
  decidedOn: row.decided_on,
  note: row.note,
});

const APPEAL_COLUMNS = `id, kind, route, result, filed_on::text AS filed_on, decided_on::text AS decided_on, note`;

async function loadCase(sql: SqlClient, row: Row): Promise<CaseRecord> {
  const code = row.tracking_code;
  const timeline = await sql.query<{ status: ApplicationStatus; at: string; note: string | null }>(
    `SELECT status, to_json(at) #>> '{}' AS at, note FROM application_events WHERE tracking_code = $1 ORDER BY id`,
    [code],
  );
  const files = await sql.query<AttachmentReceipt>(
    `SELECT a.id, a.name, a.size, a.media_type AS type FROM application_attachments l JOIN attachments a ON a.id = l.attachment_id
     WHERE l.tracking_code = $1 ORDER BY a.created_at, a.id`,
    [code],
  );
  // the id comes back as text (bigint)
  const audit = await sql.query<Omit<AuditEntry, 'id'> & { id: string }>(
    `SELECT id::text AS id, to_json(at) #>> '{}' AS at, actor, action, reason, before, after FROM audit_log WHERE tracking_code = $1 ORDER BY audit_log.id`,
    [code],
  );
  const appeals = await sql.query<AppealRow>(
    `SELECT ${APPEAL_COLUMNS} FROM appeals WHERE tracking_code = $1 ORDER BY filed_on, created_at`,
    [code],
  );
  const order = new Map<string, number>((row.body.attachments ?? []).map((id, i) => [id, i]));
  return {
    ...toSummary(row),
    timeline: timeline.map((t): TimelineEntry =>
      t.note === null ? { status: t.status, at: iso(t.at) } : { status: t.status, at: iso(t.at), note: t.note },
    ),
    files: files.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    audit: audit.map((a): AuditEntry => ({
      id: Number(a.id),
      at: iso(a.at),
      actor: a.actor,
      action: a.action,
      reason: a.reason,
      before: a.before,
      after: a.after,
    })),
    appeals: appeals.map(toAppeal),
  };
}

async function insertAudit(
  sql: SqlClient,
  code: string | null,
  at: string,
  actor: Actor,
  action: AuditAction,
  reason: string | null,
  before: CaseState | null,
  after: CaseState,
) {
  await sql.query(
    `INSERT INTO audit_log (at, tracking_code, actor, action, reason, before, after) VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7::jsonb)`,
    [at, code, JSON.stringify(actor), action, reason, before === null ? null : JSON.stringify(before), JSON.stringify(after)],
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function createCaseStorage(db: SqlDatabase): CaseStorage {
  return {
    async findCase(trackingCode) {
      const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM applications WHERE tracking_code = $1`, [trackingCode]);
      return row ? loadCase(db, row) : null;
    },

    async listCaseSummaries({ statuses, q }) {
      const pattern = q ? `%${escapeLike(q)}%` : null;
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM applications
         WHERE (cardinality($1::text[]) = 0 OR status = ANY($1::text[]))
           AND ($2::text IS NULL OR tracking_code ILIKE $2 OR body #>> '{applicant,name}' ILIKE $2
             OR body #>> '{request,title}' ILIKE $2 OR body #>> '{request,docNo}' ILIKE $2 OR body #>> '{request,description}' ILIKE $2)
         ORDER BY received_at DESC, tracking_code`,
        [statuses, pattern],
      );
      return rows.map(toSummary);
    },

    async countCasesByStatus() {
      const rows = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM applications GROUP BY status`);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },

    async changeCase(trackingCode, decide, respond, idem) {
      const outcome = await db.transaction(async (tx) => {
        if (idem) {
          const claimed = await tx.query(
            `INSERT INTO idempotency_keys (scope, key, request_hash, status, body) VALUES ($1, $2, $3, 0, 'null'::json)
             ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
            [idem.scope, idem.key, idem.hash],
          );
          if (claimed.length === 0) return { taken: true as const };
        }
        const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM applications WHERE tracking_code = $1 FOR UPDATE`, [trackingCode]);
        if (!row) return { missing: true as const };
        const current = await loadCase(tx, row);
        const change = decide(current);
        await tx.query(
          `UPDATE applications SET status = $2, clock_start = $3, extended = $4, due_date = $5, outcome = $6, resolved_on = $7,
             received_on = $8, case_data = $9::jsonb WHERE tracking_code = $1`,
          [
            trackingCode,
            change.status,
            change.clockStart,
            change.extended,
            change.dueDate,
            change.outcome,
            change.resolvedOn,
            change.receivedOn,
            JSON.stringify(change.caseData),
          ],
        );
        const at = change.entry?.at ?? new Date().toISOString();
        if (change.entry) {
          await tx.query(`INSERT INTO application_events (tracking_code, status, at, note) VALUES ($1, $2, $3, $4)`, [
            trackingCode,
            change.entry.status,
            change.entry.at,
            change.entry.note ?? null,
          ]);
        }
        const [updatedRow] = await tx.query<Row>(`SELECT ${COLUMNS} FROM applications WHERE tracking_code = $1`, [trackingCode]);
        const before = caseStateOf(current);
        const after = caseStateOf(toSummary(updatedRow!));
        await insertAudit(
          tx,
          trackingCode,
          change.audit.at ?? at,
          change.audit.actor,
          change.audit.action,
          change.audit.reason,
          before,
          after,
        );
        await recordCaseEvent(tx, { trackingCode, action: change.audit.action, actor: change.audit.actor, before, after });
        const record = await loadCase(tx, updatedRow!);
        const response = respond(record);
        if (idem) {
          await tx.query(`UPDATE idempotency_keys SET status = 200, body = $3::json WHERE scope = $1 AND key = $2`, [
            idem.scope,
            idem.key,
            JSON.stringify(response),
          ]);
        }
        return { record, response };
      });
      if ('missing' in outcome) return null;
      if ('taken' in outcome) {
        const [row] = await db.query<{ request_hash: string; status: number; body: unknown }>(
          `SELECT request_hash, status, body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
          [idem!.scope, idem!.key],
        );
        if (!row || row.request_hash !== idem!.hash) return { kind: 'conflict' };
        return { kind: 'replay', response: { status: row.status, body: row.body } };
      }
      return { kind: 'changed', record: outcome.record, response: outcome.response };
    },

    async appendAudit(trackingCode, audit, before, after, at) {
      await insertAudit(db, trackingCode, at, audit.actor, audit.action, audit.reason, before, after);
    },

    async attachmentReceipts(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query<AttachmentReceipt>(
        `SELECT id, name, size, media_type AS type FROM attachments WHERE id = ANY($1::text[])`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    },

    addAppeal(trackingCode, appeal, audit, at) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM applications WHERE tracking_code = $1 FOR UPDATE`, [trackingCode]);
        if (!row) return false;
        await tx.query(
          `INSERT INTO appeals (id, tracking_code, kind, route, result, filed_on, decided_on, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [appeal.id, trackingCode, appeal.kind, appeal.route, appeal.result, appeal.filedOn, appeal.decidedOn, appeal.note],
        );
        const state = caseStateOf(toSummary(row));
        await insertAudit(tx, trackingCode, at, audit.actor, audit.action, audit.reason ?? JSON.stringify(appeal), state, state);
        return true;
      });
    },

    updateAppeal(trackingCode, id, patch, audit, at) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM applications WHERE tracking_code = $1 FOR UPDATE`, [trackingCode]);
        if (!row) return null;
        const [appeal] = await tx.query<AppealRow>(
          `UPDATE appeals SET result = $3, decided_on = $4, note = coalesce($5, note) WHERE tracking_code = $1 AND id = $2 RETURNING ${APPEAL_COLUMNS}`,
          [trackingCode, id, patch.result, patch.decidedOn, patch.note],
        );
        if (!appeal) return null;
        const state = caseStateOf(toSummary(row));
        await insertAudit(tx, trackingCode, at, audit.actor, audit.action, audit.reason ?? JSON.stringify(patch), state, state);
        return toAppeal(appeal);
      });
    },

    async countAppeals(year) {
      const rows = await db.query<{ kind: string; route: string | null; result: string; n: number }>(
        `SELECT kind, route, result, count(*)::int AS n FROM appeals WHERE filed_on BETWEEN $1::date AND $2::date GROUP BY kind, route, result`,
        [`${year}-01-01`, `${year}-12-31`],
      );
      const table = Array<number>(15).fill(0) as AppealsTable;
      const resultIndex: Record<string, number> = { upheld: 0, corrected: 1, other: 2, pending: 3 };
      for (const row of rows) {
        const block = row.kind === 'reconsideration' ? 0 : row.route === 'direct' ? 5 : 10;
        table[block + resultIndex[row.result]!] += row.n;
        table[block + 4] += row.n;
      }
      return table;
    },

    async listCalendarYears() {
      return db.query<{ year: number; holidays: string[]; workdays: string[]; notice: string }>(
        `SELECT year, holidays, workdays, notice FROM calendar_years ORDER BY year`,
      );
    },

    async putCalendarYear({ year, holidays, workdays, notice }) {
      await db.query(
        `INSERT INTO calendar_years (year, holidays, workdays, notice) VALUES ($1, $2::jsonb, $3::jsonb, $4)
         ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays, notice = EXCLUDED.notice, updated_at = now()`,
        [year, JSON.stringify(holidays), JSON.stringify(workdays), notice],
      );
    },
  };
}
