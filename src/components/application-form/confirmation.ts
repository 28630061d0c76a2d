/**
 * The receipt after a successful submission: the tracking code to keep (copy,
 * print), the date received, the legal reply deadline with how it was
 * counted, and what happens next. Loaded from the review step on (see application-form.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApplicationReceipt } from '../../api/types/application.js';
import { todayInChina } from '../../core/calendar/today.js';
import { replyPeriodBreakdown } from '../../core/application/deadline.js';
import type { Locale } from '../../i18n/locale.js';
import { formatDate } from '../../i18n/format.js';

/** What 复制申请编号 says once it tried. */
export const copiedWords = (copied: boolean, code: string): string =>
  copied ? msg(str`已复制申请编号：${code}`) : msg('无法自动复制，请手动记下申请编号。');

export function renderConfirmation(receipt: ApplicationReceipt, locale: Locale, copy: () => void): TemplateResult {
  const receivedOn = todayInChina(new Date(receipt.receivedAt));
  const period = replyPeriodBreakdown(receivedOn, receipt.dueDate);
  return html`<section class="receipt" part="confirmation" aria-labelledby="receipt-title">
    <h2 class="receipt-title" id="receipt-title" tabindex="-1">${msg('申请已提交')}</h2>
    <div class="tracking" part="tracking">
      <p class="tracking-label" id="tracking-label">${msg('申请编号')}</p>
      <p class="tracking-code" part="tracking-code" aria-hidden="true">
        ${codeGroups(receipt.trackingCode).map((group) => html`<span class="code-group">${group}</span>`)}
      </p>
      <p class="visually-hidden">${spokenCode(receipt.trackingCode)}</p>
      <p class="tracking-hint">${msg('请记下或打印申请编号，查询办理进度时需要用到。')}</p>
      <div class="actions receipt-actions">
        <button type="button" class="button secondary" part="copy-button" @click=${copy}>${msg('复制申请编号')}</button>
        <button type="button" class="button secondary" part="print-button" @click=${() => window.print()}>${msg('打印回执')}</button>
      </div>
    </div>
    <dl class="review-list receipt-list">
      ${
        receipt.agency
          ? html`<div class="review-row">
              <dt>${msg('受理机关')}</dt>
              <dd>${receipt.agency}</dd>
            </div>`
          : nothing
      }
      <div class="review-row">
        <dt>${msg('收到申请日期')}</dt>
        <dd part="received-date">${formatDate(receivedOn, locale, 'full')}</dd>
      </div>
      <div class="review-row">
        <dt>${msg('答复期限')}</dt>
        <dd part="due-date">
          <strong>${formatDate(receipt.dueDate, locale, 'full')}</strong
          >${receipt.dueDateProvisional ? html`<span>${msg('（预计）')}</span>` : nothing}
          <p class="explanation" part="deadline-explanation">
            ${period ? msg(str`自收到申请的次日（${formatDate(period.firstDay, locale, 'full')}）起算20个工作日。`) : msg('自收到申请的次日起算20个工作日。')}
            ${period ? msg(str`其间有${period.daysOff}天周末和法定节假日，不计算在内。`) : msg('周末和法定节假日不计算在内。')}
            ${period && period.makeUpWorkdays > 0 ? msg(str`调休上班的${period.makeUpWorkdays}天计算在内。`) : nothing}
            ${receipt.dueDateProvisional ? msg('这一期限跨入的年份尚未公布节假日安排，暂按周一至周五估算，公布后可能调整。') : nothing}
          </p>
        </dd>
      </div>
    </dl>
    <h3>${msg('接下来会怎样')}</h3>
    <ol class="next-steps" part="next-steps">
      <li>
        ${msg('如申请内容需要补充或说明（补正），行政机关会在收到申请后7个工作日内一次性告知您。补正期间答复期限暂停计算，收到补正后重新计算。')}
      </li>
      <li>${msg('行政机关会在答复期限内按您选择的方式答复。需要延长答复期限的，会告知您，延长最多不超过20个工作日。')}</li>
      <li>${msg('凭申请编号和联系电话，可以随时查询办理进度。')}</li>
    </ol>
  </section>`;
}

/**
 * The tracking code in groups to read and write down (YS- N97D PPBA DM): on one line, the groups spaced by CSS
 * only, so that a copy or a selection still gives the code as it is.
 */
export function codeGroups(code: string): string[] {
  const [prefix, rest] = code.includes('-') ? [code.slice(0, code.indexOf('-') + 1), code.slice(code.indexOf('-') + 1)] : ['', code];
  const groups = rest.match(/.{1,4}/g) ?? [];
  return prefix ? [prefix, ...groups] : groups;
}

/** The code as a screen reader should say it: letter by letter, a pause between groups ("Y S, N 9 7 D, …"). */
export function spokenCode(code: string): string {
  return codeGroups(code)
    .map((group) => [...group.replace(/-$/, '')].join(' '))
    .join('，');
}
