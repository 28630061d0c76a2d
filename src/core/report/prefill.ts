/**
 * The first draft of a year's report, filled in from the system of record: table 三 from
 * the applications handled in the year, 二、上年结转 from last year's published report,
 * table 四 from reconsiderations and lawsuits recorded on cases (when the desk records
 * them), and table 二 (一) from the disclosure directory. Each filled cell records where
 * it came from; every other cell stays blank (null) for the editor to fill by hand.
 */
import type { DisclosureItem } from '../../api/types/directory.js';
import type { CellKey, PrefillSource } from '../../api/types/report-draft.js';
import { cellKey } from '../../api/types/report-draft.js';
import type { AnnualReport, Cell, ReportContact, ReportFormat, Reviews } from '../../api/types/report.js';
import { FORMATS } from './formats.js';
import { rowValues } from './read.js';

export type PrefillSources = Partial<Record<CellKey, PrefillSource>>;

/** The national format a year's report uses: 2021 from 2021 on, 2019 for 2019 and 2020. */
export function formatForYear(year: number): ReportFormat {
  return year >= 2021 ? '2021' : '2019';
}

/** A report of the year's format with every cell blank and every section empty. */
export function blankReport(year: number, agency: string, contact?: ReportContact): AnnualReport {
  const format = FORMATS[formatForYear(year)];
  const blank = (length: number): Cell[] => new Array<Cell>(length).fill(null);
  const proactive = Object.fromEntries(format.proactive.subTables.flatMap((t) => t.rows.map((r) => [r.key, blank(t.columns.length)])));
  const requests = Object.fromEntries(format.requests.rows.map((r) => [r.id, blank(format.requests.columns.length)]));
  const reviews = Object.fromEntries(format.reviews.groups.map((g) => [g.key, blank(format.reviews.columns.length)]));
  return {
    format: format.id,
    agency,
    year,
    ...(contact ? { contact } : {}),
    sections: { overview: '', problems: '', other: '' },
    proactive,
    requests,
    reviews,
  } as AnnualReport;
}

/** The kinds of document table 二 (一) counts, recognised by the directory's 主题词 or 文号. */
function documentKind(item: DisclosureItem): 'rules' | 'normativeDocuments' | undefined {
  const keywords = item.keywords ?? [];
  if (keywords.includes('规章') || /政府令|人民政府令/.test(item.docNo ?? '')) return 'rules';
  if (keywords.some((k) => k === '规范性文件' || k === '行政规范性文件')) return 'normativeDocuments';
  return undefined;
}

const inYear = (date: string | undefined, year: number) => date?.startsWith(`${year}-`) ?? false;

/**
 * Table 二 (一) from the directory: documents recognised as 规章 or 规范性文件 by their
 * 主题词 (or a 政府令 文号), counted by 发布日期 and 有效性. The directory records no
 * repeal date, so 本年废止件数 is left for the editor.
 */
export function directoryProactive(
  items: readonly DisclosureItem[],
  year: number,
): { rows: Record<string, Cell[]>; sources: PrefillSources } {
  const format = formatForYear(year);
  const end = `${year}-12-31`;
  const rows: Record<string, Cell[]> = {};
  const sources: PrefillSources = {};
  for (const key of ['rules', 'normativeDocuments'] as const) {
    const docs = items.filter((item) => documentKind(item) === key);
    const label = key === 'rules' ? { zh: '规章', en: 'rules' } : { zh: '规范性文件', en: 'normative documents' };
    const publishedInYear = docs.filter((d) => inYear(d.publishedAt, year)).length;
    const publishedByEnd = docs.filter((d) => d.publishedAt <= end);
    const cells: { column: number; value: number; zh: string; en: string }[] =
      format === '2021'
        ? [
            {
              column: 0,
              value: publishedInYear,
              zh: `公开目录中${year}年发布的${label.zh}`,
              en: `${label.en} in the directory published in ${year}`,
            },
            {
              column: 2,
              value: publishedByEnd.filter((d) => (d.validity ?? '有效') === '有效').length,
              zh: `公开目录中截至${year}年12月31日已发布、有效性为“有效”的${label.zh}`,
              en: `${label.en} in the directory published by 31 December ${year} and marked 有效 (in force)`,
            },
          ]
        : [
            {
              column: 0,
              value: docs.filter((d) => inYear(d.writtenAt ?? d.publishedAt, year)).length,
              zh: `公开目录中成文日期在${year}年的${label.zh}`,
              en: `${label.en} in the directory written in ${year}`,
            },
            {
              column: 1,
              value: publishedInYear,
              zh: `公开目录中${year}年发布的${label.zh}`,
              en: `${label.en} in the directory published in ${year}`,
            },
            {
              column: 2,
              value: publishedByEnd.length,
              zh: `公开目录中截至${year}年12月31日已发布的${label.zh}`,
              en: `${label.en} in the directory published by 31 December ${year}`,
            },
          ];
    const row: Cell[] = [null, null, null];
    for (const cell of cells) {
      row[cell.column] = cell.value;
      sources[cellKey('二', key, cell.column)] = { origin: 'directory', value: cell.value, detail: { 'zh-CN': cell.zh, en: cell.en } };
    }
    rows[key] = row;
  }
  return { rows, sources };
}

export interface PrefillInput {
  year: number;
  agency: string;
  contact?: ReportContact;
  /** Table 三 as `GET /applications/stats?year=` computes it */
  requests: AnnualReport['requests'];
  /** Last year's published report, for 二、上年结转 */
  previous?: AnnualReport | null;
  /** The disclosure directory, for table 二 (一) */
  directory?: readonly DisclosureItem[];
  /** Table 四 counted from cases, when the desk records reconsiderations and lawsuits */
  reviews?: Reviews | null;
}

/** The year's first draft and the source of every cell it filled. */
export function prefillReport(input: PrefillInput): { document: AnnualReport; sources: PrefillSources } {
  const { year } = input;
  const doc = blankReport(year, input.agency, input.contact);
  const format = FORMATS[doc.format];
  const sources: PrefillSources = {};
  const requests = doc.requests as Record<string, Cell[]>;

  for (const row of format.requests.rows) {
    const values = rowValues({ ...doc, requests: input.requests } as AnnualReport, '三', row.id);
    if (!values) continue;
    requests[row.id] = format.requests.columns.map((_, column) => {
      const value = typeof values[column] === 'number' ? (values[column] as number) : null;
      sources[cellKey('三', row.id, column)] = {
        origin: 'applications',
        value,
        detail:
          row.id === '2'
            ? {
                'zh-CN': `${year - 1}年及以前收到、截至${year}年1月1日仍在办理的申请`,
                en: `applications received before ${year} and still open on 1 January`,
              }
            : { 'zh-CN': `本系统登记的${year}年度依申请公开办理记录`, en: `applications handled in ${year}, as recorded in this system` },
      };
      return value;
    });
  }

  const carried = input.previous ? rowValues(input.previous, '三', '4') : undefined;
  if (input.previous && carried) {
    requests['2'] = format.requests.columns.map((_, column) => {
      const value = typeof carried[column] === 'number' ? (carried[column] as number) : null;
      sources[cellKey('三', '2', column)] = {
        origin: 'previous-report',
        value,
        detail: {
          'zh-CN': `${input.previous!.year}年度报告“四、结转下年度继续办理”`,
          en: `“4. Carried over to next year” of the ${input.previous!.year} report`,
        },
      };
      return value;
    });
  }

  if (input.reviews) {
    const reviews = doc.reviews as Record<string, Cell[]>;
    for (const group of format.reviews.groups) {
      const values = input.reviews[group.key];
      if (!values) continue;
      reviews[group.key] = values.map((value, column) => {
        sources[cellKey('四', group.key, column)] = {
          origin: 'cases',
          value,
          detail: {
            'zh-CN': `案件中登记的${year}年度${group.fullLabel['zh-CN']}`,
            en: `${group.fullLabel.en} recorded on cases in ${year}`,
          },
        };
        return value;
      });
    }
  }

  if (input.directory) {
    const { rows, sources: fromDirectory } = directoryProactive(input.directory, year);
    Object.assign(doc.proactive, rows);
    Object.assign(sources, fromDirectory);
  }
  return { document: doc, sources };
}
