/**
 * Validation messages in plain words that say what to do. Keys are stable:
 * the server sends them as `errors[].code`, the element may re-word them.
 * `{max}` is replaced by the limit of the field.
 */
import type { MessageParams } from './result.js';
import { COMMON_MESSAGES, formatFieldIn, formatIn, type ApplicationMessageKey, type MessageLocale } from './messages-common.js';

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

/** The application form's own messages (its questions alone give these keys). */
const APPLICATION_MESSAGES: Record<MessageLocale, Record<Extract<MessageKey, ApplicationMessageKey>, string>> = {
  'zh-CN': {
    'list.tooMany': '最多只能提交{max}项，请删去多余的',
    'postcode.format': '邮政编码应为6位数字，请核对后重新输入',
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
    'attachment.invalid': '附件无法识别，请删除后重新上传',
    'request.missing': '请至少填写所需政府信息的名称、文号或内容描述中的一项',
    'delivery.emailRequired': '您选择了通过电子邮件获取，请填写电子邮箱',
    'delivery.addressRequired': '您选择了邮寄，请填写通信地址',
    'delivery.postcodeRequired': '您选择了邮寄，请填写邮政编码',
  },
  en: {
    'list.tooMany': 'You can submit at most {max}. Please remove the extra ones.',
    'postcode.format': 'A postcode has 6 digits. Please check it.',
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
    'attachment.invalid': 'An attachment could not be recognised. Please remove it and upload it again.',
    'request.missing': 'Please give at least one of: the name of the information, its document number, or a description.',
    'delivery.emailRequired': 'You chose to receive it by e-mail. Please enter an e-mail address.',
    'delivery.addressRequired': 'You chose to receive it by post. Please enter a postal address.',
    'delivery.postcodeRequired': 'You chose to receive it by post. Please enter the postcode.',
  },
};

export const validationMessages: Record<MessageLocale, Record<MessageKey, string>> = {
  'zh-CN': { ...COMMON_MESSAGES['zh-CN'], ...APPLICATION_MESSAGES['zh-CN'] },
  en: { ...COMMON_MESSAGES.en, ...APPLICATION_MESSAGES.en },
};

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
