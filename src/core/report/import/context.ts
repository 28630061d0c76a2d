/** What the table readers share: the format being read and the lists they report into. */
import type { ReportTable } from '../../../api/types/report.js';
import type { ReportFormatDef } from '../formats.js';
import type { Grid, GridCell } from './grid.js';
import type { HtmlElement } from './html-tree.js';
import type { ImportProblem, LabelMatchReport, PageLocation } from './types.js';

export interface PageTable {
  el: HtmlElement;
  /** 1-based position among all tables on the page. */
  index: number;
  grid: Grid;
}

export interface ReadContext {
  format: ReportFormatDef;
  problems: ImportProblem[];
  matches: LabelMatchReport[];
}

export const TABLE_WORDS: Record<ReportTable, { zh: string; en: string }> = {
  二: { zh: '表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure)' },
  三: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'Table 3 (applications)' },
  四: { zh: '表四（行政复议、行政诉讼情况）', en: 'Table 4 (reconsideration and litigation)' },
};

export function at(table: PageTable, cell?: GridCell): PageLocation {
  return cell ? { table: table.index, row: cell.row + 1, column: cell.column + 1 } : { table: table.index };
}

/** “页面第 2 个表格第 5 行第 3 列” / “table 2 on the page, row 5, column 3”. */
export function placeWords(location: PageLocation | undefined): { zh: string; en: string } {
  if (!location?.table) return { zh: '页面上', en: 'on the page' };
  const cell = location.row
    ? { zh: `第 ${location.row} 行第 ${location.column} 列`, en: `, row ${location.row}, column ${location.column}` }
    : { zh: '', en: '' };
  return { zh: `页面第 ${location.table} 个表格${cell.zh}`, en: `table ${location.table} on the page${cell.en}` };
}

/** Reports a label that matched with less than full confidence, and records every match. */
export function recordMatch(ctx: ReadContext, match: LabelMatchReport): void {
  ctx.matches.push(match);
  if (match.confidence >= 1) return;
  const where = placeWords(match.location);
  const percent = Math.round(match.confidence * 100);
  ctx.problems.push({
    kind: 'label-uncertain',
    severity: match.confidence < 0.85 ? 'warning' : 'info',
    table: match.table,
    location: match.location,
    text: match.published,
    message: {
      'zh-CN': `${where.zh}的“${match.published}”按“${match.template}”读取（相似度 ${percent}%），请核对。`,
      en: `“${match.published}” (${where.en}) was read as “${match.template}” (${percent}% alike); please check.`,
    },
  });
}
