/** Registers `<zwgk-application-form>`. */
export * from './components/application-form/application-form.js';
