import { msg } from '@lit/localize';
import type { ApplicationFormValues, FormField } from '../../core/application/form.js';

/**
 * The question each field asks, as its label says it: error messages name it (GOV.UK: "请填写姓名",
 * "请选择信息的载体形式"), so a summary of several problems never repeats one bare sentence.
 */
export function fieldLabel(field: FormField, values: Pick<ApplicationFormValues, 'applicantType'>): string {
  switch (field) {
    case 'applicantType':
      return msg('申请人类型');
    case 'name':
      return msg('姓名');
    case 'idType':
      return msg('证件类型');
    case 'idNumber':
      return msg('证件号码');
    case 'workUnit':
      return msg('工作单位');
    case 'orgType':
      return msg('组织类别');
    case 'orgName':
      return msg('名称');
    case 'creditCode':
      return msg('统一社会信用代码');
    case 'legalRepresentative':
      return msg('法定代表人（负责人）');
    case 'contactName':
      return msg('联系人');
    case 'phone':
      return values.applicantType === 'organization' ? msg('联系人电话') : msg('联系电话');
    case 'email':
      return msg('电子邮箱');
    case 'address':
      return msg('通信地址');
    case 'postcode':
    case 'deliveryPostcode':
      return msg('邮政编码');
    case 'title':
      return msg('政府信息名称');
    case 'docNo':
      return msg('文号或索引号');
    case 'description':
      return msg('内容描述');
    case 'purpose':
      return msg('用途');
    case 'formats':
      return msg('信息的载体形式');
    case 'methods':
      return msg('获取信息的方式');
    case 'deliveryEmail':
      return msg('接收信息的电子邮箱');
    case 'deliveryAddress':
      return msg('邮寄地址');
    case 'declaration':
      return msg('承诺');
    case 'attachments':
      return msg('身份证明材料');
    case 'agency':
      return msg('受理机关');
  }
}
