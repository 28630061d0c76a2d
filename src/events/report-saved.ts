/** `zwgk-report-saved`: `<zwgk-report-editor>` saved the draft on the server. */
export interface ReportSavedDetail {
  year: number;
  version: number;
  /** the revision now stored (the ETag is `"{version}.{revision}"`) */
  revision: number;
}

export type ReportSavedEvent = CustomEvent<ReportSavedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-report-saved': ReportSavedEvent;
  }
}
