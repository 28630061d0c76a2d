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
import { OUTCOME_IDS, type ApplicationStatus, type Labels, type OutcomeId } from '../../api/types/application.js';
import { FORMAT_2021, requestRow } from '../report/formats.js';

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

type Label = Record<'zh-CN' | 'en', string>;

/** The six outcome groups of table 三 （一）…（六）. */
export type OutcomeGroup = 'disclosed' | 'partly-disclosed' | 'not-disclosed' | 'unable' | 'not-handled' | 'other';

/** Each group with the row id that heads it in table 三 and its short label. */
const GROUPS: Record<OutcomeGroup, { rowId: string; short: Label }> = {
  disclosed: { rowId: '3.1', short: { 'zh-CN': '予以公开', en: 'Disclosed' } },
  'partly-disclosed': { rowId: '3.2', short: { 'zh-CN': '部分公开', en: 'Partly disclosed' } },
  'not-disclosed': { rowId: '3.3', short: { 'zh-CN': '不予公开', en: 'Not disclosed' } },
  unable: { rowId: '3.4', short: { 'zh-CN': '无法提供', en: 'Cannot be provided' } },
  'not-handled': { rowId: '3.5', short: { 'zh-CN': '不予处理', en: 'Not processed' } },
  other: { rowId: '3.6', short: { 'zh-CN': '其他处理', en: 'Otherwise handled' } },
};

/** A row or group label of the 2021 format, from the report data (one source for both). */
function formatLabel(id: string): Label {
  const label = requestRow(FORMAT_2021, id)?.label ?? FORMAT_2021.requests.groups.find((group) => group.id === id)?.label;
  if (!label) throw new Error(`The 2021 report format has no row ${id}`);
  return label;
}

/** Each group's label in the report (（三）不予公开 …) and its short label (不予公开 …). */
export const OUTCOME_GROUP_LABELS = Object.fromEntries(
  Object.entries(GROUPS).map(([group, { rowId, short }]) => [group, { row: formatLabel(rowId), short }]),
) as Record<OutcomeGroup, { row: Label; short: Label }>;

function groupOf(id: OutcomeId): OutcomeGroup {
  const entry = Object.entries(GROUPS).find(([, { rowId }]) => id === rowId || id.startsWith(`${rowId}.`));
  return entry![0] as OutcomeGroup;
}

/**
 * Every outcome id with its group and its row label in the 2021 report format
 * (国办公开办函〔2021〕30号), e.g. 3.3.1 → 不予公开, "1.属于国家秘密".
 */
export const OUTCOMES = Object.fromEntries(OUTCOME_IDS.map((id) => [id, { group: groupOf(id), row: formatLabel(id) }])) as Record<
  OutcomeId,
  { group: OutcomeGroup; row: Label }
>;

/** The short label of an outcome (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理). */
export function outcomeShortLabel(id: OutcomeId, locale: 'zh-CN' | 'en'): string {
  return OUTCOME_GROUP_LABELS[OUTCOMES[id].group].short[locale];
}
