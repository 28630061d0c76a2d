import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { writeClipboard } from '../base/clipboard.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { fieldStyles } from '../base/fields.styles.js';
import { applicationFormStyles } from './application-form.styles.js';
import { formStyles } from '../base/form.styles.js';
import { ApiError, apiUrl, newIdempotencyKey, requestJson } from '../../api/client.js';
import { DraftController } from '../base/controllers/draft.js';
import { FocusController } from '../base/controllers/focus.js';
import { SubmissionController, type SubmitFailure } from '../base/controllers/submission.js';
import type { LoadError } from '../base/controllers/request.js';
import { serverIssue } from '../base/controllers/server-errors.js';
import type { ApplicationReceipt, ApplicationRequest } from '../../api/types/application.js';
import type { ProblemFieldError } from '../../api/types/problem.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import type { ZwgkSubmitDetail } from '../../events/zwgk-submit.js';
import type { ZwgkSubmittedDetail } from '../../events/zwgk-submitted.js';
import { todayInChina } from '../../core/calendar/index.js';
import { formatFieldMessage, formatMessage } from '../../core/validate/messages.js';
import { fieldLabel } from './labels.js';
import {
  APPLICATION_STEPS,
  FIELD_STEP,
  emptyApplicationValues,
  fieldOfPointer,
  fieldsOfStep,
  hasAnyValue,
  parseApplicationDraft,
  validateApplicationForm,
  type ApplicationDraft,
  type ApplicationFormValues,
  type ApplicationStep,
  type FieldName,
  type FormField,
  type FormIssue,
} from '../../core/application/form.js';
import { draftKey } from '../../core/draft/store.js';
import { describeLoadError } from '../base/states.js';
import { ATTACHMENT_SNIFF_BYTES, checkAttachment, fileSizeText } from '../../core/application/attachment.js';
import { parseReceipt } from '../../core/application/answers.js';
import { APPLICATION_LIMITS } from '../../core/validate/application.js';
import { errorSummary, type SummaryItem } from '../base/fields.js';
import { attachmentsField, draftNotice, draftPrompt, sendFailure, type Attachment } from './parts.js';
import { applicantStep, deliveryStep, requestStep, reviewStep, stepTitle, type StepContext } from './steps.js';
import { renderConfirmation } from './confirmation.js';
import { uploadAttachment } from '../../api/upload.js';

export type { ZwgkSubmitDetail as ApplicationSubmitDetail } from '../../events/zwgk-submit.js';
/** Detail of `zwgk-submitted` from this form: the server's receipt, with `form: 'application'`. */
export type ApplicationSubmittedDetail = Extract<ZwgkSubmittedDetail, { form: 'application' }>;
export type { ZwgkErrorDetail as ApplicationErrorDetail } from '../../events/zwgk-error.js';

/**
 * A problem shown at a field: a shared validation code, or words from the
 * server or the element. A server's problem the form cannot check itself
 * stays while the field keeps the value it was about (`keepWhile`).
 */
type Problem = (FormIssue | { text: string }) & { keepWhile?: string };

type Phase = 'prompt' | 'form' | 'submitting' | 'failed' | 'done';

/**
 * 政府信息公开申请 — the citizen's request for disclosure (依申请公开, 条例
 * arts. 27–33), in four steps: applicant (公民 or 法人或其他组织 with its
 * annual-report category, identity document, contact, identity-proof files),
 * the information wanted, how to receive it, and review with the declaration.
 *
 * Errors appear at the field and in an error summary that takes focus and
 * links to each field; fields are checked on leaving them and on continuing,
 * never while the first characters are typed. The draft is kept in the
 * browser while the citizen types (`draft`), offered back after a reload,
 * and deleted only when the server confirms. Submitting sends one
 * `Idempotency-Key` per attempt and reuses it on Retry, so a dropped
 * connection never creates a second application. The confirmation shows the
 * tracking code (copy, print), the date received and the reply deadline with
 * how its 20 working days were counted.
 *
 * @tagname zwgk-application-form
 * @summary The 政府信息公开申请 form: a request a citizen can finish, with a draft and a safe submit.
 *
 * @fires {CustomEvent<ZwgkSubmitDetail>} zwgk-submit - Before sending; cancelable (call `preventDefault()` to stop it).
 * @fires {CustomEvent<ZwgkSubmittedDetail>} zwgk-submitted - The server accepted the application; detail is its receipt, with `form: 'application'`.
 * @fires {CustomEvent<ZwgkErrorDetail>} zwgk-error - Sending failed: no connection, a timeout, a server error (the form offers Retry), or the server refused fields (shown at those fields). Nothing typed is lost.
 *
 * @csspart form - The form of the current step.
 * @csspart progress - "第 2 步，共 4 步".
 * @csspart step - The fieldset of the current step.
 * @csspart step-title - The heading of the current step.
 * @csspart field - Each field (label, hint, error, input).
 * @csspart label - Each field's label or legend.
 * @csspart input - Each text input.
 * @csspart textarea - Each multi-line input.
 * @csspart select - Each drop-down.
 * @csspart field-error - An error message at a field.
 * @csspart field-warning - A warning at a field (does not block).
 * @csspart error-summary - The list of problems at the top of a step.
 * @csspart attachments - The identity-proof files: picker, drop zone, list.
 * @csspart drop-zone - Where files can be dropped.
 * @csspart attachment - One file in the list.
 * @csspart nav - The Continue / Back / Submit buttons.
 * @csspart next-button - Continue, or Submit on the last step.
 * @csspart back-button - Back.
 * @csspart edit-button - Each 修改 button of the review.
 * @csspart draft-notice - "草稿已自动保存在本机" with its Clear button.
 * @csspart draft-prompt - The offer to continue a saved draft.
 * @csspart failure - What went wrong when sending, with Retry.
 * @csspart retry-button - Retry of a failed submission.
 * @csspart confirmation - The receipt after submission.
 * @csspart tracking-code - The tracking code.
 * @csspart received-date - The date received.
 * @csspart due-date - The reply deadline and how it was counted.
 * @csspart copy-button - Copies the tracking code.
 * @csspart print-button - Prints the receipt.
 *
 * @cssprop [--zwgk-form-max-width=40rem] - The widest the form grows.
 * @cssprop [--zwgk-input-border=#57606a] - Input borders (3:1 against white).
 * @cssprop [--zwgk-color-text=#1f2328] - Body text (shared token).
 * @cssprop [--zwgk-color-primary=#b4141b] - Primary buttons (shared token).
 * @cssprop [--zwgk-color-error=#b3261e] - Errors (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - Warnings (shared token).
 * @cssprop [--zwgk-color-success=#1a6b32] - The confirmation (shared token).
 * @cssprop [--zwgk-font-size-base=1rem] - Base text size (shared token; 1.25rem in the elder theme).
 * @cssprop [--zwgk-target-size=2.75rem] - Smallest target (shared token; 3rem in the elder theme).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkApplicationForm extends ZwgkElement {
  static override styles = [tokens, buttons, states, fieldStyles, formStyles, applicationFormStyles];

  /** The backend root: the form posts to `{api-base}/applications` and `{api-base}/attachments`. */
  @property({ attribute: 'api-base' }) apiBase = '/api';
  /** 政府信息公开义务机关（机构）名称 — the agency that receives the request. */
  @property() agency = '';
  /**
   * Where the draft is kept while the citizen types: `local` (this device,
   * 7 days), `session` (this browser tab only — for shared computers), `off`.
   */
  @property() draft: 'local' | 'session' | 'off' = 'local';

  @state() private values: ApplicationFormValues = emptyApplicationValues();
  @state() private step: ApplicationStep = 'applicant';
  /** 修改 on the review was pressed: the step's 下一步 returns to the review (GOV.UK "check answers"). */
  @state() private returnToReview = false;
  @state() private errors = new Map<FormField, Problem>();
  @state() private warnings = new Map<FormField, Problem>();
  @state() private summaryShown = false;
  @state() private attachments: Attachment[] = [];
  /** names of files from a restored draft, to be added again */
  @state() private reattach: string[] = [];
  @state() private phase: Phase = 'form';
  @state() private savedDraft?: { draft: ApplicationDraft; savedAt: string };
  @state() private draftSaved = false;
  @state() private confirmingClear = false;
  @state() private failure?: LoadError;
  @state() private receipt?: ApplicationReceipt;
  @state() private dragging = false;

  private attachmentCounter = 0;
  private readonly drafts = new DraftController<ApplicationDraft>(this, {
    policy: () => this.draft,
    key: () => draftKey('application-form', this.apiBase, this.agency),
    parse: parseApplicationDraft,
  });
  /** One Idempotency-Key per body, kept with the draft, so a retry or a reload never makes a second application. */
  private readonly submitter = new SubmissionController<ApplicationRequest, ApplicationReceipt>(this, {
    send: (body, idempotencyKey, signal) =>
      requestJson<unknown>(apiUrl(this.apiBase, 'applications'), {
        method: 'POST',
        body,
        idempotencyKey,
        signal,
        headers: { 'Accept-Language': this.locale },
      }),
    parse: parseReceipt,
  });
  private readonly focusMover = new FocusController(this, { root: () => this.renderRoot });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) this.offerSavedDraft();
  }

  private focusAfterRender(selector: string): void {
    this.focusMover.after(selector, { block: 'start' });
  }

  // ── Draft ────────────────────────────────────────────────────────────

  private offerSavedDraft(): void {
    const read = this.drafts.read();
    if (read.status !== 'found') return;
    this.savedDraft = { draft: read.data, savedAt: read.savedAt };
    this.phase = 'prompt';
  }

  private resumeDraft(): void {
    const saved = this.savedDraft;
    if (!saved) return;
    this.values = saved.draft.values;
    this.step = saved.draft.step;
    this.reattach = saved.draft.attachmentNames;
    const pending = saved.draft.submission;
    if (pending) this.submitter.resume({ key: pending.key, body: JSON.parse(pending.body) as ApplicationRequest });
    this.savedDraft = undefined;
    this.draftSaved = true;
    this.phase = 'form';
    this.focusAfterRender('#step-title');
  }

  private startAfresh(): void {
    this.drafts.clear();
    this.savedDraft = undefined;
    this.phase = 'form';
    this.focusAfterRender('#step-title');
  }

  private saveDraftNow(): void {
    if (this.draft === 'off' || this.phase === 'prompt' || this.phase === 'done') return;
    if (!hasAnyValue(this.values) && this.attachments.length === 0) return;
    const attachmentNames = [...this.attachments.filter((a) => a.status === 'done').map((a) => a.name), ...this.reattach];
    const draft: ApplicationDraft = { values: this.values, step: this.step, attachmentNames };
    const pending = this.submitter.pending;
    if (pending) draft.submission = { key: pending.key, body: JSON.stringify(pending.body) };
    this.draftSaved = this.drafts.save(draft);
  }

  /** 清除: deletes the saved draft and everything typed (asked twice: it cannot be undone). */
  private clearEverything(): void {
    this.drafts.clear();
    this.values = emptyApplicationValues();
    this.attachments = [];
    this.reattach = [];
    this.errors = new Map();
    this.warnings = new Map();
    this.summaryShown = false;
    this.submitter.reset();
    this.failure = undefined;
    this.phase = 'form';
    this.step = 'applicant';
    this.draftSaved = false;
    this.confirmingClear = false;
    this.announce(this.localize(() => msg('草稿已清除，已填写的内容已删除。')));
    this.focusAfterRender('#step-title');
  }

  // ── Validation ───────────────────────────────────────────────────────

  private validation() {
    return validateApplicationForm(this.values, { agency: this.agency, attachments: this.uploadedIds(), today: todayInChina() });
  }

  private uploadedIds(): string[] {
    return this.attachments.filter((a) => a.status === 'done' && a.id).map((a) => a.id!);
  }

  /** A problem of the attachments that only the element knows: files still uploading or failed. */
  private attachmentProblem(): Problem | undefined {
    if (this.attachments.some((a) => a.status === 'uploading'))
      return { text: this.localize(() => msg('附件还在上传，请等上传完成后再继续。')) };
    if (this.attachments.some((a) => a.status === 'failed'))
      return { text: this.localize(() => msg('有附件没有上传成功，请点击“重试”或删除该附件。')) };
    return undefined;
  }

  /** Checks the fields of `step`; true when none has an error. */
  private checkStep(step: ApplicationStep): boolean {
    return this.recheck(fieldsOfStep(step, this.values));
  }

  /** On leaving a field: check it if something was typed, or if it already shows an error. */
  private checkField(field: FieldName): void {
    const value = this.values[field];
    if (typeof value === 'string' && (value.trim() !== '' || this.errors.has(field))) this.recheck([field]);
  }

  /** Checks `fields` afresh (errors and warnings); true when none has an error. */
  private recheck(fields: readonly FormField[]): boolean {
    const result = this.validation();
    const errors = new Map(this.errors);
    const warnings = new Map(this.warnings);
    for (const field of fields) {
      let error: Problem | undefined = result.errors.get(field) ?? this.kept(field);
      if (field === 'attachments') error = this.attachmentProblem() ?? error;
      // The agency is the page's setting, not the citizen's: say so rather than "fill this in".
      if (field === 'agency' && error && !error.keepWhile)
        error = { text: this.localize(() => msg('这个页面没有正确设置受理机关，暂时无法提交。请联系网站管理员。')) };
      setOrDelete(errors, field, error);
      setOrDelete(warnings, field, result.warnings.get(field));
    }
    this.errors = errors;
    this.warnings = warnings;
    return !fields.some((field) => errors.has(field));
  }

  /** While typing: an error that has been put right disappears at once; no new error appears. */
  private dropMendedErrors(): void {
    if (this.errors.size === 0) return;
    const result = this.validation();
    const errors = new Map(
      [...this.errors].filter(([field, problem]) =>
        problem.keepWhile !== undefined ? problem === this.kept(field) : !('code' in problem) || result.errors.has(field),
      ),
    );
    if (errors.size !== this.errors.size) this.errors = errors;
  }

  /** The server's problem at `field`, while the field still holds the value it was about. */
  private kept(field: FormField): Problem | undefined {
    const problem = this.errors.get(field);
    return problem?.keepWhile !== undefined && problem.keepWhile === this.valueKey(field) ? problem : undefined;
  }

  private valueKey(field: FormField): string {
    return JSON.stringify(
      field in this.values ? this.values[field as FieldName] : field === 'attachments' ? this.uploadedIds() : this.agency,
    );
  }

  /** The words of a problem at `field`: the server's own when it gave them, else the message naming its question. */
  private word(problem: Problem, field?: FormField): string {
    if ('text' in problem) return problem.text;
    if (problem.code === 'declaration.required') return msg('请阅读并勾选承诺后再提交。');
    if (!field) return formatMessage(this.locale, problem.code, problem.params);
    return formatFieldMessage(this.locale, problem.code, fieldLabel(field, this.values), problem.params);
  }

  private problemAt = (field: FormField) => {
    const error = this.errors.get(field);
    const warning = this.warnings.get(field);
    return { error: error ? this.word(error, field) : undefined, warning: warning ? this.word(warning, field) : undefined };
  };

  // ── Navigation ───────────────────────────────────────────────────────

  private goTo(step: ApplicationStep): void {
    this.step = step;
    if (step === 'review') this.returnToReview = false;
    this.summaryShown = false;
    this.confirmingClear = false;
    this.saveDraftNow();
    this.focusAfterRender('#step-title');
  }

  private showSummary(): void {
    this.summaryShown = true;
    this.focusAfterRender('.error-summary');
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.phase === 'submitting') return;
    if (!this.checkStep(this.step)) return this.showSummary();
    const index = APPLICATION_STEPS.indexOf(this.step);
    if (this.step !== 'review') return this.goTo(this.returnToReview ? 'review' : APPLICATION_STEPS[index + 1]!);
    this.trySend();
  }

  /** Every step once more (a restored draft or an edit may have left one incomplete), then send. */
  private trySend(): void {
    const failing = APPLICATION_STEPS.find((step) => !this.checkStep(step));
    if (!failing) return void this.send();
    this.step = failing;
    this.showSummary();
  }

  private back(): void {
    const index = APPLICATION_STEPS.indexOf(this.step);
    if (index > 0) this.goTo(APPLICATION_STEPS[index - 1]!);
  }

  private focusField = (id: string) => this.focusMover.control(id);

  // ── Input ────────────────────────────────────────────────────────────

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as FieldName;
    if (!(field in this.values) || input.type === 'file') return;
    const values = { ...this.values };
    if (field === 'formats' || field === 'methods') {
      const list = new Set<string>(values[field]);
      if (input.checked) list.add(input.value);
      else list.delete(input.value);
      // Keep the order of the options, whatever the order of the clicks.
      values[field] = (field === 'formats' ? this.formatOrder : this.methodOrder).filter((code) => list.has(code)) as never;
      if (field === 'methods' && input.checked) this.prefillDelivery(values, input.value);
    } else if (field === 'declaration') {
      values.declaration = input.checked;
    } else {
      (values as Record<string, unknown>)[field] = input.value;
    }
    this.values = values;
    // A choice is deliberate: its error goes as soon as one is made.
    if (input.type === 'radio' || input.type === 'checkbox' || input.localName === 'select') this.clearError(field);
    this.dropMendedErrors();
    this.saveDraftNow();
  }

  private readonly formatOrder = ['paper', 'electronic', 'disc'];
  private readonly methodOrder = ['post', 'email', 'pickup', 'inspect'];

  /** The address to send to starts as the one given on the applicant step. */
  private prefillDelivery(values: ApplicationFormValues, method: string): void {
    if (method === 'email' && !values.deliveryEmail.trim()) values.deliveryEmail = values.email;
    if (method === 'post') {
      if (!values.deliveryAddress.trim()) values.deliveryAddress = values.address;
      if (!values.deliveryPostcode.trim()) values.deliveryPostcode = values.postcode;
    }
  }

  private clearError(field: FormField): void {
    if (!this.errors.has(field)) return;
    const errors = new Map(this.errors);
    errors.delete(field);
    this.errors = errors;
  }

  private onFocusOut(event: FocusEvent): void {
    const input = event.target as HTMLInputElement;
    const field = input.name as FieldName;
    if (
      field in this.values &&
      (input.localName === 'textarea' || input.localName === 'input') &&
      !['radio', 'checkbox', 'file'].includes(input.type)
    ) {
      this.checkField(field);
    }
  }

  // ── Attachments ──────────────────────────────────────────────────────

  private onFilesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.addFiles([...(input.files ?? [])]);
    input.value = '';
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.addFiles([...(event.dataTransfer?.files ?? [])]);
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  /** Checks each file before it goes anywhere, then uploads the good ones. */
  private async addFiles(files: File[]): Promise<void> {
    const refused: string[] = [];
    for (const file of files) {
      if (this.attachments.length >= APPLICATION_LIMITS.attachments) {
        refused.push(this.localize(() => msg(str`最多只能添加${APPLICATION_LIMITS.attachments}个附件，“${file.name}”没有添加。`)));
        continue;
      }
      const head = new Uint8Array(await file.slice(0, ATTACHMENT_SNIFF_BYTES).arrayBuffer());
      const check = checkAttachment(file, head);
      if (!check.ok) {
        refused.push(
          this.localize(() =>
            check.reason === 'too-large'
              ? msg(str`“${file.name}”有${fileSizeText(file.size)}，超过了10 MB，无法上传。请压缩或分成几个文件。`)
              : check.reason === 'empty'
                ? msg(str`“${file.name}”是空文件，无法上传。`)
                : msg(str`“${file.name}”不是PDF、JPG或PNG文件，无法上传。`),
          ),
        );
        continue;
      }
      const attachment: Attachment = {
        key: ++this.attachmentCounter,
        name: file.name,
        size: file.size,
        status: 'uploading',
        progress: 0,
        file,
        idempotencyKey: newIdempotencyKey(),
      };
      this.attachments = [...this.attachments, attachment];
      this.reattach = this.reattach.filter((name) => name !== file.name);
      void this.upload(attachment);
    }
    const errors = new Map(this.errors);
    if (refused.length) errors.set('attachments', { text: refused.join(' ') });
    else errors.delete('attachments');
    this.errors = errors;
  }

  private patchAttachment(key: number, patch: Partial<Attachment>): void {
    this.attachments = this.attachments.map((a) => (a.key === key ? { ...a, ...patch } : a));
  }

  private async upload(attachment: Attachment): Promise<void> {
    this.patchAttachment(attachment.key, { status: 'uploading', progress: 0, failure: undefined });
    try {
      const receipt = await uploadAttachment(apiUrl(this.apiBase, 'attachments'), attachment.file, {
        idempotencyKey: attachment.idempotencyKey,
        language: this.locale,
        onProgress: (fraction) => this.patchAttachment(attachment.key, { progress: fraction }),
      });
      if (!this.attachments.some((a) => a.key === attachment.key)) return; // removed meanwhile
      this.patchAttachment(attachment.key, { status: 'done', progress: 1, id: receipt.id });
      this.announce(this.localize(() => msg(str`已上传：${attachment.name}`)));
      if (this.errors.get('attachments') && !this.attachmentProblem()) this.clearError('attachments');
      this.saveDraftNow();
    } catch (error) {
      const failure = error instanceof ApiError ? this.uploadFailure(error) : String(error);
      this.patchAttachment(attachment.key, { status: 'failed', failure });
      this.announce(this.localize(() => msg(str`上传没有成功：${attachment.name}。${failure}`)));
    }
  }

  private uploadFailure(error: ApiError): string {
    return this.localize(() => {
      if (error.status === 413) return msg('文件超过了10 MB。');
      if (error.status === 415) return msg('文件不是PDF、JPG或PNG格式。');
      const { title, advice } = describeLoadError(error);
      return [title, advice].join(this.locale === 'en' ? '. ' : '。');
    });
  }

  private removeAttachment(attachment: Attachment): void {
    this.attachments = this.attachments.filter((a) => a.key !== attachment.key);
    if (!this.attachmentProblem()) this.clearError('attachments');
    this.announce(this.localize(() => msg(str`已删除附件：${attachment.name}`)));
    this.saveDraftNow();
    this.focusAfterRender('#attachments');
  }

  // ── Sending ──────────────────────────────────────────────────────────

  private async send(): Promise<void> {
    const result = this.validation();
    if (!result.value) return;
    const request = result.value;
    // The same body is the same attempt: its key is reused, so the server answers a retry with the first receipt.
    this.submitter.keyFor(request);
    this.saveDraftNow();
    if (!this.emit<ZwgkSubmitDetail>('zwgk-submit', { request }, { cancelable: true })) return;

    this.phase = 'submitting';
    this.failure = undefined;
    this.announce(this.localize(() => msg('正在提交申请，请稍候…')));
    const sent = await this.submitter.submit(request);
    if (sent.status === 'sent') this.succeed(sent.receipt);
    else if (sent.status === 'failed') this.fail(sent.failure);
  }

  private succeed(receipt: ApplicationReceipt): void {
    // Only now, with the server's word, is the draft let go.
    this.drafts.clear();
    this.receipt = receipt;
    this.phase = 'done';
    this.draftSaved = false;
    this.announce(this.localize(() => msg(str`申请已提交，申请编号：${receipt.trackingCode}`)));
    this.focusAfterRender('#receipt-title');
    this.emit<ZwgkSubmittedDetail>('zwgk-submitted', { form: 'application', ...receipt });
  }

  private fail({ error, fieldErrors }: SubmitFailure): void {
    this.emit<ZwgkErrorDetail>('zwgk-error', errorDetail('submit', error));
    // Focus moves to what went wrong, which reads it; the "submitting…" status must not linger.
    void this.announce('');
    if (error.kind === 'http' && fieldErrors.length > 0) {
      this.phase = 'form';
      this.showServerErrors(fieldErrors);
      return;
    }
    this.failure = error;
    this.phase = 'failed';
    this.focusAfterRender('.failure');
  }

  /** The server's field errors, on the fields they name; the first step with one is shown with its summary. */
  private showServerErrors(fieldErrors: readonly ProblemFieldError[]): void {
    const errors = new Map<FormField, Problem>();
    const general: string[] = [];
    for (const fieldError of fieldErrors) {
      const field = fieldOfPointer(fieldError.field, this.values.applicantType);
      // Our own words for a code we know (in the element's language), unless they need a figure the server did not send.
      const issue = serverIssue(fieldError);
      const problem: Problem = issue.code
        ? { code: issue.code, ...(issue.params ? { params: issue.params } : {}) }
        : { text: issue.text ?? fieldError.message };
      if (field && field !== 'agency' && fieldsOfStep(FIELD_STEP[field], this.values).includes(field)) {
        if (!errors.has(field)) errors.set(field, { ...problem, keepWhile: this.valueKey(field) });
      } else general.push(this.word(problem));
    }
    if (general.length) errors.set('agency', { text: general.join(' '), keepWhile: this.valueKey('agency') });
    this.errors = errors;
    const first = APPLICATION_STEPS.find((step) => fieldsOfStep(step, this.values).some((field) => errors.has(field))) ?? 'review';
    this.step = first;
    this.showSummary();
  }

  private retry(): void {
    if (this.phase === 'failed') this.trySend();
  }

  private async copyCode(): Promise<void> {
    if (!this.receipt) return;
    const copied = await writeClipboard(this.receipt.trackingCode, this.renderRoot as ShadowRoot);
    const code = this.receipt.trackingCode;
    this.announce(this.localize(() => (copied ? msg(str`已复制申请编号：${code}`) : msg('无法自动复制，请手动记下申请编号。'))));
  }

  // ── Rendering ────────────────────────────────────────────────────────

  protected renderContent(): unknown {
    if (this.phase === 'prompt' && this.savedDraft) {
      const { savedAt, draft } = this.savedDraft;
      return draftPrompt({ savedAt, attachmentNames: draft.attachmentNames }, this.locale, {
        resume: () => this.resumeDraft(),
        startAfresh: () => this.startAfresh(),
      });
    }
    if (this.phase === 'done' && this.receipt) {
      return renderConfirmation(this.receipt, this.locale, { copy: () => void this.copyCode(), print: () => window.print() });
    }
    return this.renderForm();
  }

  private renderForm(): TemplateResult {
    const index = APPLICATION_STEPS.indexOf(this.step);
    const ctx: StepContext = { values: this.values, locale: this.locale, problem: this.problemAt };
    const last = this.step === 'review';
    const busy = this.phase === 'submitting';
    return html`${this.renderDraftNotice()}
      <form
        part="form"
        novalidate
        @submit=${this.onSubmit}
        @input=${this.onInput}
        @focusout=${this.onFocusOut}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${this.summaryShown ? this.renderSummary() : nothing}
        <fieldset class="step" part="step">
          <legend>
            <span class="progress" part="progress">${msg(str`第 ${index + 1} 步，共 ${APPLICATION_STEPS.length} 步`)}</span>
            <h2 class="step-title" id="step-title" part="step-title" tabindex="-1">${stepTitle(this.step)}</h2>
          </legend>
          ${this.renderStep(ctx)}
        </fieldset>
        ${this.phase === 'failed' && this.failure ? sendFailure(this.failure, () => this.retry()) : nothing}
        <div class="actions nav" part="nav">
          <button type="submit" class="button" part="next-button" aria-disabled=${busy ? 'true' : 'false'}>
            ${last ? (busy ? msg('正在提交…') : msg('提交申请')) : this.returnToReview ? msg('返回核对页') : msg('下一步')}
          </button>
          ${index > 0 && !busy ? html`<button type="button" class="button secondary" part="back-button" @click=${this.back}>${msg('上一步')}</button>` : nothing}
        </div>
      </form>`;
  }

  private renderStep(ctx: StepContext): TemplateResult {
    switch (this.step) {
      case 'applicant':
        return applicantStep(ctx, this.renderAttachments());
      case 'request':
        return requestStep(ctx);
      case 'delivery':
        return deliveryStep(ctx);
      case 'review':
        return html`${reviewStep(ctx, {
          agency: this.agency,
          attachmentNames: this.attachments.filter((a) => a.status === 'done').map((a) => a.name),
          edit: (step) => {
            this.returnToReview = true;
            this.goTo(step);
          },
        })}
        ${this.errors.has('agency') ? html`<p class="error-message" part="field-error">${this.problemAt('agency').error}</p>` : nothing}`;
    }
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const items: SummaryItem[] = fieldsOfStep(this.step, this.values)
      .filter((field) => this.errors.has(field))
      .map((field) => ({ target: field === 'agency' ? undefined : field, message: this.word(this.errors.get(field)!, field) }));
    return items.length ? errorSummary(items, this.focusField) : nothing;
  }

  private renderDraftNotice(): TemplateResult | typeof nothing {
    if (!this.draftSaved || this.phase === 'submitting') return nothing;
    return draftNotice(this.draft, this.confirmingClear, {
      askToClear: () => (this.confirmingClear = true),
      clear: () => this.clearEverything(),
      cancel: () => (this.confirmingClear = false),
    });
  }

  private renderAttachments(): TemplateResult {
    return attachmentsField({
      attachments: this.attachments,
      reattach: this.reattach,
      error: this.problemAt('attachments').error,
      dragging: this.dragging,
      onFilesChosen: (event) => this.onFilesChosen(event),
      onDragOver: (event) => this.onDragOver(event),
      onDragLeave: () => (this.dragging = false),
      onDrop: (event) => this.onDrop(event),
      onRetry: (attachment) => void this.upload(attachment),
      onRemove: (attachment) => this.removeAttachment(attachment),
    });
  }
}

function setOrDelete<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

defineElement('zwgk-application-form', ZwgkApplicationForm);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-application-form': ZwgkApplicationForm;
  }
}
