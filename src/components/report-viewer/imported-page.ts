/**
 * What the viewer loads only when `src` answers with a published report page rather than a document: the
 * importer (with the browser's own parser) and the note shown above what it read.
 */
export { importReportInBrowser } from '../../core/report/import/browser.js';
export { renderImportedNote } from './imported-note.js';
