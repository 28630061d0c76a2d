/**
 * The report editor's pieces other than the grids and the sign-in (base/staff-sign-in.ts): the not-started state, the
 * header (save state, workflow buttons, exports), the findings, a narrative part's frame and
 * the version history. Pure: each takes plain data and the handlers it calls.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApiError } from '../../api/client.js';
import type { ReportVersion, ReportVersionStatus } from '../../api/types/report-draft.js';
import type { ReportFinding, ReportTable } from '../../api/types/report.js';
import type { Label } from '../../core/report/formats.js';
import type { Locale } from '../../i18n/locale.js';
import { findingId, label, originLetter, originName, type NumberedFinding } from './grid.js';
import type { SaveState, YearAction } from './report-year.js';
import type { RichTextCommand } from './rich-text.js';

import { OVERVIEW_GUIDANCE } from './narrative-editors.js';

/** Characters of text in a narrative (whitespace not counted), read without running anything in it. */
export function narrativeLength(htmlText: string): number {
  const template = document.createElement('template');
  template.innerHTML = htmlText;
  return [...(template.content.textContent ?? '').replace(/\s+/g, '')].length;
}

export function statusName(status: ReportVersionStatus): string {
  return status === 'draft' ? msg('草稿') : status === 'review' ? msg('审核中') : msg('已发布');
}

export function roleName(role: string): string {
  return role === 'head' ? msg('负责人') : role === 'clerk' ? msg('经办人') : msg('管理员');
}

export function describeFailure(error: ApiError): string {
  if (error.kind !== 'http') return msg('无法连接到服务器，请稍后重试。');
  if (error.status === 403) return msg('您的角色不能进行该操作。');
  if (error.status === 409 || error.status === 412) return msg('报告的状态已被他人改变，请载入最新内容。');
  if (error.status === 422) return msg('报告中还有错误，改正后才能发布。');
  return msg(str`操作未完成（${error.status ?? ''}）。`);
}

/** The failed action's message where its button is. */
export type ActionFailure = { action: YearAction; error: ApiError } | undefined;

export function renderActionError(failed: ActionFailure, action: YearAction): TemplateResult | typeof nothing {
  if (!failed || failed.action !== action) return nothing;
  return html`<p class="message error" role="alert">${describeFailure(failed.error)}</p>`;
}

export function renderNotStarted(
  view: { year: number; role: string; busy: boolean; failed: ActionFailure },
  onStart: () => void,
): TemplateResult {
  const { year, role } = view;
  const canStart = role === 'clerk' || role === 'head';
  return html`<div class="state empty" part="empty">
    <p>${msg(str`${year}年度报告尚未开始编制。`)}</p>
    ${
      canStart
        ? html`<p>
              ${msg('开始后，表三将按本系统的依申请公开办理记录预填，上年结转取自上年度报告，表二（一）取自政府信息公开目录；每个预填的数字都标明来源，均可修改。')}
            </p>
            <button class="button" type="button" ?disabled=${view.busy} @click=${onStart}>${msg('开始编制')}</button>`
        : html`<p>${msg('经办人或负责人可以开始编制。')}</p>`
    }
    ${renderActionError(view.failed, 'create')}
  </div>`;
}

export interface SaveStateHandlers {
  onSave: () => void;
  onDownloadJson: () => void;
  onReload: () => void;
}

export function renderSaveState(current: ReportVersion, saveState: SaveState, on: SaveStateHandlers): TemplateResult {
  const text =
    current.status !== 'draft'
      ? current.status === 'review'
        ? msg('审核中，不能修改。')
        : msg('已发布的版本不能修改；如需更正，请发布更正版本。')
      : saveState === 'saved'
        ? msg('所有修改已保存。')
        : saveState === 'saving'
          ? msg('正在保存…')
          : saveState === 'unsaved'
            ? msg('有尚未保存的修改。')
            : saveState === 'conflict'
              ? msg('其他人已保存了更新的内容，您的修改未保存。')
              : msg('保存失败，您的修改仍保留在本页和本浏览器中。');
  return html`<div class="save-state ${saveState}" part="save-state">
    <p role="status">${text}</p>
    ${
      saveState === 'failed' && current.status === 'draft'
        ? html`<button class="button secondary" type="button" @click=${on.onSave}>${msg('重新保存')}</button>`
        : nothing
    }
    ${
      saveState === 'conflict'
        ? html`<button class="button secondary" type="button" @click=${on.onDownloadJson}>${msg('下载我的修改（JSON）')}</button>
            <button class="button secondary" type="button" @click=${on.onReload}>${msg('载入最新内容')}</button>`
        : nothing
    }
  </div>`;
}

export interface ActionsView {
  current: ReportVersion;
  /** The newest version of the year */
  latest?: ReportVersion;
  role: string;
  /** Errors in the report: publishing waits until there are none */
  errors: number;
  busy: boolean;
  failed: ActionFailure;
}

export function renderActions(view: ActionsView, onAction: (action: YearAction, note?: string) => void): TemplateResult {
  const { current, role, errors, busy } = view;
  const isHead = role === 'head';
  const canEdit = role === 'clerk' || role === 'head';
  const noteForm = (id: string, text: string, button: string, action: YearAction) =>
    html`<form
      class="note-form"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const field = (event.target as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement;
        if (!field.value.trim()) {
          field.setAttribute('aria-invalid', 'true');
          field.focus();
          return;
        }
        onAction(action, field.value.trim());
      }}
    >
      <label for=${id}>${text}</label>
      <textarea id=${id} name="note" rows="2" maxlength="1000" required></textarea>
      <button class="button secondary" type="submit" ?disabled=${busy}>${button}</button>
    </form>`;
  return html`<div class="actions" part="actions">
    ${
      current.status === 'draft' && canEdit
        ? html`<button class="button" type="button" ?disabled=${busy} @click=${() => onAction('submit')}>${msg('提交审核')}</button>`
        : nothing
    }
    ${
      current.status === 'review' && isHead
        ? html`<button
              class="button"
              type="button"
              ?disabled=${busy || errors > 0}
              aria-describedby=${errors > 0 ? 'publish-blocked' : nothing}
              @click=${() => onAction('publish')}
            >
              ${msg('审核通过并发布')}
            </button>
            ${errors > 0 ? html`<p id="publish-blocked" class="message error">${msg('报告中还有错误，改正后才能发布。')}</p>` : nothing}
            ${noteForm('return-note', msg('退回意见'), msg('退回修改'), 'return')}`
        : nothing
    }
    ${current.status === 'review' && !isHead ? html`<p>${msg('等待负责人审核。')}</p>` : nothing}
    ${
      current.status === 'published' && view.latest === current && canEdit
        ? noteForm('correction-note', msg('更正说明（更正了什么）'), msg('开始更正'), 'correct')
        : nothing
    }
    ${(['submit', 'publish', 'return', 'correct'] as YearAction[]).map((a) => renderActionError(view.failed, a))}
  </div>`;
}

export interface ExportHandlers {
  onJson: () => void;
  onCsv: (table: ReportTable) => void;
  onCmsHtml: () => void;
}

export function renderExports(cmsFailed: boolean, on: ExportHandlers): TemplateResult {
  return html`<div class="exports" part="exports">
    <button class="button secondary" type="button" @click=${on.onJson}>${msg('下载 JSON')}</button>
    ${(['二', '三', '四'] as ReportTable[]).map(
      (table) => html`<button class="button secondary" type="button" @click=${() => on.onCsv(table)}>${msg(str`表${table} CSV`)}</button>`,
    )}
    <button class="button secondary" type="button" @click=${on.onCmsHtml}>${msg('CMS 年报栏目 HTML')}</button>
    ${cmsFailed ? html`<p class="message error" role="alert">${msg('无法生成 HTML，请检查网络后重试。')}</p>` : nothing}
  </div>`;
}

export function renderLegend(): TemplateResult {
  const origins = ['applications', 'previous-report', 'directory', 'cases'] as const;
  return html`<p class="legend">
    ${msg('预填数字的来源：')}
    ${origins.map((o) => html`<span class="legend-item"><span class="source" aria-hidden="true">${originLetter(o)}</span> ${originName(o)}</span>`)}
    <span class="legend-item">${msg('* 表示已手工修改')}</span>
  </p>`;
}

export function renderFindingsSummary(errors: number, warnings: number): TemplateResult {
  return html`<section class="findings" part="findings" aria-labelledby="findings-heading">
    <h3 id="findings-heading">${msg('核对结果')}</h3>
    <p role="status">
      ${
        errors === 0 && warnings === 0
          ? msg('未发现错误。')
          : msg(str`${errors} 个错误，${warnings} 个警告。数字标在相关单元格旁，说明列在各表下方。`)
      }
    </p>
  </section>`;
}

export function renderTableFindings(
  items: NumberedFinding[],
  locale: Locale,
  onFocusCell: (finding: ReportFinding) => void,
): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<ol class="finding-list">
    ${items.map(
      ({ number, finding }) =>
        html`<li id=${findingId(number)} class="finding ${finding.severity}" part="finding" value=${number}>
          <strong>${finding.severity === 'error' ? msg('错误') : msg('警告')}（${finding.rule}）</strong>
          ${finding.message[locale]}
          ${
            finding.cells[0]
              ? html`<button class="link-button" type="button" @click=${() => onFocusCell(finding)}>${msg('转到单元格')}</button>`
              : nothing
          }
        </li>`,
    )}
  </ol>`;
}

export interface NarrativeView {
  key: string;
  heading: Label;
  locale: Locale;
  editable: boolean;
  /** The toolbar's pressed buttons */
  active: Set<RichTextCommand>;
  /** The character count shown under 一、总体情况 in the 2021 format */
  count?: number;
}

/** A narrative part: heading, toolbar and the place its ProseMirror editor mounts in (`data-rich-text`). */
export function renderNarrative(view: NarrativeView, onCommand: (command: RichTextCommand) => void): TemplateResult {
  const { key, count } = view;
  const tool = (command: RichTextCommand, text: string, shortcut?: string) =>
    html`<button
      type="button"
      class="tool"
      aria-pressed=${view.active.has(command) ? 'true' : 'false'}
      aria-keyshortcuts=${shortcut ?? nothing}
      ?disabled=${!view.editable}
      @click=${() => onCommand(command)}
    >
      ${text}
    </button>`;
  return html`<section part="section" aria-labelledby="heading-${key}">
    <h3 id="heading-${key}">${label(view.heading, view.locale)}</h3>
    <div class="toolbar" part="toolbar" role="group" aria-label=${msg('文字格式')}>
      ${tool('strong', msg('加粗'), 'Control+B')} ${tool('em', msg('倾斜'), 'Control+I')} ${tool('bullet_list', msg('项目列表'))}
      ${tool('ordered_list', msg('编号列表'))}
    </div>
    <div class="rich-host" part="rich-text" data-rich-text=${key}></div>
    ${
      count !== undefined
        ? html`<p id="count-overview" class="count ${count > OVERVIEW_GUIDANCE ? 'over' : ''}" part="count">
            ${
              count > OVERVIEW_GUIDANCE
                ? msg(str`已写 ${count} 字，超过建议的 ${OVERVIEW_GUIDANCE} 字（2021年格式：篇幅原则上不超过一千字）。`)
                : msg(str`已写 ${count} 字，建议不超过 ${OVERVIEW_GUIDANCE} 字。`)
            }
          </p>`
        : nothing
    }
  </section>`;
}

export function renderVersions(versions: ReportVersion[]): TemplateResult {
  return html`<section part="versions" aria-labelledby="heading-versions">
    <h3 id="heading-versions">${msg('版本记录')}</h3>
    <ol class="versions" reversed>
      ${versions.map(
        (v) =>
          html`<li>
            ${msg(str`第 ${v.version} 版`)} · ${statusName(v.status)}
            ${v.publishedAt ? html` · ${msg(str`${v.publishedBy?.name ?? ''}发布于 ${v.document.publishedAt ?? ''}`)}` : nothing}
            ${v.note ? html`<br />${msg(str`更正说明：${v.note}`)}` : nothing}
          </li>`,
      )}
    </ol>
  </section>`;
}
