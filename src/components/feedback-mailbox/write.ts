/**
 * 写信: the letter form, its draft, the spam-protection proof in the
 * background, an idempotent and safely retried submission, and the
 * confirmation with the query code.
 */
import type { ZwgkSubmittedDetail } from '../../events/zwgk-submitted.js';
import { plural } from '../../i18n/format.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import { DraftController } from '../base/controllers/draft.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { ApiError, apiUrl, newIdempotencyKey, requestJson } from '../../api/client.js';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type FeedbackReceipt, type FeedbackRequest } from '../../api/types/feedback.js';
import { draftKey } from '../../core/draft/store.js';
import { parseFeedbackReceipt } from '../../core/feedback/answers.js';
import { characterCount, countWorthSpeaking, type CharacterCount } from '../../core/feedback/counter.js';
import {
  FEEDBACK_FIELDS,
  emptyFeedbackValues,
  feedbackFieldOfPointer,
  hasAnyFeedbackValue,
  orderFeedbackIssues,
  parseFeedbackDraft,
  sameLetter,
  validateFeedbackForm,
  type FeedbackField,
  type FeedbackFormValues,
  type FeedbackIssue,
} from '../../core/feedback/form.js';
import { MESSAGE_KEYS, formatFieldMessage, formatMessage, type MessageKey } from '../../core/validate/messages.js';
import { writeClipboard } from '../base/clipboard.js';
import { choiceGroup, countText, errorSummary, focusControl, textField } from '../base/fields.js';
import { mailboxHeading, type MailboxViewOptions } from './parts.js';
import { ProofKeeper, ProofUnavailable, type ProofState } from './proof-keeper.js';

/** Detail of `zwgk-submitted` from the mailbox: the query code the writer keeps, with `form: 'feedback'`. */
export type FeedbackSubmittedDetail = Extract<ZwgkSubmittedDetail, { form: 'feedback' }>;

type Letter = Omit<FeedbackRequest, 'proof'>;

/** One submission attempt: its key and the exact body, kept so that a retry sends both unchanged. */
interface Attempt {
  key: string;
  letter: Letter;
  body: FeedbackRequest;
}

/** An issue to show: a validation key to word in the element's language, or the server's own words. */
type ShownIssue = FeedbackIssue | { field?: FeedbackField; text: string };

type FailureKind = 'network' | 'timeout' | 'server' | 'malformed' | 'busy' | 'proof' | 'refused';

/** How long typing must pause before a count near the limit is spoken. */
const SPEAK_AFTER_MS = 1000;

export class WriteView implements ReactiveController {
  values: FeedbackFormValues = emptyFeedbackValues();
  phase: 'editing' | 'sending' | 'sent' = 'editing';
  receipt?: FeedbackReceipt;
  private issues: ShownIssue[] = [];
  private failure?: { kind: FailureKind; status?: number; attempt: number };
  private attempts = 0;
  private pending?: Attempt;
  private contactUsed = '';
  private restoredAt?: string;
  private draftRead = false;
  private readonly lastSpoken = new Map<string, CharacterCount>();
  private readonly speakTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly proofs: ProofKeeper;
  private readonly draft: DraftController<FeedbackFormValues>;

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
    this.proofs = new ProofKeeper(
      () => this.options.apiBase(),
      (state) => this.onProofState(state),
    );
  }

  /** Restores the draft once, when the element first renders (api-base is known by then). */
  restoreDraft(): void {
    if (this.draftRead) return;
    this.draftRead = true;
    const read = this.draft.read();
    if (read.status === 'found') {
      this.values = read.data;
      this.restoredAt = read.savedAt;
    }
  }

  hostDisconnected(): void {
    this.proofs.stop();
    this.speakTimers.forEach((timer) => clearTimeout(timer));
  }

  render(): TemplateResult {
    if (this.phase === 'sent' && this.receipt) return this.renderConfirmation(this.receipt);
    const limits = this.options.limits(),
      headingLevel = this.options.headingLevel(),
      locale = this.options.locale();
    const errorOf = (field: FeedbackField) => {
      const issue = this.issues.find((i) => i.field === field);
      return issue ? this.wordIssue(issue) : undefined;
    };
    const summary = this.issues.map((issue) => ({ target: issue.field, message: this.wordIssue(issue) }));
    const sending = this.phase === 'sending';
    return html`${
        summary.length
          ? errorSummary(summary, (id) => focusControl(this.options.root(), id), {
              id: 'write-errors',
              title: (id, text) => mailboxHeading(headingLevel, id, text, 'error-summary-title'),
            })
          : nothing
      }
      ${this.restoredAt ? this.renderRestored() : nothing}
      <form class="letter-form" part="form" novalidate @input=${this.onInput} @change=${this.onInput} @submit=${this.onSubmit}>
        ${choiceGroup({
          name: 'category',
          type: 'radio',
          label: this.label('category'),
          choices: FEEDBACK_CATEGORIES.map((value) => ({ value, label: FEEDBACK_CATEGORY_LABELS[value][locale] })),
          selected: [this.values.category],
          error: errorOf('category'),
          inline: true,
        })}
        ${textField({
          name: 'subject',
          label: this.label('subject'),
          hint: plural(locale, limits.subject, {
            one: () => msg(str`用一句话概括您的来信，不超过${limits.subject}个字。`, { id: 'mailbox.subjectHint.one' }),
            other: () => msg(str`用一句话概括您的来信，不超过${limits.subject}个字。`),
          }),
          value: this.values.subject,
          count: characterCount(this.values.subject, limits.subject),
          error: errorOf('subject'),
        })}
        ${textField({
          name: 'message',
          label: this.label('message'),
          hint: plural(locale, limits.message, {
            one: () => msg(str`请写明您咨询、建议或投诉的具体事项，不超过${limits.message}个字。`, { id: 'mailbox.messageHint.one' }),
            other: () => msg(str`请写明您咨询、建议或投诉的具体事项，不超过${limits.message}个字。`),
          }),
          value: this.values.message,
          rows: 8,
          count: characterCount(this.values.message, limits.message),
          error: errorOf('message'),
        })}
        ${textField({ name: 'name', label: this.label('name'), value: this.values.name, autocomplete: 'name', error: errorOf('name') })}
        <fieldset class="group contact" part="contact">
          <legend class="label" part="label">${msg('联系方式')}</legend>
          <p class="hint">${msg('联系电话和电子邮箱至少填写一项：我们据此答复您，查询来信时也要用到。')}</p>
          ${textField({
            name: 'phone',
            label: this.label('phone'),
            value: this.values.phone,
            type: 'tel',
            inputmode: 'tel',
            autocomplete: 'tel',
            width: 'short',
            error: errorOf('phone'),
          })}
          ${textField({
            name: 'email',
            label: this.label('email'),
            value: this.values.email,
            type: 'email',
            inputmode: 'email',
            autocomplete: 'email',
            error: errorOf('email'),
          })}
        </fieldset>
        ${choiceGroup({
          name: 'publish',
          type: 'radio',
          label: this.label('publish'),
          hint: msg('选择“同意公开”，答复后您的来信和答复可能在“来信选登”中公开，但您的姓名、电话和电子邮箱一律不公开。'),
          choices: [
            { value: 'yes', label: msg('同意公开') },
            { value: 'no', label: msg('不公开') },
          ],
          selected: [this.values.publish],
          error: errorOf('publish'),
          inline: true,
        })}
        ${this.proofs.state === 'failed' && !sending && !this.failure ? this.renderProofProblem() : nothing}
        ${this.failure ? keyed(this.failure.attempt, this.renderFailure(this.failure)) : nothing}
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

  /** The question's label: shown at the field, and named by its error so that no two summary lines read the same. */
  private label(field: FeedbackField): string {
    switch (field) {
      case 'category':
        return msg('来信类别');
      case 'subject':
        return msg('标题');
      case 'message':
        return msg('来信内容');
      case 'name':
        return msg('姓名');
      case 'phone':
        return msg('联系电话');
      case 'email':
        return msg('电子邮箱');
      case 'publish':
        return msg('是否同意公开');
    }
  }

  private wordIssue(issue: ShownIssue): string {
    if ('text' in issue) return issue.text;
    const locale = this.options.locale();
    if (!issue.field) return formatMessage(locale, issue.code, issue.params);
    // A question answered by choosing is chosen, not filled in: 请选择来信类别.
    const chosen = issue.code === 'required' && (issue.field === 'category' || issue.field === 'publish');
    return formatFieldMessage(locale, chosen ? 'choice.required' : issue.code, this.label(issue.field), issue.params);
  }

  private renderRestored(): TemplateResult {
    return html`<div class="notice" part="draft-notice">
      <p>${msg('已恢复您上次填写但没有提交的内容。')}</p>
      <button type="button" class="button secondary" part="discard-button" @click=${() => this.discardDraft()}>${msg('清空重写')}</button>
    </div>`;
  }

  private renderProofProblem(): TemplateResult {
    return html`<div class="state error" part="proof-error">
      <p class="title">${msg('自动验证没有完成')}</p>
      <p>${msg('为防止垃圾信息，本页在后台自动完成一项验证，不需要您操作。现在无法完成这项验证，请检查网络连接，然后点击“重试”。')}</p>
      <button type="button" class="button secondary" part="retry-button" @click=${() => this.proofs.start()}>${msg('重试')}</button>
    </div>`;
  }

  private renderFailure(failure: { kind: FailureKind; status?: number }): TemplateResult {
    const kept = msg('您填写的内容已保存在本机。');
    const again = msg('请点击“重新提交”，重复提交不会产生两封来信。');
    const [title, advice] = (() => {
      switch (failure.kind) {
        case 'network':
          return [msg('来信可能没有送达'), `${msg('无法连接到服务器，请检查网络连接。')}${kept}${again}`];
        case 'timeout':
          return [msg('来信可能没有送达'), `${msg('服务器没有及时回应。')}${kept}${again}`];
        case 'server':
          return [msg(str`服务器出现错误（${failure.status ?? ''}）`), `${msg('这不是您的操作问题。')}${kept}${again}`];
        case 'malformed':
          return [msg('无法确认来信是否送达'), `${msg('服务器的回应无法识别。')}${kept}${again}`];
        case 'busy':
          return [msg('提交太频繁'), `${kept}${msg('请等一分钟，再点击“重新提交”。')}`];
        case 'proof':
          return [
            msg('自动验证没有完成'),
            `${msg('为防止垃圾信息，本页在后台自动完成一项验证，这次没有完成。')}${kept}${msg('请检查网络连接，然后点击“重新提交”。')}`,
          ];
        case 'refused':
          return [msg('来信没有被接受'), `${kept}${msg('请刷新页面后重新提交；如果仍然不行，请通过其他方式联系我们。')}`];
      }
    })();
    return html`<div class="state error" part="submit-error" role="alert">
      <p class="title">${title}</p>
      <p>${advice}</p>
    </div>`;
  }

  private renderConfirmation(receipt: FeedbackReceipt): TemplateResult {
    return html`<section class="confirmation" part="confirmation" aria-labelledby="confirmation-heading">
      ${mailboxHeading(this.options.headingLevel(), 'confirmation-heading', msg('来信已提交'), 'confirmation-title', true)}
      <p class="code-label" id="query-code-label">${msg('您的查询码')}</p>
      <p class="query-code" part="query-code" aria-labelledby="query-code-label">${receipt.queryCode}</p>
      <div class="keep-warning" part="query-code-warning">
        <p>
          <strong>${msg('请记下或保存查询码。')}</strong
          >${msg('查询办理进度和答复时，要输入查询码和您留下的联系电话或电子邮箱。查询码只显示这一次，遗失后无法找回。')}
        </p>
      </div>
      <div class="actions">
        <button type="button" class="button secondary" part="copy-button" @click=${() => this.copyCode(receipt.queryCode)}>
          ${msg('复制查询码')}
        </button>
        <button
          type="button"
          class="button secondary"
          part="lookup-button"
          @click=${() => this.openLookup(receipt.queryCode, this.contactUsed)}
        >
          ${msg('查询这封来信')}
        </button>
        <button type="button" class="button secondary" part="new-letter-button" @click=${() => this.newLetter()}>${msg('再写一封')}</button>
      </div>
    </section>`;
  }

  // ——— Typing ———

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = target.name as FeedbackField;
    if (!FEEDBACK_FIELDS.includes(field)) return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    if (this.values[field] === target.value) return;
    this.values = { ...this.values, [field]: target.value } as FeedbackFormValues;
    // The citizen has started writing: the proof is worked out meanwhile, loaded only now.
    this.proofs.start();
    this.keepDraft();
    if (field === 'subject' || field === 'message') this.speakCountLater(field);
    this.host.requestUpdate();
  };

  /** Speaks a count near or over the limit once typing pauses, never on every keystroke. */
  private speakCountLater(field: 'subject' | 'message'): void {
    clearTimeout(this.speakTimers.get(field));
    this.speakTimers.set(
      field,
      setTimeout(() => {
        const count = characterCount(this.values[field], this.options.limits()[field]);
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

  private keepDraft(): void {
    this.draft.save(this.values);
  }

  private dropDraft(): void {
    this.draft.clear();
  }

  private discardDraft(): void {
    this.dropDraft();
    this.values = emptyFeedbackValues();
    this.issues = [];
    this.failure = undefined;
    this.pending = undefined;
    this.host.requestUpdate();
    void this.options.focus('category');
  }

  private newLetter(): void {
    this.phase = 'editing';
    this.receipt = undefined;
    this.values = emptyFeedbackValues();
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
    const { letter, issues } = validateFeedbackForm(this.values, this.options.limits());
    if (!letter) return this.showIssues(orderFeedbackIssues(issues));
    this.issues = [];
    this.failure = undefined;
    this.phase = 'sending';
    this.host.requestUpdate();
    try {
      const receipt = await this.send(letter);
      await this.succeed(receipt, letter);
    } catch (error) {
      this.fail(error);
    }
  }

  private async send(letter: Letter): Promise<FeedbackReceipt> {
    // The same letter after a failure goes again under the same key with the same proof: if the first attempt
    // got through, the server answers with that letter instead of storing a second one.
    let attempt = this.pending && sameLetter(this.pending.letter, letter) ? this.pending : await this.newAttempt(letter);
    try {
      return await this.post(attempt);
    } catch (error) {
      if (!proofRefused(error)) throw error;
      // Expired or spent: a fresh proof makes a different body, which needs a key of its own.
      attempt = await this.newAttempt(letter);
      return this.post(attempt);
    }
  }

  private async newAttempt(letter: Letter): Promise<Attempt> {
    const proof = await this.proofs.take();
    this.pending = { key: newIdempotencyKey(), letter, body: { ...letter, proof } };
    return this.pending;
  }

  private async post(attempt: Attempt): Promise<FeedbackReceipt> {
    const raw = await requestJson(apiUrl(this.options.apiBase(), 'feedback'), {
      method: 'POST',
      body: attempt.body,
      idempotencyKey: attempt.key,
    });
    const parsed = parseFeedbackReceipt(raw);
    if ('problems' in parsed) throw new ApiError('malformed', parsed.problems.join('; '), 201);
    return parsed.value;
  }

  private async succeed(receipt: FeedbackReceipt, letter: Letter): Promise<void> {
    this.receipt = receipt;
    this.phase = 'sent';
    this.pending = undefined;
    this.contactUsed = letter.phone ?? letter.email ?? '';
    this.dropDraft();
    this.values = emptyFeedbackValues();
    this.options.emit<ZwgkSubmittedDetail>('zwgk-submitted', { form: 'feedback', queryCode: receipt.queryCode });
    this.host.requestUpdate();
    await this.options.focus('confirmation-heading');
  }

  private fail(error: unknown): void {
    this.phase = 'editing';
    if (error instanceof ApiError && error.kind === 'aborted') return this.host.requestUpdate();
    if (error instanceof ApiError && error.kind === 'http' && error.status === 422 && error.fieldErrors.length > 0) {
      // The server's own checks (the law, where ours are a courtesy): nothing was stored.
      this.pending = undefined;
      return this.showIssues(
        error.fieldErrors.map((e): ShownIssue => {
          const field = feedbackFieldOfPointer(e.field);
          const known = (MESSAGE_KEYS as readonly string[]).includes(e.code ?? '');
          return known ? { ...(field ? { field } : {}), code: e.code as MessageKey } : { ...(field ? { field } : {}), text: e.message };
        }),
      );
    }
    const kind = failureKind(error);
    // Only a failure that may have reached the server keeps the attempt for a retry under the same key.
    if (!['network', 'timeout', 'server', 'malformed', 'busy'].includes(kind)) this.pending = undefined;
    const status = error instanceof ApiError ? error.status : undefined;
    this.failure = { kind, ...(status ? { status } : {}), attempt: ++this.attempts };
    this.options.emit<ZwgkErrorDetail>(
      'zwgk-error',
      errorDetail(error instanceof ProofUnavailable ? 'challenge' : 'submit', error instanceof ApiError ? error : { kind: 'proof' }),
    );
    this.host.requestUpdate();
  }

  private showIssues(issues: ShownIssue[]): void {
    this.issues = issues;
    this.host.requestUpdate();
    void this.options.focus('write-errors');
  }
}

function failureKind(error: unknown): FailureKind {
  if (error instanceof ProofUnavailable || proofRefused(error)) return 'proof';
  if (!(error instanceof ApiError)) return 'server';
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'malformed') return error.kind;
  if (error.status === 429) return 'busy';
  if ((error.status ?? 500) >= 500) return 'server';
  return 'refused';
}

/** The server refused the proof (expired, spent or forged): a new one may succeed. */
function proofRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /proof/.test(error.problem?.type ?? '');
}
