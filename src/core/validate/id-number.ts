import { todayInChina } from '../calendar/today.js';
import { foldWidth } from './normalize.js';
import type { Validation } from './result.js';

/** ISO 7064 MOD 11-2 weights of positions 1–17 (2^(17−i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a 居民身份证号码. */
export function idNumberCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * 居民身份证号码 (GB 11643-1999): 18 characters, a real birth date not after
 * `today` (China date, `YYYY-MM-DD`), and the check character. Spaces and
 * full-width digits are tolerated; a lower-case x becomes X.
 */
export function validateIdNumber(input: string, today: string = todayInChina()): Validation {
  const value = foldWidth(input).replace(/\s+/g, '').toUpperCase();
  if (value === '') return { ok: false, code: 'required' };
  if (/^\d{15}$/.test(value)) return { ok: false, code: 'idNumber.oldFormat' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, code: 'idNumber.format' };

  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const time = Date.UTC(+birth.slice(0, 4), +birth.slice(5, 7) - 1, +birth.slice(8, 10));
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== birth || birth < '1800-01-01') {
    return { ok: false, code: 'idNumber.birthDate' };
  }
  if (birth > today) return { ok: false, code: 'idNumber.futureBirthDate' };

  if (idNumberCheckDigit(value) !== value[17]) return { ok: false, code: 'idNumber.checkDigit' };
  return { ok: true, value };
}

/**
 * Numbers of other identity documents (passport, 通行证 …): only a shape check,
 * since formats differ by issuer and year. Upper-cased, spaces removed.
 */
export function validateOtherIdNumber(input: string): Validation {
  const value = foldWidth(input).replace(/\s+/g, '').toUpperCase();
  if (value === '') return { ok: false, code: 'required' };
  if (!/^[A-Z0-9()-]{5,30}$/.test(value)) return { ok: false, code: 'idNumber.otherFormat' };
  return { ok: true, value };
}
