/**
 * The desk's steps on a case: a button for each step the server says this
 * user may take now (nothing else is offered), and the form of the step that
 * is open. Forms are plain <form>s read with FormData on submit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { OUTCOME_IDS, type AttachmentReceipt, type OutcomeId } from '../../api/types/application.js';
import {
  EXTENSION_MAX_DAYS,
  STAFF_ACTION_LABELS,
  SUPPLEMENT_PERIOD_DEFAULT,
  SUPPLEMENT_PERIOD_MAX,
  SUPPLEMENT_TRIGGERS,
  SUPPLEMENT_TRIGGER_LABELS,
  type AnswerLetter,
  type StaffAction,
  type StaffCase,
} from '../../api/types/staff.js';
import type { OutcomeGroup } from '../../core/lifecycle/index.js';
import { labels } from './labels.js';
import { formatDate } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { errorSummary } from '../base/fields.js';
import { renderUploadedFiles } from '../base/uploaded-files.js';
import { renderLetter, renderLetterFields } from './letter.js';

export type ActionField = string;

/** What the open step's form shows beyond its fields. */
export interface ActionUi {
  open?: StaffAction;
  busy: boolean;
  errors: Map<ActionField, string>;
  /** the server's refusal, in words */
  failure?: string;
  /** the answer step: outcome chosen, files uploaded, letter drafted */
  answer: AnswerDraft;
}

export interface AnswerDraft {
  outcome?: OutcomeId;
  files: AttachmentReceipt[];
  uploading: number;
  letter?: AnswerLetter;
  letterBusy: boolean;
}

export const emptyAnswer = (): AnswerDraft => ({ files: [], uploading: 0, letterBusy: false });

export interface ActionHandlers {
  onOpen: (action: StaffAction) => void;
  onCancel: () => void;
  onSubmit: (event: SubmitEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
  focusField: (id: string) => void;
  onOutcome: (event: Event) => void;
  onFiles: (event: Event) => void;
  onRemoveFile: (id: string) => void;
  onDraftLetter: () => void;
  onLetterInput: (event: Event) => void;
  onPrint: () => void;
}

/** Steps that go against the applicant or end the case ask once more in words. */
const NEEDS_CONFIRMATION: readonly StaffAction[] = ['abandon', 'close'];

export function renderActions(c: StaffCase, ui: ActionUi, locale: Locale, on: ActionHandlers): TemplateResult {
  return html`<section class="block" aria-labelledby="actions-title" part="case-actions">
    <h3 id="actions-title">${msg('可办理的事项')}</h3>
    ${
      c.actions.length
        ? html`<div class="actions">
            ${c.actions.map(
              (action) =>
                html`<button
                  type="button"
                  class="button ${ui.open === action ? '' : 'secondary'}"
                  id="action-${action}"
                  data-action=${action}
                  aria-expanded=${ui.open === action ? 'true' : 'false'}
                  aria-controls="action-form"
                  @click=${() => on.onOpen(action)}
                >
                  ${STAFF_ACTION_LABELS[action][locale]}
                </button>`,
            )}
          </div>`
        : html`<p part="no-actions">${noActionsText(c)}</p>`
    }
    ${ui.open && c.actions.includes(ui.open) ? renderForm(c, ui.open, ui, locale, on) : nothing}
  </section>`;
}

function noActionsText(c: StaffCase): string {
  if (c.waiting === 'head-approval') return msg('延期申请正在等待负责人审批。');
  if (c.waiting === 'applicant-supplement') return msg('正在等待申请人补正；补正期限届满前没有可办理的事项。');
  if (c.status === 'closed' || c.status === 'withdrawn') return msg('此申请已办结或撤回，不能再办理。');
  return msg('您的账户在此状态下没有可办理的事项。');
}

function field(name: string, label: string, control: TemplateResult, ui: ActionUi, hint?: string): TemplateResult {
  const error = ui.errors.get(name);
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label class="label" for=${name}>${label}</label>
    ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
    ${error ? html`<p class="error-message" id="${name}-error"><span class="tag">${msg('错误')}</span>${error}</p>` : nothing} ${control}
  </div>`;
}

const describedBy = (name: string, ui: ActionUi, hint = false) =>
  [hint ? `${name}-hint` : '', ui.errors.has(name) ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;

function dateField(name: string, label: string, ui: ActionUi, hint = msg('留空即为今天')): TemplateResult {
  return field(
    name,
    label,
    html`<input class="input medium" type="date" id=${name} name=${name} aria-describedby=${describedBy(name, ui, true)} />`,
    ui,
    hint,
  );
}

function textArea(name: string, label: string, ui: ActionUi, hint?: string, rows = 3): TemplateResult {
  return field(
    name,
    label,
    html`<textarea
      class="input"
      id=${name}
      name=${name}
      rows=${rows}
      aria-describedby=${describedBy(name, ui, !!hint)}
      aria-invalid=${ui.errors.has(name) ? 'true' : nothing}
    ></textarea>`,
    ui,
    hint,
  );
}

function numberField(name: string, label: string, value: number, max: number, ui: ActionUi, hint: string): TemplateResult {
  return field(
    name,
    label,
    html`<input
      class="input short"
      type="number"
      inputmode="numeric"
      min="1"
      max=${max}
      id=${name}
      name=${name}
      value=${value}
      aria-describedby=${describedBy(name, ui, true)}
      aria-invalid=${ui.errors.has(name) ? 'true' : nothing}
    />`,
    ui,
    hint,
  );
}

const reasonField = (ui: ActionUi) => textArea('reason', msg('内部备注（选填，记入办理记录，不告知申请人）'), ui, undefined, 2);

function renderForm(c: StaffCase, action: StaffAction, ui: ActionUi, locale: Locale, on: ActionHandlers): TemplateResult {
  const items = [...ui.errors].map(([target, message]) => ({ target, message }));
  return html`<form
    class="action-form"
    id="action-form"
    part="action-form"
    data-action=${action}
    novalidate
    aria-labelledby="action-form-title"
    @submit=${on.onSubmit}
    @keydown=${on.onKeydown}
  >
    <h4 id="action-form-title" tabindex="-1">${STAFF_ACTION_LABELS[action][locale]}</h4>
    ${items.length ? errorSummary(items, on.focusField, { id: 'action-summary', title: (id, text) => html`<p class="error-summary-title" id=${id}>${text}</p>` }) : nothing}
    ${ui.failure ? html`<div class="notice error action-failure" part="action-error" role="alert" tabindex="-1"><p>${ui.failure}</p></div>` : nothing}
    ${formFields(c, action, ui, locale, on)}
    ${
      NEEDS_CONFIRMATION.includes(action)
        ? html`<div class="choice">
            <input type="checkbox" id="confirm" name="confirm" /><label for="confirm">${confirmText(action)}</label>
          </div>`
        : nothing
    }
    <div class="form-buttons">
      <button type="submit" class="button" part="action-submit" ?disabled=${ui.busy || ui.answer.uploading > 0}>
        ${ui.busy ? msg('正在提交…') : submitText(action, locale)}
      </button>
      <button type="button" class="button secondary" @click=${on.onCancel}>${msg('取消')}</button>
    </div>
  </form>`;
}

function confirmText(action: StaffAction): string {
  return action === 'abandon'
    ? msg('我已核实：申请人在补正期限内没有补正，也没有正当理由。')
    : msg('我已核实：答复已送达申请人，可以办结。');
}

function submitText(action: StaffAction, locale: Locale): string {
  switch (action) {
    case 'request-supplement':
      return msg('发出补正告知');
    case 'request-extension':
      return msg('提交负责人审批');
    case 'answer':
      return msg('出具答复');
    default:
      return msg(str`确认${STAFF_ACTION_LABELS[action][locale]}`);
  }
}

function formFields(c: StaffCase, action: StaffAction, ui: ActionUi, locale: Locale, on: ActionHandlers): TemplateResult {
  switch (action) {
    case 'accept':
      return html`<p>${msg('受理即确认收到申请：网上申请以双方确认之日为收到申请之日（条例第三十一条），答复期限自次日起计算。')}</p>
        ${dateField('receivedOn', msg('收到申请之日'), ui)} ${reasonField(ui)}`;
    case 'request-supplement':
      return html`<p>${msg('补正应当一次性告知（条例第三十条），告知后不能再次补正。答复期限暂停，收到补正后重新计算。')}</p>
        ${
          c.clock.supplementRequestBy
            ? html`<p class="hint">${msg(str`最迟应在${formatDate(c.clock.supplementRequestBy, locale)}前告知。`)}</p>`
            : nothing
        }
        <div class="field ${ui.errors.has('triggers') ? 'has-error' : ''}">
          <fieldset class="group" aria-describedby=${ui.errors.has('triggers') ? 'triggers-error' : nothing}>
            <legend class="label">${msg('需要补正的内容')}</legend>
            ${
              ui.errors.has('triggers')
                ? html`<p class="error-message" id="triggers-error"><span class="tag">${msg('错误')}</span>${ui.errors.get('triggers')}</p>`
                : nothing
            }
            <div class="choices">
              ${SUPPLEMENT_TRIGGERS.map(
                (trigger, index) =>
                  html`<div class="choice">
                    <input type="checkbox" id=${index === 0 ? 'triggers' : `trigger-${trigger}`} name="triggers" value=${trigger} />
                    <label for=${index === 0 ? 'triggers' : `trigger-${trigger}`}>${SUPPLEMENT_TRIGGER_LABELS[trigger][locale]}</label>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        ${textArea('detail', msg('具体说明（告知申请人）'), ui, msg('写明需要补充或说明什么；没有勾选上面的项目时必填。'))}
        ${numberField(
          'periodDays',
          msg('补正期限（工作日）'),
          SUPPLEMENT_PERIOD_DEFAULT,
          SUPPLEMENT_PERIOD_MAX,
          ui,
          msg(str`一般不超过${SUPPLEMENT_PERIOD_MAX}个工作日。`),
        )}
        ${c.status === 'submitted' ? dateField('receivedOn', msg('收到申请之日'), ui) : nothing} ${reasonField(ui)}`;
    case 'record-supplement':
      return html`${dateField('receivedOn', msg('收到补正之日'), ui, msg('留空即为今天；答复期限从这一天起重新计算。'))}
      ${textArea('text', msg('补正内容摘要'), ui)} ${reasonField(ui)}`;
    case 'consult':
      return html`<p>${msg('征求意见期间不计算在答复期限内（条例第三十三条）；第三方应在15个工作日内提出意见（第三十二条）。')}</p>
        ${field('party', msg('征求意见的对象'), html`<input class="input" id="party" name="party" aria-invalid=${ui.errors.has('party') ? 'true' : nothing} aria-describedby=${describedBy('party', ui)} />`, ui)}
        ${dateField('startedOn', msg('发出征求意见之日'), ui)} ${reasonField(ui)}`;
    case 'record-consultation-reply':
      return html`${textArea('reply', msg('第三方意见摘要'), ui, msg('例如：不同意公开，理由是…；或：逾期未提出意见。'))}
      ${dateField('endedOn', msg('收到意见之日'), ui)} ${reasonField(ui)}`;
    case 'request-extension':
      return html`<p>
          ${msg('延长答复期限须经政府信息公开工作机构负责人同意并告知申请人，最长20个工作日，只能延长一次（条例第三十三条）。')}
        </p>
        ${numberField('days', msg('延长（工作日）'), EXTENSION_MAX_DAYS, EXTENSION_MAX_DAYS, ui, msg(str`最多${EXTENSION_MAX_DAYS}个工作日。`))}
        ${textArea('reason', msg('延期理由（告知申请人）'), ui)}`;
    case 'decide-extension':
      return html`${
          c.extension
            ? html`<dl class="facts">
                <dt>${msg('申请人')}</dt>
                <dd>${c.extension.requestedBy}</dd>
                <dt>${msg('延长')}</dt>
                <dd>${c.extension.days}</dd>
                <dt>${msg('理由')}</dt>
                <dd>${c.extension.reason}</dd>
              </dl>`
            : nothing
        }
        <div class="field ${ui.errors.has('approve') ? 'has-error' : ''}">
          <fieldset class="group">
            <legend class="label">${msg('审批意见')}</legend>
            ${
              ui.errors.has('approve')
                ? html`<p class="error-message"><span class="tag">${msg('错误')}</span>${ui.errors.get('approve')}</p>`
                : nothing
            }
            <div class="choices">
              <div class="choice">
                <input type="radio" id="approve" name="approve" value="yes" /><label for="approve">${msg('同意延期')}</label>
              </div>
              <div class="choice">
                <input type="radio" id="approve-no" name="approve" value="no" /><label for="approve-no">${msg('不同意')}</label>
              </div>
            </div>
          </fieldset>
        </div>
        ${reasonField(ui)}`;
    case 'answer':
      return renderAnswerFields(ui, locale, on);
    case 'close':
    case 'abandon':
      return html`${
        action === 'abandon'
          ? html`<p>${msg('申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条），计入年度报告表三（六）1。')}</p>`
          : nothing
      }
      ${reasonField(ui)}`;
  }
}

const GROUP_ORDER: OutcomeGroup[] = ['disclosed', 'partly-disclosed', 'not-disclosed', 'unable', 'not-handled', 'other'];

function renderAnswerFields(ui: ActionUi, locale: Locale, on: ActionHandlers): TemplateResult {
  const draft = ui.answer;
  const { OUTCOMES, OUTCOME_GROUP_LABELS } = labels();
  return html`${field(
      'outcome',
      msg('办理结果（年度报告表三的行）'),
      html`<select
        class="input"
        id="outcome"
        name="outcome"
        aria-invalid=${ui.errors.has('outcome') ? 'true' : nothing}
        aria-describedby=${describedBy('outcome', ui)}
        @change=${on.onOutcome}
      >
        <option value="" ?selected=${!draft.outcome}>${msg('请选择')}</option>
        ${GROUP_ORDER.map(
          (group) =>
            html`<optgroup label=${OUTCOME_GROUP_LABELS[group].row[locale]}>
              ${OUTCOME_IDS.filter((id) => OUTCOMES[id].group === group).map(
                (id) => html`<option value=${id} ?selected=${draft.outcome === id}>${OUTCOMES[id].row[locale]}</option>`,
              )}
            </optgroup>`,
        )}
      </select>`,
      ui,
    )}
    ${field(
      'files',
      msg('公开的文件'),
      html`<input class="input" type="file" id="files" name="files" multiple aria-describedby="files-hint" @change=${on.onFiles} />`,
      ui,
      msg('PDF、图片、Office 文档或压缩包，每个不超过50 MB。'),
    )}
    ${renderUploadedFiles(
      { files: draft.files, uploading: draft.uploading, label: msg('已上传的文件'), removeClass: 'link-button', part: 'answer-files' },
      on.onRemoveFile,
    )}
    <div class="form-buttons">
      <button
        type="button"
        class="button secondary"
        id="draft-letter"
        ?disabled=${!draft.outcome || draft.letterBusy}
        @click=${on.onDraftLetter}
      >
        ${draft.letter ? msg('按办理结果重新生成答复书') : msg('生成答复书')}
      </button>
    </div>
    ${
      draft.letter
        ? html`<fieldset class="group letter-fields" @input=${on.onLetterInput}>
              <legend class="label" id="letter-title" tabindex="-1">${msg('答复书（可修改）')}</legend>
              ${renderLetterFields(draft.letter)}
            </fieldset>
            <h5>${msg('预览')}</h5>
            ${renderLetter(draft.letter)}
            <div class="form-buttons">
              <button type="button" class="button secondary" id="print-letter" @click=${on.onPrint}>${msg('打印答复书')}</button>
            </div>`
        : nothing
    }
    ${reasonField(ui)}`;
}
