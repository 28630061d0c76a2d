/**
 * Every message the kit sends, in one place: the e-mails (a plain-text and an
 * HTML part from one list of blocks, so the two never disagree), the SMS
 * texts and the webhook bodies. zh-CN, or English when the request was made
 * in English. A message holds nothing the recipient did not give or need:
 * no name, no identity number; what staff wrote (a 补正 list, a reason, a
 * reply) is escaped in HTML, so a hostile string shows as text.
 */
import type { Locale } from '../../api/types/application.js';
import { FEEDBACK_CATEGORY_LABELS } from '../../api/types/feedback.js';
import { outcomeShortLabel, STATUS_LABELS } from '../../core/lifecycle/index.js';
import type { DigestCase, NotifyEvent } from './events.js';
import { SUPPLEMENT_WORKING_DAYS } from './events.js';

export const MAIL_KINDS = [
  'application-received',
  'application-accepted',
  'application-supplement',
  'application-extended',
  'application-answered',
  'feedback-replied',
  'staff-digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface RenderContext {
  /** the page where applicants look their case up and download the answer */
  portalUrl?: string;
  /** the sender, for the digest's unsubscribe address */
  mailFrom: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'footer'; text: string };

interface Message {
  subject: string;
  blocks: Block[];
  headers?: Record<string, string>;
}

const p = (text: string): Block => ({ kind: 'p', text });
const field = (label: string, value: string): Block => ({ kind: 'field', label, value });
const footer = (text: string): Block => ({ kind: 'footer', text });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `YYYY-MM-DD` as people read it: 2025年4月10日, 10 April 2025. */
export function readableDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${d} ${MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function toText(message: Message, locale: Locale): string {
  const colon = locale === 'en' ? ': ' : '：';
  return (
    message.blocks
      .map((b) => {
        switch (b.kind) {
          case 'field':
            return `${b.label}${colon}${b.value}`;
          case 'list':
            return b.items.map((item) => `- ${item}`).join('\n');
          case 'link':
            return `${b.label}${colon}${b.url}`;
          default:
            return b.text;
        }
      })
      .join('\n\n') + '\n'
  );
}

function toHtml(message: Message, locale: Locale): string {
  const colon = locale === 'en' ? ': ' : '：';
  const body = message.blocks
    .map((b) => {
      switch (b.kind) {
        case 'field':
          return `<p><strong>${escapeHtml(b.label)}</strong>${colon}${escapeHtml(b.value)}</p>`;
        case 'list':
          return `<ul>${b.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
        case 'link':
          return isWebUrl(b.url)
            ? `<p>${escapeHtml(b.label)}${colon}<a href="${escapeHtml(b.url)}">${escapeHtml(b.url)}</a></p>`
            : `<p>${escapeHtml(b.label)}${colon}${escapeHtml(b.url)}</p>`;
        case 'footer':
          return `<p style="color:#555;font-size:0.875em">${escapeHtml(b.text)}</p>`;
        default:
          return `<p>${escapeHtml(b.text)}</p>`;
      }
    })
    .join('\n');
  const lang = locale === 'en' ? 'en' : 'zh-CN';
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.6">\n${body}\n</body></html>\n`;
}

const automatic = (locale: Locale) =>
  footer(locale === 'en' ? 'This message was sent automatically; please do not reply to it.' : '本邮件由系统自动发送，请勿直接回复。');

function applicationMessage(kind: MailKind, event: NotifyEvent & { application: unknown }, ctx: RenderContext): Message {
  if (event.type !== 'application.created' && event.type !== 'application.status-changed')
    throw new Error(`${kind} needs an application event`);
  const a = event.application;
  const en = a.language === 'en';
  const t = (zh: string, english: string) => (en ? english : zh);
  const date = (d: string) => readableDate(d, a.language);
  const code = field(t('查询码', 'Tracking code'), a.trackingCode);
  const requested = field(t('申请内容', 'You asked for'), a.requested);
  const due = a.dueDate ? [field(t('答复期限', 'Reply due by'), date(a.dueDate))] : [];
  const lookup = ctx.portalUrl ? [{ kind: 'link' as const, label: t('查询办理进度', 'Track your request'), url: ctx.portalUrl }] : [];
  const change = event.type === 'application.status-changed' ? event.change : null;
  const note = change?.note ?? null;
  /** `【agency】您的政府信息公开申请<zh>（code）` in Chinese. */
  const subject = (zh: string, english: string) => t(`【${a.agency}】您的政府信息公开申请${zh}（${a.trackingCode}）`, english);
  const noted = note ? [field(t('说明', 'Note'), note)] : [];
  /** Every application mail: the subject, what happened, the code and the request, what follows, the look-up link. */
  const mail = (title: string, lead: Block, ...rest: Block[]): Message => ({
    subject: title,
    blocks: [lead, code, requested, ...rest, ...lookup, automatic(a.language)],
  });
  switch (kind) {
    case 'application-received':
      return mail(
        t(
          `【${a.agency}】已收到您的政府信息公开申请（${a.trackingCode}）`,
          `${a.agency} has received your information request ${a.trackingCode}`,
        ),
        p(
          t(
            `${a.agency}已于${date(a.receivedOn)}收到您的政府信息公开申请。`,
            `${a.agency} received your request for government information on ${date(a.receivedOn)}.`,
          ),
        ),
        ...due,
        p(t('请凭查询码和申请时填写的联系电话查询办理进度。', 'Track its progress with the tracking code and the phone number you gave.')),
      );
    case 'application-accepted':
      return mail(
        subject('已受理', `Your information request ${a.trackingCode} has been accepted`),
        p(
          change?.from === 'supplement-requested'
            ? t(
                '我们已收到您补正的材料，您的申请已受理。答复期限自收到补正之日起重新计算。',
                'We have received the information you supplied and accepted your request. The reply period starts again from the day it arrived.',
              )
            : t('您的政府信息公开申请已受理。', 'Your request for government information has been accepted.'),
        ),
        ...due,
        ...noted,
      );
    case 'application-supplement': {
      const by = change?.supplementDueDate;
      return mail(
        subject('需要补正', `Your information request ${a.trackingCode} needs more information`),
        p(t('经审查，您的申请需要补正后才能继续办理。', 'Before we can handle your request we need more information from you.')),
        field(t('需要补正的内容', 'What we need'), note ?? t('请查询办理进度了解详情。', 'See your request’s progress page for details.')),
        field(
          t('补正期限', 'Send it by'),
          by
            ? t(`${date(by)}前（${SUPPLEMENT_WORKING_DAYS}个工作日内）`, `${date(by)} (within ${SUPPLEMENT_WORKING_DAYS} working days)`)
            : t(`自本通知之日起${SUPPLEMENT_WORKING_DAYS}个工作日内`, `within ${SUPPLEMENT_WORKING_DAYS} working days of this notice`),
        ),
        p(
          t(
            '补正期间答复期限暂停计算，自收到补正之日起重新计算。无正当理由逾期不补正的，视为放弃申请（《中华人民共和国政府信息公开条例》第三十条）。',
            'The reply period is paused until your information arrives and then starts again. If nothing arrives in time without good reason, the request is treated as abandoned (Regulations on Open Government Information, art. 30).',
          ),
        ),
        p(
          t(
            '请凭查询码和申请时填写的联系电话在线补正，或与我们联系。',
            'Send it online with the tracking code and the phone number you gave, or contact us.',
          ),
        ),
      );
    }
    case 'application-extended':
      return mail(
        subject('答复期限延长', `The reply period of your information request ${a.trackingCode} is extended`),
        p(
          t(
            '经政府信息公开工作机构负责人同意，您的申请答复期限延长20个工作日（《中华人民共和国政府信息公开条例》第三十三条）。',
            'With the approval of the head of the disclosure office, the reply period of your request is extended by 20 working days (Regulations on Open Government Information, art. 33).',
          ),
        ),
        ...(a.dueDate ? [field(t('新的答复期限', 'New reply date'), date(a.dueDate))] : []),
        field(t('延期理由', 'Reason'), note ?? t('未说明', 'not given')),
      );
    case 'application-answered':
      return mail(
        subject('已答复', `Your information request ${a.trackingCode} has been answered`),
        p(t('您的政府信息公开申请已答复。', 'Your request for government information has been answered.')),
        ...(a.outcome ? [field(t('办理结果', 'Outcome'), outcomeShortLabel(a.outcome, a.language))] : []),
        ...noted,
        p(
          t(
            '请凭查询码和申请时填写的联系电话查询办理进度，在办理进度页面下载《政府信息公开申请答复书》及公开的政府信息。',
            'Look your request up with the tracking code and the phone number you gave: the answer letter and the released information can be downloaded there.',
          ),
        ),
      );
    default:
      throw new Error(`${kind} is not an application mail`);
  }
}

function letterMessage(event: NotifyEvent): Message {
  if (event.type !== 'feedback.replied') throw new Error('feedback-replied needs a feedback.replied event');
  const l = event.letter;
  const en = l.language === 'en';
  const t = (zh: string, english: string) => (en ? english : zh);
  const reply = l.reply!;
  return {
    subject: t(`您的来信已答复：${l.subject}`, `Your message has been answered: ${l.subject}`),
    blocks: [
      p(
        t(
          `您于${readableDate(l.receivedOn, l.language)}的来信已答复。`,
          `Your message of ${readableDate(l.receivedOn, l.language)} has been answered.`,
        ),
      ),
      field(t('查询码', 'Query code'), l.queryCode),
      field(t('类别', 'Category'), FEEDBACK_CATEGORY_LABELS[l.category][l.language]),
      field(t('标题', 'Subject'), l.subject),
      field(t('答复', 'Reply'), reply.text),
      ...(reply.department ? [field(t('答复部门', 'Replied by'), reply.department)] : []),
      ...(reply.repliedOn ? [field(t('答复日期', 'Date'), readableDate(reply.repliedOn, l.language))] : []),
      p(
        t(
          '凭查询码和您留下的联系方式可查看答复并评价。',
          'Look it up with the query code and the contact you gave to read the reply and rate it.',
        ),
      ),
      automatic(l.language),
    ],
  };
}

function digestLine(c: DigestCase): string {
  const days =
    c.workingDaysLeft < 0
      ? `已逾期${-c.workingDaysLeft}个工作日`
      : c.workingDaysLeft === 0
        ? '今日到期'
        : `剩余${c.workingDaysLeft}个工作日`;
  return `${c.trackingCode} ${c.agency} ${STATUS_LABELS[c.status]['zh-CN']} 答复期限 ${readableDate(c.dueDate, 'zh-CN')}（${days}）`;
}

function digestMessage(event: NotifyEvent, ctx: RenderContext): Message {
  if (event.type !== 'staff.digest') throw new Error('staff-digest needs a staff.digest event');
  const { date, dueSoon, overdue } = event.digest;
  const address = /<([^>]+)>/.exec(ctx.mailFrom)?.[1] ?? ctx.mailFrom;
  return {
    subject: `【政务公开】${readableDate(date, 'zh-CN')}待办提醒：${overdue.length}件已逾期，${dueSoon.length}件3个工作日内到期`,
    blocks: [
      p(`截至${readableDate(date, 'zh-CN')}，以下政府信息公开申请需要尽快办理。`),
      p(`已逾期（${overdue.length}件）`),
      ...(overdue.length ? [{ kind: 'list' as const, items: overdue.map(digestLine) }] : [p('无')]),
      p(`3个工作日内到期（${dueSoon.length}件）`),
      ...(dueSoon.length ? [{ kind: 'list' as const, items: dueSoon.map(digestLine) }] : [p('无')]),
      footer(
        `您收到本邮件，是因为您的地址在本系统的工作人员提醒名单中。退订：请管理员将您的地址从名单（ZWGK_STAFF_EMAILS）中删除，或发送主题为“退订”的邮件至 ${address}。`,
      ),
    ],
    headers: { 'List-Unsubscribe': `<mailto:${address}?subject=unsubscribe>` },
  };
}

/** The mail of `kind` about `event`, as plain text and HTML. */
export function renderMail(kind: MailKind, event: NotifyEvent, ctx: RenderContext): RenderedMail {
  let message: Message;
  if (kind === 'feedback-replied') message = letterMessage(event);
  else if (kind === 'staff-digest') message = digestMessage(event, ctx);
  else message = applicationMessage(kind, event as NotifyEvent & { application: unknown }, ctx);
  const locale: Locale = 'application' in event ? event.application.language : 'letter' in event ? event.letter.language : 'zh-CN';
  return { subject: message.subject, text: toText(message, locale), html: toHtml(message, locale), headers: message.headers ?? {} };
}

/** Which mail (and SMS) an event sends to the citizen or staff, if any. Closing and withdrawal tell only the webhooks. */
export function mailKindOf(event: NotifyEvent): MailKind | null {
  switch (event.type) {
    case 'application.created':
      return 'application-received';
    case 'application.status-changed':
      return (
        (
          {
            accepted: 'application-accepted',
            'supplement-requested': 'application-supplement',
            extended: 'application-extended',
            answered: 'application-answered',
          } as const
        )[event.change.to as 'accepted'] ?? null
      );
    case 'feedback.replied':
      return 'feedback-replied';
    case 'staff.digest':
      return 'staff-digest';
    default:
      return null;
  }
}

/** A short SMS for the citizen: the news, the code to look it up with, nothing else. */
export function renderSms(kind: MailKind, event: NotifyEvent): string {
  if (event.type === 'feedback.replied') {
    const l = event.letter;
    return l.language === 'en'
      ? `Your message "${l.subject}" has been answered. Query code ${l.queryCode}.`
      : `您的来信“${l.subject}”已答复，查询码${l.queryCode}。`;
  }
  if (event.type !== 'application.created' && event.type !== 'application.status-changed') throw new Error(`no SMS for ${event.type}`);
  const a = event.application;
  const en = a.language === 'en';
  const due = a.dueDate ? readableDate(a.dueDate, a.language) : '';
  const by =
    event.type === 'application.status-changed' && event.change.supplementDueDate
      ? readableDate(event.change.supplementDueDate, a.language)
      : '';
  const texts: Partial<Record<MailKind, [string, string]>> = {
    'application-received': [
      `【${a.agency}】已收到您的政府信息公开申请，查询码${a.trackingCode}，答复期限${due}。`,
      `${a.agency} received your request ${a.trackingCode}; reply due by ${due}.`,
    ],
    'application-accepted': [
      `【${a.agency}】您的申请${a.trackingCode}已受理，答复期限${due}。`,
      `Your request ${a.trackingCode} has been accepted; reply due by ${due}.`,
    ],
    'application-supplement': [
      `【${a.agency}】您的申请${a.trackingCode}需要补正${by ? `，请于${by}前提交` : ''}，详情请查询办理进度。`,
      `Your request ${a.trackingCode} needs more information${by ? ` by ${by}` : ''}; see its progress page.`,
    ],
    'application-extended': [
      `【${a.agency}】您的申请${a.trackingCode}答复期限延长至${due}。`,
      `The reply to your request ${a.trackingCode} is now due by ${due}.`,
    ],
    'application-answered': [
      `【${a.agency}】您的申请${a.trackingCode}已答复，请凭查询码和电话查询下载答复书。`,
      `Your request ${a.trackingCode} has been answered; look it up to download the answer.`,
    ],
  };
  const text = texts[kind];
  if (!text) throw new Error(`no SMS for ${kind}`);
  return en ? text[1] : text[0];
}

/**
 * The JSON body of a webhook: the event's facts for the agency's own systems,
 * without the citizen's contact (and never an identity number, which no event holds).
 */
export function webhookBody(event: NotifyEvent, ids: { deliveryId: string; eventId: string; occurredAt: string }): Record<string, unknown> {
  const envelope = { id: ids.deliveryId, eventId: ids.eventId, type: event.type, occurredAt: ids.occurredAt };
  switch (event.type) {
    case 'application.created':
      return { ...envelope, data: { application: event.application } };
    case 'application.status-changed':
      return { ...envelope, data: { application: event.application, change: event.change } };
    case 'feedback.created':
    case 'feedback.replied':
      return { ...envelope, data: { letter: event.letter } };
    default:
      return { ...envelope, data: { digest: event.digest } };
  }
}
