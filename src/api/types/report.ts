/**
 * The annual report document (政府信息公开工作年度报告) as served by `GET /reports/{year}`
 * and read by `<zwgk-report-viewer>`. Numbers are stored by stable row keys; the labels
 * come from the format (see `core/report/formats.ts`).
 *
 * `null` (or a missing row) means the cell was left blank in the published report:
 * "not stated", never 0.
 */

/** 2019: 国办公开办函〔2019〕60号 (years 2019–2020); 2021: 国办公开办函〔2021〕30号 (2021 onward). */
export type ReportFormat = '2019' | '2021';

export type ReportLocale = 'zh-CN' | 'en';

/** A numeric cell; `null` = left blank. */
export type Cell = number | null;

export interface ReportContact {
  agency?: string;
  contact?: string;
  phone?: string;
  fax?: string;
  address?: string;
  postcode?: string;
  email?: string;
}

/** Narrative parts as HTML fragments (sanitised when rendered). */
export interface ReportSections {
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 — required by the 2021 format, optional in 2019. */
  other?: string;
}

// ---- 二、主动公开政府信息情况 ----

/** 2021 format: each value is an array in column order. */
export interface Proactive2021 {
  /** 规章: 本年制发件数, 本年废止件数, 现行有效件数 */
  rules?: [Cell, Cell, Cell];
  /** 行政规范性文件: same three */
  normativeDocuments?: [Cell, Cell, Cell];
  /** 行政许可: 本年处理决定数量 */
  licensing?: [Cell];
  /** 行政处罚: 本年处理决定数量 */
  penalties?: [Cell];
  /** 行政强制: 本年处理决定数量 */
  coercion?: [Cell];
  /** 行政事业性收费: 本年收费金额（单位：万元） — decimal */
  fees?: [Cell];
}

/** 2019 format. 本年增/减 may be negative. */
export interface Proactive2019 {
  /** 规章: 本年新制作数量, 本年新公开数量, 对外公开总数量 */
  rules?: [Cell, Cell, Cell];
  /** 规范性文件: same three */
  normativeDocuments?: [Cell, Cell, Cell];
  /** 行政许可: 上一年项目数量, 本年增/减, 处理决定数量 */
  licensing?: [Cell, Cell, Cell];
  /** 其他对外管理服务事项: same three */
  otherServices?: [Cell, Cell, Cell];
  /** 行政处罚: same three */
  penalties?: [Cell, Cell, Cell];
  /** 行政强制: same three */
  coercion?: [Cell, Cell, Cell];
  /** 行政事业性收费: 上一年项目数量, 本年增/减 */
  fees?: [Cell, Cell];
  /** 政府集中采购: 采购项目数量, 采购总金额 (a number, or the published text such as "251000元") */
  procurement?: [Cell, number | string | null];
}

// ---- 三、收到和处理政府信息公开申请情况 ----

/** 7 values: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export type RequestRow = [Cell, Cell, Cell, Cell, Cell, Cell, Cell];

type RequestRowIdCommon =
  | '1'
  | '2'
  | '3.1'
  | '3.2'
  | '3.3.1'
  | '3.3.2'
  | '3.3.3'
  | '3.3.4'
  | '3.3.5'
  | '3.3.6'
  | '3.3.7'
  | '3.3.8'
  | '3.4.1'
  | '3.4.2'
  | '3.4.3'
  | '3.5.1'
  | '3.5.2'
  | '3.5.3'
  | '3.5.4'
  | '3.5.5'
  | '3.7'
  | '4';
export type RequestRowId2019 = RequestRowIdCommon | '3.6';
export type RequestRowId2021 = RequestRowIdCommon | '3.6.1' | '3.6.2' | '3.6.3';
export type RequestRowId = RequestRowId2019 | RequestRowId2021;

/** A missing row id means the whole row was left blank. */
export type Requests2019 = Partial<Record<RequestRowId2019, RequestRow>>;
export type Requests2021 = Partial<Record<RequestRowId2021, RequestRow>>;

// ---- 四、政府信息公开行政复议、行政诉讼情况 ----

/** 5 values: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export type ReviewGroup = [Cell, Cell, Cell, Cell, Cell];

export interface Reviews {
  /** 行政复议 */
  reconsideration?: ReviewGroup;
  /** 行政诉讼 — 未经复议直接起诉 */
  litigationDirect?: ReviewGroup;
  /** 行政诉讼 — 复议后起诉 */
  litigationAfterReconsideration?: ReviewGroup;
}

// ---- The document ----

interface ReportBase {
  /** 报告主体 */
  agency: string;
  /** 报告年度 */
  year: number;
  /** Derived from agency and year if absent. */
  title?: string;
  /** ISO date, e.g. "2025-01-20". */
  publishedAt?: string;
  contact?: ReportContact;
  sections: ReportSections;
  reviews: Reviews;
}

export interface AnnualReport2019 extends ReportBase {
  format: '2019';
  proactive: Proactive2019;
  requests: Requests2019;
}

export interface AnnualReport2021 extends ReportBase {
  format: '2021';
  proactive: Proactive2021;
  requests: Requests2021;
}

export type AnnualReport = AnnualReport2019 | AnnualReport2021;

// ---- Findings of the checker ----

/** 二 = proactive, 三 = requests, 四 = reviews. */
export type ReportTable = '二' | '三' | '四';

/** One cell: the row key (二, 四) or row id (三), and the 0-based column index in its array. */
export interface CellRef {
  table: ReportTable;
  row: string;
  column: number;
}

/**
 * One problem found in a report. `rule` is R1–R9 (arithmetic, see reference §1.8) or
 * "schema" (the document's shape). Errors mean the report is wrong; warnings are worth
 * a look and may be legitimate (including "this blank cell would be …").
 */
export interface ReportFinding {
  rule: 'schema' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9';
  severity: 'error' | 'warning';
  cells: CellRef[];
  /** For schema findings: where in the document, e.g. "requests.3.1[2]". */
  path?: string;
  expected: number | string | null;
  actual: number | string | null;
  message: Record<ReportLocale, string>;
}
