/** Registers every zwgk element. Each element also has its own entry (zwgk-kit/contact-card.js …). */
export * from './application-form.js';
export * from './application-status.js';
export * from './contact-card.js';
export * from './directory.js';
export * from './feedback-mailbox.js';
export * from './report-editor.js';
export * from './report-viewer.js';
export * from './request-desk.js';
export { ZwgkElement, defineElement } from './components/base/zwgk-element.js';
export { ApiError, requestJson } from './api/client.js';
export { newIdempotencyKey } from './api/idempotency.js';
export type { ContactInfo } from './api/types/contact.js';
// The documents of the backend contract that `data` properties take.
export type { DisclosureItem } from './api/types/directory.js';
export type { AnnualReport } from './api/types/report.js';
