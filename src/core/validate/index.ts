export { validationMessages, formatMessage, MESSAGE_KEYS, type MessageKey, type MessageLocale } from './messages.js';
export type { Validation, FieldIssue, BodyValidation, MessageParams } from './result.js';
export { validateIdNumber, validateOtherIdNumber, idNumberCheckDigit } from './id-number.js';
export { validateCreditCode, creditCodeCheckChar, orgCodeCheckChar } from './credit-code.js';
export { validateMobile, validateLandline, validatePhone, validatePostcode, validateEmail, validateText } from './contact.js';
export { charLength } from './normalize.js';
export { validateApplication, APPLICATION_LIMITS } from './application.js';
export { validateFeedback, FEEDBACK_LIMITS } from './feedback.js';
