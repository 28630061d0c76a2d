import { msg, str } from '@lit/localize';
import { formatDate, plural } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';

/** A `YYYY-MM-DD` date, or a dash where there is none (a dense table keeps its columns). */
export function day(date: string | null | undefined, locale: Locale): string {
  return date ? formatDate(date, locale) : '—';
}

/** Working days left in words, never by colour alone. */
export function daysLeftText(left: number, locale: Locale): string {
  if (left === 0) return msg('今天到期');
  if (left > 0) return plural(locale, left, { one: () => msg('还有1个工作日'), other: () => msg(str`还有${left}个工作日`) });
  const over = -left;
  return plural(locale, over, { one: () => msg('已逾期1个工作日'), other: () => msg(str`已逾期${over}个工作日`) });
}

/** `n` working days, as a period. */
export function workingDays(n: number, locale: Locale): string {
  return plural(locale, n, { one: () => msg('1个工作日'), other: () => msg(str`${n}个工作日`) });
}
