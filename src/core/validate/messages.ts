/**
 * Validation messages in plain words that say what to do. Keys are stable:
 * the server sends them as `errors[].code`, the element may re-word them.
 * `{max}` is replaced by the limit of the field.
 */
import type { MessageParams } from './result.js';

export type { MessageParams };

export type MessageLocale = 'zh-CN' | 'en';

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

export const validationMessages: Record<MessageLocale, Record<MessageKey, string>> = {
  'zh-CN': {
    required: '此项必须填写，请填写后再提交',
    'type.invalid': '此项内容的格式不对，请重新填写',
    'body.invalid': '提交的内容无法识别，请刷新页面后重新填写',
    'field.unknown': '提交的内容中有无法识别的项目，请刷新页面后重新填写',
    'choice.invalid': '请从给出的选项中选择',
    'choice.required': '请至少选择一项',
    'list.tooMany': '最多只能提交{max}项，请删去多余的',
    'text.tooLong': '内容太长了，最多{max}个字，请删减后再提交',
    'text.forbiddenCharacters': '此项含有无法显示的控制字符，请删除后重新输入（可直接重新输入，不要粘贴）',
    'text.invisible': '此项只有空白或看不见的字符，请填写实际内容',
    'idNumber.oldFormat': '这是15位的旧身份证号码，请填写现在使用的18位身份证号码',
    'idNumber.format': '身份证号码应为18位：前17位是数字，最后一位是数字或字母X，请核对后重新输入',
    'idNumber.birthDate': '身份证号码中的出生日期（第7至14位）不是有效日期，请核对后重新输入',
    'idNumber.futureBirthDate': '身份证号码中的出生日期（第7至14位）晚于今天，请核对后重新输入',
    'idNumber.checkDigit': '身份证号码最后一位校验不对，请核对后重新输入',
    'idNumber.otherFormat': '证件号码应为5至30位字母或数字，请核对后重新输入',
    'creditCode.length': '统一社会信用代码应为18位，请核对后重新输入',
    'creditCode.charset': '统一社会信用代码只含数字和大写字母，不含I、O、S、V、Z，请核对后重新输入（字母O应为数字0）',
    'creditCode.region': '统一社会信用代码第3至8位应为数字（登记机关行政区划码），请核对后重新输入',
    'creditCode.checkChar': '统一社会信用代码最后一位校验不对，请核对后重新输入',
    'creditCode.orgCodeCheck': '统一社会信用代码第9至17位（组织机构代码）校验不一致，请再核对一遍；如确认无误，可以继续提交',
    'mobile.format': '手机号码应为以1开头的11位数字，请核对后重新输入',
    'landline.format': '固定电话请按“区号-号码”填写，例如0591-87270308，有分机号可加在后面，例如0591-87270308-123',
    'phone.format': '请填写11位手机号码，或按“区号-号码”填写固定电话，例如0591-87270308',
    'postcode.format': '邮政编码应为6位数字，请核对后重新输入',
    'email.format': '电子邮箱格式不对，应类似 name@example.com，请核对后重新输入',
    'attachment.invalid': '附件无法识别，请删除后重新上传',
    'request.missing': '请至少填写所需政府信息的名称、文号或内容描述中的一项',
    'delivery.emailRequired': '您选择了通过电子邮件获取，请填写电子邮箱',
    'delivery.addressRequired': '您选择了邮寄，请填写通信地址',
    'delivery.postcodeRequired': '您选择了邮寄，请填写邮政编码',
    'feedback.contactRequired': '请至少填写联系电话或电子邮箱中的一项，以便我们答复您',
  },
  en: {
    required: 'This field is required. Please fill it in.',
    'type.invalid': 'This value is not in the right format. Please enter it again.',
    'body.invalid': 'The form could not be read. Please reload the page and fill it in again.',
    'field.unknown': 'The form contains something we do not recognise. Please reload the page and fill it in again.',
    'choice.invalid': 'Please choose one of the options given.',
    'choice.required': 'Please choose at least one option.',
    'list.tooMany': 'You can submit at most {max}. Please remove the extra ones.',
    'text.tooLong': 'This is too long: at most {max} characters. Please shorten it.',
    'text.forbiddenCharacters': 'This contains hidden control characters. Please type it again rather than pasting it.',
    'text.invisible': 'This holds only spaces or invisible characters. Please write what you mean.',
    'idNumber.oldFormat': 'This is an old 15-digit ID number. Please enter the 18-digit number you use now.',
    'idNumber.format': 'An ID card number has 18 characters: 17 digits, then a digit or the letter X. Please check it.',
    'idNumber.birthDate': 'The date of birth in the ID number (characters 7 to 14) is not a real date. Please check it.',
    'idNumber.futureBirthDate': 'The date of birth in the ID number (characters 7 to 14) is after today. Please check it.',
    'idNumber.checkDigit': 'The last character of the ID number does not match the others. Please check the number.',
    'idNumber.otherFormat': 'A document number has 5 to 30 letters or digits. Please check it.',
    'creditCode.length': 'A unified social credit code has 18 characters. Please check it.',
    'creditCode.charset':
      'A unified social credit code has only digits and capital letters, never I, O, S, V or Z (the letter O is the digit 0). Please check it.',
    'creditCode.region': 'Characters 3 to 8 of a unified social credit code are digits (the registration area code). Please check it.',
    'creditCode.checkChar': 'The last character of the unified social credit code does not match the others. Please check the code.',
    'creditCode.orgCodeCheck':
      'Characters 9 to 17 of the code (the organisation code) do not check out. Please look again; if it is right, you can still submit.',
    'mobile.format': 'A mobile number has 11 digits and starts with 1. Please check it.',
    'landline.format':
      'Please write a landline as area code, hyphen, number, e.g. 0591-87270308, with any extension after another hyphen, e.g. 0591-87270308-123.',
    'phone.format': 'Please enter an 11-digit mobile number, or a landline as area code and number, e.g. 0591-87270308.',
    'postcode.format': 'A postcode has 6 digits. Please check it.',
    'email.format': 'This e-mail address does not look right; it should look like name@example.com. Please check it.',
    'attachment.invalid': 'An attachment could not be recognised. Please remove it and upload it again.',
    'request.missing': 'Please give at least one of: the name of the information, its document number, or a description.',
    'delivery.emailRequired': 'You chose to receive it by e-mail. Please enter an e-mail address.',
    'delivery.addressRequired': 'You chose to receive it by post. Please enter a postal address.',
    'delivery.postcodeRequired': 'You chose to receive it by post. Please enter the postcode.',
    'feedback.contactRequired': 'Please give a phone number or an e-mail address so that we can reply.',
  },
};

/** The message for `key` in `locale`, with each `{name}` that `params` gives filled in. */
export function formatMessage(locale: MessageLocale, key: MessageKey, params?: MessageParams): string {
  return fill(validationMessages[locale][key], params);
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
  en: {
    required: 'Enter {field}.',
    'choice.required': 'Choose {field}.',
    'choice.invalid': 'Choose one of the options given for {field}.',
    'text.invisible': '{field} holds only spaces or invisible characters. Please write what you mean.',
    'text.tooLong': '{field} is too long: at most {max} characters. Please shorten it.',
  },
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
export function formatFieldMessage(locale: MessageLocale, key: MessageKey, field: string, params?: MessageParams): string {
  const name = inSentence(locale, field);
  const named = NAMED[locale][key];
  if (named) return fill(named.replace('{field}', name), params).replace(/^\p{Ll}/u, (first) => first.toUpperCase());
  const text = formatMessage(locale, key, params);
  if (text.toLowerCase().includes(name.toLowerCase())) return text;
  return locale === 'en' ? `${inSentence('zh-CN', field)}: ${text}` : `${name}：${text}`;
}
