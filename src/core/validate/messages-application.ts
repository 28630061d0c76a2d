/**
 * The application form's own validation messages in Chinese (its questions alone give these keys), and the whole
 * table the form words its problems from. English is added to it with the shared messages' (messages-common.ts).
 */
import type { MessageKey } from './messages.js';
import { COMMON_MESSAGES, type ApplicationMessageKey, type MessageTable } from './messages-common.js';

/** The application form's own messages (its questions alone give these keys). */
const APPLICATION_MESSAGES: Record<Extract<MessageKey, ApplicationMessageKey>, string> = {
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
};

/** The whole table: every message in Chinese, and in English once added (see messages-common.ts). */
export const validationMessages: MessageTable = {
  'zh-CN': { ...COMMON_MESSAGES['zh-CN'], ...APPLICATION_MESSAGES },
  en: COMMON_MESSAGES.en,
};
