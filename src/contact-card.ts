/** Registers `<zwgk-contact-card>`. */
export * from './components/contact-card/contact-card.js';
