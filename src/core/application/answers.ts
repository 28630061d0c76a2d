/**
 * The server's answers to the application form and the status lookup,
 * checked before they are shown: a portal's own backend may implement the
 * contract imperfectly, and a wrong shape must become an error state, not a
 * blank or a crash.
 */
import {
  APPLICATION_STATUSES,
  OUTCOME_IDS,
  type ApplicationReceipt,
  type ApplicationStatus,
  type ApplicationStatusView,
  type OutcomeId,
  type TimelineEntry,
} from '../../api/types/application.js';

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** The `201` answer of `POST /applications`. */
export function parseReceipt(raw: unknown): { value: ApplicationReceipt } | { problems: string[] } {
  if (!isObject(raw)) return { problems: ['the answer is not an object'] };
  const problems: string[] = [];
  if (!isText(raw.trackingCode)) problems.push('trackingCode is missing');
  if (!isInstant(raw.receivedAt)) problems.push('receivedAt is not an instant');
  if (!isDate(raw.dueDate)) problems.push('dueDate is not a YYYY-MM-DD date');
  if (problems.length) return { problems };
  return {
    value: {
      trackingCode: raw.trackingCode as string,
      status: 'submitted',
      receivedAt: raw.receivedAt as string,
      dueDate: raw.dueDate as string,
      agency: typeof raw.agency === 'string' ? raw.agency : '',
      ...(raw.dueDateProvisional === true ? { dueDateProvisional: true } : {}),
    },
  };
}

/** The answer of `GET /applications/{trackingCode}?phone=…`. */
export function parseStatusView(raw: unknown): { value: ApplicationStatusView } | { problems: string[] } {
  if (!isObject(raw)) return { problems: ['the answer is not an object'] };
  const problems: string[] = [];
  const isStatus = (value: unknown): value is ApplicationStatus => APPLICATION_STATUSES.includes(value as ApplicationStatus);
  if (!isText(raw.trackingCode)) problems.push('trackingCode is missing');
  if (!isStatus(raw.status)) problems.push('status is not a known status');
  if (!Array.isArray(raw.timeline)) problems.push('timeline is not a list');
  const timeline: TimelineEntry[] = [];
  (Array.isArray(raw.timeline) ? raw.timeline : []).forEach((entry: unknown, index: number) => {
    if (!isObject(entry) || !isStatus(entry.status) || !isInstant(entry.at)) return problems.push(`timeline[${index}] is not an entry`);
    timeline.push({
      status: entry.status,
      at: entry.at,
      ...(typeof entry.note === 'string' && entry.note !== '' ? { note: entry.note } : {}),
    });
  });
  if (raw.dueDate !== null && raw.dueDate !== undefined && !isDate(raw.dueDate)) problems.push('dueDate is not a date');
  const left = raw.workingDaysLeft;
  if (left !== null && left !== undefined && !Number.isInteger(left)) problems.push('workingDaysLeft is not a whole number');
  if (raw.outcome !== undefined && !OUTCOME_IDS.includes(raw.outcome as OutcomeId)) problems.push('outcome is not a row of table 三');
  if (problems.length) return { problems };
  return {
    value: {
      trackingCode: raw.trackingCode as string,
      status: raw.status as ApplicationStatus,
      // Oldest first, whatever order the server used: the list is read as a history.
      timeline: timeline.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
      dueDate: (raw.dueDate as string | null | undefined) ?? null,
      workingDaysLeft: (left as number | null | undefined) ?? null,
      ...(raw.dueDateProvisional === true ? { dueDateProvisional: true } : {}),
      ...(raw.outcome !== undefined ? { outcome: raw.outcome as OutcomeId } : {}),
    },
  };
}
