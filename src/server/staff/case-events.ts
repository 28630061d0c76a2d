/**
 * The one place a case change is announced inside its own transaction: the
 * notification outbox row (src/server/notify) commits or rolls back with the
 * change itself. Every application state change (desk actions, the citizen's
 * 补正 and 撤回, the admin PATCH, 视为放弃 by the system) passes through
 * `changeCase`, and so through this function.
 */
import type { Actor, AuditAction, CaseState } from '../../api/types/staff.js';
import { recordCaseChange } from '../notify/case-change.js';
import type { SqlClient } from '../storage/sql.js';

export interface CaseEvent {
  trackingCode: string;
  action: AuditAction;
  actor: Actor;
  before: CaseState;
  after: CaseState;
}

export async function recordCaseEvent(tx: SqlClient, event: CaseEvent): Promise<void> {
  await recordCaseChange(tx, event);
}
