/**
 * The outbox's queries: expanding events into deliveries, claiming due
 * deliveries, recording the outcome of an attempt, and the staff view.
 *
 * Several server instances may share one PostgreSQL: events and deliveries
 * are claimed with `FOR UPDATE SKIP LOCKED`, so each is taken by one worker;
 * a claimed delivery is leased (its next attempt moved past the lease), so
 * one whose worker died mid-send is taken again once the lease runs out.
 * Delivery is at least once; the delivery id, stable over retries, lets a
 * receiver drop the rare duplicate.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationStatus } from '../../api/types/application.js';
import { CLOCK_RUNNING_STATUSES } from '../../core/lifecycle/index.js';
import type { SqlDatabase } from '../storage/sql.js';
import type { EventType, NotifyEvent } from './events.js';
import { recordEvent } from './outbox.js';

export const CHANNELS = ['email', 'webhook', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DELIVERY_STATES = ['pending', 'sending', 'delivered', 'dead', 'waiting-for-configuration'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface PlannedDelivery {
  channel: Channel;
  recipient: string;
  /** which message: a template name (application-accepted …) or the event type for webhooks */
  kind: string;
  state: 'pending' | 'waiting-for-configuration';
}

/** The deliveries an event makes, as a worker with its configuration plans them (plan.ts). */
export type DeliveryPlan = (event: NotifyEvent) => readonly PlannedDelivery[];

export interface StoredEvent {
  eventId: string;
  type: EventType;
  occurredAt: string;
  payload: NotifyEvent;
}

export interface ClaimedDelivery {
  id: string;
  channel: Channel;
  recipient: string;
  kind: string;
  /** this attempt's number, from 1 */
  attempt: number;
  event: StoredEvent;
}

/** A delivery as the staff view shows it. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: EventType;
  caseId: string;
  channel: Channel;
  recipient: string;
  kind: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** An application whose reply clock runs, for the staff digest. */
export interface OpenCase {
  trackingCode: string;
  agency: string;
  status: ApplicationStatus;
  dueDate: string;
}

const iso = (text: string | null) => (text === null ? null : new Date(text).toISOString());
const instant = (column: string) => `to_json(${column}) #>> '{}'`;

const VIEW_COLUMNS = `d.id, e.event_id, e.type, d.case_id, d.channel, d.recipient, d.kind, d.state, d.attempts,
  ${instant('d.next_attempt_at')} AS next_attempt_at, d.last_error, ${instant('d.delivered_at')} AS delivered_at,
  ${instant('d.created_at')} AS created_at`;

interface ViewRow {
  id: string;
  event_id: string;
  type: EventType;
  case_id: string;
  channel: Channel;
  recipient: string;
  kind: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

function toView(row: ViewRow): DeliveryView {
  const waiting = row.state === 'delivered' || row.state === 'dead' || row.state === 'waiting-for-configuration';
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    caseId: row.case_id,
    channel: row.channel,
    // A webhook URL's query may hold a token: the view shows origin and path only.
    recipient: row.channel === 'webhook' ? row.recipient.replace(/[?#].*$/, '') : row.recipient,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: waiting ? null : iso(row.next_attempt_at),
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
    createdAt: iso(row.created_at)!,
  };
}

export interface NotificationStore {
  /** Expands up to `limit` committed events into their deliveries (one per event, channel and recipient); the count of events. */
  planEvents(limit: number, plan: (event: NotifyEvent) => PlannedDelivery[]): Promise<number>;
  /** Claims up to `limit` due deliveries for `leaseMs`, counting the attempt. */
  claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  markDelivered(id: string): Promise<void>;
  /** Records a failed attempt: retried in `retryInMs`, or dead (null). A stale worker's report on an attempt retaken since is ignored. */
  markFailed(id: string, attempt: number, error: string, retryInMs: number | null): Promise<void>;
  /** Deliveries of `channel` that waited for its configuration become pending; their count. */
  releaseWaiting(channel: Channel): Promise<number>;
  countByState(): Promise<Partial<Record<DeliveryState, number>>>;
  listDeliveries(filter: { caseId?: string; state?: DeliveryState; limit?: number }): Promise<DeliveryView[]>;
  /** A dead delivery is tried again now, its attempts counted afresh. */
  retryDead(id: string): Promise<DeliveryView | 'not-found' | 'not-dead'>;
  /** Records the day's digest once, however many instances ask; `build` gets the open cases. */
  recordDigestOnce(date: string, build: (cases: OpenCase[]) => NotifyEvent): Promise<boolean>;
}

export function createNotificationStore(db: SqlDatabase): NotificationStore {
  return {
    planEvents(limit, plan) {
      return db.transaction(async (tx) => {
        const events = await tx.query<{ id: string; payload: NotifyEvent; case_id: string }>(
          `SELECT id::text AS id, payload, case_id FROM outbox_events WHERE planned_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        for (const event of events) {
          for (const d of plan(event.payload)) {
            await tx.query(
              `INSERT INTO notification_deliveries (id, event_id, case_id, channel, recipient, kind, state)
               VALUES ($1, $2::bigint, $3, $4, $5, $6, $7) ON CONFLICT (event_id, channel, recipient) DO NOTHING`,
              [randomUUID(), event.id, event.case_id, d.channel, d.recipient, d.kind, d.state],
            );
          }
        }
        if (events.length)
          await tx.query(`UPDATE outbox_events SET planned_at = now() WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
        return events.length;
      });
    },

    async claimDue(limit, leaseMs) {
      const rows = await db.query<{
        id: string;
        channel: Channel;
        recipient: string;
        kind: string;
        attempts: number;
        event_id: string;
        type: EventType;
        occurred_at: string;
        payload: NotifyEvent;
      }>(
        `WITH claimed AS (
           UPDATE notification_deliveries SET state = 'sending', attempts = attempts + 1,
             next_attempt_at = now() + $2 * interval '1 millisecond'
           WHERE id IN (
             SELECT id FROM notification_deliveries WHERE state IN ('pending', 'sending') AND next_attempt_at <= now()
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING id, event_id AS event_row, channel, recipient, kind, attempts)
         SELECT c.id, c.channel, c.recipient, c.kind, c.attempts, e.event_id, e.type, ${instant('e.occurred_at')} AS occurred_at, e.payload
         FROM claimed c JOIN outbox_events e ON e.id = c.event_row`,
        [limit, leaseMs],
      );
      return rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        recipient: r.recipient,
        kind: r.kind,
        attempt: r.attempts,
        event: { eventId: r.event_id, type: r.type, occurredAt: iso(r.occurred_at)!, payload: r.payload },
      }));
    },

    async markDelivered(id) {
      await db.query(`UPDATE notification_deliveries SET state = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [id]);
    },

    async markFailed(id, attempt, error, retryInMs) {
      await db.query(
        `UPDATE notification_deliveries SET last_error = $3,
           state = CASE WHEN $4::bigint IS NULL THEN 'dead' ELSE 'pending' END,
           next_attempt_at = CASE WHEN $4::bigint IS NULL THEN next_attempt_at ELSE now() + $4::bigint * interval '1 millisecond' END
         WHERE id = $1 AND attempts = $2 AND state = 'sending'`,
        [id, attempt, error.slice(0, 500), retryInMs === null ? null : Math.round(retryInMs)],
      );
    },

    async releaseWaiting(channel) {
      const rows = await db.query(
        `UPDATE notification_deliveries SET state = 'pending', next_attempt_at = now() WHERE state = 'waiting-for-configuration' AND channel = $1
         RETURNING id`,
        [channel],
      );
      return rows.length;
    },

    async countByState() {
      const rows = await db.query<{ state: DeliveryState; n: number }>(
        `SELECT state, count(*)::int AS n FROM notification_deliveries GROUP BY state`,
      );
      return Object.fromEntries(rows.map((r) => [r.state, r.n]));
    },

    async listDeliveries({ caseId, state, limit = 200 }) {
      const rows = await db.query<ViewRow>(
        `SELECT ${VIEW_COLUMNS} FROM notification_deliveries d JOIN outbox_events e ON e.id = d.event_id
         WHERE ($1::text IS NULL OR d.case_id = $1) AND ($2::text IS NULL OR d.state = $2)
         ORDER BY d.created_at DESC, e.id DESC, d.channel, d.recipient LIMIT $3`,
        [caseId ?? null, state ?? null, limit],
      );
      return rows.map(toView);
    },

    async retryDead(id) {
      const [row] = await db.query<{ state: DeliveryState }>(`SELECT state FROM notification_deliveries WHERE id = $1`, [id]);
      if (!row) return 'not-found';
      const updated = await db.query(
        `UPDATE notification_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND state = 'dead' RETURNING id`,
        [id],
      );
      if (!updated.length) return 'not-dead';
      const [view] = await db.query<ViewRow>(
        `SELECT ${VIEW_COLUMNS} FROM notification_deliveries d JOIN outbox_events e ON e.id = d.event_id WHERE d.id = $1`,
        [id],
      );
      return toView(view!);
    },

    async recordDigestOnce(date, build) {
      const key = `staff.digest:${date}`;
      const [seen] = await db.query(`SELECT 1 FROM outbox_events WHERE dedupe_key = $1`, [key]);
      if (seen) return false;
      return db.transaction(async (tx) => {
        const cases = await tx.query<OpenCase>(
          `SELECT tracking_code AS "trackingCode", agency, status, due_date::text AS "dueDate" FROM applications
           WHERE status = ANY($1::text[]) AND due_date IS NOT NULL ORDER BY due_date, tracking_code`,
          [CLOCK_RUNNING_STATUSES],
        );
        return (await recordEvent(tx, build(cases), { dedupeKey: key })) !== null;
      });
    },
  };
}
