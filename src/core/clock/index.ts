/**
 * The legal clock of a 政府信息公开申请, as a pure function of its events
 * (条例 arts. 30–34; reference.md §2.2–2.3, §2.7):
 *
 * - Day 0 is the 收到申请之日 (art. 31): for an online request the day both
 *   sides confirmed it, which the office records when it accepts (受理) or
 *   asks for 补正. Counting starts the day after; only working days count
 *   (weekends and statutory holidays skipped, 调休 weekends counted), per
 *   the working-day calendar (core/calendar; the office adds years).
 * - 20 working days to answer (art. 33), plus one approved extension of at
 *   most 20 more.
 * - 补正 (art. 30): asked for within 7 working days of receipt; the count
 *   stops the day after the request and starts again from 0 on the day the
 *   supplement arrives. The applicant has `periodDays` working days; after
 *   that the request is deemed abandoned (视为放弃).
 * - Consultation of a third party or another agency (arts. 32–34): the days
 *   after it starts, up to and including the day it ends, are not counted;
 *   the third party has 15 working days.
 * - Before receipt the clock is an estimate counted from the submission day.
 *
 * Every figure is recomputed from the events at each read, so a year's
 * holidays entered later turn a provisional deadline into an exact one.
 */
import type { ClockDay, ClockMark, ClockState, ClockView } from '../../api/types/staff.js';
import { CONSULTATION_WORKING_DAYS, SUPPLEMENT_REQUEST_WINDOW } from '../../api/types/staff.js';
import { dayType as chinaDayType, REPLY_WORKING_DAYS, type DayType } from '../calendar/index.js';

export type ClockEvent =
  | { kind: 'received'; on: string }
  | { kind: 'supplement-requested'; on: string; periodDays: number }
  | { kind: 'supplement-received'; on: string }
  | { kind: 'consultation-started'; on: string }
  | { kind: 'consultation-ended'; on: string }
  | { kind: 'extension-approved'; on: string; days: number }
  /** answered, withdrawn, deemed abandoned: the clock stops */
  | { kind: 'stopped'; on: string };

/** The working-day calendar the clock counts with (core/calendar's by default). */
export type DayTypeOf = (date: string) => { type: DayType; working: boolean; provisional: boolean };

export interface ClockInput {
  /** China date of the online submission */
  submittedOn: string;
  /** in the order they happened */
  events: readonly ClockEvent[];
  today: string;
  dayTypeOf?: DayTypeOf;
}

const DAY_MS = 86_400_000;
/** Never walk further than this: a case cannot span more than a few years of days. */
const MAX_DAYS = 3 * 366;

export const nextDay = (date: string, n = 1) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The n-th working day after `date` with the given calendar (n ≥ 0), and whether an unpublished year was counted. */
export function addWorking(date: string, n: number, dayTypeOf: DayTypeOf = chinaDayType): { date: string; provisional: boolean } {
  let day = date;
  let provisional = false;
  for (let left = n; left > 0;) {
    day = nextDay(day);
    const type = dayTypeOf(day);
    provisional ||= type.provisional;
    if (type.working) left--;
  }
  return { date: day, provisional };
}

/** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
export function workingBetween(from: string, to: string, dayTypeOf: DayTypeOf = chinaDayType): { days: number; provisional: boolean } {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let days = 0;
  let provisional = false;
  for (let day = nextDay(low); day <= high; day = nextDay(day)) {
    const type = dayTypeOf(day);
    provisional ||= type.provisional;
    if (type.working) days++;
  }
  return { days: sign * days, provisional };
}

/** The clock of a case on `today`, with the day-by-day explanation. */
export function computeClock({ submittedOn, events, today, dayTypeOf = chinaDayType }: ClockInput): ClockView {
  const received = events.find((e) => e.kind === 'received');
  const start = received?.on ?? submittedOn;
  const stoppedOn = events.find((e) => e.kind === 'stopped')?.on ?? null;
  const byDay = new Map<string, ClockEvent[]>();
  for (const event of events) byDay.set(event.on, [...(byDay.get(event.on) ?? []), event]);
  // The explanation runs to the stop, else to today or the last event; the walk goes on only to find a deadline.
  const horizon = stoppedOn ?? events.reduce((max, e) => (e.on > max ? e.on : max), today > start ? today : start);
  const usedOn = stoppedOn && stoppedOn < today ? stoppedOn : today;

  let count = 0;
  let limit = REPLY_WORKING_DAYS;
  let pause: 'supplement' | 'consultation' | null = null;
  let dueDate: string | null = null;
  let provisional = false;
  let supplementDueDate: string | null = null;
  let consultationDueDate: string | null = null;
  let countFrom = start;
  let used = 0;
  const days: ClockDay[] = [];

  for (let day = start, steps = 0; steps < MAX_DAYS; day = nextDay(day), steps++) {
    const type = dayTypeOf(day);
    const todays = byDay.get(day) ?? [];
    // Day 0 (receipt, or the arrival of the 补正) is never counted; nor is a day inside a pause, the day a consultation ends included.
    const dayZero = day === start || todays.some((e) => e.kind === 'supplement-received');
    let counted: number | null = null;
    if (!dayZero && pause === null && type.working) {
      count++;
      counted = count;
      if (day <= horizon || dueDate === null) provisional ||= type.provisional;
    }
    const pausedToday = dayZero ? null : pause;
    const marks: ClockMark[] = [];
    for (const event of todays) {
      marks.push(event.kind);
      if (event.kind === 'supplement-requested') {
        pause = 'supplement';
        supplementDueDate = addWorking(day, event.periodDays, dayTypeOf).date;
      } else if (event.kind === 'supplement-received') {
        pause = null;
        count = 0;
        countFrom = day;
        dueDate = null;
        supplementDueDate = null;
      } else if (event.kind === 'consultation-started') {
        pause = 'consultation';
        consultationDueDate = addWorking(day, CONSULTATION_WORKING_DAYS, dayTypeOf).date;
      } else if (event.kind === 'consultation-ended') {
        pause = null;
        consultationDueDate = null;
      } else if (event.kind === 'extension-approved') {
        limit += event.days;
      }
    }
    if (counted !== null && count === limit && dueDate === null) {
      dueDate = day;
      marks.push('due');
    }
    if (pause === 'supplement' && day === supplementDueDate) marks.push('supplement-due');
    if (pause === 'consultation' && day === consultationDueDate) marks.push('consultation-due');
    if (day === today) marks.push('today');
    if (day <= usedOn) used = count;
    if (day <= horizon || (!stoppedOn && (dueDate === null || day <= dueDate))) {
      days.push({
        date: day,
        dayType: type.type,
        count: counted,
        pause: pausedToday,
        marks,
        ...(type.provisional ? { provisional: true as const } : {}),
      });
    }

    if (day < horizon) continue;
    if (pause === 'supplement' && (stoppedOn || !supplementDueDate || day >= supplementDueDate)) break;
    if (pause === 'consultation' && (stoppedOn || !consultationDueDate || day >= consultationDueDate)) break;
    if (pause === null && dueDate !== null) break;
  }

  const state: ClockState = stoppedOn
    ? 'stopped'
    : !received
      ? 'not-received'
      : pause === 'supplement'
        ? 'paused-supplement'
        : pause === 'consultation'
          ? 'paused-consultation'
          : 'running';
  const running = state === 'running' || state === 'not-received';
  const left = running && dueDate ? workingBetween(today, dueDate, dayTypeOf) : null;
  const requestBy =
    received && !stoppedOn && !events.some((e) => e.kind === 'supplement-requested')
      ? addWorking(received.on, SUPPLEMENT_REQUEST_WINDOW, dayTypeOf).date
      : null;
  return {
    state,
    receivedOn: received?.on ?? null,
    countFrom: pause === 'supplement' ? null : countFrom,
    limit,
    used,
    dueDate: pause === null ? dueDate : null,
    workingDaysLeft: left ? left.days : null,
    provisional: provisional || (left?.provisional ?? false),
    supplementRequestBy: requestBy && requestBy >= today ? requestBy : null,
    supplementDueDate: state === 'paused-supplement' ? supplementDueDate : null,
    consultationDueDate: state === 'paused-consultation' ? consultationDueDate : null,
    days,
  };
}

/** Art. 30: may the office still ask for 补正 on `today`? (once, within 7 working days of receipt) */
export function mayRequestSupplement(events: readonly ClockEvent[], today: string, dayTypeOf: DayTypeOf = chinaDayType): boolean {
  if (events.some((e) => e.kind === 'supplement-requested' || e.kind === 'stopped')) return false;
  const received = events.find((e) => e.kind === 'received');
  if (!received) return true; // the request itself records receipt
  return today <= addWorking(received.on, SUPPLEMENT_REQUEST_WINDOW, dayTypeOf).date;
}

/** Has the 补正 period run out without a supplement (视为放弃 from the day after its last day)? */
export function supplementLapsed(events: readonly ClockEvent[], today: string, dayTypeOf: DayTypeOf = chinaDayType): boolean {
  const requested = events.find((e) => e.kind === 'supplement-requested');
  if (!requested || requested.kind !== 'supplement-requested') return false;
  if (events.some((e) => e.kind === 'supplement-received' || e.kind === 'stopped')) return false;
  return today > addWorking(requested.on, requested.periodDays, dayTypeOf).date;
}
