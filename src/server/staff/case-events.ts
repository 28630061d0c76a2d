/**
 * The one place a case change is announced inside its own transaction:
 * every application state change (desk actions, the citizen's 补正 and 撤回,
 * the admin PATCH, 视为放弃 by the system) passes through `changeCase`, and so
 * through here. A change of status becomes an outbox event of the notify
 * module (src/server/notify/outbox.ts), which commits or rolls back with it.
 * Steps that leave the status alone (a consultation, an extension request)
 * tell the applicant nothing and record no event.
 */
import { applicationStatusChanged, recordEvent } from '../notify/outbox.js';
import type { CaseRecord } from '../storage/case-types.js';
import type { SqlClient } from '../storage/sql.js';

export async function recordCaseEvent(tx: SqlClient, before: CaseRecord, after: CaseRecord): Promise<void> {
  if (before.status !== after.status) await recordEvent(tx, applicationStatusChanged(before, after));
}
