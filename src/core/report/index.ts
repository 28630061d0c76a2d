/** The annual report (政府信息公开工作年度报告): formats as data, shape and arithmetic checks, CSV export. */
export type {
  AnnualReport,
  AnnualReport2019,
  AnnualReport2021,
  Cell,
  CellRef,
  ReportFinding,
  ReportFinding as Finding,
  ReportFormat,
  ReportLocale,
  ReportTable,
  RequestRowId,
} from '../../api/types/report.js';
export {
  FORMATS,
  FORMAT_2019,
  FORMAT_2021,
  cellLabel,
  isReportFormat,
  proactiveRow,
  requestRow,
  requestRowFullLabel,
  type ColumnDef,
  type ColumnKind,
  type HeaderCell,
  type Label,
  type ProactiveRowDef,
  type ProactiveSubTable,
  type ReportFormatDef,
  type RequestRowDef,
  type ReviewGroupDef,
  type RowGroupDef,
  type SectionDef,
  type SectionKey,
} from './formats.js';
export { checkSchema, isReadableReport } from './schema.js';
export { checkReport, validateReport, type CheckOptions } from './rules.js';
export { tableToCsv, CSV_BOM } from './csv.js';
export { layoutHeader, type HeaderLayout, type PlacedHeaderCell } from './header-layout.js';
export { applicantsByType, keyFigures, outcomeTotals, yearOverYear, type Figure, type YearOverYear } from './summary.js';
export { readReportDocument, type ReportReading } from './document.js';
