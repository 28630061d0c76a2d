export { draftKey, saveDraft, loadDraft, clearDraft, DRAFT_MAX_AGE_MS, type KeyValueStore, type DraftRead } from './store.js';
export {
  APPLICATION_STEPS,
  FIELD_STEP,
  emptyApplicationValues,
  toApplicationBody,
  validateApplicationForm,
  fieldOfPointer,
  fieldsOfStep,
  parseApplicationDraft,
  hasAnyValue,
  type ApplicationStep,
  type ApplicationFormValues,
  type ApplicationDraft,
  type FieldName,
  type FormField,
  type FormIssue,
  type FormMessageKey,
  type FormValidation,
} from './application.js';
export { checkAttachment, fileSizeText, ATTACHMENT_MAX_BYTES, ATTACHMENT_ACCEPT, ATTACHMENT_SNIFF_BYTES, type AttachmentCheck } from './attachment.js';
export { replyPeriodBreakdown, type ReplyPeriodBreakdown } from './deadline.js';
export { parseReceipt, parseStatusView } from './answers.js';
