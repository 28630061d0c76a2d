/**
 * The lifecycle of a 政府信息公开申请 (design/api.md), as data.
 *
 *   submitted ──► accepted ──► extended ──► answered ──► closed
 *       │            ▲  │                      ▲
 *       │            │  └──────────────────────┤
 *       └─► supplement-requested ──────────────┘
 *   withdrawn: from any open state (submitted, supplement-requested, accepted, extended)
 *
 * What is allowed, and why:
 * - 补正 (supplement-requested) only from `submitted`: the agency must ask for
 *   everything at once within 7 working days of receipt (条例 art. 30, "一次性告知").
 * - supplement-requested → accepted when the 补正 arrives; the 20 working days
 *   start again from that day (art. 30).
 * - supplement-requested → answered when the applicant lets the 补正 period lapse
 *   (视为放弃申请; report row 3.6.1) — or withdrawn.
 * - extended only from `accepted`: the graph has no way back, so a request is
 *   extended at most once (art. 33: +20 working days, once).
 * - answered → closed (办结) once the information has been delivered; closed and
 *   withdrawn are final.
 * The graph is acyclic, so "once" holds for both 补正 and extension by construction.
 */
import type { ApplicationStatus, Labels, OutcomeId } from '../../api/types/application.js';

const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['accepted', 'supplement-requested', 'withdrawn'],
  'supplement-requested': ['accepted', 'answered', 'withdrawn'],
  accepted: ['extended', 'answered', 'withdrawn'],
  extended: ['answered', 'withdrawn'],
  answered: ['closed'],
  closed: [],
  withdrawn: [],
};

/** Statuses in which the agency still owes an answer; an application can be withdrawn from these. */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['submitted', 'supplement-requested', 'accepted', 'extended'];

/** Statuses in which the reply clock runs (it stops while waiting for a 补正). */
export const CLOCK_RUNNING_STATUSES: readonly ApplicationStatus[] = ['submitted', 'accepted', 'extended'];

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** The statuses an application in `from` may move to next. */
export function nextStatuses(from: ApplicationStatus): readonly ApplicationStatus[] {
  return TRANSITIONS[from] ?? [];
}

export const STATUS_LABELS: Labels<ApplicationStatus> = {
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  'supplement-requested': { 'zh-CN': '需补正', en: 'More information needed' },
  extended: { 'zh-CN': '延期答复', en: 'Reply period extended' },
  answered: { 'zh-CN': '已答复', en: 'Answered' },
  closed: { 'zh-CN': '办结', en: 'Closed' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

/** The six outcome groups of table 三 （一）…（六）. */
export type OutcomeGroup = 'disclosed' | 'partly-disclosed' | 'not-disclosed' | 'unable' | 'not-handled' | 'other';

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, { row: Record<'zh-CN' | 'en', string>; short: Record<'zh-CN' | 'en', string> }> = {
  disclosed: { row: { 'zh-CN': '（一）予以公开', en: '(1) Disclosed' }, short: { 'zh-CN': '予以公开', en: 'Disclosed' } },
  'partly-disclosed': {
    row: { 'zh-CN': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly disclosed (a separated request counts here only)' },
    short: { 'zh-CN': '部分公开', en: 'Partly disclosed' },
  },
  'not-disclosed': { row: { 'zh-CN': '（三）不予公开', en: '(3) Not disclosed' }, short: { 'zh-CN': '不予公开', en: 'Not disclosed' } },
  unable: { row: { 'zh-CN': '（四）无法提供', en: '(4) Cannot be provided' }, short: { 'zh-CN': '无法提供', en: 'Cannot be provided' } },
  'not-handled': { row: { 'zh-CN': '（五）不予处理', en: '(5) Not handled' }, short: { 'zh-CN': '不予处理', en: 'Not handled' } },
  other: { row: { 'zh-CN': '（六）其他处理', en: '(6) Other handling' }, short: { 'zh-CN': '其他处理', en: 'Other handling' } },
};

/**
 * Every outcome id with its group and its row label in the 2021 report format
 * (国办公开办函〔2021〕30号), copied character for character.
 */
export const OUTCOMES: Record<OutcomeId, { group: OutcomeGroup; row: Record<'zh-CN' | 'en', string> }> = {
  '3.1': { group: 'disclosed', row: { 'zh-CN': '（一）予以公开', en: '(1) Disclosed' } },
  '3.2': { group: 'partly-disclosed', row: OUTCOME_GROUP_LABELS['partly-disclosed'].row },
  '3.3.1': { group: 'not-disclosed', row: { 'zh-CN': '1.属于国家秘密', en: '1. State secret' } },
  '3.3.2': { group: 'not-disclosed', row: { 'zh-CN': '2.其他法律行政法规禁止公开', en: '2. Disclosure forbidden by other laws or administrative regulations' } },
  '3.3.3': { group: 'not-disclosed', row: { 'zh-CN': '3.危及“三安全一稳定”', en: '3. Would endanger national, public or economic security or social stability' } },
  '3.3.4': { group: 'not-disclosed', row: { 'zh-CN': '4.保护第三方合法权益', en: "4. Protects a third party's lawful rights" } },
  '3.3.5': { group: 'not-disclosed', row: { 'zh-CN': '5.属于三类内部事务信息', en: '5. Internal affairs (personnel, logistics, internal procedures)' } },
  '3.3.6': { group: 'not-disclosed', row: { 'zh-CN': '6.属于四类过程性信息', en: '6. Deliberative information (minutes, drafts, consultations, internal reports)' } },
  '3.3.7': { group: 'not-disclosed', row: { 'zh-CN': '7.属于行政执法案卷', en: '7. Administrative enforcement case file' } },
  '3.3.8': { group: 'not-disclosed', row: { 'zh-CN': '8.属于行政查询事项', en: '8. Matter for an administrative records enquiry' } },
  '3.4.1': { group: 'unable', row: { 'zh-CN': '1.本机关不掌握相关政府信息', en: '1. This agency does not hold the information' } },
  '3.4.2': { group: 'unable', row: { 'zh-CN': '2.没有现成信息需要另行制作', en: '2. The information does not exist and would have to be produced' } },
  '3.4.3': { group: 'unable', row: { 'zh-CN': '3.补正后申请内容仍不明确', en: '3. Request still unclear after supplementation' } },
  '3.5.1': { group: 'not-handled', row: { 'zh-CN': '1.信访举报投诉类申请', en: '1. Petition, report or complaint' } },
  '3.5.2': { group: 'not-handled', row: { 'zh-CN': '2.重复申请', en: '2. Repeated request' } },
  '3.5.3': { group: 'not-handled', row: { 'zh-CN': '3.要求提供公开出版物', en: '3. Request for a public publication' } },
  '3.5.4': { group: 'not-handled', row: { 'zh-CN': '4.无正当理由大量反复申请', en: '4. Excessive repeated requests without good reason' } },
  '3.5.5': { group: 'not-handled', row: { 'zh-CN': '5.要求行政机关确认或重新出具已获取信息', en: '5. Request to confirm or re-issue information already obtained' } },
  '3.6.1': {
    group: 'other',
    row: { 'zh-CN': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: '1. Applicant did not supplement in time without good reason; no longer handled' },
  },
  '3.6.2': {
    group: 'other',
    row: { 'zh-CN': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: '2. Applicant did not pay the fee notice in time; no longer handled' },
  },
  '3.6.3': { group: 'other', row: { 'zh-CN': '3.其他', en: '3. Other' } },
};

/** The short label of an outcome (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理). */
export function outcomeShortLabel(id: OutcomeId, locale: 'zh-CN' | 'en'): string {
  return OUTCOME_GROUP_LABELS[OUTCOMES[id].group].short[locale];
}
