/** `zwgk-withdrawn`: the citizen withdrew (撤回) the application from `<zwgk-application-status>`. */
export interface ZwgkWithdrawnDetail {
  trackingCode: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-withdrawn': CustomEvent<ZwgkWithdrawnDetail>;
  }
}
