import type { ApplicationStatus } from '../api/types/application.js';

/** `zwgk-case-action`: the desk recorded one step on a case (the server accepted it). */
export interface ZwgkCaseActionDetail {
  trackingCode: string;
  /** the action's name in the staff API, e.g. `accept`, `request-supplement`, `answer` */
  action: string;
  /** the case's status after the step */
  status: ApplicationStatus;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-case-action': CustomEvent<ZwgkCaseActionDetail>;
  }
}
