/** Registers `<zwgk-report-viewer>`. */
export * from './components/report-viewer/report-viewer.js';
