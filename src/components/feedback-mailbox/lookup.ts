/**
 * 查询: a letter found by its query code and the writer's phone or e-mail,
 * with its status, the reply, and the rating while rating is open. An unknown
 * code and a wrong contact get the same answer (the server's 404), so the
 * form tells nobody whether a code exists.
 */
import type { ZwgkRatedDetail } from '../../events/zwgk-rated.js';
import { errorDetail, type ZwgkErrorDetail } from '../../events/zwgk-error.js';
import { formatDate } from '../../i18n/format.js';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { ApiError, requestJson } from '../../api/client.js';
import { apiUrl } from '../../api/url.js';
import {
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_RATINGS,
  FEEDBACK_RATING_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackLetterView,
  type FeedbackRating,
} from '../../api/types/feedback.js';
import { parseFeedbackLetter } from '../../core/feedback/answers.js';
import { normalizeQueryCode } from '../../core/feedback/form.js';
import type { RatingWindow } from '../../core/feedback/rating.js';
import { FormFeedback, validateOnOf } from '../base/controllers/form-feedback.js';
import { RequestController, toLoadError, type LoadError } from '../base/controllers/request.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import { choiceGroup, textField } from '../base/fields.js';
import { dateRow, mailboxHeading, mailboxSummary, textBlock, type MailboxViewOptions } from './parts.js';

export type { ZwgkRatedDetail as FeedbackRatedDetail } from '../../events/zwgk-rated.js';

type LookupField = 'lookup-code' | 'lookup-contact';

interface RatingState {
  phase: 'idle' | 'sending' | 'error' | 'closed';
  /** loaded with the calendar, once a replied letter is shown */
  window?: RatingWindow;
  error?: LoadError;
}

type LookupValues = Record<LookupField, string>;
type RatingValues = { rating: '' | FeedbackRating };

/**
 * The look-up view: its request is a RequestController of the element, so leaving the page aborts it; what
 * shows when in its form is FormFeedback's (`validate-on`, default `submit`).
 */
export class LookupView {
  /** the contact that found the letter: the rating proves the writer with it, whatever the field holds later */
  private foundWith = '';
  phase: 'idle' | 'loading' | 'found' | 'not-found' | 'error' = 'idle';
  letter?: FeedbackLetterView;
  private error?: LoadError;
  /** counts answers, so the same alert shown twice is spoken twice */
  private answers = 0;
  private rating: RatingState = { phase: 'idle' };
  private readonly request: RequestController<FeedbackLetterView>;
  private readonly form: FormFeedback<LookupValues, LookupField>;
  /** the rating's one question: its error at the choices and in a summary above its form, as the mailbox's other forms */
  private readonly ratingForm: FormFeedback<RatingValues, 'rating'>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MailboxViewOptions,
  ) {
    this.request = new RequestController(host, { parse: parseFeedbackLetter, label: () => 'zwgk-feedback-mailbox (lookup)' });
    this.form = new FormFeedback<LookupValues, LookupField>(host, {
      initial: () => ({ 'lookup-code': '', 'lookup-contact': '' }),
      fields: ['lookup-code', 'lookup-contact'],
      validate: (values) => ({
        ...(normalizeQueryCode(values['lookup-code']) ? {} : { 'lookup-code': { code: 'required' as const } }),
        ...(values['lookup-contact'].trim() ? {} : { 'lookup-contact': { code: 'required' as const } }),
      }),
      validateOn: () => validateOnOf(options.validateOn(), 'submit'),
      summaryPlacement: () => 'before-form',
      locale: options.locale,
      label: (field) => this.label(field),
    });
    this.ratingForm = new FormFeedback<RatingValues, 'rating'>(host, {
      initial: () => ({ rating: '' }),
      fields: ['rating'],
      validate: ({ rating }) => (rating ? {} : { rating: { code: 'choice.invalid' } }),
      summaryPlacement: () => 'before-form',
      locale: options.locale,
    });
  }

  prefill(code: string, contact: string): void {
    this.form.reset({ 'lookup-code': code, 'lookup-contact': contact });
  }

  render(): TemplateResult {
    const { values } = this.form;
    return html`${mailboxSummary(this.form.summaryAt('before-form'), 'lookup-errors', this.options)}
      <form class="lookup-form" part="lookup-form" novalidate @input=${this.onInput} @focusout=${this.onFocusOut} @submit=${this.onSubmit}>
        ${textField({
          name: 'lookup-code',
          label: this.label('lookup-code'),
          hint: msg('写信成功后页面上显示的查询码。'),
          value: values['lookup-code'],
          width: 'short',
          error: this.form.errorFor('lookup-code'),
        })}
        ${textField({
          name: 'lookup-contact',
          label: this.label('lookup-contact'),
          hint: msg('写信时留下的联系电话或电子邮箱，填写其中一项即可。'),
          value: values['lookup-contact'],
          error: this.form.errorFor('lookup-contact'),
        })}
        <div class="actions">
          <button type="submit" class="button" part="lookup-submit-button" aria-disabled=${this.phase === 'loading' ? 'true' : 'false'}>
            ${msg('查询', { id: 'feedback-mailbox.lookup' })}
          </button>
        </div>
      </form>
      <div class="lookup-result">${this.renderResult()}</div>`;
  }

  /** The question's label, which its error names too. */
  private label(field: LookupField): string {
    return field === 'lookup-code' ? msg('查询码') : msg('联系电话或电子邮箱');
  }

  private renderResult(): unknown {
    switch (this.phase) {
      case 'idle':
        return nothing;
      case 'loading':
        return renderSkeleton(4);
      case 'not-found':
        return keyed(
          this.answers,
          html`<div class="state empty" part="not-found" role="alert">
            <p class="title">${msg('没有找到这封来信')}</p>
            <p>${msg('请核对查询码，以及写信时留下的联系电话或电子邮箱，然后再查询一次。')}</p>
          </div>`,
        );
      case 'error':
        return keyed(
          this.answers,
          renderLoadError(this.error!, () => void this.lookUp()),
        );
      case 'found':
        return this.renderLetter(this.letter!);
    }
  }

  private renderLetter(letter: FeedbackLetterView): TemplateResult {
    const locale = this.options.locale(),
      headingLevel = this.options.headingLevel();
    const status = FEEDBACK_STATUS_LABELS[letter.status][locale];
    return html`<article class="letter" part="letter" aria-labelledby="letter-heading">
      ${mailboxHeading(headingLevel, 'letter-heading', letter.subject, 'letter-title', true)}
      <dl class="meta">
        <div>
          <dt>${msg('办理状态')}</dt>
          <dd><span class="status ${letter.status}" part="status">${status}</span></dd>
        </div>
        <div>
          <dt>${msg('查询码')}</dt>
          <dd class="code">${letter.queryCode}</dd>
        </div>
        <div>
          <dt>${msg('来信类别')}</dt>
          <dd>${FEEDBACK_CATEGORY_LABELS[letter.category][locale]}</dd>
        </div>
        ${dateRow(msg('受理日期'), letter.receivedOn, locale)}
        <div>
          <dt>${msg('是否同意公开')}</dt>
          <dd>${letter.publish ? msg('同意公开') : msg('不公开')}</dd>
        </div>
      </dl>
      <div class="text-block">${textBlock(msg('来信内容'), letter.message)}</div>
      ${
        letter.reply
          ? html`<div class="text-block reply" part="reply">
              <p class="block-label">${msg('答复内容')}</p>
              <dl class="meta">
                <div>
                  <dt>${msg('答复部门')}</dt>
                  <dd>${letter.reply.department}</dd>
                </div>
                ${dateRow(msg('答复日期'), letter.reply.repliedOn, locale)}
              </dl>
              <p class="text">${letter.reply.text}</p>
            </div>`
          : html`<p class="waiting" part="waiting">
              ${letter.status === 'received' ? msg('来信已收到，正在等待办理。答复后可以在这里查看。') : msg('来信正在办理中。答复后可以在这里查看。')}
            </p>`
      }
      ${this.renderRating(letter)}
    </article>`;
  }

  private renderRating(letter: FeedbackLetterView): unknown {
    if (letter.rating) {
      return html`<p class="rated" part="rating" id="rating-given" tabindex="-1">
        ${msg('您的评价：')}<strong>${FEEDBACK_RATING_LABELS[letter.rating][this.options.locale()]}</strong>
      </p>`;
    }
    if (letter.status !== 'replied') return nothing;
    const period = this.rating.window;
    if (!period) return nothing;
    if (!period.open || this.rating.phase === 'closed') {
      return html`<p class="rating-closed" part="rating-closed">
        ${
          this.rating.phase === 'closed'
            ? msg('这封来信现在不能评价：可能已经评价过，或者已超过答复后20个工作日的评价期。')
            : msg('评价期已过：答复后20个工作日内可以评价。')
        }
      </p>`;
    }
    const sending = this.rating.phase === 'sending';
    return html`${mailboxSummary(this.ratingForm.summaryAt('before-form'), 'rating-errors', this.options)}
      <form class="rating-form" part="rating-form" novalidate @change=${this.onRatingChange} @submit=${this.onRate}>
        ${choiceGroup({
          name: 'rating',
          type: 'radio',
          label: msg('您对答复满意吗？'),
          hint: period.lastDay
            ? msg(str`请在${formatDate(period.lastDay, this.options.locale())}前评价（答复后20个工作日内）。`)
            : msg('答复后20个工作日内可以评价。'),
          choices: FEEDBACK_RATINGS.map((value) => ({ value, label: FEEDBACK_RATING_LABELS[value][this.options.locale()] })),
          selected: [this.ratingForm.values.rating],
          error: this.ratingForm.errorFor('rating'),
          inline: true,
        })}
        ${
          this.rating.phase === 'error'
            ? keyed(
                this.answers,
                renderLoadError(this.rating.error!, () => void this.rate()),
              )
            : nothing
        }
        <div class="actions">
          <button type="submit" class="button" part="rating-submit-button" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? msg('正在提交…') : msg('提交评价')}
          </button>
        </div>
      </form>`;
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'lookup-code' || target.name === 'lookup-contact') this.form.set({ [target.name]: target.value });
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    this.form.blur((event.target as HTMLInputElement).name as LookupField);
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.lookUp();
  };

  /** Looks the letter up with the code and contact in the form. */
  async lookUp(): Promise<void> {
    if (this.phase === 'loading') return;
    if (!this.form.submit()) return this.options.focus('lookup-errors');
    const code = normalizeQueryCode(this.form.values['lookup-code']);
    const contact = this.form.values['lookup-contact'].trim();
    this.phase = 'loading';
    this.letter = undefined;
    this.rating = { phase: 'idle' };
    this.ratingForm.reset();
    // The contact goes in a POST body, never in the URL, which servers and proxies write to their logs.
    const url = apiUrl(this.options.apiBase(), `feedback/${encodeURIComponent(code)}/lookup`);
    const state = await this.request.run((signal) => requestJson(url, { method: 'POST', body: { contact }, signal }));
    if (!state || state.status === 'loading') return;
    this.answers++;
    if (state.status === 'ready') {
      this.letter = state.value;
      // The rating is sent with the contact that found the letter, whatever the field holds later.
      this.foundWith = contact;
      this.phase = 'found';
      void this.checkRatingWindow(state.value);
      this.host.requestUpdate();
      await this.options.focus('letter-heading');
    } else if (state.status === 'error') {
      // A wrong contact is answered exactly as an unknown code.
      if (state.error.kind === 'http' && state.error.status === 404) {
        this.phase = 'not-found';
      } else {
        this.phase = 'error';
        this.error = state.error;
        this.options.emit<ZwgkErrorDetail>('zwgk-error', errorDetail('lookup', state.error));
      }
      this.host.requestUpdate();
    }
  }

  /** Loaded with the holiday calendar only when a replied, unrated letter is shown. */
  private async checkRatingWindow(letter: FeedbackLetterView): Promise<void> {
    if (letter.status !== 'replied' || letter.rating) return;
    const { ratingWindow, todayInChina } = await import('../../core/feedback/rating.js');
    if (this.letter !== letter) return;
    this.rating = { ...this.rating, window: ratingWindow(letter, todayInChina()) };
    this.host.requestUpdate();
  }

  private readonly onRatingChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'rating' && target.checked) this.ratingForm.set({ rating: target.value as FeedbackRating });
  };

  private readonly onRate = (event: Event): void => {
    event.preventDefault();
    void this.rate();
  };

  private async rate(): Promise<void> {
    const letter = this.letter;
    if (!letter || this.rating.phase === 'sending') return;
    if (!this.ratingForm.submit()) return this.options.focus('rating-errors');
    const choice = this.ratingForm.values.rating as FeedbackRating;
    this.rating = { ...this.rating, phase: 'sending' };
    this.host.requestUpdate();
    try {
      // The same rating sent twice is a harmless retry on the server, so no idempotency key is needed.
      await requestJson(apiUrl(this.options.apiBase(), `feedback/${encodeURIComponent(letter.queryCode)}/rating`), {
        method: 'POST',
        body: { rating: choice, contact: this.foundWith },
      });
      this.letter = { ...letter, rating: choice };
      this.rating = { ...this.rating, phase: 'idle' };
      this.options.emit<ZwgkRatedDetail>('zwgk-rated', { queryCode: letter.queryCode, rating: choice });
      this.host.requestUpdate();
      await this.options.focus('rating-given');
      this.options.announce(this.options.localize(() => msg('感谢您的评价。')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        this.rating = { ...this.rating, phase: 'closed' };
      } else {
        this.answers++;
        const failure = toLoadError(error);
        this.rating = { ...this.rating, phase: 'error', error: failure };
        this.options.emit<ZwgkErrorDetail>('zwgk-error', errorDetail('rate', failure));
      }
      this.host.requestUpdate();
    }
  }
}
