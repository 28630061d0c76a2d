/** `zwgk-report-status`: a version of the year's report changed state in `<zwgk-report-editor>`. */
import type { ReportVersionStatus } from '../api/types/report-draft.js';

export interface ReportStatusDetail {
  year: number;
  version: number;
  /** `draft` after a return or a new correction, `review` once submitted, `published` once published */
  status: ReportVersionStatus;
  /** the correction's note, for a new correction */
  note?: string;
}

export type ReportStatusEvent = CustomEvent<ReportStatusDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-report-status': ReportStatusEvent;
  }
}
