/**
 * 视为放弃 recorded by the server (条例 art. 30), evaluated on read: before the
 * queue, a case, a public status or table 三 is answered, every request whose
 * 补正 period has ended without a supplement is moved to 已答复 with row 3.6.1,
 * dated the day after the period's last day, with `system` as the actor in
 * the audit trail. No job to schedule, and no reader ever sees a lapsed
 * request still waiting; the record is written once (the change re-checks
 * under the row lock, so concurrent readers cannot write it twice).
 */
import { todayInChina } from '../../core/calendar/index.js';
import { supplementLapsed } from '../../core/clock/index.js';
import { ProblemError } from '../problem.js';
import type { CaseSummary } from '../storage/case-types.js';
import type { Storage } from '../storage/types.js';
import { caseEvents, decideLapse } from './actions.js';

function isLapsed(record: CaseSummary, today: string): boolean {
  return record.status === 'supplement-requested' && supplementLapsed(caseEvents(record), today);
}

async function recordLapse(storage: Storage, trackingCode: string, now: Date): Promise<void> {
  try {
    await storage.changeCase(
      trackingCode,
      (current) => decideLapse(current, now),
      () => null,
    );
  } catch (error) {
    // Another reader recorded it first, or the supplement arrived meanwhile.
    if (!(error instanceof ProblemError && error.kind === 'illegal-transition')) throw error;
  }
}

/** Records every lapse that is due. */
export async function recordLapses(storage: Storage, now: Date): Promise<void> {
  const today = todayInChina(now);
  const waiting = await storage.listCaseSummaries({ statuses: ['supplement-requested'], q: '' });
  for (const record of waiting) if (isLapsed(record, today)) await recordLapse(storage, record.trackingCode, now);
}

/** Records the lapse of one case when it is due; true when it wrote one. */
export async function recordLapseOf(storage: Storage, record: CaseSummary, now: Date): Promise<boolean> {
  if (!isLapsed(record, todayInChina(now))) return false;
  await recordLapse(storage, record.trackingCode, now);
  return true;
}
