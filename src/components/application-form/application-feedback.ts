/**
 * The application form's feedback policy: FormFeedbackController over the shared validation
 * (validateApplicationForm), plus what only the element knows — files still uploading or failed, the
 * page's agency — and the server's field errors mapped onto the steps.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { FormFeedbackController, validateOnOf, type Issue, type Issues } from '../base/controllers/form-feedback.js';
import { mapServerErrors } from '../base/controllers/server-errors.js';
import type { ApplicationRequest } from '../../api/types/application.js';
import type { ProblemFieldError } from '../../api/types/problem.js';
import { todayInChina } from '../../core/calendar/today.js';
import {
  APPLICATION_STEPS,
  FIELD_STEP,
  emptyApplicationValues,
  fieldOfPointer,
  fieldsOfStep,
  validateApplicationForm,
  type ApplicationFormValues,
  type ApplicationStep,
  type FormField,
  type FormIssue,
} from '../../core/application/form.js';
import { validationMessages } from '../../core/validate/messages-application.js';
import type { Locale } from '../../i18n/locale.js';
import type { AttachmentQueue } from './attachment-queue.js';
import { fieldLabel } from './labels.js';
import { isChoice, valuesAfterInput, type InputControl } from './form-input.js';

export interface ApplicationFeedbackOptions {
  agency: () => string;
  files: AttachmentQueue;
  /** the element's `validate-on` attribute, as set */
  validateOn: () => unknown;
  locale: () => Locale;
  localize: <T>(fn: () => T) => T;
}

interface Checked {
  errors: Issues<FormField>;
  warnings: Issues<FormField>;
  request?: ApplicationRequest;
}

export class ApplicationFeedback extends FormFeedbackController<ApplicationFormValues, FormField> {
  /** The last validation, by its inputs: every field's error and warning read it in one render. */
  private last?: { key: unknown[]; checked: Checked };

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: ApplicationFeedbackOptions,
  ) {
    super(host, {
      initial: emptyApplicationValues,
      fields: Object.keys(FIELD_STEP) as FormField[],
      validate: (values) => this.checks(values).errors,
      warn: (values) => this.checks(values).warnings,
      validateOn: () => validateOnOf(deps.validateOn(), 'blur'),
      locale: deps.locale,
      messages: validationMessages,
      label: (field) => fieldLabel(field, this.values),
      word: (issue, field) => {
        if (!issue.code) return undefined;
        // The agency is the page's setting, not the citizen's: say so rather than "fill this in".
        if (field === 'agency') return msg('这个页面没有正确设置受理机关，暂时无法提交。请联系网站管理员。');
        if (field === 'declaration') return msg('请阅读并勾选承诺后再提交。');
        return undefined;
      },
      target: (field) => (field === 'agency' ? undefined : field),
      valueAt: (field, values) =>
        field === 'attachments'
          ? deps.files.uploadedIds()
          : field === 'agency'
            ? deps.agency()
            : values[field as keyof ApplicationFormValues],
    });
  }

  /** The error and the warning `field` shows, in words (what the step templates take). */
  readonly problemAt = (field: FormField) => ({ error: this.errorFor(field), warning: this.warningFor(field) });

  /** Takes in what an input event's control now holds; false when it is none of the form's fields. */
  take(control: InputControl): boolean {
    const values = valuesAfterInput(this.values, control);
    if (!values) return false;
    this.set(values);
    // A choice is deliberate: its error goes as soon as one is made.
    if (isChoice(control)) this.clear(control.name as FormField);
    return true;
  }

  /** A control lost focus: a text field is checked on leaving it (per `validate-on`); choices are checked as they are made. */
  left(control: InputControl): void {
    if ((control.localName === 'textarea' || control.localName === 'input') && !['radio', 'checkbox', 'file'].includes(control.type)) {
      this.blur(control.name as FormField);
    }
  }

  /** The request body to send, when no field of any step has a problem. */
  request(): ApplicationRequest | undefined {
    return this.checks(this.values).request;
  }

  /** Checks the fields of `step` for continuing; true when none has a problem. */
  checkStep(step: ApplicationStep): boolean {
    return this.submit(fieldsOfStep(step, this.values));
  }

  /** The first step that shows a problem (the review when none does). */
  firstStepWithError(): ApplicationStep {
    return APPLICATION_STEPS.find((step) => fieldsOfStep(step, this.values).some((field) => this.hasError(field))) ?? 'review';
  }

  /**
   * The server's field errors, on the fields they name (our own words for a code we know, the server's
   * otherwise); those at no field the citizen sees go together under the review.
   */
  showServerFieldErrors(fieldErrors: readonly ProblemFieldError[]): void {
    const values = this.values;
    const mapped = mapServerErrors<FormField>(fieldErrors, {
      messages: validationMessages,
      fieldOfPointer: (pointer) => {
        const field = fieldOfPointer(pointer, values.applicantType);
        return field && field !== 'agency' && fieldsOfStep(FIELD_STEP[field], values).includes(field) ? field : undefined;
      },
    });
    const general = mapped.filter((m) => !m.field).map((m) => this.wordOf(m.issue));
    const issues: { field: FormField; issue: Issue }[] = mapped.flatMap((m) => (m.field ? [{ field: m.field, issue: m.issue }] : []));
    if (general.length) issues.push({ field: 'agency', issue: { text: general.join(' ') } });
    this.showServerErrors(issues);
  }

  private checks(values: ApplicationFormValues): Checked {
    const files = this.deps.files;
    const key = [values, this.deps.agency(), files.attachments, todayInChina()];
    if (this.last && this.last.key.every((part, i) => part === key[i])) return this.last.checked;
    const result = validateApplicationForm(values, { agency: this.deps.agency(), attachments: files.uploadedIds(), today: todayInChina() });
    const errors = issuesOf(result.errors);
    // Files still uploading or failed: a problem only the element knows.
    const pending = files.pending();
    const localize = this.deps.localize;
    if (pending === 'uploading') errors.attachments = { text: localize(() => msg('附件还在上传，请等上传完成后再继续。')) };
    if (pending === 'failed') errors.attachments = { text: localize(() => msg('有附件没有上传成功，请点击“重试”或删除该附件。')) };
    const checked: Checked = { errors, warnings: issuesOf(result.warnings), ...(result.value ? { request: result.value } : {}) };
    this.last = { key, checked };
    return checked;
  }
}

/** The issues of a validation, as FormFeedbackController takes them (the declaration is worded by the element). */
function issuesOf(found: ReadonlyMap<FormField, FormIssue>): Issues<FormField> {
  const issues: Issues<FormField> = {};
  for (const [field, { code, params }] of found) {
    issues[field] = { code: code === 'declaration.required' ? 'required' : code, ...(params ? { params } : {}) };
  }
  return issues;
}
