import { msg, str } from '@lit/localize';
import { intlTag, type Locale } from '../../i18n/locale.js';

/** A `YYYY-MM-DD` date, short and unambiguous for a dense table: 2026年12月3日 / 3 Dec 2026. */
export function shortDay(date: string | null, locale: Locale): string {
  if (!date) return '—';
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Intl.DateTimeFormat(intlTag(locale), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(time);
}

/** A `YYYY-MM-DD` date with its weekday, for the clock's day-by-day table. */
export function dayWithWeekday(date: string, locale: Locale): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Intl.DateTimeFormat(intlTag(locale), { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(time);
}

/** An instant as China local date and time. */
export function instant(at: string, locale: Locale): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(time);
}

/** Working days left in words, never by colour alone (English never says "1 working days"). */
export function daysLeftText(left: number): string {
  if (left > 1) return msg(str`还有${left}个工作日`);
  if (left === 1) return msg('还有1个工作日');
  if (left === 0) return msg('今天到期');
  return left === -1 ? msg('已逾期1个工作日') : msg(str`已逾期${-left}个工作日`);
}

/** `n` working days, as a period. */
export function workingDays(n: number): string {
  return n === 1 ? msg('1个工作日') : msg(str`${n}个工作日`);
}
