import { foldWidth } from './normalize.js';
import type { Validation } from './result.js';

/** GB 32100 character set: digits and capitals without I, O, S, V, Z; a character's value is its index. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 weights of the first 8 characters of the 组织机构代码. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 32100 check character of the first 17 characters of a 统一社会信用代码. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character of the first 8 characters of a 组织机构代码 (0–9, A–Z = 10–35). */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of the GB 32100 set, digits
 * in positions 3–8, and the check character. The first two characters are not
 * whitelisted (the 登记管理部门 table is contested and 法律服务机构 register
 * outside 工商/民政). The embedded 组织机构代码's own GB 11714 check is only a
 * warning: codes issued without a valid one exist.
 */
export function validateCreditCode(input: string): Validation {
  const value = foldWidth(input)
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  if (value === '') return { ok: false, code: 'required' };
  if ([...value].length !== 18) return { ok: false, code: 'creditCode.length' };
  if (![...value].every((char) => CHARSET.includes(char))) return { ok: false, code: 'creditCode.charset' };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, code: 'creditCode.region' };
  if (creditCodeCheckChar(value) !== value[17]) return { ok: false, code: 'creditCode.checkChar' };
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) return { ok: true, value, warning: 'creditCode.orgCodeCheck' };
  return { ok: true, value };
}
