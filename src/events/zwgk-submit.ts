import type { ApplicationRequest } from '../api/types/application.js';

/** Detail of `zwgk-submit` (cancelable: `preventDefault()` stops the sending): the body about to be sent. */
export interface ZwgkSubmitDetail {
  request: ApplicationRequest;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-submit': CustomEvent<ZwgkSubmitDetail>;
  }
}
