/** `zwgk-supplemented`: the citizen's 补正 reached the agency from `<zwgk-application-status>`; the clock restarts. */
export interface ZwgkSupplementedDetail {
  trackingCode: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-supplemented': CustomEvent<ZwgkSupplementedDetail>;
  }
}
