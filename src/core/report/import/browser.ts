/** `importReport` for the browser only: DOMParser, no parser library in the bundle. */
import { parseWithDomParser } from './parse-dom.js';
import { readReportPage } from './read-page.js';
import type { ImportOptions, ImportResult } from './types.js';

export function importReportInBrowser(html: string, options: ImportOptions = {}): ImportResult {
  return readReportPage(parseWithDomParser(html), options);
}
