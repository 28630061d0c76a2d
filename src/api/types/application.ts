/**
 * Payloads of the 依申请公开 endpoints (design/api.md "Applications").
 *
 * The field set is the post-2019 one (条例 art. 29 + the JS-NORM 补正 triggers):
 * no 所需信息的用途 requirement and no 减免费用 field. `purpose` stays as an
 * optional free-text field because applicants often want to explain.
 *
 * Codes are stable string literals; their zh-CN / en labels are exported as
 * data next to them so the element, the server and the OpenAPI document agree.
 */

import type { ApplicationDocuments, SupplementNotice } from './staff.js';

export type Locale = 'zh-CN' | 'en';
export type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** 证件类型 of a natural person. */
export const ID_TYPES = ['resident-id', 'passport', 'hk-macao-permit', 'taiwan-permit', 'foreign-permanent-resident', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Labels<IdType> = {
  'resident-id': { 'zh-CN': '居民身份证', en: 'Resident identity card' },
  passport: { 'zh-CN': '护照', en: 'Passport' },
  'hk-macao-permit': { 'zh-CN': '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents' },
  'taiwan-permit': { 'zh-CN': '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
  'foreign-permanent-resident': { 'zh-CN': '外国人永久居留身份证', en: 'Foreign permanent resident ID card' },
  other: { 'zh-CN': '其他证件', en: 'Other identity document' },
};

/** 法人或者其他组织 sub-types: the columns of table 三 of the annual report. */
export const ORG_TYPES = ['commercial', 'research', 'social-welfare', 'legal-services', 'other'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_TYPE_LABELS: Labels<OrgType> = {
  commercial: { 'zh-CN': '商业企业', en: 'Commercial enterprise' },
  research: { 'zh-CN': '科研机构', en: 'Research institution' },
  'social-welfare': { 'zh-CN': '社会公益组织', en: 'Public-interest organisation' },
  'legal-services': { 'zh-CN': '法律服务机构', en: 'Legal services provider' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** 载体形式: the form in which the information is provided (条例 art. 40). */
export const DELIVERY_FORMATS = ['paper', 'electronic', 'disc'] as const;
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number];
export const DELIVERY_FORMAT_LABELS: Labels<DeliveryFormat> = {
  paper: { 'zh-CN': '纸质文本', en: 'Paper copy' },
  electronic: { 'zh-CN': '电子文档', en: 'Electronic document' },
  disc: { 'zh-CN': '光盘', en: 'Optical disc' },
};

/** 获取方式: how the information reaches the applicant (条例 art. 40, JS-NORM). */
export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'inspect'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Labels<DeliveryMethod> = {
  post: { 'zh-CN': '邮寄', en: 'By post' },
  email: { 'zh-CN': '电子邮件', en: 'By e-mail' },
  pickup: { 'zh-CN': '当面领取', en: 'Collect in person' },
  inspect: { 'zh-CN': '现场查阅、抄录', en: 'Read and copy on site' },
};

export interface PersonApplicant {
  type: 'person';
  /** 姓名 */
  name: string;
  /** 证件类型 */
  idType: IdType;
  /** 证件号码 (normalised: a 居民身份证号码 ends in upper-case X) */
  idNumber: string;
  /** 联系电话: mobile `13912345678` or landline `0591-87270308[-123]` */
  phone: string;
  /** 电子邮箱 */
  email?: string;
  /** 通信地址 */
  address?: string;
  /** 邮政编码 */
  postcode?: string;
  /** 工作单位 */
  workUnit?: string;
}

export interface OrganizationApplicant {
  type: 'organization';
  /** 法人或者其他组织类别 (annual-report column) */
  orgType: OrgType;
  /** 名称 */
  name: string;
  /** 统一社会信用代码 (normalised to upper case) */
  creditCode: string;
  /** 法定代表人（负责人） */
  legalRepresentative: string;
  /** 联系人 */
  contactName: string;
  /** 联系人电话 */
  phone: string;
  /** 联系人电子邮箱 */
  email?: string;
  /** 通信地址 */
  address?: string;
  /** 邮政编码 */
  postcode?: string;
}

export type Applicant = PersonApplicant | OrganizationApplicant;

/** 所需政府信息: at least one of title, docNo or description (条例 art. 29(二)). */
export interface InformationRequested {
  /** 政府信息名称 */
  title?: string;
  /** 文号（或索引号）, e.g. 国办函〔2020〕109号 */
  docNo?: string;
  /** 其他特征性描述 */
  description?: string;
  /** 用途 — optional since 2019, never required */
  purpose?: string;
}

/**
 * 形式要求 (条例 art. 29(三)). `email`, `address`, `postcode` say where to send
 * the information when it differs from the applicant's contact details; when
 * absent, the applicant's own are used. Whichever applies is required when
 * the method needs it (e-mail for `email`, address and 邮编 for `post`).
 */
export interface DeliveryRequest {
  formats: DeliveryFormat[];
  methods: DeliveryMethod[];
  email?: string;
  address?: string;
  postcode?: string;
}

/** Body of `POST /applications`. */
export interface ApplicationRequest {
  /** 政府信息公开义务机关（机构）名称 */
  agency: string;
  applicant: Applicant;
  request: InformationRequested;
  delivery: DeliveryRequest;
  /** ids returned by `POST /attachments` (e.g. 身份证明 copies) */
  attachments: string[];
}

/** `201` answer of `POST /applications`. */
export interface ApplicationReceipt {
  trackingCode: string;
  status: 'submitted';
  /** instant, ISO 8601 with offset */
  receivedAt: string;
  /** reply deadline, `YYYY-MM-DD` (20 working days, counted from the day after receipt) */
  dueDate: string;
  /**
   * true when the deadline runs into a year whose holidays are not published
   * yet: counted Monday–Friday there, so show it as an estimate
   */
  dueDateProvisional?: boolean;
  agency: string;
}

export const APPLICATION_STATUSES = [
  'submitted',
  'accepted',
  'supplement-requested',
  'extended',
  'answered',
  'closed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * 办理结果: the row ids of table 三 of the 2021 annual-report format
 * (annual-report-schema.md). One application lands in exactly one row.
 */
export const OUTCOME_IDS = [
  '3.1',
  '3.2',
  '3.3.1',
  '3.3.2',
  '3.3.3',
  '3.3.4',
  '3.3.5',
  '3.3.6',
  '3.3.7',
  '3.3.8',
  '3.4.1',
  '3.4.2',
  '3.4.3',
  '3.5.1',
  '3.5.2',
  '3.5.3',
  '3.5.4',
  '3.5.5',
  '3.6.1',
  '3.6.2',
  '3.6.3',
] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

export interface TimelineEntry {
  status: ApplicationStatus;
  /** instant, ISO 8601 with offset */
  at: string;
  note?: string;
}

/** Answer of `GET /applications/{trackingCode}?phone=…`. */
export interface ApplicationStatusView {
  trackingCode: string;
  status: ApplicationStatus;
  timeline: TimelineEntry[];
  /**
   * Current reply deadline `YYYY-MM-DD`; `null` while the clock is stopped
   * waiting for a 补正 (it restarts when the supplement arrives).
   */
  dueDate: string | null;
  /**
   * Working days from today to `dueDate` (negative when overdue); `null`
   * when no clock runs (需补正, 已答复, 办结, 已撤回).
   */
  workingDaysLeft: number | null;
  /** true when `dueDate` and `workingDaysLeft` count a year whose holidays are not published yet (an estimate) */
  dueDateProvisional?: boolean;
  /** set once answered */
  outcome?: OutcomeId;
  /** while 需补正: what the office asked for and the last day to send it (`POST /applications/{code}/supplement`) */
  supplement?: SupplementNotice;
  /** once answered: the 答复书 and the released files to download */
  documents?: ApplicationDocuments;
}

/**
 * Body of `PATCH /admin/applications/{trackingCode}`: one lifecycle step.
 * - `outcome` is required with `answered` and refused otherwise;
 * - `supplementReceivedOn` (`YYYY-MM-DD`, default: today in China) goes with
 *   `supplement-requested` → `accepted`: the day the 补正 arrived, from which
 *   the 20 working days start again (条例 art. 30).
 */
export interface AdminApplicationPatch {
  status: Exclude<ApplicationStatus, 'submitted'>;
  note?: string;
  outcome?: OutcomeId;
  supplementReceivedOn?: string;
}

/** Answer of `POST /attachments`. */
export interface AttachmentReceipt {
  id: string;
  /** the file name as uploaded */
  name: string;
  /** bytes */
  size: number;
  /** media type */
  type: string;
}
