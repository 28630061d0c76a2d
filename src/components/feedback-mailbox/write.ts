/**
 * 写信: the letter form, its draft, the spam-protection proof in the
 * background, an idempotent and safely retried submission (LetterSender), and the
 * confirmation with the query code. What shows when is FormFeedback's.
 */
import type { ZwgkSubmittedDetail } from '../../events/zwgk-submitted.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import { DraftController } from '../base/controllers/draft.js';
import { FormFeedback, validateOnOf, type Issues } from '../base/controllers/form-feedback.js';
import { mapServerErrors } from '../base/controllers/server-errors.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { ApiError } from '../../api/client.js';
import type { FeedbackReceipt } from '../../api/types/feedback.js';
import { draftKey } from '../../core/draft/store.js';
import { characterCount, countWorthSpeaking, type CharacterCount } from '../../core/feedback/counter.js';
import {
  FEEDBACK_FIELDS,
  emptyFeedbackValues,
  feedbackFieldOfPointer,
  hasAnyFeedbackValue,
  parseFeedbackDraft,
  validateFeedbackForm,
  type FeedbackField,
  type FeedbackFormLimits,
  type FeedbackFormValues,
} from '../../core/feedback/form.js';
import { FEEDBACK_LIMITS } from '../../core/validate/feedback.js';
import { COMMON_MESSAGES, formatFieldIn } from '../../core/validate/messages-common.js';
import { writeClipboard } from '../base/clipboard.js';
import { countText } from '../base/fields.js';
import { mailboxSummary, type MailboxViewOptions } from './parts.js';
import { ProofKeeper, ProofUnavailable, type ProofState } from './proof-keeper.js';
import { LetterSender, type Letter } from './letter-sender.js';
import {
  letterConfirmation,
  letterFields,
  letterLabel,
  proofProblem,
  restoredNotice,
  sendFailure,
  type FailureKind,
} from './write-parts.js';

/** Detail of `zwgk-submitted` from the mailbox: the query code the writer keeps, with `form: 'feedback'`. */
export type FeedbackSubmittedDetail = Extract<ZwgkSubmittedDetail, { form: 'feedback' }>;

/** How long typing must pause before a count near the limit is spoken. */
const SPEAK_AFTER_MS = 1000;

/** The letter's problems by field, the first of each (the shared rules of `POST /feedback`); the summary orders them. */
function letterIssues(values: FeedbackFormValues, limits: FeedbackFormLimits): Issues<FeedbackField> {
  const issues: Issues<FeedbackField> = {};
  for (const { field, code, params } of validateFeedbackForm(values, limits).issues) {
    if (field && !issues[field]) issues[field] = { code, ...(params ? { params } : {}) };
  }
  return issues;
}

export class WriteView implements ReactiveController {
  phase: 'editing' | 'sending' | 'sent' = 'editing';
  receipt?: FeedbackReceipt;
  private failure?: { kind: FailureKind; status?: number; attempt: number };
  private attempts = 0;
  private contactUsed = '';
  private restoredAt?: string;
  private draftRead = false;
  private readonly lastSpoken = new Map<string, CharacterCount>();
  private readonly speakTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly proofs: ProofKeeper;
  private readonly sender: LetterSender;
  private readonly draft: DraftController<FeedbackFormValues>;
  private readonly form: FormFeedback<FeedbackFormValues, FeedbackField>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MailboxViewOptions,
    private readonly openLookup: (code: string, contact: string) => void,
  ) {
    host.addController(this);
    this.draft = new DraftController(host, {
      policy: options.draftPolicy,
      key: () => draftKey('feedback-mailbox', options.apiBase()),
      parse: parseFeedbackDraft,
      isEmpty: (letter) => !hasAnyFeedbackValue(letter),
    });
    this.form = new FormFeedback(host, {
      initial: emptyFeedbackValues,
      fields: FEEDBACK_FIELDS,
      validate: (values) => letterIssues(values, options.limits()),
      validateOn: () => validateOnOf(options.validateOn(), 'submit'),
      summaryPlacement: () => 'before-form',
      locale: options.locale,
      label: letterLabel,
      // A question answered by choosing is chosen, not filled in: 请选择来信类别.
      word: (issue, field) =>
        issue.code === 'required' && (field === 'category' || field === 'publish')
          ? formatFieldIn(COMMON_MESSAGES, options.locale(), 'choice.required', letterLabel(field), issue.params)
          : undefined,
    });
    this.proofs = new ProofKeeper(
      () => this.options.apiBase(),
      (state) => this.onProofState(state),
    );
    this.sender = new LetterSender(this.proofs, options.apiBase, options.locale);
  }

  /** Restores the draft once, when the element first renders (api-base is known by then). */
  restoreDraft(): void {
    if (this.draftRead) return;
    this.draftRead = true;
    const read = this.draft.read();
    if (read.status === 'found') {
      this.form.reset(read.data);
      this.restoredAt = read.savedAt;
    }
  }

  hostDisconnected(): void {
    this.proofs.stop();
    this.speakTimers.forEach((timer) => clearTimeout(timer));
  }

  render(): TemplateResult {
    if (this.phase === 'sent' && this.receipt) {
      const code = this.receipt.queryCode;
      return letterConfirmation(code, this.options.headingLevel(), {
        copy: () => void this.copyCode(code),
        lookUp: () => this.openLookup(code, this.contactUsed),
        newLetter: () => this.newLetter(),
      });
    }
    const sending = this.phase === 'sending';
    return html`${mailboxSummary(this.form.summaryAt('before-form'), 'write-errors', this.options)}
      ${this.restoredAt ? restoredNotice(() => this.discardDraft()) : nothing}
      <form
        class="letter-form"
        part="form"
        novalidate
        @input=${this.onInput}
        @change=${this.onInput}
        @focusout=${this.onFocusOut}
        @submit=${this.onSubmit}
      >
        ${letterFields({
          values: this.form.values,
          limits: this.options.limits(),
          locale: this.options.locale(),
          errorOf: (field) => this.form.errorFor(field),
        })}
        ${this.proofs.state === 'failed' && !sending && !this.failure ? proofProblem(() => this.proofs.start()) : nothing}
        ${this.failure ? keyed(this.failure.attempt, sendFailure(this.failure)) : nothing}
        <div class="actions">
          <button type="submit" class="button" part="submit-button" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? this.sendingText() : this.failure ? msg('重新提交') : msg('提交')}
          </button>
        </div>
      </form>`;
  }

  /** What sending waits for, in words: the background spam check (rarely: it starts when writing starts), then the server. */
  private sendingText(): string {
    return this.proofs.state === 'solving' ? msg('正在完成自动验证，马上提交…') : msg('正在提交…');
  }

  // ——— Typing ———

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = target.name as FeedbackField;
    if (!FEEDBACK_FIELDS.includes(field)) return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    if (this.form.values[field] === target.value) return;
    this.form.set({ [field]: target.value } as Partial<FeedbackFormValues>);
    // The citizen has started writing: the proof is worked out meanwhile, loaded only now.
    this.proofs.start();
    this.draft.save(this.form.values);
    if (field === 'subject' || field === 'message') this.speakCountLater(field);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const target = event.target as HTMLInputElement;
    if (target.type !== 'radio') this.form.blur(target.name as FeedbackField);
  };

  /** Speaks a count near or over the limit once typing pauses, never on every keystroke. */
  private speakCountLater(field: 'subject' | 'message'): void {
    clearTimeout(this.speakTimers.get(field));
    this.speakTimers.set(
      field,
      setTimeout(() => {
        const count = characterCount(this.form.values[field], this.options.limits()[field]);
        if (!countWorthSpeaking(count, this.lastSpoken.get(field))) return;
        this.lastSpoken.set(field, count);
        this.options.announce(this.options.localize(() => `${field === 'subject' ? msg('标题') : msg('来信内容')}：${countText(count)}`));
      }, SPEAK_AFTER_MS),
    );
  }

  private onProofState(state: ProofState): void {
    // Nothing is said while the proof is worked out; only a failure is worth the citizen's attention.
    if (state === 'failed' && this.phase === 'editing' && !this.failure) {
      this.options.announce(this.options.localize(() => msg('自动验证没有完成，请检查网络连接，然后点击“重试”。')));
      this.options.emit<ZwgkErrorDetail>('zwgk-error', errorDetail('challenge', { kind: 'proof' }));
    }
    this.host.requestUpdate();
  }

  // ——— Draft ———

  private discardDraft(): void {
    this.draft.clear();
    this.form.reset();
    this.failure = undefined;
    this.sender.forget();
    this.host.requestUpdate();
    void this.options.focus('category');
  }

  private newLetter(): void {
    this.phase = 'editing';
    this.receipt = undefined;
    this.form.reset();
    this.lastSpoken.clear();
    this.host.requestUpdate();
    void this.options.focus('category');
  }

  private async copyCode(code: string): Promise<void> {
    const copied = await writeClipboard(code, this.options.root());
    this.options.announce(
      this.options.localize(() => (copied ? msg(str`已复制查询码：${code}`) : msg('无法自动复制，请手动记下查询码。'))),
    );
  }

  // ——— Sending ———

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  /** Checks the letter, then sends it; the draft stays until the server confirms. */
  async submit(): Promise<void> {
    if (this.phase !== 'editing') return;
    const { letter } = validateFeedbackForm(this.form.values, this.options.limits());
    if (!this.form.submit() || !letter) return this.options.focus('write-errors');
    this.failure = undefined;
    this.phase = 'sending';
    this.host.requestUpdate();
    try {
      const receipt = await this.sender.send(letter);
      await this.succeed(receipt, letter);
    } catch (error) {
      this.fail(error);
    }
  }

  private async succeed(receipt: FeedbackReceipt, letter: Letter): Promise<void> {
    this.receipt = receipt;
    this.phase = 'sent';
    this.sender.forget();
    this.contactUsed = letter.phone ?? letter.email ?? '';
    this.draft.clear();
    this.form.reset();
    this.options.emit<ZwgkSubmittedDetail>('zwgk-submitted', { form: 'feedback', queryCode: receipt.queryCode });
    this.host.requestUpdate();
    await this.options.focus('confirmation-heading');
  }

  private fail(error: unknown): void {
    this.phase = 'editing';
    if (error instanceof ApiError && error.kind === 'aborted') return this.host.requestUpdate();
    if (error instanceof ApiError && error.kind === 'http' && error.status === 422 && error.fieldErrors.length > 0) {
      // The server's own checks (the law, where ours are a courtesy): nothing was stored. A limit the
      // server names without its figure keeps the server's words, never a literal {max}.
      this.sender.forget();
      this.form.showServerErrors(
        mapServerErrors(error.fieldErrors, {
          fieldOfPointer: feedbackFieldOfPointer,
          paramsFor: (field, code) => (field === 'name' && code === 'text.tooLong' ? { max: FEEDBACK_LIMITS.name } : undefined),
        }),
      );
      void this.options.focus('write-errors');
      return;
    }
    const kind = this.sender.failed(error);
    const status = error instanceof ApiError ? error.status : undefined;
    this.failure = { kind, ...(status ? { status } : {}), attempt: ++this.attempts };
    this.options.emit<ZwgkErrorDetail>(
      'zwgk-error',
      errorDetail(error instanceof ProofUnavailable ? 'challenge' : 'submit', error instanceof ApiError ? error : { kind: 'proof' }),
    );
    this.host.requestUpdate();
  }
}
