import type { ApplicationReceipt } from '../api/types/application.js';

/**
 * Detail of `zwgk-submitted`, the same for every form: the server's receipt,
 * with `form` saying which one it is — an application (its tracking code, date
 * received and reply deadline) or a mailbox letter (its query code).
 */
export type ZwgkSubmittedDetail = ({ form: 'application' } & ApplicationReceipt) | { form: 'feedback'; queryCode: string };

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-submitted': CustomEvent<ZwgkSubmittedDetail>;
  }
}
