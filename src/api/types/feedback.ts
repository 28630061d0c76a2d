/**
 * Payloads of the 意见箱 endpoints (design/api.md "Feedback mailbox").
 * Published letters never carry the writer's name, phone or e-mail.
 */
import type { Labels } from './application.js';

export const FEEDBACK_CATEGORIES = ['consult', 'suggest', 'complain', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export const FEEDBACK_CATEGORY_LABELS: Labels<FeedbackCategory> = {
  consult: { 'zh-CN': '咨询', en: 'Question' },
  suggest: { 'zh-CN': '建议', en: 'Suggestion' },
  complain: { 'zh-CN': '投诉', en: 'Complaint' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Body of `POST /feedback`. At least one of `phone` or `email`. */
export interface FeedbackRequest {
  category: FeedbackCategory;
  /** 标题 */
  subject: string;
  /** 正文 */
  message: string;
  /** 姓名 */
  name: string;
  phone?: string;
  email?: string;
  /** 同意公开: the writer agrees that the letter and its reply may be published */
  publish: boolean;
  /** spam-protection token (ALTCHA payload) */
  proof: string;
}

export const FEEDBACK_STATUSES = ['received', 'processing', 'replied'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Labels<FeedbackStatus> = {
  received: { 'zh-CN': '已收到', en: 'Received' },
  processing: { 'zh-CN': '办理中', en: 'Being handled' },
  replied: { 'zh-CN': '已答复', en: 'Replied' },
};

/** `201` answer of `POST /feedback`. */
export interface FeedbackReceipt {
  /** 查询码: the writer keeps it to look the letter up */
  queryCode: string;
  status: 'received';
}

export const FEEDBACK_RATINGS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];
export const FEEDBACK_RATING_LABELS: Labels<FeedbackRating> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  'basically-satisfied': { 'zh-CN': '基本满意', en: 'Mostly satisfied' },
  unsatisfied: { 'zh-CN': '不满意', en: 'Not satisfied' },
};

/** Body of `POST /feedback/{queryCode}/rating`. */
export interface FeedbackRatingRequest {
  rating: FeedbackRating;
}

/** Answer of `GET /feedback/{queryCode}?contact=…` (the writer's own letter). */
export interface FeedbackLetterView {
  queryCode: string;
  category: FeedbackCategory;
  subject: string;
  message: string;
  status: FeedbackStatus;
  publish: boolean;
  /** 受理日期 `YYYY-MM-DD` */
  receivedOn: string;
  /** present once `status` is `replied` */
  reply?: {
    text: string;
    /** 答复部门 */
    department: string;
    /** 答复日期 `YYYY-MM-DD` */
    repliedOn: string;
  };
  /** the writer's rating, once given */
  rating?: FeedbackRating;
}

/** Body of `PATCH /admin/feedback/{queryCode}`. */
export interface AdminFeedbackPatch {
  status?: FeedbackStatus;
  reply?: string;
  replyDepartment?: string;
  /** staff may withhold a letter the writer agreed to publish, never the reverse */
  publish?: boolean;
}

/** One letter of `GET /feedback`: no name, phone or e-mail, ever. */
export interface PublishedLetter {
  id: string;
  category: FeedbackCategory;
  subject: string;
  message: string;
  reply: string;
  /** 受理日期 */
  receivedOn: string;
  /** 答复日期 */
  repliedOn: string;
  /** 答复部门 */
  replyDepartment: string;
}

/** Answer of `GET /feedback?page&pageSize`. */
export interface PublishedLettersPage {
  items: PublishedLetter[];
  total: number;
  page: number;
  pageSize: number;
  /** aggregate figures the portal must publish (受理、答复 statistics) */
  stats: {
    received: number;
    replied: number;
    /** median working days from 受理日期 to 答复日期 of replied letters; null when none */
    medianWorkingDaysToReply: number | null;
  };
}
