/**
 * The figures the report viewer charts and compares year on year, read from table 三 and
 * 四. A blank cell stays "not stated" (null): a sum that needs it is null too, never a
 * smaller number that looks stated.
 */
import type { AnnualReport, ReportTable } from '../../api/types/report.js';
import { FORMATS, requestRow, type Label } from './formats.js';
import { cellNumber, round4 } from './read.js';

export interface Figure {
  /** A row id of table 三 (`1`, `3.1`…), an outcome group (`3.3`…) or a group key of table 四. */
  key: string;
  label: Label;
  value: number | null;
  /** Where the numbers are, for a link to the table. */
  table: ReportTable;
}

/** The template's heading of （二） without its counting note, short enough for a chart. */
const PARTLY_DISCLOSED: Label = { 'zh-CN': '（二）部分公开', en: '(2) Partly disclosed' };

const TOTAL_COLUMN = 6;

function sumOrNull(values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : round4(values.reduce<number>((a, b) => a + b!, 0));
}

/** 三 （一）–（六): the 总计 column of each outcome, summed over the items of （三）–（六）. */
export function outcomeTotals(doc: AnnualReport): Figure[] {
  const format = FORMATS[doc.format];
  const groups = new Map<string, string[]>();
  for (const id of format.requests.outcomeRowIds) {
    const key = requestRow(format, id)?.groups[1] ?? id;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups].map(([key, ids]) => ({
    key,
    label: key === '3.2' ? PARTLY_DISCLOSED : (format.requests.groups.find((g) => g.id === key)?.label ?? requestRow(format, key)!.label),
    value: sumOrNull(ids.map((row) => cellNumber(doc, { table: '三', row, column: TOTAL_COLUMN }))),
    table: '三',
  }));
}

/** 一、本年新收政府信息公开申请数量 by type of applicant (the six columns before 总计). */
export function applicantsByType(doc: AnnualReport): Figure[] {
  const format = FORMATS[doc.format];
  return format.requests.columns.slice(0, TOTAL_COLUMN).map((label, column) => ({
    key: String(column),
    label,
    value: cellNumber(doc, { table: '三', row: '1', column }),
    table: '三',
  }));
}

/** The 总计 figures compared year on year: 三 一、二、（一）–（六）、（七）、四, then 四's three groups. */
export function keyFigures(doc: AnnualReport): Figure[] {
  const format = FORMATS[doc.format];
  const row = (id: string): Figure => ({
    key: id,
    label: requestRow(format, id)!.label,
    value: cellNumber(doc, { table: '三', row: id, column: TOTAL_COLUMN }),
    table: '三',
  });
  const reviews = format.reviews.groups.map((group): Figure => ({
    key: group.key,
    label: group.fullLabel,
    value: cellNumber(doc, { table: '四', row: group.key, column: format.reviews.columns.length - 1 }),
    table: '四',
  }));
  return [row('1'), row('2'), ...outcomeTotals(doc), row('3.7'), row('4'), ...reviews];
}

export interface YearOverYear extends Figure {
  previous: number | null;
  /** This year minus last year; null when either is blank. */
  change: number | null;
}

/** Each key figure of `doc` beside last year's (matched by key, so a 2019-format year compares with a 2021 one). */
export function yearOverYear(doc: AnnualReport, previous: AnnualReport): YearOverYear[] {
  const before = new Map(keyFigures(previous).map((f) => [f.key, f.value]));
  return keyFigures(doc).map((figure) => {
    const last = before.get(figure.key) ?? null;
    return {
      ...figure,
      previous: last,
      change: figure.value === null || last === null ? null : round4(figure.value - last),
    };
  });
}
