/**
 * What a citizen can do with their own application from the status page:
 * answer a 补正 online (text and files), withdraw it (撤回, asked twice), and
 * download the 答复书 and the released files. Every write and download carries
 * the phone number in the request body, never in a URL.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApplicationStatusView, AttachmentReceipt } from '../../api/types/application.js';
import { SUPPLEMENT_TRIGGERS, SUPPLEMENT_TRIGGER_LABELS, type ApplicationDocuments, type SupplementNotice } from '../../api/types/staff.js';
import { parseStatusView } from '../../core/application/answers.js';
import { formatDate } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import type { Parse } from '../base/controllers/request.js';
import { renderUploadedFiles } from '../base/uploaded-files.js';

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function readReceipt(value: unknown): AttachmentReceipt | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return undefined;
  return { id: value.id, name: value.name, size: Number(value.size) || 0, type: typeof value.type === 'string' ? value.type : '' };
}

function readSupplement(value: unknown): SupplementNotice | undefined {
  if (!isObject(value) || typeof value.dueOn !== 'string') return undefined;
  const triggers = (Array.isArray(value.triggers) ? value.triggers : []).filter((t): t is SupplementNotice['triggers'][number] =>
    SUPPLEMENT_TRIGGERS.includes(t as SupplementNotice['triggers'][number]),
  );
  return { triggers, detail: typeof value.detail === 'string' ? value.detail : '', dueOn: value.dueOn };
}

function readDocuments(value: unknown): ApplicationDocuments | undefined {
  if (!isObject(value)) return undefined;
  const letter = isObject(value.answerLetter) && typeof value.answerLetter.name === 'string' ? value.answerLetter : undefined;
  const files = (Array.isArray(value.files) ? value.files : []).map(readReceipt).filter((f): f is AttachmentReceipt => !!f);
  return { answerLetter: letter ? { name: String(letter.name), issuedOn: String(letter.issuedOn ?? '') } : null, files };
}

/** The status view with what the citizen can act on: the awaited 补正 and the documents to download. */
export const parseCaseView: Parse<ApplicationStatusView> = (raw) => {
  const parsed = parseStatusView(raw);
  if (!('value' in parsed) || !isObject(raw)) return parsed;
  const supplement = readSupplement(raw.supplement);
  const documents = readDocuments(raw.documents);
  return { value: { ...parsed.value, ...(supplement ? { supplement } : {}), ...(documents ? { documents } : {}) } };
};

export interface SupplementUi {
  text: string;
  files: AttachmentReceipt[];
  uploading: number;
  error?: string;
  failure?: string;
  sending: boolean;
}

export interface WithdrawUi {
  confirming: boolean;
  failure?: string;
  sending: boolean;
}

export interface CaseActionHandlers {
  onSupplementInput: (event: Event) => void;
  onSupplementFiles: (event: Event) => void;
  onRemoveFile: (id: string) => void;
  onSupplementSubmit: (event: Event) => void;
  onWithdrawAsk: () => void;
  onWithdrawCancel: () => void;
  onWithdrawConfirm: () => void;
  onDownloadLetter: () => void;
  onDownloadFile: (file: AttachmentReceipt) => void;
}

/** What the office asked for, and the form to answer it online. */
export function renderSupplementForm(
  notice: SupplementNotice | undefined,
  ui: SupplementUi,
  locale: Locale,
  on: CaseActionHandlers,
): TemplateResult {
  return html`${
      notice
        ? html`${
              notice.triggers.length
                ? html`<ul class="triggers">
                    ${notice.triggers.map((t) => html`<li>${SUPPLEMENT_TRIGGER_LABELS[t][locale]}</li>`)}
                  </ul>`
                : nothing
            }
            ${notice.detail ? html`<p class="note">${notice.detail}</p>` : nothing}
            <p><strong>${msg(str`请在${formatDate(notice.dueOn, locale, 'full')}前补正。`)}</strong></p>`
        : nothing
    }
    <form
      class="supplement-form"
      part="supplement-form"
      novalidate
      aria-labelledby="supplement-form-title"
      @submit=${on.onSupplementSubmit}
    >
      <h4 id="supplement-form-title">${msg('在线补正')}</h4>
      ${ui.failure ? html`<div class="state error supplement-failure" role="alert" tabindex="-1"><p>${ui.failure}</p></div>` : nothing}
      <div class="field ${ui.error ? 'has-error' : ''}">
        <label class="label" for="supplement-text">${msg('补正说明')}</label>
        <p class="hint" id="supplement-text-hint">${msg('写明补充的内容，例如所需信息的年份、文件名称或文号。')}</p>
        ${
          ui.error
            ? html`<p class="error-message" id="supplement-text-error"><span class="tag">${msg('错误')}</span>${ui.error}</p>`
            : nothing
        }
        <textarea
          class="input"
          id="supplement-text"
          name="text"
          rows="4"
          aria-describedby=${ui.error ? 'supplement-text-hint supplement-text-error' : 'supplement-text-hint'}
          aria-invalid=${ui.error ? 'true' : nothing}
          .value=${ui.text}
          @input=${on.onSupplementInput}
        ></textarea>
      </div>
      <div class="field">
        <label class="label" for="supplement-files">${msg('补充材料（选填）')}</label>
        <p class="hint" id="supplement-files-hint">${msg('例如身份证明的照片或扫描件。')}</p>
        <input
          class="input"
          type="file"
          id="supplement-files"
          multiple
          aria-describedby="supplement-files-hint"
          @change=${on.onSupplementFiles}
        />
      </div>
      ${renderUploadedFiles(
        { files: ui.files, uploading: ui.uploading, label: msg('已上传的材料'), removeClass: 'button secondary small' },
        on.onRemoveFile,
      )}
      <button type="submit" class="button" part="supplement-submit" ?disabled=${ui.sending || ui.uploading > 0}>
        ${ui.sending ? msg('正在提交…') : msg('提交补正')}
      </button>
    </form>`;
}

/** 撤回: a button, then a question in words with both answers as buttons. */
export function renderWithdraw(ui: WithdrawUi, on: CaseActionHandlers): TemplateResult {
  return html`<div class="withdraw" part="withdraw">
    ${
      ui.confirming
        ? html`<div class="confirm" role="group" aria-labelledby="withdraw-question">
            <p id="withdraw-question" tabindex="-1">
              <strong>${msg('确定要撤回这份申请吗？')}</strong> ${msg('撤回后行政机关不再办理；如仍需要这些信息，需要重新申请。')}
            </p>
            ${ui.failure ? html`<div class="state error withdraw-failure" role="alert"><p>${ui.failure}</p></div>` : nothing}
            <div class="actions">
              <button type="button" class="button" id="withdraw-confirm" ?disabled=${ui.sending} @click=${on.onWithdrawConfirm}>
                ${ui.sending ? msg('正在撤回…') : msg('确认撤回')}
              </button>
              <button type="button" class="button secondary" id="withdraw-cancel" @click=${on.onWithdrawCancel}>${msg('不撤回')}</button>
            </div>
          </div>`
        : html`<button type="button" class="button secondary" id="withdraw" @click=${on.onWithdrawAsk}>${msg('撤回申请')}</button>`
    }
  </div>`;
}

/** The 答复书 and the released files, each a button that downloads it. */
export function renderDocuments(documents: ApplicationDocuments, locale: Locale, on: CaseActionHandlers): TemplateResult | typeof nothing {
  if (!documents.answerLetter && !documents.files.length) return nothing;
  return html`<div class="documents" part="documents">
    <h3>${msg('答复文件下载')}</h3>
    <ul class="files">
      ${
        documents.answerLetter
          ? html`<li>
              <button type="button" class="button secondary small" id="download-letter" @click=${on.onDownloadLetter}>
                ${msg(str`下载答复书：${documents.answerLetter.name}`)}
              </button>
              ${documents.answerLetter.issuedOn ? html`<span class="meta">${formatDate(documents.answerLetter.issuedOn, locale)}</span>` : nothing}
            </li>`
          : nothing
      }
      ${documents.files.map(
        (file) =>
          html`<li>
            <button type="button" class="button secondary small download-file" data-id=${file.id} @click=${() => on.onDownloadFile(file)}>
              ${msg(str`下载：${file.name}`)}
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}
