import type { ReportFinding } from '../api/types/report.js';

/** Detail of `zwgk-checked`: the findings of an annual report's check. */
export interface ZwgkCheckedDetail {
  /** Every finding, errors first (the numbers shown beside the cells are positions in this list). */
  findings: readonly ReportFinding[];
  errors: number;
  warnings: number;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-checked': CustomEvent<ZwgkCheckedDetail>;
  }
}
