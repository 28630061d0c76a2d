/**
 * How a reply deadline was counted, so the confirmation can explain it in
 * words: the days from the day after receipt to the deadline, how many of
 * them were days off (weekends and statutory holidays) and how many were
 * 调休 weekend days worked. The deadline itself is the server's; this only
 * explains it.
 */
import { MAKE_UP_WORKDAYS } from '../calendar/holidays.js';
import { REPLY_WORKING_DAYS } from '../calendar/periods.js';

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
 * calendar, or dates that make no sense). The due date is the server's: the
 * 20th working day from the day after receipt, so every other day of the
 * period is a day off, and only the 调休 working weekends need the calendar
 * (the holidays themselves are not loaded).
 */
export function replyPeriodBreakdown(receivedOn: string, dueDate: string): ReplyPeriodBreakdown | undefined {
  const start = time(receivedOn) + DAY_MS;
  const end = time(dueDate);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 400 * DAY_MS) return undefined;
  const calendarDays = Math.round((end - start) / DAY_MS) + 1;
  const [firstDay, lastDay] = [date(start), date(end)];
  let makeUpWorkdays = 0;
  for (let year = +firstDay.slice(0, 4); year <= +lastDay.slice(0, 4); year++) {
    const workdays = MAKE_UP_WORKDAYS[year];
    if (!workdays) return undefined; // the holidays of that year are not known
    makeUpWorkdays += workdays.filter((day) => `${year}-${day}` >= firstDay && `${year}-${day}` <= lastDay).length;
  }
  if (calendarDays < REPLY_WORKING_DAYS) return undefined;
  const workingDays = REPLY_WORKING_DAYS;
  return { firstDay, calendarDays, workingDays, daysOff: calendarDays - workingDays, makeUpWorkdays };
}
