import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { writeClipboard } from '../base/clipboard.js';
import { lazyModule } from '../base/lazy-module.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { fieldStyles } from '../base/fields.styles.js';
import { applicationFormStyles } from './application-form.styles.js';
import { formStyles } from '../base/form.styles.js';
import { requestJson } from '../../api/client.js';
import { apiUrl } from '../../api/url.js';
import { FocusController } from '../base/controllers/focus.js';
import type { ValidateOn } from '../base/controllers/form-feedback.js';
import { SubmissionController, type SubmitFailure } from '../base/controllers/submission.js';
import { toLoadError, type LoadError } from '../base/controllers/request.js';
import type { ApplicationReceipt, ApplicationRequest } from '../../api/types/application.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import type { ZwgkSubmitDetail } from '../../events/zwgk-submit.js';
import type { ZwgkSubmittedDetail } from '../../events/zwgk-submitted.js';
import { APPLICATION_STEPS, fieldsOfStep, type ApplicationStep } from '../../core/application/form.js';
import { draftKey } from '../../core/draft/store.js';
import { parseReceipt } from '../../core/application/answers.js';
import { attachmentsField, draftNotice, draftPrompt } from './parts.js';
import type { StepExtras } from './steps.js';
import { AttachmentQueue } from './attachment-queue.js';
import { ApplicationFeedback } from './application-feedback.js';
import { stepForm } from './step-form.js';
import { DraftKeeper } from './draft-keeper.js';

export type { ZwgkSubmitDetail as ApplicationSubmitDetail } from '../../events/zwgk-submit.js';
/** Detail of `zwgk-submitted` from this form: the server's receipt, with `form: 'application'`. */
export type ApplicationSubmittedDetail = Extract<ZwgkSubmittedDetail, { form: 'application' }>;
export type { ZwgkErrorDetail as ApplicationErrorDetail } from '../../events/zwgk-error.js';

type Phase = 'form' | 'submitting' | 'failed' | 'done';

/**
 * 政府信息公开申请 — the citizen's request for disclosure (依申请公开, 条例
 * arts. 27–33), in four steps: applicant (公民 or 法人或其他组织 with its
 * annual-report category, identity document, contact, identity-proof files),
 * the information wanted, how to receive it, and review with the declaration.
 *
 * Errors appear at the field and in an error summary that takes focus and
 * links to each field; by default fields are checked on leaving them and on
 * continuing, never while the first characters are typed (`validate-on` sets
 * when: on leaving, only on continuing, or as typed). The draft is kept in the
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
  protected static override english = () => import('../../i18n/locales/en-application-form.js');
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
  /**
   * When a field's problem shows: `blur` (on leaving a field the citizen filled in — the default),
   * `submit` (only on 下一步 / 提交申请), or `input` (as they type). In every mode a problem put right
   * goes at once, and 下一步 shows every problem of the step.
   */
  @property({ attribute: 'validate-on' }) validateOn: ValidateOn = 'blur';

  @state() private step: ApplicationStep = 'applicant';
  /** 修改 on the review was pressed: the step's 下一步 returns to the review (GOV.UK "check answers"). */
  @state() private returnToReview = false;
  @state() private phase: Phase = 'form';
  @state() private confirmingClear = false;
  @state() private failure?: LoadError;
  @state() private receipt?: ApplicationReceipt;
  /** The receipt's view, with how its deadline was counted: asked for on reaching the review, there before anything is sent. */
  private readonly receiptView = lazyModule(() => import('./confirmation.js'));

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
  private readonly files = new AttachmentQueue(this, {
    uploadUrl: () => apiUrl(this.apiBase, 'attachments'),
    language: () => this.locale,
    localize: (fn) => this.localize(fn),
    announce: (text) => void this.announce(text),
    refused: (reasons) => (reasons.length ? this.form.flag('attachments', { text: reasons.join(' ') }) : this.form.clear('attachments')),
    changed: (how) => {
      if (this.form.hasError('attachments') && !this.files.pending()) this.form.clear('attachments');
      this.saveDraftNow();
      if (how === 'removed') this.focusAfterRender('#attachments');
    },
  });
  /** What shows when: the values, each field's problem and warning, the summary (see FormFeedbackController). */
  private readonly form = new ApplicationFeedback(this, {
    agency: () => this.agency,
    files: this.files,
    validateOn: () => this.validateOn,
    locale: () => this.locale,
    localize: (fn) => this.localize(fn),
  });

  /** The draft: what was typed, kept in the browser under the `draft` policy, offered back after a reload. */
  private readonly drafts = new DraftKeeper(
    this,
    { policy: () => this.draft, key: () => draftKey('application-form', this.apiBase, this.agency) },
    { form: this.form, files: this.files, submitter: this.submitter },
  );

  private focusAfterRender(selector: string): void {
    this.focusMover.after(selector, { block: 'start' });
  }

  // ── Draft ────────────────────────────────────────────────────────────

  /** 继续 (the draft's step, with what it held) or 重新开始 (the draft deleted). */
  private answerDraftPrompt(resume: boolean): void {
    if (resume) this.step = this.drafts.resume() ?? this.step;
    else this.drafts.clear();
    this.focusAfterRender('#step-title');
  }

  private saveDraftNow(): void {
    // (With `draft="off"` nothing is stored, and no notice shows.)
    if (!this.drafts.offered && this.phase !== 'done') this.drafts.keep(this.step);
  }

  /** 清除: deletes the saved draft and everything typed (asked twice: it cannot be undone). */
  private clearEverything(): void {
    this.drafts.clear();
    this.form.reset();
    this.files.reset();
    this.submitter.reset();
    this.failure = undefined;
    this.phase = 'form';
    this.step = 'applicant';
    this.confirmingClear = false;
    this.announce(this.localize(() => msg('草稿已清除，已填写的内容已删除。')));
    this.focusAfterRender('#step-title');
  }

  // ── Navigation ───────────────────────────────────────────────────────

  private goTo(step: ApplicationStep): void {
    this.step = step;
    if (step === 'review') {
      this.returnToReview = false;
      this.receiptView.load().catch(() => undefined); // asked for again when sending
    }
    this.form.hideSummary();
    this.confirmingClear = false;
    this.saveDraftNow();
    this.focusAfterRender('#step-title');
  }

  private showSummary = () => this.focusAfterRender('.error-summary');

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.phase === 'submitting') return;
    if (!this.form.checkStep(this.step)) return this.showSummary();
    const index = APPLICATION_STEPS.indexOf(this.step);
    if (this.step !== 'review') return this.goTo(this.returnToReview ? 'review' : APPLICATION_STEPS[index + 1]!);
    this.trySend();
  }

  /** Every step once more (a restored draft or an edit may have left one incomplete), then send. */
  private trySend(): void {
    const failing = APPLICATION_STEPS.find((step) => !this.form.checkStep(step));
    if (!failing) return void this.send();
    this.step = failing;
    this.showSummary();
  }

  private back(): void {
    const index = APPLICATION_STEPS.indexOf(this.step);
    if (index > 0) this.goTo(APPLICATION_STEPS[index - 1]!);
  }

  private onInput(event: Event): void {
    if (this.form.take(event.target as HTMLInputElement)) this.saveDraftNow();
  }

  // ── Sending ──────────────────────────────────────────────────────────

  private async send(): Promise<void> {
    const request = this.form.request();
    if (!request) return;
    // The same body is the same attempt: its key is reused, so the server answers a retry with the first receipt.
    this.submitter.keyFor(request);
    this.saveDraftNow();
    if (!this.emit<ZwgkSubmitDetail>('zwgk-submit', { request }, { cancelable: true })) return;

    this.phase = 'submitting';
    this.failure = undefined;
    this.announce(this.localize(() => msg('正在提交申请，请稍候…')));
    try {
      // The receipt must show once the server answers: without its view nothing is sent (Retry asks for it again).
      await this.receiptView.load();
    } catch (error) {
      return this.fail({ error: toLoadError(error), fieldErrors: [] });
    }
    const sent = await this.submitter.submit(request);
    if (sent.status === 'sent') this.succeed(sent.receipt);
    else if (sent.status === 'failed') this.fail(sent.failure);
  }

  private succeed(receipt: ApplicationReceipt): void {
    // Only now, with the server's word, is the draft let go.
    this.drafts.clear();
    this.receipt = receipt;
    this.phase = 'done';
    this.announce(this.localize(() => msg(str`申请已提交，申请编号：${receipt.trackingCode}`)));
    this.focusAfterRender('#receipt-title');
    this.emit<ZwgkSubmittedDetail>('zwgk-submitted', { form: 'application', ...receipt });
  }

  private fail({ error, fieldErrors }: Pick<SubmitFailure, 'error' | 'fieldErrors'>): void {
    this.emit<ZwgkErrorDetail>('zwgk-error', errorDetail('submit', error));
    // Focus moves to what went wrong, which reads it; the "submitting…" status must not linger.
    void this.announce('');
    if (error.kind === 'http' && fieldErrors.length > 0) {
      // The server's field errors, on their fields; the first step with one is shown with its summary.
      this.phase = 'form';
      this.form.showServerFieldErrors(fieldErrors);
      this.step = this.form.firstStepWithError();
      return this.showSummary();
    }
    this.failure = error;
    this.phase = 'failed';
    this.focusAfterRender('.failure');
  }

  private retry(): void {
    if (this.phase === 'failed') this.trySend();
  }

  // ── Rendering ────────────────────────────────────────────────────────

  protected renderContent(): unknown {
    const offered = this.drafts.offered;
    if (offered) {
      return draftPrompt(offered, this.locale, {
        resume: () => this.answerDraftPrompt(true),
        startAfresh: () => this.answerDraftPrompt(false),
      });
    }
    const receiptView = this.receiptView.value;
    if (this.phase === 'done' && this.receipt && receiptView) {
      const code = this.receipt.trackingCode;
      return receiptView.renderConfirmation(this.receipt, this.locale, async () => {
        const copied = await writeClipboard(code, this.renderRoot as ShadowRoot);
        this.announce(this.localize(() => receiptView.copiedWords(copied, code)));
      });
    }
    const busy = this.phase === 'submitting';
    const notice = draftNotice(this.draft, this.confirmingClear, {
      askToClear: () => (this.confirmingClear = true),
      clear: () => this.clearEverything(),
      cancel: () => (this.confirmingClear = false),
    });
    const extras: StepExtras = {
      attachments: attachmentsField(this.files.view(this.form.errorFor('attachments'))),
      agency: this.agency,
      attachmentNames: this.files.uploadedNames(),
      edit: (step) => {
        this.returnToReview = true;
        this.goTo(step);
      },
    };
    return html`${this.drafts.kept && !busy ? notice : ''}
    ${stepForm({
      step: this.step,
      ctx: { values: this.form.values, locale: this.locale, problem: this.form.problemAt },
      extras,
      summary: this.form.summaryAt('in-form', fieldsOfStep(this.step, this.form.values)),
      returnToReview: this.returnToReview,
      busy,
      ...(this.phase === 'failed' && this.failure ? { failure: this.failure } : {}),
      on: {
        submit: (event) => this.onSubmit(event),
        input: (event) => this.onInput(event),
        focusOut: (event) => this.form.left(event.target as HTMLInputElement),
        back: () => this.back(),
        retry: () => this.retry(),
        focusField: (id) => this.focusMover.control(id),
      },
    })}`;
  }
}

defineElement('zwgk-application-form', ZwgkApplicationForm);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-application-form': ZwgkApplicationForm;
  }
}
