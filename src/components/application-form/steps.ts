/**
 * The four steps of the application form. Each renders its fields from the
 * values and the problems the element found; the element owns state, events
 * and focus. Code-list labels (证件类型, 组织类别, 载体形式, 获取方式) come
 * from the contract's data in both languages, field labels from labels.ts (the words their errors name).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  DELIVERY_FORMATS,
  DELIVERY_FORMAT_LABELS,
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
  ORG_TYPES,
  ORG_TYPE_LABELS,
  type Labels,
} from '../../api/types/application.js';
import { APPLICATION_LIMITS } from '../../core/validate/application.js';
import { validateCreditCode } from '../../core/validate/credit-code.js';
import { validateIdNumber, validateOtherIdNumber } from '../../core/validate/id-number.js';
import { validatePhone, validatePostcode } from '../../core/validate/contact.js';
import type { Validation } from '../../core/validate/result.js';
import type { ApplicationFormValues, ApplicationStep, FieldName, FormField } from '../../core/application/form.js';
import { fieldLabel } from './labels.js';
import type { Locale } from '../../i18n/locale.js';
import { choiceGroup, selectField, textField, type Choice, type FieldText, type TextFieldOptions } from '../base/fields.js';

export interface StepContext {
  values: ApplicationFormValues;
  locale: Locale;
  /** the error and warning to show at a field, in words */
  problem(field: FormField): Pick<FieldText, 'error' | 'warning'>;
}

function choices<K extends string>(codes: readonly K[], labels: Labels<K>, locale: Locale): Choice[] {
  return codes.map((code) => ({ value: code, label: labels[code][locale] }));
}

/** A text field, labelled as its question (labels.ts), which its errors name too. */
function text(ctx: StepContext, name: FieldName, options: Omit<TextFieldOptions, 'name' | 'value' | 'label'> = {}): TemplateResult {
  return textField({ ...options, ...ctx.problem(name), name, label: fieldLabel(name, ctx.values), value: String(ctx.values[name]) });
}

export function stepTitle(step: ApplicationStep): string {
  switch (step) {
    case 'applicant':
      return msg('申请人信息');
    case 'request':
      return msg('所需政府信息');
    case 'delivery':
      return msg('获取信息的方式');
    case 'review':
      return msg('核对并提交');
  }
}

/** Step 1: who is asking (条例 art. 29(一): 姓名或者名称、身份证明、联系方式). */
export function applicantStep(ctx: StepContext, attachments: TemplateResult): TemplateResult {
  const v = ctx.values;
  const type = choiceGroup({
    ...ctx.problem('applicantType'),
    name: 'applicantType',
    type: 'radio',
    label: fieldLabel('applicantType', ctx.values),
    choices: [
      { value: 'person', label: msg('公民') },
      { value: 'organization', label: msg('法人或其他组织') },
    ],
    selected: [v.applicantType],
  });
  // One template whether or not a type is chosen: returning `type` alone first would make Lit replace the radios
  // (and the focus on them) with a new copy the moment the applicant chooses one.
  return html`${type}${v.applicantType === '' ? nothing : applicantDetails(ctx, attachments)}`;
}

function applicantDetails(ctx: StepContext, attachments: TemplateResult): TemplateResult {
  const org = ctx.values.applicantType === 'organization';
  return html`${org ? organizationFields(ctx) : personFields(ctx)}
  ${text(ctx, 'phone', {
    hint: msg('手机号码，或按“区号-号码”填写固定电话，例如0591-87270308'),
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
  })}
  ${text(ctx, 'email', { optional: true, hint: msg('例如 name@example.com'), type: 'email', autocomplete: 'email' })}
  ${text(ctx, 'address', { optional: true, autocomplete: 'street-address' })}
  ${text(ctx, 'postcode', { optional: true, hint: msg('6位数字'), inputmode: 'numeric', autocomplete: 'postal-code', width: 'short' })}
  ${attachments}`;
}

function personFields(ctx: StepContext): TemplateResult {
  const residentId = ctx.values.idType === 'resident-id';
  return html`${text(ctx, 'name', { autocomplete: 'name' })}
  ${selectField({ ...ctx.problem('idType'), name: 'idType', label: fieldLabel('idType', ctx.values), value: ctx.values.idType, choices: choices(ID_TYPES, ID_TYPE_LABELS, ctx.locale) })}
  ${text(ctx, 'idNumber', {
    hint: residentId ? msg('18位，最后一位可能是字母X') : msg('证件上的号码，字母和数字'),
    autocapitalize: 'characters',
    width: 'medium',
  })}
  ${text(ctx, 'workUnit', { optional: true, autocomplete: 'organization' })}`;
}

function organizationFields(ctx: StepContext): TemplateResult {
  return html`${choiceGroup({
    ...ctx.problem('orgType'),
    name: 'orgType',
    type: 'radio',
    label: fieldLabel('orgType', ctx.values),
    hint: msg('用于政府信息公开工作年度报告的统计'),
    choices: choices(ORG_TYPES, ORG_TYPE_LABELS, ctx.locale),
    selected: [ctx.values.orgType],
  })}
  ${text(ctx, 'orgName', { autocomplete: 'organization' })}
  ${text(ctx, 'creditCode', { hint: msg('18位，见营业执照或登记证书'), autocapitalize: 'characters', width: 'medium' })}
  ${text(ctx, 'legalRepresentative')} ${text(ctx, 'contactName', { autocomplete: 'name' })}`;
}

/** Step 2: what is wanted (条例 art. 29(二): 名称、文号或者其他特征性描述). */
export function requestStep(ctx: StepContext): TemplateResult {
  return html`<p class="intro">${msg('请至少填写名称、文号、内容描述中的一项，以便行政机关查找。')}</p>
    ${text(ctx, 'title', { hint: msg('例如：关于印发某某办法的通知') })} ${text(ctx, 'docNo', { hint: msg('例如：国办函〔2020〕109号') })}
    ${text(ctx, 'description', {
      hint: msg(str`请具体写明所需信息的内容、涉及的时间或地点等；一份申请最好只申请一项信息。最多${APPLICATION_LIMITS.description}字。`),
      rows: 6,
    })}
    ${text(ctx, 'purpose', { optional: true, hint: msg('不说明用途也可以申请。'), rows: 3 })}`;
}

/** Step 3: in what form and how (条例 art. 29(三)); the address fields appear under the method that needs them. */
export function deliveryStep(ctx: StepContext): TemplateResult {
  const v = ctx.values;
  const methods = choices(DELIVERY_METHODS, DELIVERY_METHOD_LABELS, ctx.locale).map((choice) => {
    if (choice.value === 'email') {
      return { ...choice, reveal: text(ctx, 'deliveryEmail', { type: 'email', autocomplete: 'email' }) };
    }
    if (choice.value === 'post') {
      return {
        ...choice,
        reveal: html`${text(ctx, 'deliveryAddress', { autocomplete: 'street-address' })}
        ${text(ctx, 'deliveryPostcode', { hint: msg('6位数字'), inputmode: 'numeric', autocomplete: 'postal-code', width: 'short' })}`,
      };
    }
    return choice;
  });
  return html`${choiceGroup({
    ...ctx.problem('formats'),
    name: 'formats',
    type: 'checkbox',
    label: fieldLabel('formats', ctx.values),
    hint: msg('可以选择多项'),
    choices: choices(DELIVERY_FORMATS, DELIVERY_FORMAT_LABELS, ctx.locale),
    selected: v.formats,
  })}
  ${choiceGroup({ ...ctx.problem('methods'), name: 'methods', type: 'checkbox', label: fieldLabel('methods', ctx.values), hint: msg('可以选择多项'), choices: methods, selected: v.methods })}`;
}

/** What the server will record: the normalised value (upper-case X, no spaces) once it checks out, else as typed. */
function sent(check: Validation, typed: string): string {
  return check.ok ? check.value : typed;
}

/** A row of the review: the field (labelled as its question) and the value to show. */
type Row = [field: FormField, value: string];

function rows(values: ApplicationFormValues, items: (Row | false)[]): TemplateResult {
  return html`<dl class="review-list">
    ${items
      .filter((item): item is Row => item !== false && item[1].trim() !== '')
      .map(
        ([field, value]) =>
          html`<div class="review-row">
            <dt>${fieldLabel(field, values)}</dt>
            <dd class="typed">${value}</dd>
          </div>`,
      )}
  </dl>`;
}

/**
 * Step 4: everything once more, each part with a 修改 button, then the declaration (and what stops
 * sending that no field can fix: a page with no agency, a server's problem with no field).
 */
export function reviewStep(
  ctx: StepContext,
  details: { agency: string; attachmentNames: string[]; edit: (step: ApplicationStep) => void },
): TemplateResult {
  const v = ctx.values;
  const agencyError = ctx.problem('agency').error;
  const loc = ctx.locale;
  const list = (codes: readonly string[], labels: Labels<string>) => codes.map((code) => labels[code]?.[loc] ?? code).join(msg('、'));
  const org = v.applicantType === 'organization';
  const section = (step: ApplicationStep, body: TemplateResult) =>
    html`<section class="review-section" aria-labelledby="review-${step}">
      <div class="review-heading">
        <h3 id="review-${step}">${stepTitle(step)}</h3>
        <button
          type="button"
          class="button secondary small"
          part="edit-button"
          aria-describedby="review-${step}"
          @click=${() => details.edit(step)}
        >
          ${msg('修改')}
        </button>
      </div>
      ${body}
    </section>`;

  return html`${details.agency ? rows(v, [['agency', details.agency]]) : nothing}
  ${section(
    'applicant',
    rows(v, [
      ['applicantType', org ? msg('法人或其他组织') : msg('公民')],
      !org && ['name', v.name],
      !org && ['idType', ID_TYPE_LABELS[v.idType][loc]],
      !org && ['idNumber', sent(v.idType === 'resident-id' ? validateIdNumber(v.idNumber) : validateOtherIdNumber(v.idNumber), v.idNumber)],
      !org && ['workUnit', v.workUnit],
      org && ['orgType', v.orgType ? ORG_TYPE_LABELS[v.orgType][loc] : ''],
      org && ['orgName', v.orgName],
      org && ['creditCode', sent(validateCreditCode(v.creditCode), v.creditCode)],
      org && ['legalRepresentative', v.legalRepresentative],
      org && ['contactName', v.contactName],
      ['phone', sent(validatePhone(v.phone), v.phone)],
      ['email', v.email],
      ['address', v.address],
      ['postcode', v.postcode.trim() ? sent(validatePostcode(v.postcode), v.postcode) : ''],
      ['attachments', details.attachmentNames.join(msg('、'))],
    ]),
  )}
  ${section(
    'request',
    rows(v, [
      ['title', v.title],
      ['docNo', v.docNo],
      ['description', v.description],
      ['purpose', v.purpose],
    ]),
  )}
  ${section(
    'delivery',
    rows(v, [
      ['formats', list(v.formats, DELIVERY_FORMAT_LABELS)],
      ['methods', list(v.methods, DELIVERY_METHOD_LABELS)],
      v.methods.includes('email') && ['deliveryEmail', v.deliveryEmail],
      v.methods.includes('post') && ['deliveryAddress', v.deliveryAddress],
      v.methods.includes('post') && ['deliveryPostcode', v.deliveryPostcode],
    ]),
  )}
  ${choiceGroup({
    ...ctx.problem('declaration'),
    name: 'declaration',
    type: 'checkbox',
    label: fieldLabel('declaration', ctx.values),
    choices: [{ value: 'yes', label: msg('我承诺以上填写的内容真实、准确，提交的材料真实、有效。') }],
    selected: v.declaration ? ['yes'] : [],
  })}
  ${agencyError ? html`<p class="error-message" part="field-error">${agencyError}</p>` : nothing}`;
}

/** What a step shows besides the values: the attachments field (step 1), and what the review lists and does. */
export interface StepExtras {
  attachments: TemplateResult;
  agency: string;
  attachmentNames: string[];
  edit: (step: ApplicationStep) => void;
}

/** The fields of `step`. */
export function stepFields(step: ApplicationStep, ctx: StepContext, extras: StepExtras): TemplateResult {
  switch (step) {
    case 'applicant':
      return applicantStep(ctx, extras.attachments);
    case 'request':
      return requestStep(ctx);
    case 'delivery':
      return deliveryStep(ctx);
    case 'review':
      return reviewStep(ctx, extras);
  }
}
