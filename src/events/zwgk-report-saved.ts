/** `zwgk-report-saved`: `<zwgk-report-editor>` saved the draft on the server. */
export interface ZwgkReportSavedDetail {
  year: number;
  version: number;
  /** the revision now stored (the ETag is `"{version}.{revision}"`) */
  revision: number;
}

export type ZwgkReportSavedEvent = CustomEvent<ZwgkReportSavedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-report-saved': ZwgkReportSavedEvent;
  }
}
