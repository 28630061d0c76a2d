/**
 * The outbox side of the staff desk's one-transaction case changes (desk
 * actions, the citizen's 补正 and 撤回, the admin PATCH, 视为放弃): called by
 * `recordCaseEvent` inside the change's transaction, it reads the case as the
 * change left it and records `application.status-changed` when the status
 * moved. The 补正 mail says what the desk asked for (the legal triggers and
 * the free text) and by when; the 延期 mail gives the head-approved reason.
 */
import type { ApplicationRequest, ApplicationStatus, Locale, OutcomeId } from '../../api/types/application.js';
import { SUPPLEMENT_TRIGGER_LABELS, type CaseState } from '../../api/types/staff.js';
import type { CaseData } from '../storage/case-types.js';
import type { SqlClient } from '../storage/sql.js';
import { requestedOf, supplementDueDate, type NotifyEvent, type StatusChange } from './events.js';
import { recordEvent } from './outbox.js';

interface CaseRow {
  agency: string;
  body: ApplicationRequest;
  status: ApplicationStatus;
  received_on: string;
  due_date: string | null;
  outcome: OutcomeId | null;
  language: Locale;
  case_data: CaseData;
}

export async function recordCaseChange(
  tx: SqlClient,
  change: { trackingCode: string; before: CaseState; after: CaseState },
): Promise<void> {
  if (change.before.status === change.after.status) return;
  const [row] = await tx.query<CaseRow>(
    `SELECT agency, body, status, received_on::text AS received_on, due_date::text AS due_date, outcome, language, case_data
     FROM applications WHERE tracking_code = $1`,
    [change.trackingCode],
  );
  if (!row) return;
  const [entry] = await tx.query<{ at: string; note: string | null }>(
    `SELECT to_json(at) #>> '{}' AS at, note FROM application_events WHERE tracking_code = $1 ORDER BY id DESC LIMIT 1`,
    [change.trackingCode],
  );
  const language = row.language ?? 'zh-CN';
  const status: StatusChange = {
    from: change.before.status,
    to: row.status,
    at: entry ? new Date(entry.at).toISOString() : new Date().toISOString(),
    note: entry?.note ?? null,
  };
  const supplement = row.case_data.supplement;
  // The admin PATCH names no period: the default one, as the desk would set it.
  if (row.status === 'supplement-requested') status.supplementDueDate = supplementDueDate(status.at);
  if (row.status === 'supplement-requested' && supplement) {
    const asked = [...supplement.triggers.map((t) => SUPPLEMENT_TRIGGER_LABELS[t][language]), supplement.detail].filter(Boolean);
    status.note = asked.join(language === 'en' ? '; ' : '；') || status.note;
    status.supplementDueDate = supplement.dueOn;
  }
  if (row.status === 'extended' && row.case_data.extension?.reason) status.note = row.case_data.extension.reason;
  const event: NotifyEvent = {
    type: 'application.status-changed',
    caseId: change.trackingCode,
    application: {
      trackingCode: change.trackingCode,
      agency: row.agency,
      status: row.status,
      receivedOn: row.received_on,
      dueDate: row.due_date,
      outcome: row.outcome,
      language,
      requested: requestedOf(row.body.request),
    },
    change: status,
    contact: { email: row.body.applicant.email ?? row.body.delivery.email ?? null, phone: row.body.applicant.phone },
  };
  await recordEvent(tx, event);
}
