/**
 * The one-file CDN build (`cdn/zwgk-kit.js`): registers the citizen's elements at once, and — through the
 * autoloader — the office's (the request desk, the report editor) when one first appears in the page, so a
 * portal's public pages never download the staff tools.
 */
export * from './application-form.js';
export * from './application-status.js';
export * from './contact-card.js';
export * from './directory.js';
export * from './feedback-mailbox.js';
export * from './report-viewer.js';
export { ZwgkElement, defineElement } from './components/base/zwgk-element.js';
import './autoloader.js';
