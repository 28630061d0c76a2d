/** Registers `<zwgk-request-desk>`. */
export * from './components/request-desk/request-desk.js';
