/**
 * What the editor downloads: the document as JSON, a table as CSV (UTF-8 with BOM, as Excel
 * opens it), and the HTML a CMS pastes into its 年报 column. The CSV and HTML code loads on
 * first use: the editor does not carry it until someone asks for a file.
 */
import type { AnnualReport, ReportTable } from '../../api/types/report.js';
import type { Locale } from '../../i18n/locale.js';
import { saveFile } from '../base/download.js';

export function downloadJson(doc: AnnualReport): void {
  saveFile(`${doc.agency}-${doc.year}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json;charset=utf-8');
}

/** Saves what `make` builds once its code has loaded; false when it could not be loaded (a dropped connection). */
async function saveBuilt(name: string, type: string, make: () => Promise<string>): Promise<boolean> {
  try {
    saveFile(name, await make(), type);
    return true;
  } catch {
    return false;
  }
}

export function downloadCsv(doc: AnnualReport, table: ReportTable, locale: Locale): Promise<boolean> {
  return saveBuilt(`${doc.agency}-${doc.year}-${table}.csv`, 'text/csv;charset=utf-8', async () => {
    const { CSV_BOM, tableToCsv } = await import('../../core/report/csv.js');
    return CSV_BOM + tableToCsv(doc, table, locale);
  });
}

/** The template's layout with inline styles only. */
export function downloadCmsHtml(doc: AnnualReport): Promise<boolean> {
  return saveBuilt(`${doc.agency}-${doc.year}.html`, 'text/html;charset=utf-8', async () =>
    (await import('../../core/report/cms-html.js')).reportToCmsHtml(doc),
  );
}
