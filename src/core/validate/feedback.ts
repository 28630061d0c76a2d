/** validateFeedback: the rules for `POST /feedback`, shared by the mailbox element and the server. */
import { FEEDBACK_CATEGORIES, type FeedbackRequest } from '../../api/types/feedback.js';
import { BodyReader, compact, type JsonObject } from './body.js';
import { validateEmail, validatePhone } from './contact.js';
import type { BodyValidation } from './result.js';

/** Default limits in characters; a portal may set its own (沈阳 caps the body at 600). */
export const FEEDBACK_LIMITS = { subject: 50, message: 1000, name: 50, proof: 10_000 } as const;

/**
 * Checks and normalises a letter. At least one of phone or e-mail is needed
 * so the agency can reply; `publish` absent means no consent (false).
 */
export function validateFeedback(body: unknown, limits: { subject?: number; message?: number } = {}): BodyValidation<FeedbackRequest> {
  const read = new BodyReader();
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    read.error('', 'body.invalid');
    return { errors: read.errors, warnings: read.warnings };
  }
  const o = body as JsonObject;
  read.onlyKnown(o, ['category', 'subject', 'message', 'name', 'phone', 'email', 'publish', 'proof'], '');

  const category = read.choice(o.category, '/category', FEEDBACK_CATEGORIES);
  const subject = read.text(o.subject, '/subject', limits.subject ?? FEEDBACK_LIMITS.subject, true);
  const message = read.text(o.message, '/message', limits.message ?? FEEDBACK_LIMITS.message, true);
  const name = read.line(o.name, '/name', FEEDBACK_LIMITS.name, true);
  const phone = read.string(o.phone, '/phone', validatePhone);
  const email = read.string(o.email, '/email', validateEmail);
  const blank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank(o.phone) && blank(o.email)) read.error('/phone', 'feedback.contactRequired');
  let publish = false;
  if (o.publish !== undefined && o.publish !== null) {
    if (typeof o.publish === 'boolean') publish = o.publish;
    else read.error('/publish', 'type.invalid');
  }
  const proof = read.text(o.proof, '/proof', FEEDBACK_LIMITS.proof, true);

  if (read.errors.length > 0 || !category || !subject || !message || !name || !proof)
    return { errors: read.errors, warnings: read.warnings };
  return { value: compact({ category, subject, message, name, phone, email, publish, proof }), errors: [], warnings: read.warnings };
}
