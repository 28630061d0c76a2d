import { charLength, foldWidth } from './normalize.js';
import type { Validation } from './result.js';

/**
 * 手机号码: 11 digits starting 1[3-9], with an optional +86 / 0086 prefix and
 * any spaces or hyphens. Normalised to the bare 11 digits.
 */
export function validateMobile(input: string): Validation {
  const compact = foldWidth(input).replace(/[\s-]+/g, '');
  if (compact === '') return { ok: false, code: 'required' };
  const match = /^(?:(?:\+|00)86)?(1[3-9]\d{9})$/.exec(compact);
  return match ? { ok: true, value: match[1]! } : { ok: false, code: 'mobile.format' };
}

/**
 * Area codes: 010 and 020–029 have three digits, every other one four
 * (0xxx with x ≥ 3). This is what lets `059187270308` be split without a hyphen.
 */
const AREA_CODE = /^0(?:10|2\d|[3-9]\d\d)$/;
const LOCAL_NUMBER = /^[2-9]\d{6,7}$/;

/**
 * 固定电话: area code, 7–8 digit number, optional extension. Accepts
 * `0591-87270308`, `(0591)87270308`, `0591 8727 0308`, `+86 591 87270308`,
 * `0591-87270308-123`, `0591-87270308转123`; normalises to
 * `0591-87270308` or `0591-87270308-123`.
 */
export function validateLandline(input: string): Validation {
  let text = foldWidth(input);
  if (text === '') return { ok: false, code: 'required' };
  let extension: string | undefined;
  const extMatch = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d+)$/i.exec(text);
  if (extMatch) {
    text = extMatch[1]!;
    extension = extMatch[2]!;
  }

  text = text.replace(/^(?:\+|00)86[\s-]*(?=[1-9])/, '0').replace(/^(?:\+|00)86[\s-]*/, '');
  const parts = text
    .replace(/[()]/g, '-')
    .replace(/\s+/g, '')
    .split('-')
    .filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => /^\d+$/.test(part))) return { ok: false, code: 'landline.format' };

  // Area code: its own group, or the leading 3–4 digits of one long group.
  let area: string;
  let rest: string[];
  if (AREA_CODE.test(parts[0]!) && parts.length > 1) {
    [area, ...rest] = parts as [string, ...string[]];
  } else {
    const first = parts[0]!;
    area = first.slice(0, /^0[12]/.test(first) ? 3 : 4);
    rest = [first.slice(area.length), ...parts.slice(1)];
  }
  // `0591-8727-0308` is one number written in two groups; otherwise a second group is an extension.
  if (rest.length >= 2 && rest[0]!.length < 7 && LOCAL_NUMBER.test(rest[0]! + rest[1]!)) rest = [rest[0]! + rest[1]!, ...rest.slice(2)];
  if (rest.length === 2 && extension === undefined) extension = rest.pop();
  const local = rest[0] ?? '';
  if (rest.length !== 1 || !AREA_CODE.test(area) || !LOCAL_NUMBER.test(local)) return { ok: false, code: 'landline.format' };
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return { ok: false, code: 'landline.format' };
  return { ok: true, value: extension ? `${area}-${local}-${extension}` : `${area}-${local}` };
}

/** A phone number a citizen can be called on: a mobile number, else a landline. */
export function validatePhone(input: string): Validation {
  if (foldWidth(input) === '') return { ok: false, code: 'required' };
  const mobile = validateMobile(input);
  if (mobile.ok) return mobile;
  const landline = validateLandline(input);
  return landline.ok ? landline : { ok: false, code: 'phone.format' };
}

/** 邮政编码: 6 digits. */
export function validatePostcode(input: string): Validation {
  const value = foldWidth(input).replace(/\s+/g, '');
  if (value === '') return { ok: false, code: 'required' };
  return /^\d{6}$/.test(value) ? { ok: true, value } : { ok: false, code: 'postcode.format' };
}

const EMAIL_LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const EMAIL_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * 电子邮箱, practically: local@domain with at least one dot in the domain.
 * Full-width ＠ and letters (NFKC) and the ideographic full stop 。 are folded;
 * the domain is lower-cased.
 */
export function validateEmail(input: string): Validation {
  const text = foldWidth(input).replace(/。/g, '.');
  if (text === '') return { ok: false, code: 'required' };
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const valid =
    at > 0 &&
    charLength(text) <= 254 &&
    local.length <= 64 &&
    EMAIL_LOCAL.test(local) &&
    !/^\.|\.\.|\.$/.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => EMAIL_LABEL.test(label)) &&
    /^[a-z]{2,}$/.test(labels[labels.length - 1]);
  return valid ? { ok: true, value: `${local}@${domain}` } : { ok: false, code: 'email.format' };
}

/** Controls that have no place in text a person wrote (tab and line breaks excepted) and the bidi controls that reorder it. */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
/** In a name or a one-line field, line breaks, tabs and the directional marks are refused too. */
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\p{Cs}/u;
/** What shows nothing on screen: spaces, zero-width and other format characters, default-ignorable code points. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zs}]/gu;

/**
 * A text field: NFC-normalised (so 张 typed two ways is one name), trimmed, at
 * most `max` characters (code points). Control and bidi-override characters
 * are refused, and so is text with nothing visible in it (zero-width spaces
 * only). Empty is `required` only when `required` is set; otherwise it is
 * returned as ''. `singleLine` is for names and titles: no line breaks.
 */
export function validateText(input: string, limits: { max: number; required?: boolean; singleLine?: boolean }): Validation {
  if ((limits.singleLine ? FORBIDDEN_IN_LINE : FORBIDDEN_IN_TEXT).test(limits.singleLine ? input.trim() : input)) {
    return { ok: false, code: 'text.forbiddenCharacters' };
  }
  const value = input.normalize('NFC').trim();
  if (value === '') return limits.required ? { ok: false, code: 'required' } : { ok: true, value };
  if (value.replace(INVISIBLE, '') === '') return { ok: false, code: 'text.invisible' };
  if (charLength(value) > limits.max) return { ok: false, code: 'text.tooLong', params: { max: limits.max } };
  return { ok: true, value };
}
