/** The frame of each step of the application form: summary, progress, the step's fieldset, a failure, the buttons. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { APPLICATION_STEPS, type ApplicationStep } from '../../core/application/form.js';
import type { LoadError } from '../base/controllers/request.js';
import { errorSummary, type SummaryItem } from '../base/fields.js';
import { sendFailure } from './parts.js';
import { stepFields, stepTitle, type StepContext, type StepExtras } from './steps.js';

export interface StepFormView {
  step: ApplicationStep;
  /** what the step's fields show */
  ctx: StepContext;
  extras: StepExtras;
  /** the error summary's lines, when it stands inside the form (empty: no summary) */
  summary: readonly SummaryItem[];
  /** 修改 was pressed on the review: 下一步 returns there */
  returnToReview: boolean;
  busy: boolean;
  /** sending failed (Retry shown) */
  failure?: LoadError;
  on: {
    submit: (event: Event) => void;
    input: (event: Event) => void;
    focusOut: (event: FocusEvent) => void;
    back: () => void;
    retry: () => void;
    focusField: (id: string) => void;
  };
}

export function stepForm(v: StepFormView): TemplateResult {
  const { step } = v;
  const index = APPLICATION_STEPS.indexOf(step);
  const last = step === 'review';
  return html`<form
    part="form"
    novalidate
    @submit=${v.on.submit}
    @input=${v.on.input}
    @focusout=${v.on.focusOut}
    aria-busy=${v.busy ? 'true' : 'false'}
  >
    ${v.summary.length ? errorSummary([...v.summary], v.on.focusField) : nothing}
    <fieldset class="step" part="step">
      <legend>
        <span class="progress" part="progress">${msg(str`第 ${index + 1} 步，共 ${APPLICATION_STEPS.length} 步`)}</span>
        <h2 class="step-title" id="step-title" part="step-title" tabindex="-1">${stepTitle(step)}</h2>
      </legend>
      ${stepFields(step, v.ctx, v.extras)}
    </fieldset>
    ${v.failure ? sendFailure(v.failure, v.on.retry) : nothing}
    <div class="actions nav" part="nav">
      <button type="submit" class="button" part="next-button" aria-disabled=${v.busy ? 'true' : 'false'}>
        ${last ? (v.busy ? msg('正在提交…') : msg('提交申请')) : v.returnToReview ? msg('返回核对页') : msg('下一步')}
      </button>
      ${index > 0 && !v.busy ? html`<button type="button" class="button secondary" part="back-button" @click=${v.on.back}>${msg('上一步')}</button>` : nothing}
    </div>
  </form>`;
}
