/**
 * Table 三 of the annual report (收到和处理政府信息公开申请情况) from stored
 * applications. Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
 * 其他, 总计. Rows: 1 received in the year, 2 carried over (received earlier,
 * still open on 1 January), 3.x resolved in the year by outcome, 3.7 their sum,
 * 4 still open on 31 December. So 1 + 2 = 3.7 + 4 holds in every column.
 * A withdrawn application has no outcome of its own and counts under （六）3.其他.
 */
import { OUTCOME_IDS, type OrgType, type OutcomeId, type Applicant } from '../api/types/application.js';
import type { RequestRow, Requests2019, Requests2021 } from '../api/types/report.js';
import type { ApplicationCounts } from './storage/types.js';

const ORG_COLUMNS: Record<OrgType, number> = { commercial: 1, research: 2, 'social-welfare': 3, 'legal-services': 4, other: 5 };

/** The column of table 三 an applicant is counted in (0–5). */
export function applicantColumn(applicant: Applicant): number {
  return applicant.type === 'person' ? 0 : ORG_COLUMNS[applicant.orgType];
}

function row(values: number[]): RequestRow {
  const six = values.slice(0, 6);
  return [...six, six.reduce((a, b) => a + b, 0)] as RequestRow;
}

/** The 2021 format (years from 2021), or the 2019 format, where （六）其他处理 is one row `3.6`. */
export function requestsTable(year: number, counts: ApplicationCounts): Requests2021 | Requests2019 {
  const byOutcome = new Map<OutcomeId, number[]>(OUTCOME_IDS.map((id) => [id, [0, 0, 0, 0, 0, 0]]));
  for (const { outcome, column, count } of counts.resolved) byOutcome.get(outcome ?? '3.6.3')![column]! += count;
  const resolved = [0, 0, 0, 0, 0, 0].map((_, col) => [...byOutcome.values()].reduce((sum, cells) => sum + cells[col]!, 0));

  const table: Record<string, RequestRow> = { '1': row(counts.received), '2': row(counts.carriedOver) };
  for (const id of OUTCOME_IDS) {
    if (year < 2021 && id.startsWith('3.6.')) continue;
    table[id] = row(byOutcome.get(id)!);
  }
  if (year < 2021) {
    const other = [0, 0, 0, 0, 0, 0].map((_, col) =>
      ['3.6.1', '3.6.2', '3.6.3'].reduce((s, id) => s + byOutcome.get(id as OutcomeId)![col]!, 0),
    );
    table['3.6'] = row(other);
  }
  table['3.7'] = row(resolved);
  table['4'] = row(counts.openAtEnd);
  return table;
}
