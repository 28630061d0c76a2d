import { intlTag, type Locale } from '../../i18n/locale.js';

/** A `YYYY-MM-DD` date in words with its weekday: 2026年12月23日星期三 / Wednesday 23 December 2026. */
export function formatDay(date: string, locale: Locale): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(time);
}

/** An instant as China local date and time: 2026年11月25日 10:01. */
export function formatInstant(instant: string, locale: Locale): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(time);
}
