/** The storage interface the routes use; one implementation over SQL serves PGlite and PostgreSQL. */
import type { ApplicationRequest, ApplicationStatus, Locale, OutcomeId, TimelineEntry } from '../../api/types/application.js';
import type { ReportVersion } from '../../api/types/report-draft.js';
import type { CaseStorage } from './case-types.js';
import type { StaffStorage } from './staff-types.js';
import type { FeedbackCategory, FeedbackRating, FeedbackStatus, PublishedLetter } from '../../api/types/feedback.js';
import type { DeliveryPlan, NotificationStore } from '../notify/store.js';

/** Endpoints whose POST creates something and therefore needs an Idempotency-Key. */
export type CreateScope =
  | 'applications'
  | 'feedback'
  | 'attachments'
  /** desk-server: staff action POSTs, released-file uploads, the applicant's 补正 and 撤回 */
  | 'staff-actions'
  | 'staff-files'
  | 'applicant-actions';

export interface IdempotencyRequest {
  scope: CreateScope;
  key: string;
  /** hash of the request body: the same key with another body is a conflict */
  hash: string;
}

export interface StoredResponse<T = unknown> {
  status: number;
  body: T;
}

/** What a key already seen means for a new request carrying it. */
export type Replay = { kind: 'replay'; response: StoredResponse } | { kind: 'conflict' };
export type CreateOutcome<T> = { kind: 'created'; response: StoredResponse<T> } | Replay;

export interface ApplicationRecord {
  trackingCode: string;
  /** digits of the applicant's phone: the second factor of a lookup */
  phoneDigits: string;
  agency: string;
  /** column of table 三: 0 自然人, 1 商业企业, 2 科研机构, 3 社会公益组织, 4 法律服务机构, 5 其他 */
  applicantColumn: number;
  body: ApplicationRequest;
  status: ApplicationStatus;
  /** ISO instant */
  receivedAt: string;
  /** China date of receipt, `YYYY-MM-DD` */
  receivedOn: string;
  /** the day the reply period counts from: receipt, or the arrival of the 补正 */
  clockStart: string;
  extended: boolean;
  dueDate: string | null;
  outcome: OutcomeId | null;
  /** China date the application left the open statuses (answered or withdrawn) */
  resolvedOn: string | null;
  timeline: TimelineEntry[];
  /** the language the request was made in (its notifications use it); zh-CN when not given */
  language?: Locale;
}

/** One lifecycle step: the new state and the timeline entry that records it. */
export type ApplicationChange = Pick<ApplicationRecord, 'status' | 'clockStart' | 'extended' | 'dueDate' | 'outcome' | 'resolvedOn'> & {
  entry: TimelineEntry;
};

/** Counts per applicant column (index 0–5) for table 三. */
export interface ApplicationCounts {
  received: number[];
  carriedOver: number[];
  openAtEnd: number[];
  /** resolved in the period, by outcome (`null`: withdrawn) */
  resolved: { outcome: OutcomeId | null; column: number; count: number }[];
}

export interface AttachmentRecord {
  id: string;
  name: string;
  type: string;
  size: number;
  content: Uint8Array;
  /** An upload nobody refers to yet is deleted after this instant (ISO); absent: kept (staff files). */
  expiresAt?: string;
  /** hash of the uploading client's address, for the per-address quota */
  uploader?: string;
}

export interface FeedbackRecord {
  queryCode: string;
  /** the id in the public list: never the query code */
  publicId: string;
  category: FeedbackCategory;
  subject: string;
  message: string;
  name: string;
  phone: string | null;
  phoneDigits: string | null;
  email: string | null;
  /** the writer's consent to publication */
  publish: boolean;
  /** staff withheld a letter the writer agreed to publish */
  withheld: boolean;
  status: FeedbackStatus;
  receivedAt: string;
  receivedOn: string;
  reply: string | null;
  replyDepartment: string | null;
  repliedOn: string | null;
  rating: FeedbackRating | null;
  ratedAt: string | null;
  /** the language the letter was written in (its notifications use it); zh-CN when not given */
  language?: Locale;
}

export type FeedbackChange = Pick<FeedbackRecord, 'status' | 'reply' | 'replyDepartment' | 'repliedOn' | 'withheld' | 'rating' | 'ratedAt'>;

/** Drafts and versions of the annual report (`src/server/storage/reports.ts`). */
export interface ReportStorage {
  /** Every version of the year's report, oldest first. */
  listReportVersions(year: number): Promise<ReportVersion[]>;
  /** The newest published version of every year that has one. */
  latestPublishedReports(): Promise<ReportVersion[]>;
  /** Stores a new version; null when that version number, or an open version of the year, exists already. */
  createReportVersion(record: ReportVersion): Promise<ReportVersion | null>;
  /**
   * Locks the version, asks `decide` for its new state and stores it. `decide` may throw to
   * refuse; nothing is written then. A published version cannot change (the database refuses too).
   */
  updateReportVersion(year: number, version: number, decide: (current: ReportVersion) => ReportVersion): Promise<ReportVersion | null>;
}

export interface Storage extends StaffStorage, CaseStorage, ReportStorage {
  readonly kind: 'pglite' | 'postgres';

  /** The stored answer for a key already used (replay or conflict), or null for a fresh key. */
  findReplay(idem: IdempotencyRequest): Promise<Replay | null>;

  /**
   * Stores the application and `receipt` as the key's response, atomically; a key claimed meanwhile is a replay or
   * conflict. With `plan` (the notification worker's, when one runs in this process), an event it expands into no
   * delivery is stored as planned already; every other event waits in the outbox for the worker, as before.
   */
  createApplication<R>(
    idem: IdempotencyRequest,
    record: ApplicationRecord,
    receipt: StoredResponse<R>,
    plan?: DeliveryPlan,
  ): Promise<CreateOutcome<R>>;
  /** The application only when code and phone digits both match. */
  findApplication(trackingCode: string, phoneDigits: string): Promise<ApplicationRecord | null>;
  /**
   * Locks the application, asks `decide` for the change and stores it with its
   * timeline entry. `decide` may throw to refuse; nothing is written then.
   */
  updateApplication(trackingCode: string, decide: (current: ApplicationRecord) => ApplicationChange): Promise<ApplicationRecord | null>;
  /** Figures for table 三 of the year from `yearStart` to `yearEnd` (China dates). */
  countApplications(yearStart: string, yearEnd: string): Promise<ApplicationCounts>;
  countAllApplications(): Promise<number>;

  createAttachment<R>(idem: IdempotencyRequest, record: AttachmentRecord, receipt: StoredResponse<R>): Promise<CreateOutcome<R>>;
  /** The ids among `ids` that name no stored attachment (an expired upload counts as missing). */
  missingAttachments(ids: string[]): Promise<string[]>;
  /** The attachment with its content, or null. */
  readAttachment(id: string): Promise<AttachmentRecord | null>;
  /** Deletes uploads past their expiry that no application refers to, files included; how many went. */
  expireAttachments(now: Date): Promise<number>;
  /** Bytes held by uploads not yet referred to: of one uploader, or of everyone. */
  pendingUploadBytes(uploader?: string): Promise<number>;

  /**
   * Stores the letter and spends the ALTCHA proof in one transaction;
   * `proof-used` when the proof was spent before.
   */
  createFeedback<R>(
    idem: IdempotencyRequest,
    record: FeedbackRecord,
    receipt: StoredResponse<R>,
    proof: { id: string; expiresAt: Date },
  ): Promise<CreateOutcome<R> | { kind: 'proof-used' }>;
  /** The letter only when the code matches and the contact is its phone (digits) or e-mail (any case). */
  findFeedback(queryCode: string, contact: { phoneDigits: string; email: string }): Promise<FeedbackRecord | null>;
  updateFeedback(queryCode: string, decide: (current: FeedbackRecord) => FeedbackChange): Promise<FeedbackRecord | null>;
  /** Replied letters the writer agreed to publish and staff did not withhold, newest reply first: public columns only. */
  listPublishedFeedback(offset: number, limit: number): Promise<{ items: PublishedLetter[]; total: number }>;
  /** Received and replied counts, and the dates of every reply (for the median). */
  feedbackFigures(): Promise<{ received: number; replied: { receivedOn: string; repliedOn: string }[] }>;

  /** The notification outbox and its deliveries (src/server/notify). */
  readonly notifications: NotificationStore;

  /** Runs `seed` once per data set name over the life of the database; true when it ran now. */
  seedOnce(name: string, seed: () => Promise<void>): Promise<boolean>;
  close(): Promise<void>;
}
