/**
 * The validation messages every form shares (required, text, choices, phone and e-mail, the letter's contact),
 * and the functions that word them. The application form's own messages (lists, postcodes, identity numbers,
 * credit codes, attachments, delivery) are in messages-application.ts: an element that never asks for those (the
 * mailbox, the status look-up) ships only these. Both are here in Chinese; English (messages-en.ts) is added when
 * needed — by messages.ts in Node and on the server, by the form-feedback controller when a browser's form speaks English.
 */
import type { MessageKey, MessageParams } from './messages.js';

export type MessageLocale = 'zh-CN' | 'en';

/** The keys only the application form's questions give (see messages.ts). */
export type ApplicationMessageKey =
  | 'list.tooMany'
  | 'postcode.format'
  | `idNumber.${string}`
  | `creditCode.${string}`
  | `delivery.${string}`
  | 'attachment.invalid'
  | 'request.missing';

export type CommonMessageKey = Exclude<MessageKey, ApplicationMessageKey>;

/** Messages by language and key: the whole table (messages.ts) or the shared part alone. */
export type MessageTable = Record<MessageLocale, Partial<Record<MessageKey, string>>>;

/** English, empty until added: every table's `en` (a message not there yet reads in Chinese rather than not at all). */
const english: Partial<Record<MessageKey, string>> = {};
const englishNamed: Partial<Record<MessageKey, string>> = {};

/** Adds the English messages (messages-en.ts) to every table. */
export function addEnglishMessages(module: typeof import('./messages-en.js')): void {
  Object.assign(english, module.ENGLISH_MESSAGES);
  Object.assign(englishNamed, module.ENGLISH_NAMED);
}

/** Whether the English messages are there. */
export const hasEnglishMessages = (): boolean => english.required !== undefined;

export const COMMON_MESSAGES: { 'zh-CN': Record<CommonMessageKey, string>; en: Partial<Record<MessageKey, string>> } = {
  'zh-CN': {
    required: '此项必须填写，请填写后再提交',
    'type.invalid': '此项内容的格式不对，请重新填写',
    'body.invalid': '提交的内容无法识别，请刷新页面后重新填写',
    'field.unknown': '提交的内容中有无法识别的项目，请刷新页面后重新填写',
    'choice.invalid': '请从给出的选项中选择',
    'choice.required': '请至少选择一项',
    'text.tooLong': '内容太长了，最多{max}个字，请删减后再提交',
    'text.forbiddenCharacters': '此项含有无法显示的控制字符，请删除后重新输入（可直接重新输入，不要粘贴）',
    'text.invisible': '此项只有空白或看不见的字符，请填写实际内容',
    'mobile.format': '手机号码应为以1开头的11位数字，请核对后重新输入',
    'landline.format': '固定电话请按“区号-号码”填写，例如0591-87270308，有分机号可加在后面，例如0591-87270308-123',
    'phone.format': '请填写11位手机号码，或按“区号-号码”填写固定电话，例如0591-87270308',
    'email.format': '电子邮箱格式不对，应类似 name@example.com，请核对后重新输入',
    'feedback.contactRequired': '请至少填写联系电话或电子邮箱中的一项，以便我们答复您',
  },
  en: english,
};

/** Whether `table` words `code` (a server's code the element knows gets the element's words). */
export function knowsMessage(table: MessageTable, code: string | undefined): code is MessageKey {
  return typeof table['zh-CN'][code as MessageKey] === 'string';
}

/** The message for `key` in `locale` from `table`, with each `{name}` that `params` gives filled in. */
export function formatIn(table: MessageTable, locale: MessageLocale, key: MessageKey, params?: MessageParams): string {
  return fill(table[locale][key] ?? table['zh-CN'][key] ?? '', params);
}

function fill(text: string, params?: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A message that names its question (GOV.UK's "Enter your name"), for the error summary and the field
 * alike: with two blank fields the summary says which two. `field` is the question's label in `locale`.
 * The generic messages above stay as they are (the server sends them with a JSON pointer, not a label).
 */
const NAMED: Record<MessageLocale, Partial<Record<MessageKey, string>>> = {
  'zh-CN': {
    required: '请填写{field}',
    'choice.required': '请选择{field}',
    'choice.invalid': '请从“{field}”给出的选项中选择',
    'text.invisible': '{field}只有空白或看不见的字符，请填写实际内容',
    'text.tooLong': '{field}太长了，最多{max}个字，请删减后再提交',
  },
  en: englishNamed,
};

/** The label as it reads inside an English sentence: "Enter your name", "Choose the category" read better lower-cased. */
function inSentence(locale: MessageLocale, label: string): string {
  const bare = label.replace(/\s*[:：（(][^]*$/u, '').trim() || label;
  return locale === 'en' && /^[A-Z](?![A-Z])/.test(bare) ? bare[0]!.toLowerCase() + bare.slice(1) : bare;
}

/**
 * `key`'s message naming the question labelled `field`: its own wording for the messages above, otherwise the
 * question's label before the message ("联系电话：手机号码应为…") unless the message already names it.
 */
export function formatFieldIn(table: MessageTable, locale: MessageLocale, key: MessageKey, field: string, params?: MessageParams): string {
  const name = inSentence(locale, field);
  const named = NAMED[locale][key];
  if (named) return fill(named.replace('{field}', name), params).replace(/^\p{Ll}/u, (first) => first.toUpperCase());
  const text = formatIn(table, locale, key, params);
  if (text.toLowerCase().includes(name.toLowerCase())) return text;
  return locale === 'en' ? `${inSentence('zh-CN', field)}: ${text}` : `${name}：${text}`;
}
