/**
 * The 意见箱 model: the letter form and its validation, character counts, the
 * server's answers checked, the view in the URL, the ALTCHA proof format and
 * the rating window. The element imports the files it needs directly, so the
 * rating window (and its holiday calendar) loads only when used.
 */
export {
  emptyFeedbackValues,
  hasAnyFeedbackValue,
  feedbackFieldOfPointer,
  toFeedbackBody,
  validateFeedbackForm,
  orderFeedbackIssues,
  sameLetter,
  parseFeedbackDraft,
  normalizeQueryCode,
  FEEDBACK_FIELDS,
  DEFAULT_FEEDBACK_LIMITS,
  type FeedbackFormValues,
  type FeedbackField,
  type FeedbackFormLimits,
  type FeedbackIssue,
} from './form.js';
export { characterCount, countWorthSpeaking, type CharacterCount, type CountBand } from './counter.js';
export { parseFeedbackReceipt, parseFeedbackLetter, parsePublishedLettersPage, pageCount, pageItems } from './answers.js';
export { readMailboxState, hrefWithMailboxState, MAILBOX_VIEWS, type MailboxView, type MailboxUrlState } from './url-state.js';
export { readChallenge, challengeExpiry, encodeProof, BROWSER_ALGORITHMS } from './proof.js';
export { ratingWindow, FEEDBACK_RATING_WINDOW_WORKING_DAYS, type RatingWindow } from './rating.js';
