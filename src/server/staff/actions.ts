/**
 * The desk's steps, the applicant's 补正 and 撤回, and 视为放弃: for each,
 * when it is legal (else 409 with the reason), what its body must hold
 * (else 422) and the change it makes. Roles are checked by the route
 * (ACTION_ROLES); the lifecycle graph is core/lifecycle's, the dates core/clock's.
 */
import { OUTCOME_IDS, type AttachmentReceipt, type OutcomeId } from '../../api/types/application.js';
import {
  EXTENSION_MAX_DAYS,
  SUPPLEMENT_PERIOD_DEFAULT,
  SUPPLEMENT_PERIOD_MAX,
  SUPPLEMENT_REQUEST_WINDOW,
  SUPPLEMENT_TRIGGER_LABELS,
  SUPPLEMENT_TRIGGERS,
  type Actor,
  type AnswerLetter,
  type AuditAction,
  type ClockView,
  type StaffAction,
  type SupplementTrigger,
} from '../../api/types/staff.js';
import { generateAnswerLetter, ANSWER_LETTER_FIELDS } from '../../core/answer-letter/index.js';
import { todayInChina } from '../../core/calendar/index.js';
import { addWorking, computeClock, mayRequestSupplement, nextDay, supplementLapsed, type ClockEvent } from '../../core/clock/index.js';
import { canTransition } from '../../core/lifecycle/index.js';
import { checkText, failIf, isIsoDate, objectWithKeys, type Json } from '../check.js';
import { ProblemError, type FieldProblem } from '../problem.js';
import type { CaseChange, CaseData, CaseRecord, CaseSummary } from '../storage/case-types.js';
import type { ApplicationStatus } from '../../api/types/application.js';

const MAX_NOTE = 2000;
const MAX_LETTER_FIELD = 5000;

/** The clock events of a case; rows from before the desk existed get theirs from the lifecycle columns. */
export const caseEvents = (record: CaseSummary): ClockEvent[] => record.caseData.events ?? legacyEvents(record);
const eventsOf = caseEvents;
const openConsultation = (record: CaseSummary) => (record.caseData.consultations ?? []).find((c) => c.endedOn === null);

function legacyEvents(record: CaseSummary): ClockEvent[] {
  const events: ClockEvent[] = [];
  if (record.status === 'submitted') return events;
  events.push({ kind: 'received', on: record.receivedOn });
  if (record.status === 'supplement-requested' || record.clockStart !== record.receivedOn) {
    events.push({ kind: 'supplement-requested', on: record.receivedOn, periodDays: 15 });
    if (record.clockStart !== record.receivedOn) events.push({ kind: 'supplement-received', on: record.clockStart });
  }
  if (record.extended) events.push({ kind: 'extension-approved', on: record.clockStart, days: 20 });
  if (record.resolvedOn) events.push({ kind: 'stopped', on: record.resolvedOn });
  return events;
}

/** Why `action` is not legal on the case today, or null when it is. */
export function refusal(action: StaffAction, record: CaseSummary, clock: ClockView, today: string): string | null {
  const status = record.status;
  const events = eventsOf(record);
  switch (action) {
    case 'accept':
      return status === 'submitted' ? null : `Only a submitted request can be accepted; this one is ${status}.`;
    case 'request-supplement':
      if (status !== 'submitted') return `补正 is asked for once, before acceptance (art. 30); this request is ${status}.`;
      return mayRequestSupplement(events, today) ? null : 'The 7 working days after receipt for asking 补正 have passed (art. 30).';
    case 'record-supplement':
      if (status !== 'supplement-requested') return `No 补正 is awaited; this request is ${status}.`;
      return supplementLapsed(events, today) ? 'The 补正 period has ended: the request is deemed abandoned.' : null;
    case 'consult':
      if (status !== 'accepted' && status !== 'extended') return `Only an accepted request can be consulted on; this one is ${status}.`;
      return openConsultation(record) ? 'A consultation is already open: record its reply first.' : null;
    case 'record-consultation-reply':
      return openConsultation(record) ? null : 'No consultation is open.';
    case 'request-extension':
      if (status !== 'accepted') return `Only an accepted request can be extended; this one is ${status}.`;
      if (record.caseData.extension) return 'An extension was requested already: it is allowed once (art. 33).';
      return clock.dueDate !== null && clock.dueDate < today ? 'The reply period has already ended.' : null;
    case 'decide-extension':
      if (record.caseData.extension?.decision !== 'pending' || status !== 'accepted') return 'No extension awaits a decision.';
      return clock.dueDate !== null && clock.dueDate < today ? 'The reply period ended before the extension was approved.' : null;
    case 'answer':
      if (status !== 'accepted' && status !== 'extended') return `Only an accepted request can be answered; this one is ${status}.`;
      return openConsultation(record) ? 'A consultation is still open: record its reply (or that none came) first.' : null;
    case 'close':
      return status === 'answered' ? null : `Only an answered request can be closed; this one is ${status}.`;
    case 'abandon':
      if (status !== 'supplement-requested') return `Only a request awaiting 补正 can be deemed abandoned; this one is ${status}.`;
      return supplementLapsed(events, today) ? null : 'The 补正 period has not ended yet.';
  }
}

/** A date in the body (default today), not in the future and not before `notBefore`. */
function dateField(json: Json, key: string, today: string, notBefore: string | null, problems: FieldProblem[]): string {
  const value = json[key];
  if (value === undefined) return today;
  if (!isIsoDate(value) || value > today || (notBefore !== null && value < notBefore)) {
    problems.push({ field: `/${key}`, code: 'type.invalid' });
    return today;
  }
  return value;
}

function lastEventOn(events: ClockEvent[], fallback: string): string {
  return events.reduce((max, e) => (e.on > max ? e.on : max), fallback);
}

function stringList(json: Json, key: string, max: number, problems: FieldProblem[]): string[] {
  const value = json[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length > 100)) {
    problems.push({ field: `/${key}`, code: 'type.invalid' });
    return [];
  }
  if (value.length > max) problems.push({ field: `/${key}`, code: 'list.tooMany', params: { max } });
  return [...new Set(value as string[])];
}

function readLetter(value: unknown, problems: FieldProblem[]): AnswerLetter | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ field: '/letter', code: 'type.invalid' });
    return undefined;
  }
  const letter = value as Json;
  for (const key of Object.keys(letter))
    if (!(ANSWER_LETTER_FIELDS as readonly string[]).includes(key)) problems.push({ field: `/letter/${key}`, code: 'field.unknown' });
  for (const key of ANSWER_LETTER_FIELDS) {
    const text = letter[key];
    if (typeof text !== 'string' || text.trim() === '') problems.push({ field: `/letter/${key}`, code: 'required' });
    else if ([...text].length > MAX_LETTER_FIELD)
      problems.push({ field: `/letter/${key}`, code: 'text.tooLong', params: { max: MAX_LETTER_FIELD } });
  }
  return letter as unknown as AnswerLetter;
}

/** The fields of every action body, so unknown ones are refused. */
const BODY_KEYS: Record<StaffAction, string[]> = {
  accept: ['receivedOn', 'reason'],
  'request-supplement': ['triggers', 'detail', 'periodDays', 'receivedOn', 'reason'],
  'record-supplement': ['receivedOn', 'text', 'reason'],
  consult: ['party', 'startedOn', 'reason'],
  'record-consultation-reply': ['reply', 'endedOn', 'reason'],
  'request-extension': ['days', 'reason'],
  'decide-extension': ['approve', 'reason'],
  answer: ['outcome', 'files', 'letter', 'reason'],
  close: ['reason'],
  abandon: ['reason'],
};

/** The file ids an answer body names (the route looks them up before deciding). */
export function answerFileIds(body: unknown): string[] {
  const json = body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : {};
  return Array.isArray(json.files) ? json.files.filter((f): f is string => typeof f === 'string') : [];
}

export interface DecideContext {
  actor: Actor;
  now: Date;
  /** the released files named by an `answer` body, as stored (released-file ids only) */
  releasedFiles?: AttachmentReceipt[];
}

/** The change after new events: the lifecycle columns follow the clock. */
function withEvents(
  current: CaseRecord,
  status: ApplicationStatus,
  events: ClockEvent[],
  caseData: CaseData,
  today: string,
  audit: CaseChange['audit'],
  entry: CaseChange['entry'],
  extra: Partial<CaseChange> = {},
): CaseChange {
  const submitted = todayInChina(new Date(current.receivedAt));
  const clock = computeClock({ submittedOn: submitted, events, today });
  return {
    status,
    clockStart: clock.countFrom ?? current.clockStart,
    extended: events.some((e) => e.kind === 'extension-approved'),
    dueDate: clock.dueDate,
    outcome: current.outcome,
    resolvedOn: current.resolvedOn,
    receivedOn: clock.receivedOn ?? current.receivedOn,
    caseData: { ...caseData, events },
    entry,
    audit,
    ...extra,
  };
}

/** Decides a desk step (after the role check). Throws 409 when illegal, 422 when the body is wrong. */
export function decideAction(action: StaffAction, body: unknown, current: CaseRecord, context: DecideContext): CaseChange {
  const today = todayInChina(context.now);
  const at = context.now.toISOString();
  const events = eventsOf(current);
  const clock = computeClock({ submittedOn: todayInChina(new Date(current.receivedAt)), events, today });
  const why = refusal(action, current, clock, today);
  if (why) throw new ProblemError('illegal-transition', why);
  const json = objectWithKeys(body ?? {}, BODY_KEYS[action]);
  const problems: FieldProblem[] = [];
  const reason = checkText(json, 'reason', MAX_NOTE, problems, action === 'request-extension') ?? null;
  const audit = { actor: context.actor, action: action as AuditAction, reason, at };
  const data = current.caseData;
  const submitted = todayInChina(new Date(current.receivedAt));
  const staffName = context.actor.kind === 'staff' ? context.actor.name : context.actor.kind;
  /** A step that keeps the status and tells the applicant nothing: new case data, and perhaps a clock event. */
  const quietly = (changed: Partial<CaseData>, event?: ClockEvent) =>
    withEvents(current, current.status, event ? [...events, event] : events, { ...data, ...changed }, today, audit, null);

  switch (action) {
    case 'accept': {
      const on = dateField(json, 'receivedOn', today, submitted, problems);
      failIf(problems);
      return withEvents(current, 'accepted', [...events, { kind: 'received', on }], data, today, audit, { status: 'accepted', at });
    }
    case 'request-supplement': {
      const triggers = stringList(json, 'triggers', SUPPLEMENT_TRIGGERS.length, problems) as SupplementTrigger[];
      if (triggers.some((t) => !SUPPLEMENT_TRIGGERS.includes(t))) problems.push({ field: '/triggers', code: 'choice.invalid' });
      const detail = checkText(json, 'detail', MAX_NOTE, problems) ?? '';
      if (triggers.length === 0 && !detail) problems.push({ field: '/triggers', code: 'choice.required' });
      const periodDays = json.periodDays ?? SUPPLEMENT_PERIOD_DEFAULT;
      if (!Number.isInteger(periodDays) || (periodDays as number) < 1 || (periodDays as number) > SUPPLEMENT_PERIOD_MAX) {
        problems.push({ field: '/periodDays', code: 'type.invalid' });
      }
      const receivedOn = dateField(json, 'receivedOn', today, submitted, problems);
      failIf(problems);
      if (today > addWorking(receivedOn, SUPPLEMENT_REQUEST_WINDOW).date) {
        throw new ProblemError('illegal-transition', 'The 7 working days after receipt for asking 补正 have passed (art. 30).');
      }
      const period = periodDays as number;
      const next: ClockEvent[] = [
        ...events,
        { kind: 'received', on: receivedOn },
        { kind: 'supplement-requested', on: today, periodDays: period },
      ];
      const supplement = {
        requestedOn: today,
        triggers,
        detail,
        periodDays: period,
        dueOn: addWorking(today, period).date,
        receivedOn: null,
        text: null,
        attachments: [],
      };
      // The public entry says what is missing (the applicant's notice, and the notification's text); the reason stays internal.
      const asked = [...triggers.map((t) => SUPPLEMENT_TRIGGER_LABELS[t]['zh-CN']), ...(detail ? [detail] : [])].join('；');
      return withEvents(current, 'supplement-requested', next, { ...data, supplement }, today, audit, {
        status: 'supplement-requested',
        at,
        note: asked,
      });
    }
    case 'record-supplement': {
      const on = dateField(json, 'receivedOn', today, data.supplement?.requestedOn ?? lastEventOn(events, submitted), problems);
      const text = checkText(json, 'text', MAX_NOTE, problems) ?? null;
      failIf(problems);
      return supplementArrived(current, events, on, text, [], audit, today, at);
    }
    case 'consult': {
      const party = checkText(json, 'party', 200, problems, true);
      const on = dateField(json, 'startedOn', today, lastEventOn(events, submitted), problems);
      failIf(problems);
      const consultation = { party: party!, startedOn: on, dueOn: addWorking(on, 15).date, endedOn: null, reply: null };
      const consultations = [...(data.consultations ?? []), consultation];
      return quietly({ consultations }, { kind: 'consultation-started', on });
    }
    case 'record-consultation-reply': {
      const reply = checkText(json, 'reply', MAX_NOTE, problems, true);
      const open = openConsultation(current)!;
      const on = dateField(json, 'endedOn', today, open.startedOn, problems);
      failIf(problems);
      const consultations = (data.consultations ?? []).map((c) =>
        c === open || (c.endedOn === null && c.startedOn === open.startedOn) ? { ...c, endedOn: on, reply: reply! } : c,
      );
      return quietly({ consultations }, { kind: 'consultation-ended', on });
    }
    case 'request-extension': {
      const days = json.days;
      if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > EXTENSION_MAX_DAYS)
        problems.push({ field: '/days', code: 'type.invalid' });
      failIf(problems);
      const extension = {
        requestedOn: today,
        requestedBy: staffName,
        days: days as number,
        reason: reason!,
        decision: 'pending' as const,
        decidedOn: null,
        decidedBy: null,
      };
      return quietly({ extension });
    }
    case 'decide-extension': {
      if (typeof json.approve !== 'boolean')
        problems.push({ field: '/approve', code: json.approve === undefined ? 'required' : 'type.invalid' });
      failIf(problems);
      const pending = data.extension!;
      const extension = {
        ...pending,
        decision: json.approve ? ('approved' as const) : ('refused' as const),
        decidedOn: today,
        decidedBy: staffName,
      };
      if (!json.approve) return quietly({ extension });
      if (!canTransition(current.status, 'extended')) throw new ProblemError('illegal-transition', 'This request cannot be extended.');
      // Art. 33: the applicant is told of the extension and why.
      const entry = { status: 'extended' as const, at, note: pending.reason };
      return withEvents(
        current,
        'extended',
        [...events, { kind: 'extension-approved', on: today, days: pending.days }],
        { ...data, extension },
        today,
        audit,
        entry,
      );
    }
    case 'answer': {
      const outcome = json.outcome as OutcomeId;
      if (json.outcome === undefined) problems.push({ field: '/outcome', code: 'required' });
      else if (!OUTCOME_IDS.includes(outcome)) problems.push({ field: '/outcome', code: 'choice.invalid' });
      else if (outcome === '3.6.1') problems.push({ field: '/outcome', code: 'choice.invalid', params: {} });
      else if (outcome === '3.4.3' && !data.supplement?.receivedOn) problems.push({ field: '/outcome', code: 'choice.invalid' });
      const ids = stringList(json, 'files', 50, problems);
      const found = new Map((context.releasedFiles ?? []).map((f) => [f.id, f]));
      ids.forEach((id, i) => {
        if (!found.has(id)) problems.push({ field: `/files/${i}`, code: 'attachment.invalid' });
      });
      const edited = readLetter(json.letter, problems);
      failIf(problems);
      const files = ids.map((id) => found.get(id)!);
      const letter =
        edited ??
        draftLetter(
          current,
          outcome,
          files.map((f) => f.name),
          today,
        );
      const answer = { outcome, answeredOn: today, letter, files };
      return withEvents(
        current,
        'answered',
        [...events, { kind: 'stopped', on: today }],
        { ...data, answer },
        today,
        audit,
        { status: 'answered', at },
        {
          outcome,
          resolvedOn: today,
        },
      );
    }
    case 'close':
      failIf(problems);
      return withEvents(current, 'closed', events, data, today, audit, { status: 'closed', at });
    case 'abandon':
      failIf(problems);
      return abandoned(current, events, audit, today, at);
  }
}

/** 视为放弃 (art. 30; table 三 row 3.6.1), dated the day after the 补正 period's last day. */
function abandoned(current: CaseRecord, events: ClockEvent[], audit: CaseChange['audit'], today: string, at: string): CaseChange {
  const dueOn = current.caseData.supplement?.dueOn;
  const on = dueOn && nextDay(dueOn) < today ? nextDay(dueOn) : today;
  const answer = { outcome: '3.6.1' as const, answeredOn: on, letter: draftLetter(current, '3.6.1', [], on), files: [] };
  const entry = { status: 'answered' as const, at, note: '逾期未补正，视为放弃申请' };
  return withEvents(current, 'answered', [...events, { kind: 'stopped', on }], { ...current.caseData, answer }, today, audit, entry, {
    outcome: '3.6.1',
    resolvedOn: on,
  });
}

function supplementArrived(
  current: CaseRecord,
  events: ClockEvent[],
  on: string,
  text: string | null,
  attachments: AttachmentReceipt[],
  audit: CaseChange['audit'],
  today: string,
  at: string,
): CaseChange {
  const supplement = { ...current.caseData.supplement!, receivedOn: on, text, attachments };
  return withEvents(
    current,
    'accepted',
    [...events, { kind: 'supplement-received', on }],
    { ...current.caseData, supplement },
    today,
    audit,
    {
      status: 'accepted',
      at,
    },
  );
}

/** The generated 答复书 for an outcome, from the case's facts. */
export function draftLetter(record: CaseRecord, outcome: OutcomeId, files: string[], today: string): AnswerLetter {
  const events = eventsOf(record);
  const supplement = record.caseData.supplement;
  return generateAnswerLetter({
    trackingCode: record.trackingCode,
    agency: record.agency,
    applicantName: record.body.applicant.name,
    submittedOn: todayInChina(new Date(record.receivedAt)),
    receivedOn: events.find((e) => e.kind === 'received')?.on ?? null,
    request: record.body.request,
    outcome,
    files,
    answeredOn: today,
    supplement: supplement ? { requestedOn: supplement.requestedOn, receivedOn: supplement.receivedOn } : null,
  });
}

/** 视为放弃 recorded by the server once the 补正 period has ended (actor: system). */
export function decideLapse(current: CaseRecord, now: Date): CaseChange {
  const today = todayInChina(now);
  const events = eventsOf(current);
  if (current.status !== 'supplement-requested' || !supplementLapsed(events, today))
    throw new ProblemError('illegal-transition', 'Not lapsed.');
  return abandoned(
    current,
    events,
    { actor: { kind: 'system' }, action: 'abandon', reason: '补正期限届满，申请人未补正', at: now.toISOString() },
    today,
    now.toISOString(),
  );
}

/** The applicant's online 补正 (art. 30): the clock restarts on the day it arrives. */
export function decideSupplement(current: CaseRecord, input: { text: string; attachments: AttachmentReceipt[] }, now: Date): CaseChange {
  const today = todayInChina(now);
  const events = eventsOf(current);
  if (current.status !== 'supplement-requested') throw new ProblemError('illegal-transition', 'No 补正 is awaited for this request.');
  if (supplementLapsed(events, today)) throw new ProblemError('illegal-transition', 'The 补正 period has ended.');
  const audit = { actor: { kind: 'applicant' as const }, action: 'supplement' as const, reason: null, at: now.toISOString() };
  return supplementArrived(current, events, today, input.text, input.attachments, audit, today, now.toISOString());
}

/** The applicant withdraws (撤回) an open request. */
export function decideWithdrawal(current: CaseRecord, reason: string | null, now: Date): CaseChange {
  const today = todayInChina(now);
  if (!canTransition(current.status, 'withdrawn'))
    throw new ProblemError('illegal-transition', `A request that is ${current.status} can no longer be withdrawn.`);
  const events = eventsOf(current);
  const audit = { actor: { kind: 'applicant' as const }, action: 'withdraw' as const, reason, at: now.toISOString() };
  return withEvents(
    current,
    'withdrawn',
    [...events, { kind: 'stopped', on: today }],
    current.caseData,
    today,
    audit,
    { status: 'withdrawn', at: now.toISOString() },
    {
      resolvedOn: today,
    },
  );
}
