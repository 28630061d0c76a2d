/**
 * What the report viewer does with a document it received: check it, and decide whether it
 * can be shown at all. It needs an object in a known format, with an agency and a year to
 * title it; anything less is shown as an error listing the findings. A wrong table, row or
 * cell does not stop it: the report shows with those findings marked.
 */
import type { AnnualReport, ReportFinding } from '../../api/types/report.js';
import { validateReport } from './rules.js';
import { isReadableReport } from './schema.js';

const ESSENTIAL_PATHS = new Set(['', 'format', 'agency', 'year']);

export interface ReportReading {
  /** The document, when it can be shown. */
  doc?: AnnualReport;
  /** Every finding of the schema check and (for a readable document) the rules. */
  findings: ReportFinding[];
  /** The findings that stop the document from being shown (empty when `doc` is set). */
  blocking: ReportFinding[];
}

export function readReportDocument(raw: unknown, options: { previous?: unknown } = {}): ReportReading {
  const findings = validateReport(raw, options);
  const blocking = findings.filter((f) => f.rule === 'schema' && f.severity === 'error' && ESSENTIAL_PATHS.has(f.path ?? ''));
  const doc = blocking.length === 0 && isReadableReport(raw) ? raw : undefined;
  return { doc, findings, blocking };
}
