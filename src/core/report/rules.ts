/**
 * The arithmetic rules of the annual report (reference §1.8, R1–R9). Blank cells are
 * "not stated": a relation with a blank operand is never an error; when exactly one
 * operand is blank the relation fixes it, and that value is reported as a warning.
 */
import type { AnnualReport, CellRef, ReportFinding, ReportLocale, ReportTable } from '../../api/types/report.js';
import { FORMATS, cellLabel, requestRowFullLabel, type Label, type ReportFormatDef } from './formats.js';
import { cellNumber, round4, rowValues, sameAmount } from './read.js';
import { checkSchema, isReadableReport } from './schema.js';

type Rule = ReportFinding['rule'];

export interface CheckOptions {
  /** Last year's report, for the cross-year checks R6 and R7. */
  previous?: AnnualReport;
}

interface Operand {
  ref: CellRef;
  value: number | null;
  name: Label;
}

/** A relation "sum(total) = sum(parts)" over cells of one table. */
interface Equation {
  rule: Rule;
  /** Where, e.g. 表三“自然人”列. */
  context: Label;
  /** The rule in words, e.g. 总计等于各类申请人之和. */
  statement: Label;
  total: Operand[];
  parts: Operand[];
  /** Named instead of listing the parts one by one when they are many. */
  partsSummary?: Label;
}

const TABLE_NAME: Record<ReportTable, Label> = {
  二: { 'zh-CN': '表二', en: 'Table 2' },
  三: { 'zh-CN': '表三', en: 'Table 3' },
  四: { 'zh-CN': '表四', en: 'Table 4' },
};

const byLocale = (make: (locale: ReportLocale) => string): Label => ({ 'zh-CN': make('zh-CN'), en: make('en') });
const sum = (values: number[]): number => round4(values.reduce((a, b) => a + b, 0));
const show = (value: number | null, locale: ReportLocale): string =>
  value === null ? (locale === 'zh-CN' ? '空白' : 'blank') : String(round4(value));

/** Runs every rule. The document must be readable (see `isReadableReport`); use `validateReport` for raw JSON. */
export function checkReport(doc: AnnualReport, options: CheckOptions = {}): ReportFinding[] {
  const format = FORMATS[doc.format];
  const findings: ReportFinding[] = [];
  const derived = new Set<string>();
  const solve = (equation: Equation) => {
    const finding = solveEquation(equation);
    if (!finding) return;
    if (finding.severity === 'warning') {
      // Several rules can fix the same blank cell; say it once per value.
      const ref = finding.cells[0]!;
      const key = `${ref.table}|${ref.row}|${ref.column}|${finding.expected}`;
      if (derived.has(key)) return;
      derived.add(key);
    }
    findings.push(finding);
  };

  requestColumnEquations(doc, format).forEach(solve); // R1, R2
  requestRowEquations(doc, format).forEach(solve); // R3
  findings.push(...wholeNumberFindings(doc, format)); // R4
  reviewEquations(doc, format).forEach(solve); // R5

  const previous = options.previous;
  if (previous) {
    if (previous.year !== doc.year - 1) {
      findings.push({
        rule: 'R6',
        severity: 'warning',
        cells: [],
        expected: doc.year - 1,
        actual: previous.year,
        message: {
          'zh-CN': `用于跨年度核对的上年报告是${previous.year}年度的，不是${doc.year - 1}年度，未做跨年度核对。`,
          en: `The previous report given for the cross-year checks is for ${previous.year}, not ${doc.year - 1}; those checks were skipped.`,
        },
      });
    } else {
      findings.push(...carryOverFindings(doc, previous, format)); // R6
      findings.push(...inForceDriftFindings(doc, previous, format)); // R7
    }
  }
  findings.push(...proactiveValueFindings(doc, format)); // R8
  findings.push(...feeMentionFindings(doc)); // R9
  return findings;
}

/** Schema first; the rules only when the document can be read. A `previous` that cannot be read is ignored. */
export function validateReport(doc: unknown, options: { previous?: unknown } = {}): ReportFinding[] {
  const findings = checkSchema(doc);
  if (!isReadableReport(doc)) return findings;
  const previous = isReadableReport(options.previous) ? options.previous : undefined;
  return [...findings, ...checkReport(doc, { previous })];
}

// ---- Equations ----

function operand(doc: AnnualReport, ref: CellRef, name: Label): Operand {
  return { ref, value: cellNumber(doc, ref), name };
}

function namesWithValues(operands: Operand[], locale: ReportLocale): string {
  return operands
    .map((o) => (locale === 'zh-CN' ? `“${o.name[locale]}”（${show(o.value, locale)}）` : `“${o.name[locale]}” (${show(o.value, locale)})`))
    .join(locale === 'zh-CN' ? '、' : ', ');
}

function solveEquation(eq: Equation): ReportFinding | undefined {
  const all = [...eq.total, ...eq.parts];
  const blanks = all.filter((o) => o.value === null);
  if (blanks.length > 1) return undefined;
  const stated = (side: Operand[]) => sum(side.flatMap((o) => (o.value === null ? [] : [o.value])));

  if (blanks.length === 1) {
    const blank = blanks[0]!;
    const onTotalSide = eq.total.includes(blank);
    const value = onTotalSide ? round4(stated(eq.parts) - stated(eq.total)) : round4(stated(eq.total) - stated(eq.parts));
    const impossible = value < 0;
    return {
      rule: eq.rule,
      severity: impossible ? 'error' : 'warning',
      cells: impossible ? [blank.ref, ...all.filter((o) => o !== blank).map((o) => o.ref)] : [blank.ref],
      expected: value,
      actual: null,
      message: byLocale((locale) =>
        locale === 'zh-CN'
          ? impossible
            ? `${eq.context[locale]}：“${blank.name[locale]}”未填写，但其余各格已不符合“${eq.statement[locale]}”——该格须为 ${value}，而数量不能为负。`
            : `${eq.context[locale]}：“${blank.name[locale]}”未填写；按“${eq.statement[locale]}”，应为 ${value}。`
          : impossible
            ? `${eq.context[locale]}: “${blank.name[locale]}” is blank, but the other cells already break “${eq.statement[locale]}”: it would have to be ${value}, and a count cannot be negative.`
            : `${eq.context[locale]}: “${blank.name[locale]}” is blank; by “${eq.statement[locale]}” it would be ${value}.`,
      ),
    };
  }

  const actual = stated(eq.total);
  const expected = stated(eq.parts);
  if (sameAmount(actual, expected)) return undefined;
  const diff = round4(Math.abs(actual - expected));
  return {
    rule: eq.rule,
    severity: 'error',
    cells: all.map((o) => o.ref),
    expected,
    actual,
    message: byLocale((locale) => {
      const zh = locale === 'zh-CN';
      const totalText =
        eq.total.length === 1
          ? zh
            ? `“${eq.total[0]!.name[locale]}”填报为 ${actual}`
            : `“${eq.total[0]!.name[locale]}” is ${actual}`
          : zh
            ? `${namesWithValues(eq.total, locale)}合计 ${actual}`
            : `${namesWithValues(eq.total, locale)} add up to ${actual}`;
      const partsText = eq.partsSummary
        ? zh
          ? `${eq.partsSummary[locale]}为 ${expected}`
          : `${eq.partsSummary[locale]} add up to ${expected}`
        : zh
          ? `${namesWithValues(eq.parts, locale)}合计 ${expected}`
          : `${namesWithValues(eq.parts, locale)} add up to ${expected}`;
      return zh
        ? `${eq.context[locale]}：${totalText}，但${partsText}，不符合“${eq.statement[locale]}”（相差 ${diff}）。`
        : `${eq.context[locale]}: ${totalText}, but ${partsText}. This breaks “${eq.statement[locale]}” (difference ${diff}).`;
    }),
  };
}

/** R1 and R2, for each of the 7 columns of table 三. */
function requestColumnEquations(doc: AnnualReport, format: ReportFormatDef): Equation[] {
  const rowName = (id: string) => byLocale((locale) => requestRowFullLabel(format, id, locale));
  const at = (id: string, column: number) => operand(doc, { table: '三', row: id, column }, rowName(id));
  return format.requests.columns.flatMap((columnLabel, column) => {
    const context = byLocale((locale) =>
      locale === 'zh-CN' ? `表三“${columnLabel[locale]}”列` : `Table 3, column “${columnLabel[locale]}”`,
    );
    return [
      {
        rule: 'R1',
        context,
        statement: {
          'zh-CN': '第一项加第二项之和，等于第三项加第四项之和',
          en: 'item 1 plus item 2 equals item 3 ((7) Total) plus item 4',
        },
        total: [at('3.7', column), at('4', column)],
        parts: [at('1', column), at('2', column)],
      },
      {
        rule: 'R2',
        context,
        statement: { 'zh-CN': '（七）总计等于各项办理结果之和', en: '(7) Total equals the sum of all outcome rows' },
        total: [at('3.7', column)],
        parts: format.requests.outcomeRowIds.map((id) => at(id, column)),
        partsSummary: {
          'zh-CN': `（一）至（六）各项办理结果之和`,
          en: 'the outcome rows (1) to (6)',
        },
      },
    ] satisfies Equation[];
  });
}

/** R3, for every row of table 三. */
function requestRowEquations(doc: AnnualReport, format: ReportFormatDef): Equation[] {
  const columns = format.requests.columns;
  const totalColumn = columns.length - 1;
  return format.requests.rows.map((row) => {
    const at = (column: number) => operand(doc, { table: '三', row: row.id, column }, columns[column]!);
    return {
      rule: 'R3',
      context: byLocale((locale) =>
        locale === 'zh-CN'
          ? `表三“${requestRowFullLabel(format, row.id, locale)}”行`
          : `Table 3, row “${requestRowFullLabel(format, row.id, locale)}”`,
      ),
      statement: { 'zh-CN': '总计等于各类申请人之和', en: 'Total equals the sum of all applicant columns' },
      total: [at(totalColumn)],
      parts: columns.slice(0, totalColumn).map((_, column) => at(column)),
    };
  });
}

/** R5, for each group of table 四. */
function reviewEquations(doc: AnnualReport, format: ReportFormatDef): Equation[] {
  const columns = format.reviews.columns;
  const totalColumn = columns.length - 1;
  return format.reviews.groups.map((group) => {
    const at = (column: number) => operand(doc, { table: '四', row: group.key, column }, columns[column]!);
    return {
      rule: 'R5',
      context: byLocale((locale) => (locale === 'zh-CN' ? `表四“${group.fullLabel[locale]}”` : `Table 4, “${group.fullLabel[locale]}”`)),
      statement: {
        'zh-CN': '总计等于结果维持、结果纠正、其他结果、尚未审结之和',
        en: 'Total equals upheld + corrected + other result + pending',
      },
      total: [at(totalColumn)],
      parts: columns.slice(0, totalColumn).map((_, column) => at(column)),
    };
  });
}

// ---- Cell-by-cell rules ----

interface ValueRule {
  test: (value: number) => boolean;
  words: Label;
}

const WHOLE_NOT_NEGATIVE: ValueRule = {
  test: (v) => Number.isInteger(v) && v >= 0,
  words: { 'zh-CN': '不小于 0 的整数', en: 'a whole number, 0 or more' },
};
const WHOLE: ValueRule = {
  test: Number.isInteger,
  words: { 'zh-CN': '整数（可以为负数）', en: 'a whole number (it may be negative)' },
};
const AMOUNT: ValueRule = {
  test: (v) => v >= 0,
  words: { 'zh-CN': '不小于 0 的金额', en: 'an amount, 0 or more' },
};

function valueFinding(rule: Rule, format: ReportFormatDef, ref: CellRef, value: number, valueRule: ValueRule): ReportFinding {
  return {
    rule,
    severity: 'error',
    cells: [ref],
    expected: valueRule.words.en,
    actual: value,
    message: byLocale((locale) => {
      const where = `${TABLE_NAME[ref.table][locale]}${locale === 'zh-CN' ? '' : ', '}${cellLabel(format, ref.table, ref.row, ref.column, locale)}`;
      return locale === 'zh-CN'
        ? `${where}应为${valueRule.words[locale]}，实际为 ${value}。`
        : `${where} should be ${valueRule.words[locale]}, but it is ${value}.`;
    }),
  };
}

/** Each numeric cell of one row, with its column index. */
function numbersOf(doc: AnnualReport, table: ReportTable, row: string): { column: number; value: number }[] {
  return (rowValues(doc, table, row) ?? []).flatMap((value, column) =>
    typeof value === 'number' && Number.isFinite(value) ? [{ column, value }] : [],
  );
}

/** R4: tables 三 and 四 hold whole numbers ≥ 0. */
function wholeNumberFindings(doc: AnnualReport, format: ReportFormatDef): ReportFinding[] {
  const rows: [ReportTable, string][] = [
    ...format.requests.rows.map((r): [ReportTable, string] => ['三', r.id]),
    ...format.reviews.groups.map((g): [ReportTable, string] => ['四', g.key]),
  ];
  return rows.flatMap(([table, row]) =>
    numbersOf(doc, table, row)
      .filter(({ value }) => !WHOLE_NOT_NEGATIVE.test(value))
      .map(({ column, value }) => valueFinding('R4', format, { table, row, column }, value, WHOLE_NOT_NEGATIVE)),
  );
}

/** R8: table 二 — counts are whole numbers ≥ 0, 本年增/减 may be negative, money is decimal. */
function proactiveValueFindings(doc: AnnualReport, format: ReportFormatDef): ReportFinding[] {
  return format.proactive.subTables.flatMap((subTable) =>
    subTable.rows.flatMap((row) =>
      numbersOf(doc, '二', row.key).flatMap(({ column, value }) => {
        const kind = subTable.columns[column]?.kind;
        if (!kind) return [];
        const valueRule = kind === 'count' ? WHOLE_NOT_NEGATIVE : kind === 'change' ? WHOLE : AMOUNT;
        return valueRule.test(value) ? [] : [valueFinding('R8', format, { table: '二', row: row.key, column }, value, valueRule)];
      }),
    ),
  );
}

// ---- Cross-year and soft rules ----

/** R6: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. */
function carryOverFindings(doc: AnnualReport, previous: AnnualReport, format: ReportFormatDef): ReportFinding[] {
  return format.requests.columns.flatMap((columnLabel, column) => {
    const actual = cellNumber(doc, { table: '三', row: '2', column });
    const expected = cellNumber(previous, { table: '三', row: '4', column });
    if (actual === null || expected === null || actual === expected) return [];
    return [
      {
        rule: 'R6',
        severity: 'warning',
        cells: [{ table: '三', row: '2', column }],
        expected,
        actual,
        message: {
          'zh-CN': `表三“${columnLabel['zh-CN']}”列：本年“二、上年结转政府信息公开申请数量”为 ${actual}，而${previous.year}年度报告“四、结转下年度继续办理”为 ${expected}。两者通常相等（机构合并、拆分时可能不同），请核对。`,
          en: `Table 3, column “${columnLabel.en}”: “2. Applications carried over from last year” is ${actual}, but the ${previous.year} report carried ${expected} over (“4. Carried over to next year”). They are normally equal; a merger or split of agencies can explain a difference.`,
        },
      },
    ];
  });
}

/** R7 (2021 format): 现行有效件数 ≈ last year's + 本年制发件数 − 本年废止件数. */
function inForceDriftFindings(doc: AnnualReport, previous: AnnualReport, format: ReportFormatDef): ReportFinding[] {
  if (doc.format !== '2021' || previous.format !== '2021') return [];
  const subTable = format.proactive.subTables[0]!;
  return subTable.rows.flatMap((row) => {
    const at = (column: number) => ({ table: '二' as const, row: row.key, column });
    const [issued, repealed, inForce] = [0, 1, 2].map((c) => cellNumber(doc, at(c)));
    const before = cellNumber(previous, at(2));
    if (issued == null || repealed == null || inForce == null || before === null) return [];
    const expected = before + issued - repealed;
    if (expected === inForce) return [];
    return [
      {
        rule: 'R7',
        severity: 'warning',
        cells: [at(0), at(1), at(2)],
        expected,
        actual: inForce,
        message: {
          'zh-CN': `表二“${row.label['zh-CN']}”：${previous.year}年“现行有效件数”${before}，加本年制发 ${issued}、减本年废止 ${repealed}，约应为 ${expected}，但本年“现行有效件数”为 ${inForce}。集中清理或统计口径变化可能导致差异，请核对。`,
          en: `Table 2, “${row.label.en}”: ${before} in force at the end of ${previous.year}, plus ${issued} issued and minus ${repealed} repealed this year, gives about ${expected}, but “Currently in force” is ${inForce}. A clean-up or a change in counting can explain a difference.`,
        },
      },
    ];
  });
}

/** R9 (2021 format): fee notices issued (（六）2 > 0) but section 六 never mentions 信息处理费. */
function feeMentionFindings(doc: AnnualReport): ReportFinding[] {
  if (doc.format !== '2021') return [];
  const cells = numbersOf(doc, '三', '3.6.2')
    .filter(({ value }) => value > 0)
    .map(({ column }): CellRef => ({ table: '三', row: '3.6.2', column }));
  if (cells.length === 0) return [];
  const other = typeof doc.sections?.other === 'string' ? doc.sections.other : '';
  if (other.includes('信息处理费')) return [];
  return [
    {
      rule: 'R9',
      severity: 'warning',
      cells,
      expected: '信息处理费',
      actual: null,
      message: {
        'zh-CN':
          '表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用……”不为 0，说明发出过收费通知，但“六、其他需要报告的事项”未提及信息处理费收取情况。',
        en: 'Table 3, “(6) Otherwise handled — 2. The applicant did not pay the fee …” is above 0, so fee notices were issued, but “6. Other matters to report” does not mention information-processing fees (信息处理费).',
      },
    },
  ];
}
