/** Registers `<zwgk-report-editor>`. */
export * from './components/report-editor/report-editor.js';
