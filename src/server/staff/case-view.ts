/**
 * What the desk and the applicant see of a case, computed at each read from
 * the stored record: the clock (core/clock), the legal next steps, the queue
 * row, the public status view (which never shows staff-internal notes).
 */
import type { ApplicationStatus, ApplicationStatusView } from '../../api/types/application.js';
import {
  ACTION_ROLES,
  STAFF_ACTIONS,
  type ClockView,
  type QueueItem,
  type StaffAction,
  type StaffCase,
  type StaffUser,
  type Waiting,
} from '../../api/types/staff.js';
import { computeClock } from '../../core/clock/index.js';
import { todayInChina } from '../../core/calendar/index.js';
import type { CaseRecord, CaseSummary } from '../storage/case-types.js';
import { caseEvents, refusal } from './actions.js';

export const submittedOn = (record: CaseSummary) => todayInChina(new Date(record.receivedAt));

export function caseClock(record: CaseSummary, today: string): ClockView {
  return computeClock({ submittedOn: submittedOn(record), events: caseEvents(record), today });
}

export function waitingOn(record: CaseSummary): Waiting | null {
  if (record.status === 'supplement-requested') return 'applicant-supplement';
  if ((record.caseData.consultations ?? []).some((c) => c.endedOn === null)) return 'third-party';
  if (record.caseData.extension?.decision === 'pending') return 'head-approval';
  return null;
}

/** The steps `user` may take on the case today: the desk offers these and nothing else. */
export function legalActions(record: CaseSummary, user: StaffUser, today: string): StaffAction[] {
  const clock = caseClock(record, today);
  return STAFF_ACTIONS.filter((action) => ACTION_ROLES[action].includes(user.role) && refusal(action, record, clock, today) === null);
}

/** 张三 → 张*, 欧阳娜娜 → 欧阳**: a person's name masked for lists; an organisation's name is public. */
export function maskName(name: string, type: 'person' | 'organization'): string {
  if (type === 'organization') return name;
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

function subjectOf(record: CaseSummary): string {
  const { title, docNo, description } = record.body.request;
  const text = title || docNo || description || '';
  const chars = [...text];
  return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : text;
}

export function toQueueItem(record: CaseSummary, clock: ClockView): QueueItem {
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    applicantName: maskName(record.body.applicant.name, record.body.applicant.type),
    applicantType: record.body.applicant.type,
    subject: subjectOf(record),
    submittedAt: record.receivedAt,
    receivedOn: clock.receivedOn,
    dueDate: clock.dueDate,
    workingDaysLeft: clock.workingDaysLeft,
    provisional: clock.provisional,
    clock: clock.state,
    waiting: waitingOn(record),
  };
}

export function toStaffCase(record: CaseRecord, user: StaffUser, today: string): StaffCase {
  const clock = caseClock(record, today);
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    agency: record.agency,
    applicant: record.body.applicant,
    request: record.body.request,
    delivery: record.body.delivery,
    attachments: record.files,
    submittedAt: record.receivedAt,
    clock,
    waiting: waitingOn(record),
    actions: legalActions(record, user, today),
    supplement: record.caseData.supplement ?? null,
    consultations: record.caseData.consultations ?? [],
    extension: record.caseData.extension ?? null,
    answer: record.caseData.answer ?? null,
    appeals: record.appeals,
    timeline: record.audit,
  };
}

/**
 * What the applicant sees: status, the public timeline, the clock's figures,
 * what a 补正 asks for, and the documents once answered. Staff reasons and
 * internal notes live in the audit trail only and never appear here.
 */
/**
 * Steps whose note is addressed to the applicant: what a 补正 must supply, and why the answer is extended (art. 33:
 * the extension is notified to the applicant, with its reason). Every other note is the office's own working note
 * and never leaves the staff side.
 */
const NOTES_FOR_THE_APPLICANT: readonly ApplicationStatus[] = ['supplement-requested', 'extended'];

/** What the applicant sees of a case (with `staff`, the office: every note of the timeline). */
export function publicView(
  record: CaseSummary & { timeline: ApplicationStatusView['timeline'] },
  today: string,
  audience: 'public' | 'staff' = 'public',
): ApplicationStatusView {
  const clock = caseClock(record, today);
  const running = clock.state === 'running' || clock.state === 'not-received';
  const supplement = record.caseData.supplement;
  const answer = record.caseData.answer;
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    timeline:
      audience === 'staff'
        ? record.timeline
        : record.timeline.map(({ note, ...entry }) =>
            note !== undefined && NOTES_FOR_THE_APPLICANT.includes(entry.status) ? { ...entry, note } : entry,
          ),
    dueDate: clock.state === 'stopped' ? record.dueDate : clock.dueDate,
    workingDaysLeft: running ? clock.workingDaysLeft : null,
    ...(running && clock.provisional ? { dueDateProvisional: true } : {}),
    ...(record.outcome ? { outcome: record.outcome } : {}),
    ...(record.status === 'supplement-requested' && supplement
      ? { supplement: { triggers: supplement.triggers, detail: supplement.detail, dueOn: supplement.dueOn } }
      : {}),
    ...(answer
      ? {
          documents: {
            answerLetter: { name: `政府信息公开申请答复书-${record.trackingCode}.txt`, issuedOn: answer.answeredOn },
            files: answer.files,
          },
        }
      : {}),
  };
}
