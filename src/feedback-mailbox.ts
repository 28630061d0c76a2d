/** Registers `<zwgk-feedback-mailbox>`. */
export * from './components/feedback-mailbox/feedback-mailbox.js';
