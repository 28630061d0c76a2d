/**
 * The events the outbox records, and how they are read off a stored change.
 * An event carries what its notifications need and nothing more: never an
 * identity number or a credit code; the contact the citizen gave travels only
 * to the citizen's own mail and SMS, never in a webhook.
 */
import type { ApplicationStatus, Locale, OutcomeId } from '../../api/types/application.js';
import type { FeedbackCategory } from '../../api/types/feedback.js';
import { addWorkingDays, todayInChina } from '../../core/calendar/index.js';
import type { ApplicationRecord, FeedbackRecord } from '../storage/types.js';

export const EVENT_TYPES = ['application.created', 'application.status-changed', 'feedback.created', 'feedback.replied', 'staff.digest'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The 补正 period when staff name none: "一般不超过15个工作日" (reference.md §2.7, JS-NORM). */
export const SUPPLEMENT_WORKING_DAYS = 15;

/** The applicant's own contact: for the applicant's mail and SMS only. */
export interface Contact {
  email: string | null;
  phone: string | null;
}

export interface ApplicationFacts {
  trackingCode: string;
  agency: string;
  status: ApplicationStatus;
  receivedOn: string;
  dueDate: string | null;
  outcome: OutcomeId | null;
  language: Locale;
  /** what was asked for (title, 文号 or description), so the applicant recognises the case */
  requested: string;
}

export interface StatusChange {
  from: ApplicationStatus;
  to: ApplicationStatus;
  at: string;
  /** the staff's note: for a 补正 what is needed, for an extension the reason */
  note: string | null;
  /** the last day to send the 补正 (`YYYY-MM-DD`); null when the calendar does not reach that far */
  supplementDueDate?: string | null;
}

export interface LetterFacts {
  queryCode: string;
  category: FeedbackCategory;
  subject: string;
  receivedOn: string;
  language: Locale;
  reply?: { text: string; department: string | null; repliedOn: string | null };
}

export interface DigestCase {
  trackingCode: string;
  agency: string;
  status: ApplicationStatus;
  dueDate: string;
  workingDaysLeft: number;
}

export interface StaffDigest {
  date: string;
  dueSoon: DigestCase[];
  overdue: DigestCase[];
}

export type NotifyEvent =
  | { type: 'application.created'; caseId: string; application: ApplicationFacts; contact: Contact }
  | { type: 'application.status-changed'; caseId: string; application: ApplicationFacts; change: StatusChange; contact: Contact }
  | { type: 'feedback.created'; caseId: string; letter: LetterFacts; contact: Contact }
  | { type: 'feedback.replied'; caseId: string; letter: LetterFacts; contact: Contact }
  | { type: 'staff.digest'; caseId: string; digest: StaffDigest };

function requestedOf(record: ApplicationRecord): string {
  const { title, docNo, description } = record.body.request;
  return [title, docNo].filter(Boolean).join(' ') || (description ?? '').slice(0, 80);
}

function applicationFacts(record: ApplicationRecord): ApplicationFacts {
  return {
    trackingCode: record.trackingCode,
    agency: record.agency,
    status: record.status,
    receivedOn: record.receivedOn,
    dueDate: record.dueDate,
    outcome: record.outcome,
    language: record.language ?? 'zh-CN',
    requested: requestedOf(record),
  };
}

function applicantContact(record: ApplicationRecord): Contact {
  const { applicant, delivery } = record.body;
  return { email: applicant.email ?? delivery.email ?? null, phone: applicant.phone };
}

export function applicationCreated(record: ApplicationRecord): NotifyEvent {
  return { type: 'application.created', caseId: record.trackingCode, application: applicationFacts(record), contact: applicantContact(record) };
}

/** Past the published holiday calendars the 补正 date is left out rather than guessed. */
function supplementDueDate(at: string): string | null {
  try {
    return addWorkingDays(todayInChina(new Date(at)), SUPPLEMENT_WORKING_DAYS);
  } catch {
    return null;
  }
}

/** `after` is the application as stored by the change; `before.status` is where it came from. */
export function applicationStatusChanged(before: ApplicationRecord, after: ApplicationRecord): NotifyEvent {
  const entry = after.timeline[after.timeline.length - 1]!;
  const change: StatusChange = { from: before.status, to: after.status, at: entry.at, note: entry.note ?? null };
  if (after.status === 'supplement-requested') change.supplementDueDate = supplementDueDate(entry.at);
  return { type: 'application.status-changed', caseId: after.trackingCode, application: applicationFacts(after), change, contact: applicantContact(after) };
}

function letterFacts(record: FeedbackRecord): LetterFacts {
  return {
    queryCode: record.queryCode,
    category: record.category,
    subject: record.subject,
    receivedOn: record.receivedOn,
    language: record.language ?? 'zh-CN',
  };
}

const letterContact = (record: FeedbackRecord): Contact => ({ email: record.email, phone: record.phone });

export function feedbackCreated(record: FeedbackRecord): NotifyEvent {
  return { type: 'feedback.created', caseId: record.queryCode, letter: letterFacts(record), contact: letterContact(record) };
}

/** A reply given, or a given reply reworded: the writer hears of it; anything else (a rating, withholding) tells no one. */
export function feedbackChanged(before: FeedbackRecord, after: FeedbackRecord): NotifyEvent | null {
  const replied = after.status === 'replied' && after.reply !== null;
  if (!replied || (before.status === 'replied' && before.reply === after.reply)) return null;
  return {
    type: 'feedback.replied',
    caseId: after.queryCode,
    letter: { ...letterFacts(after), reply: { text: after.reply!, department: after.replyDepartment, repliedOn: after.repliedOn } },
    contact: letterContact(after),
  };
}
