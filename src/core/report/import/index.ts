/**
 * `importReport(html)`: a published 政府信息公开工作年度报告 page → the annual report document
 * and what could not be read. In a browser the page is parsed with DOMParser; elsewhere
 * (Node, workers without a DOM) with htmlparser2.
 */
import { parseWithDomParser } from './parse-dom.js';
import { parseWithHtmlparser2 } from './parse-htmlparser2.js';
import { readReportPage } from './read-page.js';
import type { ImportOptions, ImportResult } from './types.js';

export function importReport(html: string, options: ImportOptions = {}): ImportResult {
  const root = typeof DOMParser === 'function' ? parseWithDomParser(html) : parseWithHtmlparser2(html);
  return readReportPage(root, options);
}

export { readReportPage } from './read-page.js';
export type {
  ImportOptions, ImportProblem, ImportProblemKind, ImportResult, LabelMatchReport, PageLocation,
} from './types.js';
export { runImportCli, type CliIo } from './cli.js';
