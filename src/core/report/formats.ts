/**
 * The two national annual-report formats as data: headings, table headers and row labels,
 * character for character as the templates print them (full-width punctuation included),
 * with plain English translations. Sources: 国办公开办函〔2019〕60号 and 〔2021〕30号 附件.
 */
import type { ReportFormat, ReportLocale, ReportTable, RequestRowId } from '../../api/types/report.js';

export type Label = Record<ReportLocale, string>;

const L = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

/** What a table-二 column holds, which decides how it is checked (R8). */
export type ColumnKind =
  | 'count' // whole number ≥ 0
  | 'change' // 本年增/减: whole number, may be negative
  | 'money' // decimal ≥ 0
  | 'moneyOrText'; // 采购总金额: a decimal, or the published text such as "251000元"

export interface ColumnDef {
  label: Label;
  kind: ColumnKind;
}

export interface ProactiveRowDef {
  key: string;
  label: Label;
}

/** One sub-table of 二, e.g. 第二十条第（一）项. */
export interface ProactiveSubTable {
  caption: Label;
  columns: ColumnDef[];
  rows: ProactiveRowDef[];
}

/** A header cell of a multi-level header, laid out as in the template. */
export interface HeaderCell {
  label: Label;
  colspan: number;
  rowspan: number;
}

/** A group label of table 三 (三、本年度办理结果, （三）不予公开 …); it has no numbers of its own. */
export interface RowGroupDef {
  id: string;
  label: Label;
}

/** A data row of table 三; `groups` lists the ids of the group labels around it, outermost first. */
export interface RequestRowDef {
  id: RequestRowId;
  label: Label;
  groups: string[];
}

export type SectionKey = 'overview' | 'proactive' | 'requests' | 'reviews' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  heading: Label;
  /** The template's instruction under the heading, e.g. （文字描述）. */
  note?: Label;
  /** 六 is optional in the 2019 format. */
  optional?: boolean;
}

export interface ReviewGroupDef {
  key: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
  /** The group's own header (行政复议 / 未经复议直接起诉 / 复议后起诉). */
  label: Label;
  /** With its parent header, for messages: 行政诉讼（未经复议直接起诉）. */
  fullLabel: Label;
}

export interface ReportFormatDef {
  id: ReportFormat;
  /** 国办公开办函〔2019〕60号 … */
  document: Label;
  /** 《中华人民共和国政府信息公开工作年度报告格式（试行）》 … */
  formatTitle: Label;
  sections: SectionDef[];
  proactive: {
    /** The first header cell of every sub-table: 信息内容. */
    itemHeader: Label;
    subTables: ProactiveSubTable[];
  };
  requests: {
    /** The template's top-left note cell (R1). */
    note: Label;
    /** Three header rows over the 7 data columns. */
    header: HeaderCell[][];
    /** The 7 data columns in order. */
    columns: Label[];
    groups: RowGroupDef[];
    rows: RequestRowDef[];
    /** Rows whose sum is （七）总计 (R2). */
    outcomeRowIds: RequestRowId[];
  };
  reviews: {
    /** Three header rows over the 15 data columns. */
    header: HeaderCell[][];
    groups: ReviewGroupDef[];
    /** The 5 columns of every group. */
    columns: Label[];
  };
}

// ---- Shared pieces ----

const TABLE_HEADINGS = {
  overview: L('一、总体情况', '1. Overview'),
  proactive: L('二、主动公开政府信息情况', '2. Information disclosed proactively'),
  requests: L('三、收到和处理政府信息公开申请情况', '3. Disclosure applications received and handled'),
  reviews: L(
    '四、政府信息公开行政复议、行政诉讼情况',
    '4. Administrative reconsideration and litigation concerning information disclosure',
  ),
  problems: L('五、存在的主要问题及改进情况', '5. Main problems and how they are being addressed'),
  other: L('六、其他需要报告的事项', '6. Other matters to report'),
};

const TEXT_NOTE = L('（文字描述）', '(narrative)');

const ITEM_HEADER = L('信息内容', 'Information');

const ARTICLE_20 = {
  1: L('第二十条第（一）项', 'Article 20, item (1)'),
  5: L('第二十条第（五）项', 'Article 20, item (5)'),
  6: L('第二十条第（六）项', 'Article 20, item (6)'),
  8: L('第二十条第（八）项', 'Article 20, item (8)'),
  9: L('第二十条第（九）项', 'Article 20, item (9)'),
};

const count = (label: Label): ColumnDef => ({ label, kind: 'count' });

const REQUEST_COLUMNS: Label[] = [
  L('自然人', 'Natural persons'),
  L('商业企业', 'Commercial enterprises'),
  L('科研机构', 'Research institutions'),
  L('社会公益组织', 'Public-welfare organisations'),
  L('法律服务机构', 'Legal service providers'),
  L('其他', 'Other'),
  L('总计', 'Total'),
];

const REQUEST_HEADER: HeaderCell[][] = [
  [{ label: L('申请人情况', 'Applicants'), colspan: 7, rowspan: 1 }],
  [
    { label: REQUEST_COLUMNS[0]!, colspan: 1, rowspan: 2 },
    { label: L('法人或其他组织', 'Legal persons or other organisations'), colspan: 5, rowspan: 1 },
    { label: REQUEST_COLUMNS[6]!, colspan: 1, rowspan: 2 },
  ],
  REQUEST_COLUMNS.slice(1, 6).map((label) => ({ label, colspan: 1, rowspan: 1 })),
];

const REQUEST_NOTE = L(
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '(In every column, item 1 plus item 2 equals item 3 plus item 4.)',
);

const GROUP_3 = L('三、本年度办理结果', '3. Outcomes this year');
const GROUP_NOT_DISCLOSED = L('（三）不予公开', '(3) Not disclosed');
const GROUP_CANNOT_PROVIDE = L('（四）无法提供', '(4) Cannot be provided');
const GROUP_NOT_PROCESSED = L('（五）不予处理', '(5) Not processed');
const OTHER_HANDLING = L('（六）其他处理', '(6) Otherwise handled');

const row = (id: RequestRowId, label: Label, ...groups: string[]): RequestRowDef => ({ id, label, groups });

const ROWS_BEFORE_OTHER: RequestRowDef[] = [
  row('1', L('一、本年新收政府信息公开申请数量', '1. New applications received this year')),
  row('2', L('二、上年结转政府信息公开申请数量', '2. Applications carried over from last year')),
  row('3.1', L('（一）予以公开', '(1) Disclosed'), '3'),
  row(
    '3.2',
    L(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '(2) Partly disclosed (a request handled in parts is counted here only, under no other outcome)',
    ),
    '3',
  ),
  row('3.3.1', L('1.属于国家秘密', '1. State secret'), '3', '3.3'),
  row('3.3.2', L('2.其他法律行政法规禁止公开', '2. Disclosure prohibited by other laws or administrative regulations'), '3', '3.3'),
  row(
    '3.3.3',
    L(
      '3.危及“三安全一稳定”',
      '3. Would endanger the “three securities and one stability” (national, public and economic security; social stability)',
    ),
    '3',
    '3.3',
  ),
  row('3.3.4', L('4.保护第三方合法权益', '4. Protects the lawful rights and interests of a third party'), '3', '3.3'),
  row('3.3.5', L('5.属于三类内部事务信息', '5. One of the three kinds of internal-affairs information'), '3', '3.3'),
  row('3.3.6', L('6.属于四类过程性信息', '6. One of the four kinds of process information'), '3', '3.3'),
  row('3.3.7', L('7.属于行政执法案卷', '7. Administrative law-enforcement case file'), '3', '3.3'),
  row('3.3.8', L('8.属于行政查询事项', '8. Administrative inquiry matter'), '3', '3.3'),
  row('3.4.1', L('1.本机关不掌握相关政府信息', '1. This agency does not hold the information'), '3', '3.4'),
  row('3.4.2', L('2.没有现成信息需要另行制作', '2. No ready-made information; it would have to be newly produced'), '3', '3.4'),
  row('3.4.3', L('3.补正后申请内容仍不明确', '3. The request is still unclear after being supplemented'), '3', '3.4'),
  row('3.5.1', L('1.信访举报投诉类申请', '1. A petition, report or complaint'), '3', '3.5'),
  row('3.5.2', L('2.重复申请', '2. Repeated application'), '3', '3.5'),
  row('3.5.3', L('3.要求提供公开出版物', '3. Asks for publicly available publications'), '3', '3.5'),
  row('3.5.4', L('4.无正当理由大量反复申请', '4. Large numbers of repeated applications without good reason'), '3', '3.5'),
  row(
    '3.5.5',
    L('5.要求行政机关确认或重新出具已获取信息', '5. Asks the agency to confirm or reissue information already obtained'),
    '3',
    '3.5',
  ),
];

const ROWS_AFTER_OTHER: RequestRowDef[] = [
  row('3.7', L('（七）总计', '(7) Total'), '3'),
  row('4', L('四、结转下年度继续办理', '4. Carried over to next year')),
];

const COMMON_GROUPS: RowGroupDef[] = [
  { id: '3', label: GROUP_3 },
  { id: '3.3', label: GROUP_NOT_DISCLOSED },
  { id: '3.4', label: GROUP_CANNOT_PROVIDE },
  { id: '3.5', label: GROUP_NOT_PROCESSED },
];

const REVIEW_COLUMNS: Label[] = [
  L('结果维持', 'Upheld'),
  L('结果纠正', 'Corrected'),
  L('其他结果', 'Other result'),
  L('尚未审结', 'Pending'),
  L('总计', 'Total'),
];

const RECONSIDERATION = L('行政复议', 'Administrative reconsideration');
const LITIGATION = L('行政诉讼', 'Administrative litigation');
const DIRECT = L('未经复议直接起诉', 'Filed directly, without reconsideration');
const AFTER = L('复议后起诉', 'Filed after reconsideration');

const cell = (label: Label, colspan = 1, rowspan = 1): HeaderCell => ({ label, colspan, rowspan });

const REVIEWS: ReportFormatDef['reviews'] = {
  header: [
    [cell(RECONSIDERATION, 5), cell(LITIGATION, 10)],
    [...REVIEW_COLUMNS.map((label) => cell(label, 1, 2)), cell(DIRECT, 5), cell(AFTER, 5)],
    [...REVIEW_COLUMNS, ...REVIEW_COLUMNS].map((label) => cell(label)),
  ],
  groups: [
    { key: 'reconsideration', label: RECONSIDERATION, fullLabel: RECONSIDERATION },
    {
      key: 'litigationDirect',
      label: DIRECT,
      fullLabel: L('行政诉讼（未经复议直接起诉）', 'Administrative litigation (filed directly, without reconsideration)'),
    },
    {
      key: 'litigationAfterReconsideration',
      label: AFTER,
      fullLabel: L('行政诉讼（复议后起诉）', 'Administrative litigation (filed after reconsideration)'),
    },
  ],
  columns: REVIEW_COLUMNS,
};

const outcomeIds = (rows: RequestRowDef[]): RequestRowId[] => rows.filter((r) => r.groups[0] === '3' && r.id !== '3.7').map((r) => r.id);

// ---- 2021 format ----

const ROWS_2021: RequestRowDef[] = [
  ...ROWS_BEFORE_OTHER,
  row(
    '3.6.1',
    L(
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '1. The applicant did not supplement the request in time without good reason, so the agency no longer processes it',
    ),
    '3',
    '3.6',
  ),
  row(
    '3.6.2',
    L(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '2. The applicant did not pay the fee by the deadline in the fee notice, so the agency no longer processes the request',
    ),
    '3',
    '3.6',
  ),
  row('3.6.3', L('3.其他', '3. Other'), '3', '3.6'),
  ...ROWS_AFTER_OTHER,
];

export const FORMAT_2021: ReportFormatDef = {
  id: '2021',
  document: L(
    '国办公开办函〔2021〕30号',
    'Letter No. 30 [2021] of the General Office of the State Council, Government Information and Openness Office',
  ),
  formatTitle: L(
    '《中华人民共和国政府信息公开工作年度报告格式》',
    'Format of the Annual Report on Government Information Disclosure of the People’s Republic of China',
  ),
  sections: [
    { key: 'overview', heading: TABLE_HEADINGS.overview, note: TEXT_NOTE },
    { key: 'proactive', heading: TABLE_HEADINGS.proactive },
    { key: 'requests', heading: TABLE_HEADINGS.requests },
    { key: 'reviews', heading: TABLE_HEADINGS.reviews },
    { key: 'problems', heading: TABLE_HEADINGS.problems, note: TEXT_NOTE },
    {
      key: 'other',
      heading: TABLE_HEADINGS.other,
      note: L('（文字描述，收取信息处理费情况在此处报告。）', '(narrative; report information-processing fees collected here)'),
    },
  ],
  proactive: {
    itemHeader: ITEM_HEADER,
    subTables: [
      {
        caption: ARTICLE_20[1],
        columns: [
          count(L('本年制发件数', 'Issued this year')),
          count(L('本年废止件数', 'Repealed this year')),
          count(L('现行有效件数', 'Currently in force')),
        ],
        rows: [
          { key: 'rules', label: L('规章', 'Rules') },
          { key: 'normativeDocuments', label: L('行政规范性文件', 'Administrative normative documents') },
        ],
      },
      {
        caption: ARTICLE_20[5],
        columns: [count(L('本年处理决定数量', 'Decisions made this year'))],
        rows: [{ key: 'licensing', label: L('行政许可', 'Administrative licensing') }],
      },
      {
        caption: ARTICLE_20[6],
        columns: [count(L('本年处理决定数量', 'Decisions made this year'))],
        rows: [
          { key: 'penalties', label: L('行政处罚', 'Administrative penalties') },
          { key: 'coercion', label: L('行政强制', 'Administrative coercive measures') },
        ],
      },
      {
        caption: ARTICLE_20[8],
        columns: [{ label: L('本年收费金额（单位：万元）', 'Fees collected this year (unit: 10,000 yuan)'), kind: 'money' }],
        rows: [{ key: 'fees', label: L('行政事业性收费', 'Administrative and institutional fees') }],
      },
    ],
  },
  requests: {
    note: REQUEST_NOTE,
    header: REQUEST_HEADER,
    columns: REQUEST_COLUMNS,
    groups: [...COMMON_GROUPS, { id: '3.6', label: OTHER_HANDLING }],
    rows: ROWS_2021,
    outcomeRowIds: outcomeIds(ROWS_2021),
  },
  reviews: REVIEWS,
};

// ---- 2019 format ----

const ROWS_2019: RequestRowDef[] = [...ROWS_BEFORE_OTHER, row('3.6', OTHER_HANDLING, '3'), ...ROWS_AFTER_OTHER];

const PREVIOUS_YEAR_ITEMS = L('上一年项目数量', 'Items last year');
const CHANGE_THIS_YEAR = L('本年增/减', 'Change this year (+/−)');
const DECISIONS = L('处理决定数量', 'Decisions made');

const projectColumns = (): ColumnDef[] => [count(PREVIOUS_YEAR_ITEMS), { label: CHANGE_THIS_YEAR, kind: 'change' }, count(DECISIONS)];

export const FORMAT_2019: ReportFormatDef = {
  id: '2019',
  document: L(
    '国办公开办函〔2019〕60号',
    'Letter No. 60 [2019] of the General Office of the State Council, Government Information and Openness Office',
  ),
  formatTitle: L(
    '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
    'Format of the Annual Report on Government Information Disclosure of the People’s Republic of China (trial)',
  ),
  sections: [
    { key: 'overview', heading: TABLE_HEADINGS.overview, note: TEXT_NOTE },
    { key: 'proactive', heading: TABLE_HEADINGS.proactive },
    { key: 'requests', heading: TABLE_HEADINGS.requests },
    { key: 'reviews', heading: TABLE_HEADINGS.reviews },
    { key: 'problems', heading: TABLE_HEADINGS.problems, note: TEXT_NOTE },
    { key: 'other', heading: TABLE_HEADINGS.other, note: TEXT_NOTE, optional: true },
  ],
  proactive: {
    itemHeader: ITEM_HEADER,
    subTables: [
      {
        caption: ARTICLE_20[1],
        columns: [
          count(L('本年新制作数量', 'Newly made this year')),
          count(L('本年新公开数量', 'Newly published this year')),
          count(L('对外公开总数量', 'Total published')),
        ],
        rows: [
          { key: 'rules', label: L('规章', 'Rules') },
          { key: 'normativeDocuments', label: L('规范性文件', 'Normative documents') },
        ],
      },
      {
        caption: ARTICLE_20[5],
        columns: projectColumns(),
        rows: [
          { key: 'licensing', label: L('行政许可', 'Administrative licensing') },
          { key: 'otherServices', label: L('其他对外管理服务事项', 'Other external administrative services') },
        ],
      },
      {
        caption: ARTICLE_20[6],
        columns: projectColumns(),
        rows: [
          { key: 'penalties', label: L('行政处罚', 'Administrative penalties') },
          { key: 'coercion', label: L('行政强制', 'Administrative coercive measures') },
        ],
      },
      {
        caption: ARTICLE_20[8],
        columns: [count(PREVIOUS_YEAR_ITEMS), { label: CHANGE_THIS_YEAR, kind: 'change' }],
        rows: [{ key: 'fees', label: L('行政事业性收费', 'Administrative and institutional fees') }],
      },
      {
        caption: ARTICLE_20[9],
        columns: [
          count(L('采购项目数量', 'Procurement projects')),
          { label: L('采购总金额', 'Total procurement amount'), kind: 'moneyOrText' },
        ],
        rows: [{ key: 'procurement', label: L('政府集中采购', 'Centralised government procurement') }],
      },
    ],
  },
  requests: {
    note: REQUEST_NOTE,
    header: REQUEST_HEADER,
    columns: REQUEST_COLUMNS,
    groups: COMMON_GROUPS,
    rows: ROWS_2019,
    outcomeRowIds: outcomeIds(ROWS_2019),
  },
  reviews: REVIEWS,
};

export const FORMATS: Record<ReportFormat, ReportFormatDef> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };

export function isReportFormat(value: unknown): value is ReportFormat {
  return value === '2019' || value === '2021';
}

/** The table-二 row (with its sub-table) for a key such as "licensing", if the format has it. */
export function proactiveRow(format: ReportFormatDef, key: string): { subTable: ProactiveSubTable; row: ProactiveRowDef } | undefined {
  for (const subTable of format.proactive.subTables) {
    const found = subTable.rows.find((r) => r.key === key);
    if (found) return { subTable, row: found };
  }
  return undefined;
}

export function requestRow(format: ReportFormatDef, id: string): RequestRowDef | undefined {
  return format.requests.rows.find((r) => r.id === id);
}

/** A table-三 row label with its enclosing group labels (not 三、本年度办理结果), e.g. （三）不予公开 1.属于国家秘密. */
export function requestRowFullLabel(format: ReportFormatDef, id: string, locale: ReportLocale): string {
  const def = requestRow(format, id);
  if (!def) return id;
  const groups = def.groups.filter((g) => g !== '3').map((g) => format.requests.groups.find((x) => x.id === g)?.label[locale] ?? g);
  return [...groups, def.label[locale]].join(locale === 'zh-CN' ? ' ' : ' — ');
}

/** One cell in words, e.g. “（一）予以公开”行“自然人”列 / row “(1) Disclosed”, column “Natural persons”. */
export function cellLabel(format: ReportFormatDef, table: ReportTable, rowKey: string, column: number, locale: ReportLocale): string {
  let rowText = rowKey;
  let columnText = String(column + 1);
  if (table === '二') {
    const found = proactiveRow(format, rowKey);
    if (found) {
      rowText = found.row.label[locale];
      columnText = found.subTable.columns[column]?.label[locale] ?? columnText;
    }
  } else if (table === '三') {
    rowText = requestRowFullLabel(format, rowKey, locale);
    columnText = format.requests.columns[column]?.[locale] ?? columnText;
  } else {
    const group = format.reviews.groups.find((g) => g.key === rowKey);
    if (group) rowText = group.fullLabel[locale];
    columnText = format.reviews.columns[column]?.[locale] ?? columnText;
  }
  if (table === '四') {
    return locale === 'zh-CN' ? `“${rowText}”中的“${columnText}”` : `“${columnText}” under “${rowText}”`;
  }
  return locale === 'zh-CN' ? `“${rowText}”行“${columnText}”列` : `row “${rowText}”, column “${columnText}”`;
}
