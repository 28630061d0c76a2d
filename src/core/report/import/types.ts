import type { AnnualReport, ReportFormat, ReportLocale, ReportTable } from '../../../api/types/report.js';

export interface ImportOptions {
  /** Use this format instead of detecting it from the labels. */
  format?: ReportFormat;
  /** Use these instead of what the page states. */
  agency?: string;
  year?: number;
}

/** Where on the page something is: the nth table (1-based, counting every table on the page), row and column. */
export interface PageLocation {
  table?: number;
  row?: number;
  column?: number;
}

export type ImportProblemKind =
  | 'no-report-table' // no table 二, 三 or 四 on the page
  | 'table-missing' // one of the three tables is not there
  | 'row-missing' // a row of the template was not found in the table
  | 'column-missing' // a column of the template was not found in the header
  | 'cell-unplaced' // a cell with a value that no template row/column takes
  | 'value-unreadable' // a cell whose text is not a number
  | 'value-note' // read, but worth a look: a dash read as blank, a unit dropped
  | 'label-uncertain' // a label matched with less than full confidence
  | 'section-missing' // 一、五 or 六 not found
  | 'metadata-missing'; // agency or year not stated

export interface ImportProblem {
  kind: ImportProblemKind;
  severity: 'error' | 'warning' | 'info';
  table?: ReportTable;
  location?: PageLocation;
  /** The published text involved, as printed. */
  text?: string;
  message: Record<ReportLocale, string>;
}

/** How a published row or column label was matched to the template's. */
export interface LabelMatchReport {
  table: ReportTable;
  kind: 'row' | 'column';
  /** The template row key / column index it was matched to. */
  key: string;
  published: string;
  template: string;
  /** 1 = the same label (ignoring width, punctuation and spaces); lower = a near miss. */
  confidence: number;
  location?: PageLocation;
}

export interface ImportResult {
  /** The document, as complete as the page allowed (blank cells null). */
  report: AnnualReport;
  /** Everything the importer could not read or place, and what is worth a look. */
  problems: ImportProblem[];
  /** Every label it matched, with how sure it is. */
  matches: LabelMatchReport[];
  /** Which tables were found on the page. */
  found: Record<ReportTable, boolean>;
  /** How the format was decided. */
  formatFrom: 'labels' | 'year' | 'option';
  /** Prose printed under the headings of 二、三、四 (besides the tables), as sanitised HTML. */
  tableNotes: Partial<Record<ReportTable, string>>;
}
