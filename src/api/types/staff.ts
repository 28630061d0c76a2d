/**
 * The staff API under `{api-base}/staff` (design/office.md) and the citizen
 * endpoints of the same case: the contract `<zwgk-request-desk>` and the
 * citizen side of `<zwgk-application-status>` code against.
 *
 * Conventions beyond design/api.md:
 * - Every `/staff/**` request needs a signed-in session: the `zwgk_staff`
 *   cookie (HttpOnly, SameSite=Strict, Path=/api/staff) set by
 *   `POST /staff/session`. Without one: 401 `session-required`.
 * - Every staff write (POST, PUT, PATCH, DELETE other than signing in) also
 *   needs the header `X-CSRF-Token` with the token from `GET /staff/session`
 *   or the sign-in answer: else 403 `csrf-failed`.
 * - A role that may not do a step: 403 `role-forbidden`. A step the case's
 *   state does not allow: 409 `illegal-transition` (the `detail` says why).
 * - Every action POST needs an `Idempotency-Key` (as for citizens' creates).
 * - Dates `YYYY-MM-DD` are China dates; instants ISO 8601.
 */
import type {
  Applicant,
  ApplicationStatus,
  AttachmentReceipt,
  DeliveryRequest,
  InformationRequested,
  Labels,
  OutcomeId,
} from './application.js';

// ── Accounts and sessions ─────────────────────────────────────────────

/** 经办人, 负责人 (approves extensions, art. 33), 管理员 (accounts, the calendar). */
export const STAFF_ROLES = ['clerk', 'head', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_LABELS: Labels<StaffRole> = {
  clerk: { 'zh-CN': '经办人', en: 'Clerk' },
  head: { 'zh-CN': '负责人', en: 'Head of office' },
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
};

/** The signed-in person as handlers and the desk see them. */
export interface StaffUser {
  id: string;
  /** the sign-in name, also shown in the timeline */
  name: string;
  role: StaffRole;
}

/** An account as an administrator sees it (`GET /staff/users`). */
export interface StaffAccount extends StaffUser {
  disabled: boolean;
  /** instant */
  createdAt: string;
}

/** Body of `POST /staff/session` (sign in). */
export interface SignInRequest {
  name: string;
  password: string;
}

/**
 * Answer of `POST /staff/session` (200, sets the cookie) and `GET /staff/session`.
 * `csrfToken` goes in `X-CSRF-Token` on every staff write of this session.
 */
export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
  /** instant the session ends (sliding: each request moves it on, up to an absolute limit) */
  expiresAt: string;
}
// DELETE /staff/session: 204, clears the cookie.

/** Body of `POST /staff/users` (admin): a generated password is returned when none is given. */
export interface NewStaffAccount {
  name: string;
  role: StaffRole;
  password?: string;
}

/** Body of `PATCH /staff/users/{id}` (admin). `resetPassword: true` answers a new generated password once. */
export interface StaffAccountPatch {
  role?: StaffRole;
  disabled?: boolean;
  resetPassword?: true;
}

/** Answer of `POST /staff/users` (201) and `PATCH /staff/users/{id}` (200). */
export interface StaffAccountAnswer {
  account: StaffAccount;
  /** only when the server generated it: shown once, never stored in clear */
  password?: string;
}

// ── The legal clock, explained ────────────────────────────────────────

/**
 * What the reply clock is doing:
 * - `not-received`: submitted online, not yet confirmed (art. 31: receipt is the day both sides confirm);
 * - `running`: counting working days towards `dueDate`;
 * - `paused-supplement`: waiting for the applicant's 补正 (art. 30; the count restarts from its arrival);
 * - `paused-consultation`: a third party or another agency is being consulted (arts. 32–34; not counted);
 * - `stopped`: answered, withdrawn or closed.
 */
export type ClockState = 'not-received' | 'running' | 'paused-supplement' | 'paused-consultation' | 'stopped';

/** What kind of day a calendar day is, per the working-day calendar. */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

/** What happened on a day of the case, as the clock sees it. */
export type ClockMark =
  | 'received'
  | 'supplement-requested'
  | 'supplement-received'
  | 'supplement-due'
  | 'consultation-started'
  | 'consultation-ended'
  | 'consultation-due'
  | 'extension-approved'
  | 'due'
  | 'today'
  | 'stopped';

/** One calendar day of the explanation. */
export interface ClockDay {
  date: string;
  dayType: DayType;
  /** the n-th working day of the current count on this day, or null when not counted */
  count: number | null;
  /** why a working day was not counted */
  pause: 'supplement' | 'consultation' | null;
  marks: ClockMark[];
  /** the year's holidays are not published yet: counted Monday–Friday, an estimate */
  provisional?: true;
}

/** The clock of one case, recomputed from its events at every read. */
export interface ClockView {
  state: ClockState;
  /** 收到申请之日 (art. 31), null before the office confirmed the request */
  receivedOn: string | null;
  /** day 0 of the current count: receipt, or the arrival of the 补正 */
  countFrom: string | null;
  /** working days allowed: 20, plus the approved extension */
  limit: number;
  /** working days counted so far (up to today) */
  used: number;
  /** last day to answer; null while paused (补正) or stopped */
  dueDate: string | null;
  /** working days from today to `dueDate`: 0 on the day, negative when overdue */
  workingDaysLeft: number | null;
  /** some day counted lies in a year whose holidays are not entered yet */
  provisional: boolean;
  /** last day the office may still ask for 补正 (7 working days after receipt), while it may */
  supplementRequestBy: string | null;
  /** last day for the applicant's 补正, while one is awaited */
  supplementDueDate: string | null;
  /** last day of the third party's 15 working days, while consulting */
  consultationDueDate: string | null;
  /** receipt (or the day before submission was confirmed) up to the later of today and `dueDate` */
  days: ClockDay[];
}

// ── The queue ─────────────────────────────────────────────────────────

/** Query of `GET /staff/applications`. */
export interface QueueQuery {
  /** one status, or several comma-separated */
  status?: ApplicationStatus | ApplicationStatus[];
  /** open cases due within this many working days (0 = due today) */
  dueWithin?: number;
  /** only open cases past their due date */
  overdue?: boolean;
  /** free text over tracking code, applicant name and the request's title / 文号 / description */
  q?: string;
  /** `urgency` (default: overdue first, then fewest working days left, paused and unreceived after) or `received` (newest first) */
  sort?: 'urgency' | 'received';
  page?: number;
  /** default 20, at most 100 */
  pageSize?: number;
}

/** What waits on someone other than the clerk. */
export type Waiting = 'applicant-supplement' | 'third-party' | 'head-approval';

export interface QueueItem {
  trackingCode: string;
  status: ApplicationStatus;
  /** masked: 张*, 欧阳**, 福州示例贸易有限公司 is shown in full (an organisation is not a person) */
  applicantName: string;
  applicantType: 'person' | 'organization';
  /** the request's title, else 文号, else the start of its description */
  subject: string;
  /** instant of online submission */
  submittedAt: string;
  receivedOn: string | null;
  dueDate: string | null;
  workingDaysLeft: number | null;
  provisional: boolean;
  clock: ClockState;
  waiting: Waiting | null;
}

/** Answer of `GET /staff/applications`. */
export interface QueuePage {
  items: QueueItem[];
  /** matching the filters */
  total: number;
  page: number;
  pageSize: number;
  /** every application per status, whatever the filters (for the filter chips) */
  counts: Record<ApplicationStatus, number>;
  /** open cases past due, whatever the filters */
  overdue: number;
  /** calendar warning (from 1 November while next year's arrangement is missing) */
  calendar: CalendarNotice | null;
}

// ── The case ──────────────────────────────────────────────────────────

/** Steps of the desk: one endpoint each, `POST /staff/applications/{code}/{action}`. */
export const STAFF_ACTIONS = [
  'accept',
  'request-supplement',
  'record-supplement',
  'consult',
  'record-consultation-reply',
  'request-extension',
  'decide-extension',
  'answer',
  'close',
  'abandon',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export const STAFF_ACTION_LABELS: Labels<StaffAction> = {
  accept: { 'zh-CN': '受理', en: 'Accept' },
  'request-supplement': { 'zh-CN': '补正', en: 'Ask for more information' },
  'record-supplement': { 'zh-CN': '登记补正材料', en: 'Record the supplement' },
  consult: { 'zh-CN': '征求第三方意见', en: 'Consult a third party' },
  'record-consultation-reply': { 'zh-CN': '登记第三方意见', en: 'Record the third party’s reply' },
  'request-extension': { 'zh-CN': '申请延期', en: 'Request an extension' },
  'decide-extension': { 'zh-CN': '审批延期', en: 'Decide on the extension' },
  answer: { 'zh-CN': '答复', en: 'Answer' },
  close: { 'zh-CN': '办结', en: 'Close' },
  abandon: { 'zh-CN': '视为放弃', en: 'Treat as abandoned' },
};

/** Who may do each step (a head may do everything a clerk does; an admin handles no case). */
export const ACTION_ROLES: Record<StaffAction, readonly StaffRole[]> = {
  accept: ['clerk', 'head'],
  'request-supplement': ['clerk', 'head'],
  'record-supplement': ['clerk', 'head'],
  consult: ['clerk', 'head'],
  'record-consultation-reply': ['clerk', 'head'],
  'request-extension': ['clerk', 'head'],
  'decide-extension': ['head'],
  answer: ['clerk', 'head'],
  close: ['clerk', 'head'],
  abandon: ['clerk', 'head'],
};

/** JS-NORM's 补正 triggers (reference.md §2.2), plus free text in `detail`. */
export const SUPPLEMENT_TRIGGERS = [
  'applicant-identity',
  'identity-proof',
  'contact',
  'postal-address',
  'email-address',
  'description-unclear',
  'delivery-method',
] as const;
export type SupplementTrigger = (typeof SUPPLEMENT_TRIGGERS)[number];
export const SUPPLEMENT_TRIGGER_LABELS: Labels<SupplementTrigger> = {
  'applicant-identity': { 'zh-CN': '未提供申请人姓名或者名称', en: 'The applicant’s name is missing' },
  'identity-proof': { 'zh-CN': '未提供身份证明', en: 'Proof of identity is missing' },
  contact: { 'zh-CN': '未提供联系方式', en: 'Contact details are missing' },
  'postal-address': { 'zh-CN': '要求邮寄送达但未提供邮寄地址', en: 'Delivery by post was asked for without a postal address' },
  'email-address': { 'zh-CN': '要求电子邮件送达但未提供电子邮箱', en: 'Delivery by e-mail was asked for without an e-mail address' },
  'description-unclear': {
    'zh-CN': '所需政府信息的名称、文号或者特征性描述不明确',
    en: 'The information asked for is not described clearly',
  },
  'delivery-method': { 'zh-CN': '未说明获取政府信息的方式、途径', en: 'How the information should be provided is not stated' },
};

/** 补正 period: JS-NORM "一般不超过15个工作日". */
export const SUPPLEMENT_PERIOD_DEFAULT = 15;
export const SUPPLEMENT_PERIOD_MAX = 15;
/** Art. 30: 补正 asked for within 7 working days of receipt. */
export const SUPPLEMENT_REQUEST_WINDOW = 7;
/** Art. 32: the third party answers within 15 working days. */
export const CONSULTATION_WORKING_DAYS = 15;
/** Art. 33: at most 20 working days more, once. */
export const EXTENSION_MAX_DAYS = 20;

/** Who did a step. `applicant`: the citizen online; `system`: a rule applied by the server (视为放弃 when the period lapsed). */
export type Actor =
  { kind: 'staff'; id: string; name: string; role: StaffRole } | { kind: 'applicant' } | { kind: 'system' } | { kind: 'admin-token' };

/** The audited state of a case before and after a step. */
export interface CaseState {
  status: ApplicationStatus;
  receivedOn: string | null;
  dueDate: string | null;
  outcome: OutcomeId | null;
  extension: ExtensionState | null;
  consulting: boolean;
}

/** Audit actions: the desk's steps, the citizen's and the system's. */
export type AuditAction =
  StaffAction | 'submit' | 'supplement' | 'withdraw' | 'admin-patch' | 'record-appeal' | 'update-appeal' | 'set-calendar';

/** One audit row (append-only): the case timeline the desk shows. */
export interface AuditEntry {
  id: number;
  /** instant */
  at: string;
  actor: Actor;
  action: AuditAction;
  /** the reason or note given with the step (staff-internal) */
  reason: string | null;
  before: CaseState | null;
  after: CaseState;
}

export interface SupplementState {
  requestedOn: string;
  triggers: SupplementTrigger[];
  /** free text to the applicant: shown on the public status page */
  detail: string;
  periodDays: number;
  dueOn: string;
  /** set when the supplement arrived */
  receivedOn: string | null;
  /** what the applicant sent online */
  text: string | null;
  attachments: AttachmentReceipt[];
}

export interface ConsultationState {
  /** 第三方 or 其他机关 (arts. 32, 34) */
  party: string;
  startedOn: string;
  /** 15 working days after `startedOn` */
  dueOn: string;
  endedOn: string | null;
  /** summary of the reply, or that none came */
  reply: string | null;
}

export interface ExtensionState {
  requestedOn: string;
  /** requested by (staff name) */
  requestedBy: string;
  days: number;
  reason: string;
  decision: 'pending' | 'approved' | 'refused';
  decidedOn: string | null;
  decidedBy: string | null;
}

/** Answer of `GET /staff/applications/{code}`: the whole case. */
export interface StaffCase {
  trackingCode: string;
  status: ApplicationStatus;
  agency: string;
  /** in full: staff only */
  applicant: Applicant;
  request: InformationRequested;
  delivery: DeliveryRequest;
  /** identity proofs and other files the applicant sent, downloadable by staff only */
  attachments: AttachmentReceipt[];
  submittedAt: string;
  clock: ClockView;
  waiting: Waiting | null;
  /** the steps this user may take now: the desk offers nothing else */
  actions: StaffAction[];
  supplement: SupplementState | null;
  consultations: ConsultationState[];
  extension: ExtensionState | null;
  answer: CaseAnswer | null;
  appeals: Appeal[];
  /** the audit trail, oldest first */
  timeline: AuditEntry[];
}

// ── Action bodies (POST /staff/applications/{code}/{action}) ──────────

/** Private note for the audit trail, on every action (never shown to the applicant). */
interface WithReason {
  reason?: string;
}

/** `accept` (受理): records receipt (art. 31: the day both sides confirmed; default today). */
export interface AcceptBody extends WithReason {
  receivedOn?: string;
}

/**
 * `request-supplement` (补正): once, within 7 working days of receipt, all at
 * once. From `submitted` it also records receipt (`receivedOn`, default today).
 */
export interface SupplementRequestBody extends WithReason {
  triggers: SupplementTrigger[];
  /** what exactly is missing, to the applicant (required when no trigger is chosen) */
  detail?: string;
  /** working days, 1–15, default 15 */
  periodDays?: number;
  receivedOn?: string;
}

/** `record-supplement`: a supplement that arrived on paper or by phone; restarts the clock from `receivedOn` (default today). */
export interface RecordSupplementBody extends WithReason {
  receivedOn?: string;
  text?: string;
}

/** `consult` (征求第三方意见): pauses the clock from the day after `startedOn` (default today). */
export interface ConsultBody extends WithReason {
  party: string;
  startedOn?: string;
}

/** `record-consultation-reply`: the clock runs again from the day after `endedOn` (default today). */
export interface ConsultationReplyBody extends WithReason {
  /** summary of the reply, or e.g. "逾期未答复" */
  reply: string;
  endedOn?: string;
}

/** `request-extension` (延期): the head must approve; at most 20 working days, once. */
export interface ExtensionRequestBody {
  days: number;
  /** required: told to the applicant with the decision */
  reason: string;
}

/** `decide-extension` (head only). */
export interface ExtensionDecisionBody extends WithReason {
  approve: boolean;
}

/** `answer` (答复): the outcome row, the released files (ids from `POST /staff/files`) and the letter as issued. */
export interface AnswerBody extends WithReason {
  outcome: OutcomeId;
  files: string[];
  /** the letter as edited; omitted: the generated one, unchanged */
  letter?: AnswerLetter;
}

/** `close` (办结) and `abandon` (视为放弃, only after the 补正 period lapsed). */
export type CloseBody = WithReason;
export type AbandonBody = WithReason;

/** Answer of every action: the case after it. */
export type ActionAnswer = StaffCase;

// ── The 答复书 (JS-NORM) ─────────────────────────────────────────────

/**
 * Every element the Jiangsu norm requires: 标题、文号、申请人姓名（名称）、申请事实、
 * 法律依据、处理决定、申请人复议诉讼的权利和期限、答复主体、答复日期 (the seal is
 * added on paper). Generated from the outcome by core/answer-letter; every
 * field can be edited before the answer is issued; stored as issued.
 */
export interface AnswerLetter {
  /** 标题, e.g. 政府信息公开申请答复书 */
  title: string;
  /** 文号, e.g. 闽商务依申请〔2025〕12号 */
  docNo: string;
  /** 申请人姓名（名称） */
  applicantName: string;
  /** 申请事实: when and what was asked */
  facts: string;
  /** 法律依据: the articles the decision rests on */
  legalBasis: string;
  /** 处理决定 */
  decision: string;
  /** 申请人复议诉讼的权利和期限 */
  remedies: string;
  /** 答复主体 (the agency) */
  issuer: string;
  /** 答复日期 */
  date: string;
}

/** `POST /staff/applications/{code}/answer-letter` (no state change): the generated draft for an outcome. */
export interface AnswerLetterDraftRequest {
  outcome: OutcomeId;
  /** names of the released files, to list them in the decision */
  files?: string[];
}

export interface CaseAnswer {
  outcome: OutcomeId;
  answeredOn: string;
  letter: AnswerLetter;
  files: AttachmentReceipt[];
}

// ── Released files (POST /staff/files, multipart, one file) ──────────
// Answer: AttachmentReceipt (201). PDF, JPEG, PNG, GIF, WebP, TIFF, OFD, DOC/XLS/PPT (OLE2),
// DOCX/XLSX/PPTX/ODF (ZIP), ZIP, 7z, RAR, sniffed from the bytes; at most 50 MB.
export const RELEASED_FILE_MAX_BYTES = 50 * 1024 * 1024;

// ── 行政复议 and 行政诉讼 (table 四) ─────────────────────────────────

export const APPEAL_KINDS = ['reconsideration', 'litigation'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
/** 结果维持, 结果纠正, 其他结果, 尚未审结 */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
/** For litigation: 未经复议直接起诉 or 复议后起诉. */
export const LITIGATION_ROUTES = ['direct', 'after-reconsideration'] as const;
export type LitigationRoute = (typeof LITIGATION_ROUTES)[number];

export interface Appeal {
  id: string;
  kind: AppealKind;
  /** litigation only */
  route: LitigationRoute | null;
  result: AppealResult;
  /** the day the 复议 was applied for / the suit filed: the year it counts in */
  filedOn: string;
  decidedOn: string | null;
  note: string | null;
}

/** Body of `POST /staff/applications/{code}/appeals` (clerk, head). */
export interface AppealBody {
  kind: AppealKind;
  route?: LitigationRoute;
  result: AppealResult;
  filedOn: string;
  decidedOn?: string;
  note?: string;
}

/** Body of `PATCH /staff/applications/{code}/appeals/{id}`: the result once decided. */
export interface AppealPatch {
  result: AppealResult;
  decidedOn?: string;
  note?: string;
}

/**
 * Answer of `GET /staff/appeals/stats?year=YYYY`: table 四's 15 cells, in the
 * template's order — 行政复议 维持, 纠正, 其他, 尚未审结, 总计; 行政诉讼 未经复议直接起诉
 * (the same five); 复议后起诉 (the same five). Counted by `filedOn` in the year.
 */
export type AppealsTable = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

// ── The working-day calendar ──────────────────────────────────────────

/** A year's 放假调休 arrangement as the office keeps it. */
export interface CalendarYear {
  year: number;
  /** days off, `YYYY-MM-DD` (weekends inside a holiday block included) */
  holidays: string[];
  /** 调休: weekend days that are working days */
  workdays: string[];
  /** 文号 of the 国务院办公厅 notice, e.g. 国办发明电〔2025〕7号 */
  notice: string;
  /** `built-in`: shipped with the kit; `office`: entered in the desk */
  source: 'built-in' | 'office';
}

/** Body of `PUT /staff/calendar/{year}` (admin). */
export type CalendarYearBody = Pick<CalendarYear, 'holidays' | 'workdays' | 'notice'>;

/** From 1 November while next year's arrangement is missing. */
export interface CalendarNotice {
  missingYear: number;
}

/** Answer of `GET /staff/calendar`. */
export interface CalendarOverview {
  years: CalendarYear[];
  notice: CalendarNotice | null;
}

// ── The citizen's side of the same case ──────────────────────────────

/** What the applicant sees of an awaited 补正 (on `GET /applications/{code}`). */
export interface SupplementNotice {
  triggers: SupplementTrigger[];
  detail: string;
  dueOn: string;
}

/** What the applicant can download once answered. */
export interface ApplicationDocuments {
  /** the 答复书, `POST /applications/{code}/answer-letter` */
  answerLetter: { name: string; issuedOn: string } | null;
  /** released files, `POST /applications/{code}/files/{id}` */
  files: AttachmentReceipt[];
}

/** Every citizen write and download carries the phone in the body (never in a URL). */
export interface ApplicantProof {
  phone: string;
}

/** Body of `POST /applications/{code}/supplement` (Idempotency-Key): restarts the clock on the day it arrives. */
export interface SupplementAnswer extends ApplicantProof {
  text: string;
  /** ids from `POST /attachments` */
  attachments: string[];
}

/** Body of `POST /applications/{code}/withdrawal` (Idempotency-Key). */
export interface WithdrawalRequest extends ApplicantProof {
  reason?: string;
}
// Both answer ApplicationStatusView. Downloads: POST /applications/{code}/answer-letter and
// POST /applications/{code}/files/{id}, body ApplicantProof, answer the file with
// Content-Disposition: attachment; a wrong phone gets the same 404 as an unknown code.

/** Problem kinds of the staff API (`urn:zwgk:problem:<kind>`). */
export type StaffProblemKind =
  | 'session-required' // 401
  | 'sign-in-failed' // 401
  | 'csrf-failed' // 403
  | 'role-forbidden' // 403
  | 'sign-in-locked' // 429, with Retry-After
  | 'illegal-transition'; // 409
