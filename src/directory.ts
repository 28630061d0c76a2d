/** Registers `<zwgk-directory>`. */
export * from './components/directory/directory.js';
