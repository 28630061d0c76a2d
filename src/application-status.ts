/** Registers `<zwgk-application-status>`. */
export * from './components/application-status/application-status.js';
