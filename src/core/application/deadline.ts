/**
 * How a reply deadline was counted, so the confirmation can explain it in
 * words: the days from the day after receipt to the deadline, how many of
 * them were days off (weekends and statutory holidays) and how many were
 * 调休 weekend days worked. The deadline itself is the server's; this only
 * explains it.
 */
import { isWorkingDay } from '../calendar/index.js';

export interface ReplyPeriodBreakdown {
  /** the first day counted: the day after receipt */
  firstDay: string;
  /** calendar days from `firstDay` to the deadline, both included */
  calendarDays: number;
  workingDays: number;
  /** weekends and statutory holidays that were not counted */
  daysOff: number;
  /** 调休: weekend days that were working days, and so counted */
  makeUpWorkdays: number;
}

const DAY_MS = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const date = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The breakdown of the period from `receivedOn` to `dueDate`, or undefined
 * when it cannot be given honestly (a year without a published holiday
 * calendar, or dates that make no sense).
 */
export function replyPeriodBreakdown(receivedOn: string, dueDate: string): ReplyPeriodBreakdown | undefined {
  const start = time(receivedOn) + DAY_MS;
  const end = time(dueDate);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 400 * DAY_MS) return undefined;
  let workingDays = 0;
  let makeUpWorkdays = 0;
  try {
    for (let t = start; t <= end; t += DAY_MS) {
      if (!isWorkingDay(date(t))) continue;
      workingDays++;
      const weekday = new Date(t).getUTCDay();
      if (weekday === 0 || weekday === 6) makeUpWorkdays++;
    }
  } catch {
    return undefined; // CalendarRangeError: the holidays of that year are not known
  }
  const calendarDays = Math.round((end - start) / DAY_MS) + 1;
  return { firstDay: date(start), calendarDays, workingDays, daysOff: calendarDays - workingDays, makeUpWorkdays };
}
