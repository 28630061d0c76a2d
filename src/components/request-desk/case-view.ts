/** The case, read-only: the request in full, its files, the clock explained day by day, the audit trail. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  DELIVERY_FORMAT_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  ORG_TYPE_LABELS,
  type AttachmentReceipt,
} from '../../api/types/application.js';
import {
  STAFF_ACTION_LABELS,
  STAFF_ROLE_LABELS,
  SUPPLEMENT_TRIGGER_LABELS,
  type Actor,
  type AuditAction,
  type AuditEntry,
  type ClockDay,
  type ClockMark,
  type ClockView,
  type StaffCase,
} from '../../api/types/staff.js';
import { OUTCOMES, OUTCOME_GROUP_LABELS, STATUS_LABELS } from '../../core/lifecycle/index.js';
import type { Locale } from '../../i18n/locale.js';
import { formatDate, formatInstant } from '../../i18n/format.js';
import { day, daysLeftText, workingDays } from './format.js';

type Row = [label: string, value: unknown];

function facts(rows: Row[]): TemplateResult {
  return html`<dl class="facts">
    ${rows.filter(([, value]) => value !== undefined && value !== '' && value !== null).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
  </dl>`;
}

export function renderRequest(c: StaffCase, locale: Locale): TemplateResult {
  const a = c.applicant;
  const applicant: Row[] =
    a.type === 'person'
      ? [
          [msg('申请人类型'), msg('公民')],
          [msg('姓名'), a.name],
          [msg('证件'), `${ID_TYPE_LABELS[a.idType]?.[locale] ?? a.idType} ${a.idNumber}`],
          [msg('工作单位'), a.workUnit],
          [msg('联系电话'), a.phone],
          [msg('电子邮箱'), a.email],
          [msg('通信地址'), [a.address, a.postcode].filter(Boolean).join(' ')],
        ]
      : [
          [msg('申请人类型'), `${msg('法人或者其他组织')}（${ORG_TYPE_LABELS[a.orgType]?.[locale] ?? a.orgType}）`],
          [msg('名称'), a.name],
          [msg('统一社会信用代码'), a.creditCode],
          [msg('法定代表人（负责人）'), a.legalRepresentative],
          [msg('联系人'), a.contactName],
          [msg('联系电话'), a.phone],
          [msg('电子邮箱'), a.email],
          [msg('通信地址'), [a.address, a.postcode].filter(Boolean).join(' ')],
        ];
  const d = c.delivery;
  return html`<section class="block" aria-labelledby="request-title" part="case-request">
    <h3 id="request-title">${msg('申请内容')}</h3>
    ${facts([
      [msg('受理机关'), c.agency],
      [msg('提交时间'), formatInstant(c.submittedAt, locale)],
      ...applicant,
      [msg('政府信息名称'), c.request.title],
      [msg('文号'), c.request.docNo],
      [msg('特征性描述'), c.request.description],
      [msg('用途'), c.request.purpose],
      [msg('载体形式'), d.formats.map((f) => DELIVERY_FORMAT_LABELS[f]?.[locale] ?? f).join('、')],
      [msg('获取方式'), d.methods.map((m) => DELIVERY_METHOD_LABELS[m]?.[locale] ?? m).join('、')],
      [msg('送达邮箱'), d.email],
      [msg('送达地址'), [d.address, d.postcode].filter(Boolean).join(' ')],
    ])}
  </section>`;
}

/** A download link to a staff-only file (the session cookie goes with it). */
export function fileList(files: AttachmentReceipt[], href: (file: AttachmentReceipt) => string, part: string): TemplateResult {
  return html`<ul class="files" part=${part}>
    ${files.map((file) => html`<li><a href=${href(file)} download=${file.name}>${file.name}</a> <span class="meta">(${size(file.size)})</span></li>`)}
  </ul>`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function renderFiles(c: StaffCase, loc: Locale, href: (file: AttachmentReceipt) => string): TemplateResult {
  return html`<section class="block" aria-labelledby="files-title" part="case-files">
    <h3 id="files-title">${msg('身份证明和附件（仅工作人员可见）')}</h3>
    ${c.attachments.length ? fileList(c.attachments, href, 'identity-files') : html`<p>${msg('申请人没有上传附件。')}</p>`}
    ${c.supplement
      ? html`<h4>${msg('补正')}</h4>
          ${facts([
            [msg('告知日期'), day(c.supplement.requestedOn, loc)],
            [msg('需要补正的内容'), c.supplement.triggers.map((t) => SUPPLEMENT_TRIGGER_LABELS[t]?.[loc] ?? t).join('；')],
            [msg('说明'), c.supplement.detail],
            [msg('补正期限'), `${workingDays(c.supplement.periodDays, loc)}，${day(c.supplement.dueOn, loc)}`],
            [msg('收到补正'), c.supplement.receivedOn ? day(c.supplement.receivedOn, loc) : msg('尚未收到')],
            [msg('补正内容'), c.supplement.text],
          ])}
          ${c.supplement.attachments.length ? fileList(c.supplement.attachments, href, 'supplement-files') : nothing}`
      : nothing}
    ${c.answer
      ? html`<h4>${msg('答复')}</h4>
          ${facts([
            [msg('办理结果'), outcomeLabel(c.answer.outcome, loc)],
            [msg('答复日期'), day(c.answer.answeredOn, loc)],
          ])}
          ${c.answer.files.length ? fileList(c.answer.files, href, 'released-files') : nothing}`
      : nothing}
  </section>`;
}

/** 不予公开 1.属于国家秘密: the row as table 三 names it. */
export function outcomeLabel(id: keyof typeof OUTCOMES, loc: Locale): string {
  const outcome = OUTCOMES[id];
  if (!outcome) return id;
  const group = OUTCOME_GROUP_LABELS[outcome.group];
  return outcome.row[loc] === group.row[loc] ? group.row[loc] : `${group.row[loc]} ${outcome.row[loc]}`;
}

function actorText(actor: Actor, loc: Locale): string {
  switch (actor.kind) {
    case 'staff':
      return `${actor.name}（${STAFF_ROLE_LABELS[actor.role]?.[loc] ?? actor.role}）`;
    case 'applicant':
      return msg('申请人（网上）');
    case 'system':
      return msg('系统（按规则自动记录）');
    case 'admin-token':
      return msg('管理接口');
  }
}

function actionText(action: AuditAction, loc: Locale): string {
  if (action in STAFF_ACTION_LABELS) return STAFF_ACTION_LABELS[action as keyof typeof STAFF_ACTION_LABELS][loc];
  switch (action) {
    case 'submit':
      return msg('提交申请');
    case 'supplement':
      return msg('申请人提交补正');
    case 'withdraw':
      return msg('申请人撤回申请');
    case 'admin-patch':
      return msg('通过管理接口变更状态');
    case 'record-appeal':
      return msg('登记复议或诉讼');
    case 'update-appeal':
      return msg('更新复议或诉讼结果');
    case 'set-calendar':
      return msg('录入工作日历');
    default:
      return action;
  }
}

export function renderTimeline(entries: AuditEntry[], loc: Locale): TemplateResult {
  return html`<section class="block" aria-labelledby="timeline-title" part="case-timeline">
    <h3 id="timeline-title">${msg('办理记录')}</h3>
    <ol class="timeline">
      ${entries.map(
        (entry) => html`<li>
          <strong>${actionText(entry.action, loc)}</strong>
          ${entry.before?.status !== entry.after.status
            ? html`<span>${entry.before ? `${STATUS_LABELS[entry.before.status][loc]} → ` : ''}${STATUS_LABELS[entry.after.status][loc]}</span>`
            : nothing}
          <span class="meta"><time datetime=${entry.at}>${formatInstant(entry.at, loc)}</time> · ${actorText(entry.actor, loc)}</span>
          ${entry.reason ? html`<span class="note">${entry.reason}</span>` : nothing}
        </li>`,
      )}
    </ol>
  </section>`;
}

const MARKS: Record<ClockMark, () => string> = {
  received: () => msg('收到申请（双方确认）'),
  'supplement-requested': () => msg('告知补正，暂停计算'),
  'supplement-received': () => msg('收到补正，重新计算'),
  'supplement-due': () => msg('补正期限届满'),
  'consultation-started': () => msg('征求第三方意见，暂停计算'),
  'consultation-ended': () => msg('第三方意见已收到，恢复计算'),
  'consultation-due': () => msg('第三方答复期限'),
  'extension-approved': () => msg('延期已批准'),
  due: () => msg('答复期限'),
  today: () => msg('今天'),
  stopped: () => msg('停止计算'),
};

function dayType(day: ClockDay): string {
  switch (day.dayType) {
    case 'workday':
      return msg('工作日');
    case 'weekend':
      return msg('周末');
    case 'holiday':
      return msg('法定节假日');
    case 'make-up-workday':
      return msg('调休上班');
  }
}

function countText(day: ClockDay): string {
  if (day.count !== null) return msg(str`第${day.count}个工作日`);
  if (day.pause === 'supplement') return msg('不计（等待补正）');
  if (day.pause === 'consultation') return msg('不计（征求意见）');
  return day.dayType === 'weekend' || day.dayType === 'holiday' ? msg('不计（休息日）') : msg('不计');
}

function clockSentence(clock: ClockView, loc: Locale): string {
  switch (clock.state) {
    case 'not-received':
      return msg('尚未受理：网上申请以双方确认之日为收到申请之日（条例第三十一条），受理时记录。');
    case 'paused-supplement':
      return msg('暂停：等待申请人补正。收到补正后，答复期限从收到之日起重新计算（条例第三十条）。');
    case 'paused-consultation':
      return msg('暂停：正在征求第三方意见，所需时间不计算在答复期限内（条例第三十三条）。');
    case 'stopped':
      return msg('已停止计算。');
    case 'running':
      return clock.workingDaysLeft === null ? msg('正在计算。') : `${msg('正在计算：')}${daysLeftText(clock.workingDaysLeft, loc)}（${day(clock.dueDate, loc)}）`;
  }
}

/** The clock explained: a sentence, the figures, and every day with how it was counted. */
export function renderClock(clock: ClockView, loc: Locale): TemplateResult {
  return html`<section class="block" aria-labelledby="clock-title" part="case-clock">
    <h3 id="clock-title">${msg('答复期限')}</h3>
    <p class="clock-sentence"><strong>${clockSentence(clock, loc)}</strong></p>
    ${clock.provisional
      ? html`<p class="notice">${msg('期限跨入尚未录入放假安排的年份，按周一至周五估算；录入后自动改为准确日期。')}</p>`
      : nothing}
    ${facts([
      [msg('收到申请之日'), clock.receivedOn ? day(clock.receivedOn, loc) : msg('尚未确认')],
      [msg('起算日'), clock.countFrom ? msg(str`${day(clock.countFrom, loc)}的次日`) : undefined],
      [msg('法定期限'), workingDays(clock.limit, loc)],
      [msg('已用'), workingDays(clock.used, loc)],
      [msg('答复期限'), clock.dueDate ? day(clock.dueDate, loc) : undefined],
      [msg('剩余'), clock.workingDaysLeft !== null ? daysLeftText(clock.workingDaysLeft, loc) : undefined],
      [msg('最迟告知补正'), clock.supplementRequestBy ? day(clock.supplementRequestBy, loc) : undefined],
      [msg('补正期限'), clock.supplementDueDate ? day(clock.supplementDueDate, loc) : undefined],
      [msg('第三方答复期限'), clock.consultationDueDate ? day(clock.consultationDueDate, loc) : undefined],
    ])}
    ${clock.days.length
      ? html`<details class="clock-details">
          <summary>${msg('逐日说明')}</summary>
          <div class="table-wrap">
            <table class="clock-days" part="clock-days">
              <caption class="visually-hidden">
                ${msg('逐日说明')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('日期')}</th>
                  <th scope="col">${msg('类型')}</th>
                  <th scope="col">${msg('计数')}</th>
                  <th scope="col">${msg('事项')}</th>
                </tr>
              </thead>
              <tbody>
                ${clock.days.map(
                  (day) => html`<tr data-date=${day.date}>
                    <th scope="row"><time datetime=${day.date}>${formatDate(day.date, loc, 'full')}</time></th>
                    <td class="kind-${day.dayType}">${dayType(day)}${day.provisional ? msg('（预计）') : ''}</td>
                    <td class=${day.count === null ? 'kind-paused' : ''}>${countText(day)}</td>
                    <td>${day.marks.map((mark) => MARKS[mark]?.() ?? mark).join('；')}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </details>`
      : nothing}
  </section>`;
}
