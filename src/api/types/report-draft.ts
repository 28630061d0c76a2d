/**
 * Authoring the annual report (年度报告编制): drafts and versions of one year's report as
 * the staff endpoints under `/staff/reports` serve them, and the public version history
 * under `/reports/{year}/versions`.
 *
 * A year's report goes draft → review (审核) → published. A published version never
 * changes; a correction is the next version, with a note saying what it corrects.
 */
import type { AnnualReport, Cell, ReportTable } from './report.js';

export type ReportVersionStatus = 'draft' | 'review' | 'published';

/** Where a prefilled cell came from. */
export type PrefillOrigin =
  /** table 三 counted from the applications handled in the year (as `GET /applications/stats`) */
  | 'applications'
  /** 二、上年结转 from last year's published 四、结转下年度继续办理 */
  | 'previous-report'
  /** table 二 (一) counted in the disclosure directory */
  | 'directory'
  /** table 四 from the reconsiderations and lawsuits recorded on cases */
  | 'cases';

export interface PrefillSource {
  origin: PrefillOrigin;
  /** The value the system of record gave; the cell may since have been overridden. */
  value: Cell;
  /** What was counted, in words (zh-CN and en). */
  detail: { 'zh-CN': string; en: string };
}

/** Key of a cell: `${table}|${row}|${column}`, e.g. `三|3.1|0`. */
export type CellKey = `${ReportTable}|${string}|${number}`;

export const cellKey = (table: ReportTable, row: string, column: number): CellKey => `${table}|${row}|${column}`;

/** Who did something: a staff member's id and name. */
export interface StaffRef {
  id: string;
  name: string;
}

export interface ReportVersion {
  year: number;
  /** 1 for the first; each correction adds one */
  version: number;
  status: ReportVersionStatus;
  /** Counts saves; the `ETag` of the version is `"{version}.{revision}"`. */
  revision: number;
  document: AnnualReport;
  /** Prefilled cells by cell key */
  sources: Partial<Record<CellKey, PrefillSource>>;
  /** What a correction corrects (versions after the first) */
  note: string | null;
  /** Why a head sent the version back from review, if they did */
  returnNote: string | null;
  createdAt: string;
  createdBy: StaffRef;
  updatedAt: string;
  updatedBy: StaffRef;
  submittedAt: string | null;
  submittedBy: StaffRef | null;
  publishedAt: string | null;
  publishedBy: StaffRef | null;
}

/** `GET /staff/reports/{year}`: everything the editor needs to open a year. */
export interface StaffReportYear {
  year: number;
  format: AnnualReport['format'];
  /** Every version, newest first; the first one that is not published is the one being worked on. */
  versions: ReportVersion[];
  /** Last year's published report (for R6 and R7), when there is one. */
  previous: AnnualReport | null;
}

/** One entry of `GET /reports/{year}/versions`, newest first. */
export interface PublishedVersion {
  version: number;
  publishedAt: string | null;
  /** What this version corrects (null for the first) */
  note: string | null;
  href: string;
}
