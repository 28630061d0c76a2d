/**
 * Dates, numbers and counts in the element's language, in one place
 * (govuk-frontend's i18n.mjs is the model for plurals). Every formatter is
 * made once per locale and option set, and kept: elements format on every render.
 */
import { intlTag, type Locale } from './locale.js';

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(intlTag(locale), options));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** How a calendar date reads: `long` 2026年12月23日 / 23 December 2026; `full` adds the weekday. */
export type DateStyle = 'long' | 'full';

/**
 * A `YYYY-MM-DD` date (or the date part of an instant) as people read it; text
 * that is not a date comes back as it is. Calendar dates carry no time zone.
 */
export function formatDate(iso: string, locale: Locale, style: DateStyle = 'long'): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time)) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'full' ? { dateStyle: 'full', timeZone: 'UTC' } : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return dateFormat(locale, options).format(time);
}

/** An instant as China local date and time: 2026年11月25日 10:01 / 25 November 2026 at 10:01. */
export function formatInstant(instant: string, locale: Locale): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(time);
}

/** A number with the locale's grouping (12,345); at most `maximumFractionDigits` decimals (default 1). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return cached(
    `number|${locale}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits }),
  ).format(value);
}

/** The plural forms of one message: `other` always, `one` (and the rest) where the language has them. */
export type PluralForms<T> = Partial<Record<Intl.LDMLPluralRule, () => T>> & { other: () => T };

/**
 * The form of a message that fits `count` in `locale`, on Intl.PluralRules
 * (Chinese has one form, English two: “1 working day”, “2 working days”). The
 * forms are functions so only the chosen msg() runs.
 */
export function plural<T>(locale: Locale, count: number, forms: PluralForms<T>): T {
  const rules = cached(`plural|${locale}`, () => new Intl.PluralRules(intlTag(locale)));
  return (forms[rules.select(count)] ?? forms.other)();
}
