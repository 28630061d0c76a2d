/**
 * Working days (工作日) of mainland China, for the deadlines of the 政府信息公开条例.
 * Dates are `YYYY-MM-DD` strings meaning China local dates; arithmetic runs on
 * UTC midnights so no host time zone can shift a day.
 */
import { HOLIDAYS, MAKE_UP_WORKDAYS } from './holidays.js';
import { REPLY_WORKING_DAYS, EXTENSION_WORKING_DAYS } from './periods.js';

export { todayInChina } from './today.js';
/** 答复期限 in working days (periods.ts). */
export { REPLY_WORKING_DAYS, EXTENSION_WORKING_DAYS };

/** Thrown when a date falls in a year whose holidays are not known: never guess. */
export class CalendarRangeError extends Error {
  constructor(readonly date: string) {
    super(`No holiday calendar for ${date.slice(0, 4)} (known years: ${[...knownYears].sort().join(', ')}). Add it with extendCalendar().`);
    this.name = 'CalendarRangeError';
  }
}

const DAY_MS = 86_400_000;
const knownYears = new Set<number>();
/** Exceptions to the Monday–Friday rule: statutory days off and 调休 working weekends. */
const exceptions = new Map<string, 'holiday' | 'workday'>();

function parse(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) : NaN;
  if (!match || Number.isNaN(time) || format(time) !== date) throw new TypeError(`Not a YYYY-MM-DD date: ${date}`);
  return time;
}

function format(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function expand(year: number, entries: string[]): string[] {
  const dates: string[] = [];
  for (const entry of entries) {
    const [first, last = first] = entry.split('..');
    for (let t = parse(`${year}-${first}`); t <= parse(`${year}-${last}`); t += DAY_MS) dates.push(format(t));
  }
  return dates;
}

/** In a year whose holidays are not published yet: 'throw', or count Monday–Friday ('weekdays'). */
type UnknownYears = 'throw' | 'weekdays';

function isWorkingTime(time: number, unknownYears: UnknownYears = 'throw'): boolean {
  const date = format(time);
  if (!knownYears.has(new Date(time).getUTCFullYear()) && unknownYears === 'throw') throw new CalendarRangeError(date);
  const exception = exceptions.get(date);
  if (exception) return exception === 'workday';
  const weekday = new Date(time).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Whether `date` is a working day: Monday–Friday except statutory holidays, plus 调休 weekends. */
export function isWorkingDay(date: string): boolean {
  return isWorkingTime(parse(date));
}

/**
 * The n-th working day counting from the day after `date` (n = 0 gives `date`
 * itself; a negative n counts backwards from the day before).
 */
export function addWorkingDays(date: string, n: number): string {
  return countWorkingDays(date, n, 'throw');
}

function countWorkingDays(date: string, n: number, unknownYears: UnknownYears): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  let time = parse(date);
  for (let left = Math.abs(n); left > 0;) {
    time += step;
    if (isWorkingTime(time, unknownYears)) left--;
  }
  return format(time);
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is
 * before `from`. With `from` = today and `to` = the due date: days left,
 * 0 on the due date itself, negative when overdue.
 */
export function workingDaysBetween(from: string, to: string): number {
  return countBetween(from, to, 'throw');
}

function countBetween(from: string, to: string, unknownYears: UnknownYears): number {
  const start = parse(from);
  const end = parse(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let t = low + DAY_MS; t <= high; t += DAY_MS) if (isWorkingTime(t, unknownYears)) count++;
  return sign * count;
}

/**
 * The last day to answer an application received on `receivedOn` (条例 arts. 31, 33):
 * the 20th working day counted from the day after receipt, or the 40th when
 * the period was extended (the extension runs on from the original deadline).
 *
 * `receivedOn` is the 收到申请之日: for an online application the day both sides
 * confirmed it (art. 31). After a 补正 (art. 30) the period starts again: pass
 * the day the supplement arrived as `receivedOn`. Time spent consulting third
 * parties (art. 33 ¶3) is not modelled here.
 */
export function replyDueDate(receivedOn: string, options: { extended?: boolean } = {}): string {
  return addWorkingDays(receivedOn, REPLY_WORKING_DAYS + (options.extended ? EXTENSION_WORKING_DAYS : 0));
}

/** A date computed with the working-day calendar, and whether it rests on a year whose holidays are not published yet. */
export interface Provisional<T> {
  value: T;
  /** true when a year without a published holiday arrangement was counted Monday–Friday: show it as an estimate */
  provisional: boolean;
}

function spansUnknownYear(from: string, to: string): boolean {
  const [low, high] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((a, b) => a - b);
  for (let year = low!; year <= high!; year++) if (!knownYears.has(year)) return true;
  return false;
}

/**
 * replyDueDate for a request that must be taken in whatever the date: a
 * deadline that runs into a year whose holidays the State Council has not
 * published yet (the notice comes out each November or December) counts that
 * year Monday–Friday and is flagged provisional — an explicit estimate, never
 * a silent one, and never a reason to refuse a citizen's request.
 */
export function provisionalReplyDueDate(receivedOn: string, options: { extended?: boolean } = {}): Provisional<string> {
  const value = countWorkingDays(receivedOn, REPLY_WORKING_DAYS + (options.extended ? EXTENSION_WORKING_DAYS : 0), 'weekdays');
  return { value, provisional: spansUnknownYear(receivedOn, value) };
}

/** workingDaysBetween that counts unpublished years Monday–Friday, flagged provisional. */
export function provisionalWorkingDaysBetween(from: string, to: string): Provisional<number> {
  return { value: countBetween(from, to, 'weekdays'), provisional: spansUnknownYear(from, to) };
}

/**
 * Adds (or replaces) the arrangement of one year, from that year's 国务院办公厅
 * notice: `holidays` are the days off, `workdays` the 调休 working weekends,
 * all as `YYYY-MM-DD`. A date in another year is accepted only when that year
 * is already known (a block that begins on 31 December).
 */
export function extendCalendar(arrangement: { year: number; holidays: string[]; workdays: string[] }): void {
  const { year, holidays, workdays } = arrangement;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  const all = [...holidays, ...workdays];
  for (const date of all) {
    const dateYear = new Date(parse(date)).getUTCFullYear();
    if (dateYear !== year && !knownYears.has(dateYear)) throw new CalendarRangeError(date);
  }
  const overlap = holidays.find((date) => workdays.includes(date));
  if (overlap) throw new TypeError(`${overlap} is listed both as a holiday and as a working day`);
  for (const date of exceptions.keys()) if (date.startsWith(`${year}-`)) exceptions.delete(date);
  for (const date of holidays) exceptions.set(date, 'holiday');
  for (const date of workdays) exceptions.set(date, 'workday');
  knownYears.add(year);
}

/** What a day is: a weekday, a weekend, a statutory holiday or a 调休 working weekend. */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

/**
 * The kind of `date`, never throwing: in a year whose holidays are not
 * published yet it is counted Monday–Friday and flagged provisional.
 */
export function dayType(date: string): { type: DayType; working: boolean; provisional: boolean } {
  const time = parse(date);
  const provisional = !knownYears.has(new Date(time).getUTCFullYear());
  const weekday = new Date(time).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const exception = provisional ? undefined : exceptions.get(date);
  if (exception === 'holiday') return { type: 'holiday', working: false, provisional };
  if (exception === 'workday') return { type: weekend ? 'make-up-workday' : 'workday', working: true, provisional };
  return { type: weekend ? 'weekend' : 'workday', working: !weekend, provisional };
}

/** The years whose holidays are known, ascending. */
export function calendarYears(): number[] {
  return [...knownYears].sort((a, b) => a - b);
}

/** A built-in year, without extendCalendar()'s checks of office input (tests check the data), so a client leaves them out. */
function load(year: number, holidays: string[], workdays: string[]): void {
  for (const date of expand(year, holidays)) exceptions.set(date, 'holiday');
  for (const date of expand(year, workdays)) exceptions.set(date, 'workday');
  knownYears.add(year);
}

for (const [year, holidays] of Object.entries(HOLIDAYS)) load(+year, holidays, MAKE_UP_WORKDAYS[+year] ?? []);
