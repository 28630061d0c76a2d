/**
 * The files a form has uploaded so far, each with a 移除 button, and the 正在上传… status while
 * uploads run: the 补正 form of the status page and the answer step of the request desk show
 * the same list. Pure: it takes the files and calls `onRemove(id)`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

export interface UploadedFilesView {
  files: readonly { id: string; name: string }[];
  /** Uploads still running */
  uploading: number;
  /** The list's accessible name, e.g. 已上传的材料 */
  label: string;
  /** The class of each 移除 button (`button secondary small`, `link-button`) */
  removeClass: string;
  part?: string;
}

export function renderUploadedFiles(view: UploadedFilesView, onRemove: (id: string) => void): TemplateResult {
  return html`${view.uploading ? html`<p role="status">${msg('正在上传…')}</p>` : nothing}
  ${
    view.files.length
      ? html`<ul class="files" part=${view.part ?? nothing} aria-label=${view.label}>
          ${view.files.map(
            (file) =>
              html`<li>
                ${file.name}
                <button type="button" class=${view.removeClass} aria-label=${msg(str`移除 ${file.name}`)} @click=${() => onRemove(file.id)}>
                  ${msg('移除')}
                </button>
              </li>`,
          )}
        </ul>`
      : nothing
  }`;
}
