import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwgkElement, defineElement } from '../base/zwgk-element.js';
import { renderLoadError, renderSkeleton } from '../base/states.js';
import { RequestController } from '../base/controllers/request.js';
import { FormFeedbackController } from '../base/controllers/form-feedback.js';
import { FocusController } from '../base/controllers/focus.js';
import { buttons, states, tokens } from '../../styles/tokens.js';
import { fieldStyles } from '../base/fields.styles.js';
import { formStyles } from '../base/form.styles.js';
import { applicationStatusStyles } from './application-status.styles.js';
import { ApiError, requestJson } from '../../api/client.js';
import { apiUrl } from '../../api/url.js';
import { newIdempotencyKey } from '../../api/idempotency.js';
import { uploadAttachment } from '../../api/upload.js';
import type { ApplicationStatusView, AttachmentReceipt } from '../../api/types/application.js';
import type { SupplementAnswer, WithdrawalRequest } from '../../api/types/staff.js';
import { SubmissionController, type SubmitFailure } from '../base/controllers/submission.js';
import { describeLoadError } from '../base/states.js';
import { saveFile } from '../base/download.js';
import { lazyModule } from '../base/lazy-module.js';
import type { ZwgkSupplementedDetail } from '../../events/zwgk-supplemented.js';
import type { ZwgkWithdrawnDetail } from '../../events/zwgk-withdrawn.js';
import { parseCaseView, type SupplementUi, type WithdrawUi } from './case-actions.js';
import { renderStatusView } from './status-view.js';
import { validatePhone } from '../../core/validate/contact.js';
import { errorSummary, textField } from '../base/fields.js';

type Field = 'code' | 'phone';
/** `code` is undefined until the citizen types one: the `tracking-code` attribute fills it in until then. */
interface LookupValues {
  code?: string;
  phone: string;
}
const emptySupplement = (): SupplementUi => ({ text: '', files: [], uploading: 0, sending: false });

/** Status and outcome labels: loaded with the first answer, since the outcome rows come with the annual-report format data. */
const lifecycle = lazyModule(() => import('../../core/lifecycle/index.js'));

/**
 * 申请进度查询 — a citizen follows a 政府信息公开申请 with the tracking code
 * and the phone number given on the application: the current state in words,
 * the working days left to the reply deadline (or how far past it), what a
 * 补正 request asks for, the outcome once answered — the row label of table
 * 三 of the annual report — and the whole timeline as an ordered list with
 * dates. A wrong phone number and an unknown code get the same answer, so
 * the lookup reveals nothing about other people's applications.
 *
 * With the same code and phone the citizen can also answer a 补正 online
 * (text and files; the reply clock restarts on the day it arrives), withdraw
 * an open application (撤回, asked once more before it is sent), and
 * download the 答复书 and the released files once answered.
 *
 * @fires {CustomEvent<ZwgkSupplementedDetail>} zwgk-supplemented - The 补正 reached the agency.
 * @fires {CustomEvent<ZwgkWithdrawnDetail>} zwgk-withdrawn - The application was withdrawn.
 *
 * @tagname zwgk-application-status
 * @summary Follow a 政府信息公开申请 by tracking code and phone number.
 *
 * @csspart form - The lookup form.
 * @csspart field - Each field (label, hint, error, input).
 * @csspart label - Each field's label.
 * @csspart input - Each input.
 * @csspart field-error - An error message at a field.
 * @csspart error-summary - The list of problems above the form.
 * @csspart submit-button - 查询.
 * @csspart result - The application found.
 * @csspart current-status - The current state and what it means.
 * @csspart deadline - The reply deadline and the working days left or overdue.
 * @csspart supplement - What a 补正 request asks for.
 * @csspart outcome - The outcome once answered.
 * @csspart timeline - The ordered list of steps with their dates.
 * @csspart supplement-form - The form to answer a 补正 online.
 * @csspart supplement-submit - 提交补正.
 * @csspart withdraw - 撤回申请 and its confirmation.
 * @csspart documents - The 答复书 and released files to download.
 * @csspart action-result - What the last step did (补正 sent, withdrawn).
 * @csspart not-found - No application with this code and phone number.
 * @csspart loading - Shown while looking up.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's Retry button.
 *
 * @cssprop [--zwgk-form-max-width=40rem] - The widest the element grows.
 * @cssprop [--zwgk-input-border=#57606a] - Input borders.
 * @cssprop [--zwgk-application-status-marker-color=#0b57a4] - The timeline's markers.
 * @cssprop [--zwgk-color-text=#1f2328] - Body text (shared token).
 * @cssprop [--zwgk-color-error=#b3261e] - Errors and an overdue deadline (shared token).
 * @cssprop [--zwgk-color-warning=#7a4d00] - A 补正 request (shared token).
 * @cssprop [--zwgk-font-size-base=1rem] - Base text size (shared token; 1.25rem in the elder theme).
 * @cssprop [--zwgk-focus-ring=0.1875rem solid #0b57a4] - Focus outline (shared token).
 */
export class ZwgkApplicationStatus extends ZwgkElement {
  protected static override english = () => import('../../i18n/locales/en-application-status.js');
  static override styles = [tokens, buttons, states, fieldStyles, formStyles, applicationStatusStyles];

  /** The backend root: looks up `POST {api-base}/applications/{code}/lookup` with `{ phone }`. */
  @property({ attribute: 'api-base' }) apiBase = '/api';
  /** Fills in the tracking code (e.g. from a link on the confirmation); the phone number is never put in a URL. */
  @property({ attribute: 'tracking-code' }) trackingCode = '';

  private readonly form = new FormFeedbackController<LookupValues, Field>(this, {
    initial: () => ({ phone: '' }),
    fields: ['code', 'phone'],
    validate: (values) => {
      const phone = validatePhone(values.phone);
      return {
        ...(this.codeOf(values).trim() === '' ? { code: { code: 'required' as const } } : {}),
        ...(phone.ok ? {} : { phone: { code: phone.code } }),
      };
    },
    isBlank: (field, values) => (field === 'code' ? this.codeOf(values) : values.phone).trim() === '',
    locale: () => this.locale,
    label: (field) => (field === 'code' ? msg('申请编号') : msg('联系电话')),
  });
  private readonly lookup = new RequestController<ApplicationStatusView>(this, { parse: parseCaseView, label: () => this.localName });
  private readonly focusMover = new FocusController(this, { root: () => this.renderRoot });
  private readonly supplement = new SubmissionController<SupplementAnswer, ApplicationStatusView>(this, {
    parse: parseCaseView,
    send: (body, idempotencyKey, signal) => this.post('supplement', body, idempotencyKey, signal),
  });
  private readonly withdrawal = new SubmissionController<WithdrawalRequest, ApplicationStatusView>(this, {
    parse: parseCaseView,
    send: (body, idempotencyKey, signal) => this.post('withdrawal', body, idempotencyKey, signal),
  });

  /** The code and phone of the application shown: writes and downloads prove it with the same pair. */
  private found?: { code: string; phone: string };
  @state() private supplementUi: SupplementUi = emptySupplement();
  @state() private withdrawUi: WithdrawUi = { confirming: false, sending: false };
  /** what the last step did, said at the top of the result */
  @state() private result = '';
  @state() private downloadFailure = '';

  private codeOf(values: LookupValues): string {
    return values.code ?? this.trackingCode;
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.name === 'code' || input.name === 'phone') this.form.set({ [input.name]: input.value });
  }

  private onFocusOut(event: FocusEvent): void {
    this.form.blur((event.target as HTMLInputElement).name as Field);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (!this.form.submit()) return this.focusMover.after('.error-summary');
    void this.find();
  }

  private async find(): Promise<void> {
    const phone = validatePhone(this.form.values.phone);
    if (!phone.ok) return;
    const code = this.codeOf(this.form.values).trim().toUpperCase();
    this.found = { code, phone: phone.value };
    this.supplementUi = emptySupplement();
    this.withdrawUi = { confirming: false, sending: false };
    this.result = '';
    this.downloadFailure = '';
    // The phone goes in a POST body, never in the URL, which servers and proxies write to their logs.
    const url = apiUrl(this.apiBase, `applications/${encodeURIComponent(code)}/lookup`);
    const state = await this.lookup.run(async (signal) => {
      const answer = await requestJson<unknown>(url, {
        method: 'POST',
        body: { phone: phone.value },
        signal,
        headers: { 'Accept-Language': this.locale },
      });
      await lifecycle.load();
      return answer;
    });
    if (state) this.focusMover.after(state.status === 'ready' ? '#result-title' : '.lookup-message');
  }

  private post(step: 'supplement' | 'withdrawal', body: object, idempotencyKey: string, signal: AbortSignal): Promise<unknown> {
    const code = this.found?.code ?? '';
    return requestJson(apiUrl(this.apiBase, `applications/${encodeURIComponent(code)}/${step}`), {
      method: 'POST',
      body,
      idempotencyKey,
      signal,
      headers: { 'Accept-Language': this.locale },
    });
  }

  private failureText(failure: SubmitFailure): string {
    if (failure.error.status === 404) return msg('没有找到这份申请：请重新查询。');
    if (failure.error.status === 409) return msg('这份申请的状态已经改变，不能再这样办理。请重新查询。');
    if (failure.kind === 'invalid' || failure.kind === 'refused')
      return failure.error.problem?.detail ?? msg('提交的内容有误，请检查后重试。');
    const { title, advice } = describeLoadError(failure.error);
    return `${title} ${advice}`;
  }

  private async onSupplementFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    for (const file of files) {
      this.supplementUi = { ...this.supplementUi, uploading: this.supplementUi.uploading + 1, failure: undefined };
      try {
        const receipt = await uploadAttachment(apiUrl(this.apiBase, 'attachments'), file, {
          idempotencyKey: newIdempotencyKey(),
          language: this.locale,
        });
        this.supplementUi = { ...this.supplementUi, files: [...this.supplementUi.files, receipt] };
      } catch (error) {
        const detail = error instanceof ApiError ? (error.problem?.detail ?? error.message) : String(error);
        this.supplementUi = { ...this.supplementUi, failure: this.localize(() => msg(str`${file.name} 没有上传成功：${detail}`)) };
      }
      this.supplementUi = { ...this.supplementUi, uploading: this.supplementUi.uploading - 1 };
    }
  }

  private async onSupplementSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.found) return;
    const text = this.supplementUi.text.trim();
    if (!text && !this.supplementUi.files.length) {
      this.supplementUi = { ...this.supplementUi, error: this.localize(() => msg('请写明补正的内容，或上传补充材料')) };
      this.focusMover.after('#supplement-text');
      return;
    }
    this.supplementUi = { ...this.supplementUi, error: undefined, failure: undefined, sending: true };
    const state = await this.supplement.submit({ phone: this.found.phone, text, attachments: this.supplementUi.files.map((f) => f.id) });
    if (state.status === 'sent') {
      this.supplementUi = emptySupplement();
      this.lookup.accept(state.receipt);
      this.result = this.localize(() => msg('补正已提交。答复期限从收到补正之日起重新计算。'));
      this.emit<ZwgkSupplementedDetail>('zwgk-supplemented', { trackingCode: state.receipt.trackingCode });
      this.focusMover.after('.action-result');
    } else if (state.status === 'failed') {
      this.supplementUi = { ...this.supplementUi, sending: false, failure: this.localize(() => this.failureText(state.failure)) };
      this.focusMover.after('.supplement-failure');
    }
  }

  private async onWithdrawConfirm(): Promise<void> {
    if (!this.found) return;
    this.withdrawUi = { confirming: true, sending: true };
    const state = await this.withdrawal.submit({ phone: this.found.phone });
    if (state.status === 'sent') {
      this.withdrawUi = { confirming: false, sending: false };
      this.lookup.accept(state.receipt);
      this.result = this.localize(() => msg('申请已撤回。'));
      this.emit<ZwgkWithdrawnDetail>('zwgk-withdrawn', { trackingCode: state.receipt.trackingCode });
      this.focusMover.after('.action-result');
    } else if (state.status === 'failed') {
      this.withdrawUi = { confirming: true, sending: false, failure: this.localize(() => this.failureText(state.failure)) };
      this.focusMover.after('#withdraw-question');
    }
  }

  /** Downloads by POST (the phone in the body), then saves what came as the file it says it is. */
  private async download(path: string, fallbackName: string): Promise<void> {
    if (!this.found) return;
    this.downloadFailure = '';
    try {
      const response = await fetch(apiUrl(this.apiBase, `applications/${encodeURIComponent(this.found.code)}/${path}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': this.locale },
        body: JSON.stringify({ phone: this.found.phone }),
      });
      if (!response.ok) throw new ApiError('http', `HTTP ${response.status}`, response.status);
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
      const name = encoded ? decodeURIComponent(encoded) : fallbackName;
      saveFile(name, await response.blob(), response.headers.get('Content-Type') ?? 'application/octet-stream');
      void this.announce(this.localize(() => msg(str`已下载：${name}`)));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : undefined;
      this.downloadFailure = this.localize(() =>
        status === 404 ? msg('文件没有找到：请重新查询后再下载。') : msg('下载没有成功，请检查网络后重试。'),
      );
      this.focusMover.after('.download-failure');
    }
  }

  protected renderContent(): unknown {
    const error = (field: Field) => this.form.errorFor(field);
    const items = this.form.summaryItems();
    return html`<form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @focusout=${this.onFocusOut}>
        ${items.length ? errorSummary(items, (id) => this.focusMover.control(id)) : nothing}
        <h2>${msg('查询申请进度')}</h2>
        ${textField({
          name: 'code',
          value: this.codeOf(this.form.values),
          label: msg('申请编号'),
          hint: msg('提交申请后得到的编号，例如 YS-7K3M9Q2X4P'),
          autocapitalize: 'characters',
          width: 'medium',
          error: error('code'),
        })}
        ${textField({
          name: 'phone',
          value: this.form.values.phone,
          label: msg('联系电话'),
          hint: msg('提交申请时填写的联系电话'),
          type: 'tel',
          inputmode: 'tel',
          autocomplete: 'tel',
          width: 'medium',
          error: error('phone'),
        })}
        <button type="submit" class="button" part="submit-button">${msg('查询')}</button>
      </form>
      ${this.renderLookup()}`;
  }

  private renderLookup(): unknown {
    const lookup = this.lookup.state;
    switch (lookup.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<div class="lookup">${renderSkeleton(4)}</div>`;
      case 'error':
        // The server answers a wrong phone exactly as an unknown code: so does the element.
        if (lookup.error.kind === 'http' && lookup.error.status === 404) {
          return html`<div class="lookup state error lookup-message" part="not-found" tabindex="-1">
            <p class="title">${msg('没有找到这份申请')}</p>
            <p>${msg('请核对申请编号和联系电话是否与提交申请时填写的一致。')}</p>
          </div>`;
        }
        return html`<div class="lookup lookup-message" tabindex="-1">${renderLoadError(lookup.error, () => void this.find())}</div>`;
      case 'ready':
      case 'empty':
        return lifecycle.value
          ? renderStatusView(
              lookup.value,
              {
                labels: lifecycle.value,
                locale: this.locale,
                result: this.result,
                supplement: this.supplementUi,
                withdraw: this.withdrawUi,
                downloadFailure: this.downloadFailure,
              },
              this.handlers,
            )
          : nothing;
    }
  }

  private readonly handlers = {
    onSupplementInput: (event: Event) => (this.supplementUi = { ...this.supplementUi, text: (event.target as HTMLTextAreaElement).value }),
    onSupplementFiles: (event: Event) => void this.onSupplementFiles(event),
    onRemoveFile: (id: string) => {
      this.supplementUi = { ...this.supplementUi, files: this.supplementUi.files.filter((f) => f.id !== id) };
      this.focusMover.after('#supplement-files');
    },
    onSupplementSubmit: (event: Event) => void this.onSupplementSubmit(event),
    onWithdrawAsk: () => {
      this.withdrawUi = { confirming: true, sending: false };
      this.focusMover.after('#withdraw-question');
    },
    onWithdrawCancel: () => {
      this.withdrawUi = { confirming: false, sending: false };
      this.focusMover.after('#withdraw');
    },
    onWithdrawConfirm: () => void this.onWithdrawConfirm(),
    onDownloadLetter: () =>
      void this.download(
        'answer-letter',
        this.localize(() => msg('答复书')),
      ),
    onDownloadFile: (file: AttachmentReceipt) => void this.download(`files/${encodeURIComponent(file.id)}`, file.name),
  };
}

defineElement('zwgk-application-status', ZwgkApplicationStatus);

declare global {
  interface HTMLElementTagNameMap {
    'zwgk-application-status': ZwgkApplicationStatus;
  }
}
