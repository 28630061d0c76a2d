/** The application form's pieces around the steps: pure templates over plain data and callbacks. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { describeLoadError } from '../base/states.js';
import type { LoadError } from '../base/controllers/request.js';
import { ATTACHMENT_ACCEPT, fileSizeText } from '../../core/application/attachment.js';
import type { DraftPolicy } from '../base/controllers/draft.js';
import type { Locale } from '../../i18n/locale.js';
import { formatInstant } from '../../i18n/format.js';

export interface Attachment {
  key: number;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  /** 0–1 */
  progress: number;
  file: File;
  idempotencyKey: string;
  id?: string;
  failure?: string;
}

/** “Continue the draft from last time?” with the time it was saved and the files to add again. */
export function draftPrompt(
  saved: { savedAt: string; data: { attachmentNames: readonly string[] } },
  locale: Locale,
  on: { resume: () => void; startAfresh: () => void },
): TemplateResult {
  const names = saved.data.attachmentNames;
  const list = names.join(msg('、'));
  return html`<section class="draft-prompt" part="draft-prompt" aria-labelledby="step-title">
    <h2 id="step-title" tabindex="-1">${msg('继续填写上次的草稿？')}</h2>
    <p>${msg(str`您在${formatInstant(saved.savedAt, locale)}填写的申请还没有提交，草稿保存在这台设备上。`)}</p>
    ${names.length ? html`<p>${msg(str`上次选择的附件需要重新添加：${list}`)}</p>` : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${on.resume}>${msg('继续')}</button>
      <button type="button" class="button secondary" @click=${on.startAfresh}>${msg('重新开始')}</button>
    </div>
  </section>`;
}

/** Where the draft is kept, and 清除 — asked twice, since it cannot be undone. */
export function draftNotice(
  policy: DraftPolicy,
  confirming: boolean,
  on: { askToClear: () => void; clear: () => void; cancel: () => void },
): TemplateResult {
  return html`<div class="draft-notice" part="draft-notice">
    ${
      confirming
        ? html`<p>${msg('清除后，已填写的内容和保存的草稿都会删除，不能恢复。确定清除吗？')}</p>
            <div class="actions">
              <button type="button" class="button secondary small" @click=${on.clear}>${msg('确定清除')}</button>
              <button type="button" class="button secondary small" @click=${on.cancel}>${msg('取消')}</button>
            </div>`
        : html`<p>${policy === 'session' ? msg('草稿已暂存在这个浏览器标签页，关闭后即删除') : msg('草稿已自动保存在本机')}</p>
            <button type="button" class="button secondary small" @click=${on.askToClear}>
              ${msg('清除')}<span class="visually-hidden">${msg('草稿')}</span>
            </button>`
    }
  </div>`;
}

export interface AttachmentsView {
  attachments: readonly Attachment[];
  /** names of files chosen before a reload, whose contents were not kept */
  reattach: readonly string[];
  error?: string;
  dragging: boolean;
  onFilesChosen: (event: Event) => void;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (event: DragEvent) => void;
  onRetry: (attachment: Attachment) => void;
  onRemove: (attachment: Attachment) => void;
}

/** The identity-proof files: a picker, a drop zone, and each file with its upload state. */
export function attachmentsField(v: AttachmentsView): TemplateResult {
  const error = v.error;
  const missing = v.reattach.join(msg('、'));
  return html`<fieldset
    class="group attachments ${error ? 'has-error' : ''}"
    part="attachments"
    aria-describedby="attachments-hint${error ? ' attachments-error' : ''}"
  >
    <legend class="label">${msg('身份证明材料')}<span class="optional">${msg('（选填）')}</span></legend>
    <p class="hint" id="attachments-hint">
      ${msg('可以上传身份证或营业执照等证件的照片或扫描件：PDF、JPG或PNG格式，每个文件不超过10 MB。')}
    </p>
    ${
      v.reattach.length
        ? html`<p class="warning-message" part="field-warning">${msg(str`上次选择的附件没有保存文件内容，请重新添加：${missing}`)}</p>`
        : nothing
    }
    ${error ? html`<p class="error-message" id="attachments-error" part="field-error"><span class="tag">${msg('错误')}</span>${error}</p>` : nothing}
    <div
      class="drop-zone ${v.dragging ? 'dragging' : ''}"
      part="drop-zone"
      @dragover=${v.onDragOver}
      @dragleave=${v.onDragLeave}
      @drop=${v.onDrop}
    >
      <!-- The native picker speaks the browser's language, not the page's: it stays focusable but unseen, and its label is the button. -->
      <input
        id="attachments"
        class="file-input"
        type="file"
        multiple
        accept=${ATTACHMENT_ACCEPT}
        aria-invalid=${error ? 'true' : 'false'}
        @change=${v.onFilesChosen}
      />
      <label for="attachments" class="button secondary file-label">${msg('选择文件')}</label>
      <p class="drop-hint">${msg('也可以把文件拖到这里')}</p>
    </div>
    ${
      v.attachments.length
        ? html`<ul class="attachment-list">
            ${v.attachments.map((a) => attachmentRow(a, v))}
          </ul>`
        : nothing
    }
  </fieldset>`;
}

function attachmentRow(a: Attachment, v: AttachmentsView): TemplateResult {
  const percent = Math.round(a.progress * 100);
  return html`<li class="attachment ${a.status}" part="attachment">
    <span class="file-name">${a.name}</span>
    <span class="file-size">${fileSizeText(a.size)}</span>
    ${
      a.status === 'uploading'
        ? html`<span class="upload-status"
            ><progress max="100" value=${percent} aria-label=${msg(str`正在上传${a.name}`)}></progress>
            ${msg(str`正在上传 ${percent}%`)}</span
          >`
        : a.status === 'done'
          ? html`<span class="upload-status done">${msg('已上传')}</span>`
          : html`<span class="upload-status failed"><span class="tag">${msg('上传失败')}</span>${a.failure}</span>
              <button type="button" class="button secondary small" @click=${() => v.onRetry(a)}>
                ${msg('重试')}<span class="visually-hidden">${a.name}</span>
              </button>`
    }
    <button type="button" class="button secondary small" @click=${() => v.onRemove(a)}>
      ${msg('删除')}<span class="visually-hidden">${a.name}</span>
    </button>
  </li>`;
}

/** Sending failed: what happened, that nothing typed is lost, and Retry (which cannot submit twice). */
export function sendFailure(error: LoadError, onRetry: () => void): TemplateResult {
  const { title, advice } = describeLoadError(error);
  const problemTitle = error.kind === 'http' && error.status && error.status < 500 ? error.problem?.title : undefined;
  return html`<div class="failure state error" part="failure" tabindex="-1" aria-labelledby="failure-title">
    <h3 class="title" id="failure-title">${msg('申请没有提交成功')}</h3>
    <p>${problemTitle ?? title}</p>
    <p>${problemTitle ? msg('请稍后点击“重试”。') : advice}</p>
    <p>${msg('您填写的内容都还在，不会丢失。重试不会重复提交。')}</p>
    <button type="button" class="button" part="retry-button" @click=${onRetry}>${msg('重试')}</button>
  </div>`;
}
