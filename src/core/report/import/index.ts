/**
 * `importReport(html)`: a published 政府信息公开工作年度报告 page → the annual report document
 * and what could not be read. In a browser the page is parsed with DOMParser; elsewhere
 * (Node, workers without a DOM) with htmlparser2.
 */
import type { AnnualReport } from '../../../api/types/report.js';
import { reportToCmsHtml as renderCmsHtml } from '../cms-html.js';
import type { HtmlElement } from './html-tree.js';
import { parseWithDomParser } from './parse-dom.js';
import { parseWithHtmlparser2 } from './parse-htmlparser2.js';
import { readReportPage } from './read-page.js';
import type { ImportOptions, ImportResult } from './types.js';

const parse = (html: string): HtmlElement => (typeof DOMParser === 'function' ? parseWithDomParser(html) : parseWithHtmlparser2(html));

export function importReport(html: string, options: ImportOptions = {}): ImportResult {
  return readReportPage(parse(html), options);
}

/** The HTML a CMS pastes into its 年报 column (see core/report/cms-html.ts), in Node or in the browser. */
export function reportToCmsHtml(doc: AnnualReport): string {
  return renderCmsHtml(doc, { parse });
}

export { readReportPage } from './read-page.js';
export type { ImportOptions, ImportProblem, ImportProblemKind, ImportResult, LabelMatchReport, PageLocation } from './types.js';
export { runImportCli, type CliIo } from './cli.js';
