/**
 * A parsed report page → the annual report document, with everything that could not be
 * read. Pure: the caller parses (htmlparser2 in Node, DOMParser in the browser).
 */
import type { AnnualReport, ReportFormat, ReportTable } from '../../../api/types/report.js';
import { FORMATS } from '../formats.js';
import type { PageTable, ReadContext } from './context.js';
import { TABLE_WORDS } from './context.js';
import { allTables, buildGrid } from './grid.js';
import type { HtmlElement } from './html-tree.js';
import { textOf } from './html-tree.js';
import { labelKey } from './labels.js';
import {
  REPORT_TABLE_SECTION,
  agencyOf,
  articleOf,
  blocksOf,
  contactOf,
  partHtml,
  publishedAtOf,
  sectionsOf,
  titleOf,
  yearOf,
} from './page.js';
import { classifyTable, readProactive, readRequests, readReviews } from './tables.js';
import type { ImportOptions, ImportProblem, ImportResult } from './types.js';

/** Labels only one of the two formats prints. */
const FORMAT_MARKERS: Record<ReportFormat, string[]> = {
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '政府集中采购',
    '采购总金额',
  ],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '逾期不补正', '逾期未按收费通知'],
};

function detectFormat(text: string, year: number | undefined): { format: ReportFormat; from: 'labels' | 'year' } {
  const key = labelKey(text);
  const score = (format: ReportFormat) => FORMAT_MARKERS[format].filter((label) => key.includes(labelKey(label))).length;
  const [s2019, s2021] = [score('2019'), score('2021')];
  if (s2019 !== s2021) return { format: s2019 > s2021 ? '2019' : '2021', from: 'labels' };
  return { format: year !== undefined && year <= 2020 ? '2019' : '2021', from: 'year' };
}

export function readReportPage(root: HtmlElement, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const tables: (PageTable & { kind?: ReportTable })[] = allTables(root).map((el, i) => {
    const grid = buildGrid(el);
    return { el, index: i + 1, grid, kind: classifyTable(grid) };
  });
  const proactiveTables = tables.filter((t) => t.kind === '二');
  const requestsTable = tables.find((t) => t.kind === '三');
  const reviewsTable = tables.find((t) => t.kind === '四');
  const reportTables = [...proactiveTables, requestsTable, reviewsTable].filter((t): t is PageTable => t !== undefined);
  const found: Record<ReportTable, boolean> = { 二: proactiveTables.length > 0, 三: !!requestsTable, 四: !!reviewsTable };

  const article = articleOf(
    root,
    reportTables.map((t) => t.el),
  );
  const { parts } = sectionsOf(blocksOf(article));
  const articleText = textOf(article, { nestedTables: true });
  const title = titleOf(root, article, parts.intro ?? []);
  const introText = (parts.intro ?? []).map((b) => textOf(b)).join('\n');
  // 报告主体 / 报告年度 lines (the CMS export writes them) say it outright; otherwise the title does.
  const statedAgency = /报告主体\s*[:：]\s*([^\s　，,；;]+)/.exec(introText)?.[1];
  const statedYear = /报告年度\s*[:：]\s*(\d{4})/.exec(introText)?.[1];
  const year = options.year ?? (statedYear ? Number(statedYear) : yearOf(title, articleText));
  const agency = options.agency ?? statedAgency ?? agencyOf(title);
  const detected = options.format ? { format: options.format, from: 'option' as const } : detectFormat(articleText, year);
  const format = FORMATS[detected.format];
  const ctx: ReadContext = { format, problems, matches: [] };

  if (reportTables.length === 0) {
    problems.push({
      kind: 'no-report-table',
      severity: 'error',
      message: {
        'zh-CN': '页面上没有找到年度报告的统计表（表二、表三、表四）。',
        en: 'No table of an annual report (tables 2, 3 or 4) was found on the page.',
      },
    });
  } else {
    for (const table of ['二', '三', '四'] as ReportTable[]) {
      if (found[table]) continue;
      problems.push({
        kind: 'table-missing',
        severity: 'error',
        table,
        message: {
          'zh-CN': `页面上没有找到${TABLE_WORDS[table].zh}。`,
          en: `${TABLE_WORDS[table].en} was not found on the page.`,
        },
      });
    }
  }

  const proactive = proactiveTables.length ? readProactive(ctx, proactiveTables) : {};
  const requests = requestsTable ? readRequests(ctx, requestsTable) : {};
  const reviews = reviewsTable ? readReviews(ctx, reviewsTable) : {};

  const tableElements = new Set(reportTables.map((t) => t.el));
  const sections: Record<string, string> = {};
  for (const [key, heading] of [
    ['overview', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
    ['other', '六、其他需要报告的事项'],
  ] as const) {
    if (parts[key]) {
      sections[key] = partHtml(parts[key], tableElements);
    } else if (key !== 'other' || detected.format === '2021') {
      if (key !== 'other') sections[key] = '';
      problems.push({
        kind: 'section-missing',
        severity: 'warning',
        message: { 'zh-CN': `页面上没有找到“${heading}”部分。`, en: `The part “${heading}” was not found on the page.` },
      });
    }
  }
  const tableNotes: ImportResult['tableNotes'] = {};
  for (const table of ['二', '三', '四'] as ReportTable[]) {
    const html = partHtml(parts[REPORT_TABLE_SECTION[table]], tableElements);
    if (html) tableNotes[table] = html;
  }

  if (!agency || year === undefined) {
    problems.push({
      kind: 'metadata-missing',
      severity: 'error',
      message: {
        'zh-CN': `页面上没有找到报告的${!agency ? '报告主体（机构名称）' : ''}${!agency && year === undefined ? '和' : ''}${year === undefined ? '报告年度' : ''}。`,
        en: `The page does not state the report's ${[!agency && 'agency', year === undefined && 'year'].filter(Boolean).join(' and ')}.`,
      },
    });
  }

  const contact = contactOf(introText);
  const publishedAt = publishedAtOf(root);
  const report = {
    format: detected.format,
    agency: agency ?? '',
    year: year ?? 0,
    ...(title ? { title } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(contact ? { contact } : {}),
    sections,
    proactive,
    requests,
    reviews,
  } as unknown as AnnualReport;
  return { report, problems, matches: ctx.matches, found, formatFrom: detected.from, tableNotes };
}
