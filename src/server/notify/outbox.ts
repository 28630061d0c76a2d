/**
 * The transactional outbox. `recordEvent` is called inside the transaction
 * of the change it tells of, on the same connection: the event commits with
 * the change or rolls back with it, so no notification is ever sent for a
 * change that did not happen, and none is missing for one that did. The
 * worker (worker.ts) turns committed events into deliveries.
 *
 * Callers elsewhere (the staff desk's actions) pass their own transaction:
 *
 *   await db.transaction(async (tx) => {
 *     … the change …
 *     await recordEvent(tx, applicationStatusChanged(before, after));
 *   });
 */
import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../storage/sql.js';
import type { NotifyEvent } from './events.js';

export interface RecordOptions {
  /** a key that makes the event once-only (the day's staff digest); a second recording is ignored */
  dedupeKey?: string;
}

/** The outbox row of an event: its new stable id, type, case and payload (JSON text) — for a statement that writes it. */
export function outboxRow(event: NotifyEvent): [eventId: string, type: string, caseId: string, payload: string] {
  return [randomUUID(), event.type, event.caseId, JSON.stringify(event)];
}

/** Writes the event into the outbox in `tx`; resolves to its stable event id, or null when `dedupeKey` was recorded before. */
export async function recordEvent(tx: SqlClient, event: NotifyEvent, options: RecordOptions = {}): Promise<string | null> {
  const row = outboxRow(event);
  const rows = await tx.query(
    `INSERT INTO outbox_events (event_id, type, case_id, payload, dedupe_key) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING event_id`,
    [...row, options.dedupeKey ?? null],
  );
  return rows.length ? row[0] : null;
}

export type { NotifyEvent } from './events.js';
export { applicationCreated, applicationStatusChanged, feedbackChanged, feedbackCreated } from './events.js';
