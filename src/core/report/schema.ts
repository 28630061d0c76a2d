/**
 * Shape check of an annual report document received as JSON: every problem becomes a
 * finding (rule "schema"); nothing throws.
 */
import type { AnnualReport, CellRef, ReportFinding, ReportTable } from '../../api/types/report.js';
import { FORMATS, isReportFormat, proactiveRow, requestRow, type Label, type ReportFormatDef } from './formats.js';
import { isPlainObject } from './read.js';

const TOP_LEVEL_KEYS = ['format', 'agency', 'year', 'title', 'publishedAt', 'contact', 'sections', 'proactive', 'requests', 'reviews'];
const CONTACT_KEYS = ['agency', 'contact', 'phone', 'fax', 'address', 'postcode', 'email'];
const SECTION_KEYS = ['overview', 'problems', 'other'];

/** The first year each format applies to: 2019 → 2019–2020, 2021 → 2021 onward. */
const FORMAT_YEARS = { '2019': [2019, 2020], '2021': [2021, Infinity] } as const;

/** Enough of the document is there for the arithmetic rules to read it. */
export function isReadableReport(doc: unknown): doc is AnnualReport {
  return isPlainObject(doc) && isReportFormat(doc['format']);
}

/** A short, readable rendering of a wrong value for messages. */
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function kindOf(value: unknown): { zh: string; en: string } {
  if (value === null) return { zh: '空值', en: 'null' };
  if (Array.isArray(value)) return { zh: '数组', en: 'an array' };
  if (typeof value === 'string') return { zh: '文本', en: 'text' };
  if (typeof value === 'number') return { zh: '数字', en: 'a number' };
  if (typeof value === 'object') return { zh: '对象', en: 'an object' };
  return { zh: typeof value, en: typeof value };
}

function finding(
  path: string,
  expected: string | number,
  actual: unknown,
  zh: string,
  en: string,
  options: { cells?: CellRef[]; severity?: 'error' | 'warning' } = {},
): ReportFinding {
  return {
    rule: 'schema',
    severity: options.severity ?? 'error',
    cells: options.cells ?? [],
    path,
    expected,
    // Numbers stay numbers; anything else is shown as JSON, so text keeps its quotes ("2024").
    actual: actual === undefined ? null : typeof actual === 'number' && Number.isFinite(actual) ? actual : show(actual),
    message: { 'zh-CN': zh, en },
  };
}

export function checkSchema(doc: unknown): ReportFinding[] {
  if (!isPlainObject(doc)) {
    const kind = kindOf(doc);
    return [
      finding(
        '',
        'object',
        doc,
        `年度报告应为一个 JSON 对象，实际为${kind.zh}。`,
        `The annual report should be a JSON object, but it is ${kind.en}.`,
      ),
    ];
  }
  const findings: ReportFinding[] = [];

  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      findings.push(finding(key, 'no such key', doc[key], `年度报告中有未知的字段“${key}”。`, `The report has an unknown key “${key}”.`));
    }
  }

  const format = doc['format'];
  if (!isReportFormat(format)) {
    findings.push(
      finding(
        'format',
        '"2019" | "2021"',
        format,
        `“format”应为 "2019"（国办公开办函〔2019〕60号格式）或 "2021"（国办公开办函〔2021〕30号格式），实际为 ${show(format)}。`,
        `“format” should be "2019" (format of 国办公开办函〔2019〕60号) or "2021" (国办公开办函〔2021〕30号), but it is ${show(format)}.`,
      ),
    );
  }

  const agency = doc['agency'];
  if (typeof agency !== 'string' || agency.trim() === '') {
    findings.push(
      finding(
        'agency',
        'non-empty text',
        agency,
        '缺少报告主体（“agency”应为机构名称）。',
        'The reporting agency (“agency”) is missing or not text.',
      ),
    );
  }

  const year = doc['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2999) {
    findings.push(
      finding(
        'year',
        'a year such as 2024',
        year,
        `报告年度“year”应为整数年份，实际为 ${show(year)}。`,
        `The report year “year” should be a whole year, but it is ${show(year)}.`,
      ),
    );
  } else if (isReportFormat(format)) {
    const [from, to] = FORMAT_YEARS[format];
    if (year < from || year > to) {
      findings.push(
        finding(
          'format',
          format === '2019' ? 'years 2019–2020' : 'years 2021 onward',
          `${format} / ${year}`,
          `${year}年度报告使用了${format}年格式；${format === '2019' ? '该格式用于2019、2020年度报告' : '该格式用于2021年度及以后的报告'}。`,
          `The ${year} report uses the ${format} format, which is meant for ${format === '2019' ? 'the 2019 and 2020 reports' : 'reports for 2021 onward'}.`,
          { severity: 'warning' },
        ),
      );
    }
  }

  for (const key of ['title', 'publishedAt']) {
    if (key in doc && typeof doc[key] !== 'string') {
      findings.push(finding(key, 'text', doc[key], `“${key}”应为文本。`, `“${key}” should be text.`));
    }
  }
  const publishedAt = doc['publishedAt'];
  if (typeof publishedAt === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(publishedAt)) {
    findings.push(
      finding(
        'publishedAt',
        'a date such as 2025-01-20',
        publishedAt,
        `发布日期“publishedAt”应写作 2025-01-20 这样的日期。`,
        `The publication date “publishedAt” should be a date such as 2025-01-20.`,
      ),
    );
  }

  if ('contact' in doc) checkStringObject(doc['contact'], 'contact', CONTACT_KEYS, findings);
  checkSections(doc['sections'], format, findings);

  if (isReportFormat(format)) {
    const def = FORMATS[format];
    checkTable(doc, def, '二', findings);
    checkTable(doc, def, '三', findings);
    checkTable(doc, def, '四', findings);
  }
  return findings;
}

function checkStringObject(value: unknown, path: string, keys: string[], findings: ReportFinding[]): void {
  if (!isPlainObject(value)) {
    findings.push(finding(path, 'object', value, `“${path}”应为对象。`, `“${path}” should be an object.`));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!keys.includes(key)) {
      findings.push(
        finding(`${path}.${key}`, 'no such key', item, `“${path}”中有未知的字段“${key}”。`, `“${path}” has an unknown key “${key}”.`),
      );
    } else if (typeof item !== 'string') {
      findings.push(finding(`${path}.${key}`, 'text', item, `“${path}.${key}”应为文本。`, `“${path}.${key}” should be text.`));
    }
  }
}

function checkSections(value: unknown, format: unknown, findings: ReportFinding[]): void {
  if (!isPlainObject(value)) {
    findings.push(
      finding(
        'sections',
        'object',
        value,
        '缺少文字部分“sections”（总体情况、存在的主要问题及改进情况等）。',
        'The narrative parts (“sections”: overview, problems, other) are missing.',
      ),
    );
    return;
  }
  checkStringObject(value, 'sections', SECTION_KEYS, findings);
  const required: [string, string][] = [
    ['overview', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
  ];
  for (const [key, heading] of required) {
    if (!(key in value)) {
      findings.push(
        finding(
          `sections.${key}`,
          'text',
          undefined,
          `缺少“${heading}”部分（sections.${key}）。`,
          `The part “${heading}” (sections.${key}) is missing.`,
        ),
      );
    }
  }
  if (format === '2021' && !('other' in value)) {
    findings.push(
      finding(
        'sections.other',
        'text',
        undefined,
        '2021年格式要求“六、其他需要报告的事项”部分（sections.other）。',
        'The 2021 format requires the part “六、其他需要报告的事项” (sections.other).',
        { severity: 'warning' },
      ),
    );
  }
}

const TABLE_PATHS: Record<ReportTable, { key: 'proactive' | 'requests' | 'reviews'; zh: string; en: string }> = {
  二: { key: 'proactive', zh: '表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure)' },
  三: { key: 'requests', zh: '表三（收到和处理政府信息公开申请情况）', en: 'Table 3 (applications)' },
  四: { key: 'reviews', zh: '表四（行政复议、行政诉讼情况）', en: 'Table 4 (reconsideration and litigation)' },
};

/** The row's label and how many values it holds, or undefined if the format has no such row. */
function rowShape(
  def: ReportFormatDef,
  table: ReportTable,
  key: string,
): { label: Label; length: number; textColumns: number[] } | undefined {
  if (table === '二') {
    const found = proactiveRow(def, key);
    if (!found) return undefined;
    const textColumns = found.subTable.columns.flatMap((c, i) => (c.kind === 'moneyOrText' ? [i] : []));
    return { label: found.row.label, length: found.subTable.columns.length, textColumns };
  }
  if (table === '三') {
    const found = requestRow(def, key);
    return found && { label: found.label, length: def.requests.columns.length, textColumns: [] };
  }
  const group = def.reviews.groups.find((g) => g.key === key);
  return group && { label: group.fullLabel, length: def.reviews.columns.length, textColumns: [] };
}

function checkTable(doc: Record<string, unknown>, def: ReportFormatDef, table: ReportTable, findings: ReportFinding[]): void {
  const { key: tableKey, zh: tableName, en: tableNameEn } = TABLE_PATHS[table];
  const value = doc[tableKey];
  if (!isPlainObject(value)) {
    findings.push(
      finding(
        tableKey,
        'object',
        value,
        `${tableName}“${tableKey}”应为对象。`,
        `${tableNameEn} (“${tableKey}”) should be an object keyed by row.`,
      ),
    );
    return;
  }
  for (const [rowKey, values] of Object.entries(value)) {
    const path = `${tableKey}.${rowKey}`;
    const shape = rowShape(def, table, rowKey);
    if (!shape) {
      findings.push(
        finding(
          path,
          'a row of the format',
          rowKey,
          `${def.id}年格式的${tableName}没有“${rowKey}”这一行。`,
          `${tableNameEn} of the ${def.id} format has no row “${rowKey}”.`,
        ),
      );
      continue;
    }
    if (!Array.isArray(values)) {
      findings.push(
        finding(
          path,
          `an array of ${shape.length}`,
          values,
          `${tableName}“${shape.label['zh-CN']}”行应为 ${shape.length} 个数值的数组。`,
          `${tableNameEn}, row “${shape.label.en}” should be an array of ${shape.length} values.`,
        ),
      );
      continue;
    }
    if (values.length !== shape.length) {
      findings.push(
        finding(
          path,
          shape.length,
          values.length,
          `${tableName}“${shape.label['zh-CN']}”行应有 ${shape.length} 个数值，实际有 ${values.length} 个。`,
          `${tableNameEn}, row “${shape.label.en}” should have ${shape.length} values, but it has ${values.length}.`,
        ),
      );
    }
    values.forEach((cell, column) => {
      if (cell === null || (typeof cell === 'number' && Number.isFinite(cell))) return;
      if (typeof cell === 'string' && shape.textColumns.includes(column)) return;
      const kind = kindOf(cell);
      findings.push(
        finding(
          `${path}[${column}]`,
          'a number or null (blank)',
          cell,
          `${tableName}“${shape.label['zh-CN']}”行第 ${column + 1} 个数值应为数字或空白（null），实际为${kind.zh} ${show(cell)}。`,
          `${tableNameEn}, row “${shape.label.en}”, value ${column + 1} should be a number or null (blank), but it is ${kind.en}: ${show(cell)}.`,
          { cells: column < shape.length ? [{ table, row: rowKey, column }] : [] },
        ),
      );
    });
  }
}
