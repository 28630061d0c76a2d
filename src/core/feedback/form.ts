/**
 * The model behind the 写信 view of <zwgk-feedback-mailbox>: what the citizen
 * has typed (plain strings, as the inputs hold them), the request body made
 * from it, and the shared validation (core/validate) mapped back onto the
 * form's fields. No DOM: the element renders, this decides.
 */
import { FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackRequest } from '../../api/types/feedback.js';
import { FEEDBACK_LIMITS, validateFeedback } from '../validate/feedback.js';
import type { MessageKey } from '../validate/messages.js';
import type { MessageParams } from '../validate/result.js';

export interface FeedbackFormValues {
  category: '' | FeedbackCategory;
  subject: string;
  message: string;
  name: string;
  phone: string;
  email: string;
  /** 同意公开 / 不公开; `no` until the writer says otherwise (consent is never pre-ticked) */
  publish: 'yes' | 'no';
}

export type FeedbackField = keyof FeedbackFormValues;
export const FEEDBACK_FIELDS: readonly FeedbackField[] = ['category', 'subject', 'message', 'name', 'phone', 'email', 'publish'];

/** Limits a portal may set; the rest come from FEEDBACK_LIMITS. */
export interface FeedbackFormLimits {
  subject: number;
  message: number;
}

export const DEFAULT_FEEDBACK_LIMITS: FeedbackFormLimits = { subject: FEEDBACK_LIMITS.subject, message: FEEDBACK_LIMITS.message };

/** One problem to show: on a field, or (`field` undefined) on the letter as a whole. */
export interface FeedbackIssue {
  field?: FeedbackField;
  code: MessageKey;
  params?: MessageParams;
}

export function emptyFeedbackValues(): FeedbackFormValues {
  return { category: '', subject: '', message: '', name: '', phone: '', email: '', publish: 'no' };
}

/** Whether the citizen has typed or chosen anything worth keeping as a draft. */
export function hasAnyFeedbackValue(values: FeedbackFormValues): boolean {
  return (
    values.category !== '' ||
    values.publish === 'yes' ||
    (['subject', 'message', 'name', 'phone', 'email'] as const).some((f) => values[f].trim() !== '')
  );
}

/** The field a JSON pointer of `POST /feedback` lands on; undefined for the body, the proof or anything unknown. */
export function feedbackFieldOfPointer(pointer: string): FeedbackField | undefined {
  const name = pointer.replace(/^\//, '');
  return (FEEDBACK_FIELDS as readonly string[]).includes(name) ? (name as FeedbackField) : undefined;
}

/** The request body, as the validator wants it: blank optional contacts left out. */
export function toFeedbackBody(values: FeedbackFormValues, proof: string): Record<string, unknown> {
  return {
    category: values.category || undefined,
    subject: values.subject,
    message: values.message,
    name: values.name,
    ...(values.phone.trim() ? { phone: values.phone } : {}),
    ...(values.email.trim() ? { email: values.email } : {}),
    publish: values.publish === 'yes',
    proof,
  };
}

/** Stands in for the proof while checking the letter: the proof is the element's business, not the citizen's. */
const PROOF_PLACEHOLDER = 'pending';

/**
 * Checks the letter with the server's own rules (validateFeedback) before a
 * proof exists. `letter` is the normalised body without the proof, present
 * when there is nothing to correct.
 */
export function validateFeedbackForm(
  values: FeedbackFormValues,
  limits: FeedbackFormLimits = DEFAULT_FEEDBACK_LIMITS,
): { letter?: Omit<FeedbackRequest, 'proof'>; issues: FeedbackIssue[] } {
  const result = validateFeedback(toFeedbackBody(values, PROOF_PLACEHOLDER), limits);
  const issues = result.errors.map((error): FeedbackIssue => {
    const field = feedbackFieldOfPointer(error.field);
    return { ...(field ? { field } : {}), code: error.code, ...(error.params ? { params: error.params } : {}) };
  });
  if (!result.value || issues.length > 0) return { issues };
  const { proof: _placeholder, ...letter } = result.value;
  return { letter, issues: [] };
}

/** Issues in the order of the form, so the summary reads top to bottom; one per field. */
export function orderFeedbackIssues(issues: readonly FeedbackIssue[]): FeedbackIssue[] {
  const rank = (issue: FeedbackIssue) => (issue.field ? FEEDBACK_FIELDS.indexOf(issue.field) : FEEDBACK_FIELDS.length);
  const seen = new Set<string>();
  return [...issues]
    .sort((a, b) => rank(a) - rank(b))
    .filter((issue) => {
      const key = issue.field ?? `:${issue.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Whether two letters would be the same request body once a proof is added. */
export function sameLetter(a: Omit<FeedbackRequest, 'proof'>, b: Omit<FeedbackRequest, 'proof'>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof typeof a>;
  return [...keys].every((key) => a[key] === b[key]);
}

/**
 * A draft read back from storage, checked field by field (stored data is not
 * trusted: an older version of the form or another script may have written
 * it). Undefined when nothing usable is in it.
 */
export function parseFeedbackDraft(data: unknown): FeedbackFormValues | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const o = data as Record<string, unknown>;
  const values = emptyFeedbackValues();
  if (FEEDBACK_CATEGORIES.includes(o.category as FeedbackCategory)) values.category = o.category as FeedbackCategory;
  for (const field of ['subject', 'message', 'name', 'phone', 'email'] as const) {
    // Generous cap: a draft may hold more than the limit (the citizen is told), never megabytes.
    if (typeof o[field] === 'string') values[field] = (o[field] as string).slice(0, 20_000);
  }
  if (o.publish === 'yes') values.publish = 'yes';
  return hasAnyFeedbackValue(values) ? values : undefined;
}

/** 查询码 as people type them back: any case, spaces or hyphens from reading it aloud. */
export function normalizeQueryCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-—]+/g, '')
    .toUpperCase();
}
