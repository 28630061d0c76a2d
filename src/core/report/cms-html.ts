/**
 * The HTML a CMS pastes into its 年报 column: the report laid out as the national template
 * prints it (headings 一 … 六, tables 二, 三, 四 with the template's rowspans and colspans),
 * styled inline only, without scripts, classes or external assets, so it looks the same in
 * any CMS editor. `importReport` reads it back to the same document.
 */
import type { AnnualReport, ReportContact } from '../../api/types/report.js';
import { FORMATS, type HeaderCell, type ReportFormatDef } from './formats.js';
import { rowValues } from './read.js';
import { type HtmlElement, escapeText, sanitizedHtml } from './import/html-tree.js';
import { parseWithDomParser } from './import/parse-dom.js';

export interface CmsHtmlOptions {
  /** Parses a narrative part for sanitising. Default: the browser's DOMParser (pass one in Node). */
  parse?: (html: string) => HtmlElement;
}

const TABLE = 'border-collapse:collapse;margin:0 auto 1em;font-size:14px;line-height:1.5';
const CELL = 'border:1px solid #000;padding:4px 6px;text-align:center;vertical-align:middle';
const LABEL = 'border:1px solid #000;padding:4px 6px;text-align:left;vertical-align:middle';
const HEADING = 'font-weight:bold;margin:1em 0 0.5em';

const td = (content: string, options: { colspan?: number; rowspan?: number; label?: boolean } = {}) => {
  const colspan = options.colspan && options.colspan > 1 ? ` colspan="${options.colspan}"` : '';
  const rowspan = options.rowspan && options.rowspan > 1 ? ` rowspan="${options.rowspan}"` : '';
  const spans = colspan + rowspan;
  return `<td${spans} style="${options.label ? LABEL : CELL}">${content}</td>`;
};
const headerTd = (cell: HeaderCell) => td(escapeText(cell.label['zh-CN']), { colspan: cell.colspan, rowspan: cell.rowspan });
const tr = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
const table = (rows: string[]) => `<table style="${TABLE}"><tbody>${rows.join('')}</tbody></table>`;
/** A value as printed: a number, the published text (采购总金额), or blank. */
const value = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? escapeText(v) : '');

function proactiveTable(doc: AnnualReport, format: ReportFormatDef): string {
  const width = Math.max(...format.proactive.subTables.map((s) => s.columns.length));
  const rows = format.proactive.subTables.flatMap((sub) => {
    // The last column takes the rest of the width, as the template's one-column sub-tables do.
    const spanOf = (i: number) => (i === sub.columns.length - 1 ? width - sub.columns.length + 1 : 1);
    return [
      tr([td(escapeText(sub.caption['zh-CN']), { colspan: width + 1 })]),
      tr([
        td(escapeText(format.proactive.itemHeader['zh-CN'])),
        ...sub.columns.map((c, i) => td(escapeText(c.label['zh-CN']), { colspan: spanOf(i) })),
      ]),
      ...sub.rows.map((row) => {
        const values = rowValues(doc, '二', row.key) ?? [];
        return tr([
          td(escapeText(row.label['zh-CN']), { label: true }),
          ...sub.columns.map((_, i) => td(value(values[i]), { colspan: spanOf(i) })),
        ]);
      }),
    ];
  });
  return table(rows);
}

function requestsTable(doc: AnnualReport, format: ReportFormatDef): string {
  const def = format.requests;
  const [top, middle, bottom] = def.header;
  const header = [
    tr([td(escapeText(def.note['zh-CN']), { colspan: 3, rowspan: 3 }), ...top!.map(headerTd)]),
    tr(middle!.map(headerTd)),
    tr(bottom!.map(headerTd)),
  ];
  const groupLabel = (id: string) => escapeText(def.groups.find((g) => g.id === id)!.label['zh-CN']);
  const inGroup = (id: string) => def.rows.filter((r) => r.groups.includes(id)).length;
  const body = def.rows.map((row) => {
    const values = rowValues(doc, '三', row.id) ?? [];
    const cells = def.columns.map((_, i) => td(value(values[i])));
    const label = escapeText(row.label['zh-CN']);
    const [outer, inner] = row.groups;
    const firstOf = (id: string) => def.rows.find((r) => r.groups.includes(id)) === row;
    const lead: string[] = [];
    if (outer === '3' && firstOf('3')) lead.push(td(groupLabel('3'), { rowspan: inGroup('3') }));
    if (!outer) lead.push(td(label, { colspan: 3, label: true }));
    else if (!inner) lead.push(td(label, { colspan: 2, label: true }));
    else {
      if (firstOf(inner)) lead.push(td(groupLabel(inner), { rowspan: inGroup(inner), label: true }));
      lead.push(td(label, { label: true }));
    }
    return tr([...lead, ...cells]);
  });
  return table([...header, ...body]);
}

function reviewsTable(doc: AnnualReport, format: ReportFormatDef): string {
  const header = format.reviews.header.map((row) => tr(row.map(headerTd)));
  const values = format.reviews.groups.flatMap((g) => {
    const row = rowValues(doc, '四', g.key) ?? [];
    return format.reviews.columns.map((_, i) => td(value(row[i])));
  });
  return table([...header, tr(values)]);
}

function contactParagraph(contact: ReportContact | undefined): string {
  if (!contact) return '';
  const parts = [
    contact.contact && `联系人：${contact.contact}`,
    contact.address && `地址：${contact.address}`,
    contact.postcode && `邮编：${contact.postcode}`,
    contact.phone && `电话：${contact.phone}`,
    contact.fax && `传真：${contact.fax}`,
    contact.email && `电子邮箱：${contact.email}`,
  ].filter(Boolean);
  const office = contact.agency ? `如对本报告有任何疑问，请与${contact.agency}联系。` : '';
  return office || parts.length ? `<p>${escapeText(office + parts.join('；') + (parts.length ? '。' : ''))}</p>` : '';
}

export function reportToCmsHtml(doc: AnnualReport, options: CmsHtmlOptions = {}): string {
  if (!options.parse && typeof DOMParser !== 'function') {
    throw new Error('reportToCmsHtml needs options.parse where there is no DOMParser (zwgk-kit/report-import.js passes one).');
  }
  const parse = options.parse ?? parseWithDomParser;
  const format = FORMATS[doc.format];
  const narrative = (html: string | undefined) => (html ? parse(html).children.map(sanitizedHtml).join('') : '');
  const title = doc.title ?? `${doc.agency}${doc.year}年度政府信息公开工作年度报告`;
  const heading = (key: string) => `<p style="${HEADING}">${escapeText(format.sections.find((s) => s.key === key)!.heading['zh-CN'])}</p>`;
  const facts = [`报告主体：${doc.agency}`, `报告年度：${doc.year}年`, doc.publishedAt && `发布日期：${doc.publishedAt}`].filter(Boolean);
  const parts = [
    `<p style="text-align:center;font-weight:bold;font-size:1.25em">${escapeText(title)}</p>`,
    `<p style="text-align:center">${escapeText(facts.join('　'))}</p>`,
    contactParagraph(doc.contact),
    heading('overview'),
    narrative(doc.sections?.overview),
    heading('proactive'),
    proactiveTable(doc, format),
    heading('requests'),
    requestsTable(doc, format),
    heading('reviews'),
    reviewsTable(doc, format),
    heading('problems'),
    narrative(doc.sections?.problems),
  ];
  if (doc.sections?.other !== undefined || doc.format === '2021') parts.push(heading('other'), narrative(doc.sections?.other));
  return `<div>${parts.join('')}</div>`;
}
