/** Storage of the desk's side of a case (desk-server): case data, audit trail, appeals, files, the office calendar. */
import type { AttachmentReceipt } from '../../api/types/application.js';
import type {
  Actor,
  Appeal,
  AppealsTable,
  AuditAction,
  AuditEntry,
  CaseAnswer,
  CaseState,
  ConsultationState,
  ExtensionState,
  SupplementState,
} from '../../api/types/staff.js';
import type { ClockEvent } from '../../core/clock/index.js';
import type { ApplicationChange, ApplicationRecord, IdempotencyRequest, Replay } from './types.js';

/** The `case_data` document of an application. Absent keys mean "none yet" (rows from before migration 2). */
export interface CaseData {
  /** the legal clock's events, in order (core/clock) */
  events?: ClockEvent[];
  supplement?: SupplementState | null;
  consultations?: ConsultationState[];
  extension?: ExtensionState | null;
  answer?: CaseAnswer | null;
}

/** An application with everything the desk shows of it. */
export interface CaseRecord extends ApplicationRecord {
  caseData: CaseData;
  /** the applicant's files (identity proofs), without their bytes */
  files: AttachmentReceipt[];
  audit: AuditEntry[];
  appeals: Appeal[];
}

/** What the queue needs of a case: no timeline, audit or files. */
export type CaseSummary = Omit<CaseRecord, 'timeline' | 'files' | 'audit' | 'appeals'>;

/** One audited step. */
export interface AuditRecord {
  actor: Actor;
  action: AuditAction;
  reason: string | null;
  /** instant; default: the timeline entry's */
  at?: string;
}

/**
 * One change of a case: the lifecycle columns, the case data, the public
 * timeline entry (null when the applicant sees no new status) and the audit row.
 */
export type CaseChange = Omit<ApplicationChange, 'entry'> & {
  receivedOn: string;
  caseData: CaseData;
  entry: ApplicationChange['entry'] | null;
  audit: AuditRecord;
};

export type CaseUpdate<T> = { kind: 'changed'; record: CaseRecord; response: T } | Replay | null;

export interface CaseStorage {
  /** The whole case, or null. */
  findCase(trackingCode: string): Promise<CaseRecord | null>;
  /** Cases with one of `statuses` (all when empty) whose code, applicant name or request text contains `q`. */
  listCaseSummaries(filter: { statuses: string[]; q: string }): Promise<CaseSummary[]>;
  countCasesByStatus(): Promise<Record<string, number>>;
  /**
   * In one transaction: claims `idem` (when given), locks the case, asks
   * `decide` for the change (it may throw to refuse: nothing is written),
   * writes the state, the case data, the public timeline entry and the audit
   * row, then stores `respond(updated)` as the key's answer.
   */
  changeCase<T>(
    trackingCode: string,
    decide: (current: CaseRecord) => CaseChange,
    respond: (updated: CaseRecord) => T,
    idem?: IdempotencyRequest,
  ): Promise<CaseUpdate<T>>;
  /** Appends an audit row outside a case change (an appeal recorded on a closed case). */
  appendAudit(trackingCode: string | null, audit: AuditRecord, before: CaseState | null, after: CaseState, at: string): Promise<void>;

  /** The receipts (no bytes) of the given ids that exist. */
  attachmentReceipts(ids: string[]): Promise<AttachmentReceipt[]>;

  addAppeal(trackingCode: string, appeal: Appeal, audit: AuditRecord, at: string): Promise<boolean>;
  updateAppeal(
    trackingCode: string,
    id: string,
    patch: Pick<Appeal, 'result' | 'decidedOn' | 'note'>,
    audit: AuditRecord,
    at: string,
  ): Promise<Appeal | null>;
  /** Table 四 of the year: appeals counted by the year they were filed (the report-editor prefills from it). */
  countAppeals(year: number): Promise<AppealsTable>;

  listCalendarYears(): Promise<{ year: number; holidays: string[]; workdays: string[]; notice: string }[]>;
  putCalendarYear(year: { year: number; holidays: string[]; workdays: string[]; notice: string }): Promise<void>;
}
