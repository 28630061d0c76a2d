/** The application form's rules (values → request body, field mapping, file checks) and the server answers it reads. */
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
} from './form.js';
export {
  checkAttachment,
  fileSizeText,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_ACCEPT,
  ATTACHMENT_SNIFF_BYTES,
  type AttachmentCheck,
} from './attachment.js';
export { replyPeriodBreakdown, type ReplyPeriodBreakdown } from './deadline.js';
export { parseReceipt, parseStatusView } from './answers.js';
