/**
 * The application found: its state in words, the deadline, the outcome, the 补正 asked for
 * and its form, the documents, 撤回, and the timeline. Pure: it takes the status view, what
 * the page is doing (the 补正 and 撤回 forms, the last step's result) and the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApplicationStatus, ApplicationStatusView } from '../../api/types/application.js';
import { formatDate, formatInstant, plural } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import {
  renderDocuments,
  renderSupplementForm,
  renderWithdraw,
  type CaseActionHandlers,
  type SupplementUi,
  type WithdrawUi,
} from './case-actions.js';

/** Status and outcome labels (core/lifecycle), loaded with the first answer. */
export type Labels = typeof import('../../core/lifecycle/index.js');

/** Statuses in which the agency still owes an answer: the applicant may withdraw (core/lifecycle OPEN_STATUSES, kept here so the labels load lazily). */
const WITHDRAWABLE: readonly ApplicationStatus[] = ['submitted', 'supplement-requested', 'accepted', 'extended'];

export interface StatusPage {
  labels: Labels;
  locale: Locale;
  /** what the last step did, said at the top of the result */
  result: string;
  supplement: SupplementUi;
  withdraw: WithdrawUi;
  downloadFailure: string;
}

export function renderStatusView(view: ApplicationStatusView, page: StatusPage, on: CaseActionHandlers): TemplateResult {
  const loc = page.locale;
  const label = (status: ApplicationStatus) => page.labels.STATUS_LABELS[status][loc];
  const last = view.timeline.length - 1;
  return html`<section class="lookup result" part="result" aria-labelledby="result-title">
    <h2 id="result-title" tabindex="-1">${msg(str`申请编号 ${view.trackingCode}`)}</h2>
    ${page.result ? html`<div class="action-result" part="action-result" role="status" tabindex="-1"><p>${page.result}</p></div>` : nothing}
    <dl class="review-list">
      <div class="review-row" part="current-status">
        <dt>${msg('当前状态')}</dt>
        <dd><strong class="status-label">${label(view.status)}</strong> <span class="status-meaning">${meaning(view.status)}</span></dd>
      </div>
      ${renderDeadline(view, loc)} ${renderOutcome(view, page.labels, loc)}
    </dl>
    ${renderSupplement(view, page, on)} ${renderDownloads(view, page, on)}
    ${WITHDRAWABLE.includes(view.status) ? renderWithdraw(page.withdraw, on) : nothing}
    <h3>${msg('办理过程')}</h3>
    <ol class="timeline" part="timeline">
      ${view.timeline.map(
        (entry, index) =>
          html`<li aria-current=${index === last ? 'step' : nothing}>
            <span class="what"
              >${label(entry.status)}${index === last ? html`<span class="current-tag">${msg('（当前）')}</span>` : nothing}</span
            >
            <time datetime=${entry.at}>${formatInstant(entry.at, loc)}</time>
            ${entry.note ? html`<p class="note">${entry.note}</p>` : nothing}
          </li>`,
      )}
    </ol>
  </section>`;
}

/** The current state in a sentence. */
function meaning(status: ApplicationStatus): string {
  switch (status) {
    case 'submitted':
      return msg('申请已收到，正在等待受理。');
    case 'accepted':
      return msg('申请已受理，正在办理。');
    case 'supplement-requested':
      return msg('行政机关需要您补充或说明申请内容（补正），请按下面的要求办理。');
    case 'extended':
      return msg('答复期限已依法延长，行政机关会在延长后的期限内答复。');
    case 'answered':
      return msg('行政机关已作出答复，请查收答复。');
    case 'closed':
      return msg('申请已办理完毕。');
    case 'withdrawn':
      return msg('申请已撤回，不再办理。');
  }
}

function renderDeadline(view: ApplicationStatusView, locale: Locale): TemplateResult | typeof nothing {
  if (view.status === 'supplement-requested') {
    return html`<div class="review-row" part="deadline">
      <dt>${msg('答复期限')}</dt>
      <dd>${msg('暂停计算：收到您的补正后，重新计算20个工作日。')}</dd>
    </div>`;
  }
  if (!view.dueDate || view.workingDaysLeft === null) return nothing;
  const left = view.workingDaysLeft;
  const estimate = view.dueDateProvisional ? msg('（预计）') : '';
  return html`<div class="review-row" part="deadline">
    <dt>${msg('答复期限')}</dt>
    <dd>
      <strong>${formatDate(view.dueDate, locale, 'full')}</strong>${estimate}
      <span class="days-left ${left < 0 ? 'overdue' : ''}">
        ${
          left > 0
            ? plural(locale, left, {
                one: () => msg(str`还有${left}个工作日`, { id: 'status.daysLeft.one' }),
                other: () => msg(str`还有${left}个工作日`),
              })
            : left === 0
              ? msg('今天是答复期限的最后一天')
              : html`<span class="tag">${msg('已逾期')}</span>${plural(locale, -left, {
                    one: () => msg(str`已超过答复期限${-left}个工作日。您可以联系受理机关询问办理情况。`, { id: 'status.daysOverdue.one' }),
                    other: () => msg(str`已超过答复期限${-left}个工作日。您可以联系受理机关询问办理情况。`),
                  })}`
        }
      </span>
    </dd>
  </div>`;
}

function renderOutcome(view: ApplicationStatusView, labels: Labels, loc: Locale): TemplateResult | typeof nothing {
  if (!view.outcome || (view.status !== 'answered' && view.status !== 'closed')) return nothing;
  const outcome = labels.OUTCOMES[view.outcome];
  const group = labels.OUTCOME_GROUP_LABELS[outcome.group];
  // The report's own row label; for （一） and （二） the row is the group itself.
  const row = outcome.row[loc] === group.row[loc] ? group.row[loc] : `${group.row[loc]} ${outcome.row[loc]}`;
  return html`<div class="review-row" part="outcome">
    <dt>${msg('办理结果')}</dt>
    <dd><strong>${group.short[loc]}</strong> <span class="report-row">${msg(str`年度报告中的类别：${row}`)}</span></dd>
  </div>`;
}

function renderSupplement(view: ApplicationStatusView, page: StatusPage, on: CaseActionHandlers): TemplateResult | typeof nothing {
  if (view.status !== 'supplement-requested') return nothing;
  const request = [...view.timeline].reverse().find((entry) => entry.status === 'supplement-requested');
  return html`<div class="supplement" part="supplement">
    <h3>${msg('需要补正的内容')}</h3>
    ${
      view.supplement
        ? nothing
        : request?.note
          ? html`<p class="note">${request.note}</p>`
          : html`<p>${msg('请联系受理机关，了解需要补充或说明的内容。')}</p>`
    }
    <p>${msg('请在行政机关告知的期限内补正；逾期不补正又没有正当理由的，视为放弃申请。')}</p>
    ${renderSupplementForm(view.supplement, page.supplement, page.locale, on)}
  </div>`;
}

function renderDownloads(view: ApplicationStatusView, page: StatusPage, on: CaseActionHandlers): unknown {
  if (!view.documents) return nothing;
  return html`${renderDocuments(view.documents, page.locale, on)}
  ${page.downloadFailure ? html`<div class="state error download-failure" role="alert" tabindex="-1"><p>${page.downloadFailure}</p></div>` : nothing}`;
}
