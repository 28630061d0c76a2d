/**
 * The working-day calendar the office keeps: a year's 放假调休 arrangement
 * entered in the desk is stored in the database and loaded into core/calendar,
 * so every deadline (computed at each read) uses it at once. Each instance
 * reloads the stored years at most once a minute, so instances that share
 * one PostgreSQL database pick up a year another one stored.
 */
import type { CalendarNotice, CalendarOverview, CalendarYear } from '../../api/types/staff.js';
import { calendarYears, dayType, extendCalendar, HOLIDAY_ARRANGEMENTS, provisionalReplyDueDate } from '../../core/calendar/index.js';
import type { Storage } from '../storage/types.js';

const RELOAD_MS = 60_000;

export interface OfficeCalendar {
  /** Loads the stored years when the last load is older than a minute (or never happened). */
  ready(): Promise<void>;
  /** Stores a year and applies it at once. */
  put(year: CalendarYear): Promise<void>;
  overview(today: string): Promise<CalendarOverview>;
  /**
   * The reply deadline of a request received on `receivedOn` (20 working days, flagged when it runs past the known
   * years): computed once per receipt day, and again only after the calendar changed.
   */
  replyDueDate(receivedOn: string): { value: string; provisional: boolean };
}

/** Every holiday and 调休 working day of a year, as the calendar now stands. */
function effectiveYear(year: number): { holidays: string[]; workdays: string[] } {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const type = dayType(date).type;
    if (type === 'holiday') holidays.push(date);
    else if (type === 'make-up-workday') workdays.push(date);
  }
  return { holidays, workdays };
}

/** From 1 November, next year's arrangement is due (the State Council publishes it in November or December). */
export function calendarNotice(today: string): CalendarNotice | null {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '11-01' && !calendarYears().includes(year + 1) ? { missingYear: year + 1 } : null;
}

export function createOfficeCalendar(storage: Storage, clock: () => number = Date.now): OfficeCalendar {
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  const office = new Map<number, CalendarYear>();
  const dueDates = new Map<string, { value: string; provisional: boolean }>();

  async function load(): Promise<void> {
    for (const stored of await storage.listCalendarYears()) {
      const year: CalendarYear = { ...stored, source: 'office' };
      const previous = office.get(year.year);
      if (previous && JSON.stringify(previous) === JSON.stringify(year)) continue;
      try {
        extendCalendar(year);
        dueDates.clear();
        office.set(year.year, year);
      } catch {
        // A stored year that no longer fits (e.g. its December block's next year was removed) is skipped, not fatal.
      }
    }
    loadedAt = clock();
  }

  return {
    ready() {
      if (clock() - loadedAt < RELOAD_MS) return Promise.resolve();
      return (loading ??= load().finally(() => (loading = null)));
    },
    async put(year) {
      extendCalendar(year);
      dueDates.clear();
      await storage.putCalendarYear(year);
      office.set(year.year, { ...year, source: 'office' });
    },
    async overview(today) {
      await this.ready();
      const years = calendarYears().map((year): CalendarYear => {
        const entered = office.get(year);
        if (entered) return entered;
        const builtIn = year in HOLIDAY_ARRANGEMENTS;
        return { year, ...effectiveYear(year), notice: builtIn ? `国务院办公厅关于${year}年部分节假日安排的通知` : '', source: 'built-in' };
      });
      return { years, notice: calendarNotice(today) };
    },
    replyDueDate(receivedOn) {
      let due = dueDates.get(receivedOn);
      if (!due) {
        // A few receipt days are live at once (today, and yesterday around midnight); forget the rest.
        if (dueDates.size >= 8) dueDates.clear();
        due = provisionalReplyDueDate(receivedOn);
        dueDates.set(receivedOn, due);
      }
      return due;
    },
  };
}
