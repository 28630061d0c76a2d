/**
 * Validation messages in plain words that say what to do. Keys are stable:
 * the server sends them as `errors[].code`, the element may re-word them.
 * `{max}` is replaced by the limit of the field.
 */
import type { MessageParams } from './result.js';
import { addEnglishMessages, formatFieldIn, formatIn, type MessageLocale } from './messages-common.js';
import * as english from './messages-en.js';
import { validationMessages as table } from './messages-application.js';

// Node and the server speak both languages at once; a browser's form loads English only when it needs it.
addEnglishMessages(english);

/** Every message in both languages (English was added just above; messages-en.ts has every key). */
export const validationMessages = table as Record<MessageLocale, Record<MessageKey, string>>;

export type { MessageParams };

export type { MessageLocale };

export const MESSAGE_KEYS = [
  'required',
  'type.invalid',
  'body.invalid',
  'field.unknown',
  'choice.invalid',
  'choice.required',
  'list.tooMany',
  'text.tooLong',
  'text.forbiddenCharacters',
  'text.invisible',
  'idNumber.oldFormat',
  'idNumber.format',
  'idNumber.birthDate',
  'idNumber.futureBirthDate',
  'idNumber.checkDigit',
  'idNumber.otherFormat',
  'creditCode.length',
  'creditCode.charset',
  'creditCode.region',
  'creditCode.checkChar',
  'creditCode.orgCodeCheck',
  'mobile.format',
  'landline.format',
  'phone.format',
  'postcode.format',
  'email.format',
  'attachment.invalid',
  'request.missing',
  'delivery.emailRequired',
  'delivery.addressRequired',
  'delivery.postcodeRequired',
  'feedback.contactRequired',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** The message for `key` in `locale`, with each `{name}` that `params` gives filled in. */
export function formatMessage(locale: MessageLocale, key: MessageKey, params?: MessageParams): string {
  return formatIn(validationMessages, locale, key, params);
}

/**
 * `key`'s message naming the question labelled `field` (see formatFieldIn): "请填写联系电话",
 * "联系电话：手机号码应为…".
 */
export function formatFieldMessage(locale: MessageLocale, key: MessageKey, field: string, params?: MessageParams): string {
  return formatFieldIn(validationMessages, locale, key, field, params);
}
