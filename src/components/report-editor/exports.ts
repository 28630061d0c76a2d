/**
 * What the editor downloads: the document as JSON, a table as CSV (UTF-8 with BOM, as Excel
 * opens it), and the HTML a CMS pastes into its 年报 column (its code loads on first use).
 */
import type { AnnualReport, ReportTable } from '../../api/types/report.js';
import { CSV_BOM, tableToCsv } from '../../core/report/csv.js';
import type { Locale } from '../../i18n/locale.js';
import { saveFile } from '../base/download.js';

export function downloadJson(doc: AnnualReport): void {
  saveFile(`${doc.agency}-${doc.year}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json;charset=utf-8');
}

export function downloadCsv(doc: AnnualReport, table: ReportTable, locale: Locale): void {
  saveFile(`${doc.agency}-${doc.year}-${table}.csv`, CSV_BOM + tableToCsv(doc, table, locale), 'text/csv;charset=utf-8');
}

/** The template's layout with inline styles only; false when its code could not be loaded. */
export async function downloadCmsHtml(doc: AnnualReport): Promise<boolean> {
  try {
    const { reportToCmsHtml } = await import('../../core/report/cms-html.js');
    saveFile(`${doc.agency}-${doc.year}.html`, reportToCmsHtml(doc), 'text/html;charset=utf-8');
    return true;
  } catch {
    return false;
  }
}
