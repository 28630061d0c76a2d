import type { ProblemFieldError } from '../../../api/types/problem.js';
import type { MessageKey, MessageParams } from '../../../core/validate/messages.js';
import { COMMON_MESSAGES, formatIn, knowsMessage, type MessageTable } from '../../../core/validate/messages-common.js';
import type { Issue } from './form-feedback.js';

export interface ServerErrorMapping<F extends string> {
  /** The field a server error's JSON pointer names (`/applicant/phone` → `phone`), if the form shows one. */
  fieldOfPointer: (pointer: string) => F | undefined;
  /** Parameters for a server error's message, e.g. the `{max}` of a field (the server may send only the code). */
  paramsFor?: (field: F | undefined, code: MessageKey) => MessageParams | undefined;
  /** The codes the element words itself (default: the shared messages; the application form gives the whole table). */
  messages?: MessageTable;
}

/**
 * A 422's field errors as issues for FormFeedbackController.showServerErrors(): a code the message
 * table knows is re-worded in the element's language with its parameters; any other keeps the
 * server's words (already in the request's language).
 */
export function mapServerErrors<F extends string>(
  errors: readonly ProblemFieldError[],
  mapping: ServerErrorMapping<F>,
): { field?: F; issue: Issue }[] {
  return errors.map((error) => {
    const field = mapping.fieldOfPointer(error.field);
    return { ...(field ? { field } : {}), issue: serverIssue(error, (code) => mapping.paramsFor?.(field, code), mapping.messages) };
  });
}

/** A server field error as an Issue: its code when the table knows it and every parameter is at hand, else its words. */
export function serverIssue(
  error: ProblemFieldError,
  paramsFor: (code: MessageKey) => MessageParams | undefined = () => undefined,
  messages: MessageTable = COMMON_MESSAGES,
): Issue {
  const code = error.code;
  if (!knowsMessage(messages, code)) return { text: error.message };
  const params = { ...paramsFor(code), ...error.params };
  const issue: Issue = Object.keys(params).length ? { code, params } : { code };
  // A message whose parameter neither side knows would show a literal `{max}`: the server's own words are better.
  return /\{\w+\}/.test(formatIn(messages, 'zh-CN', code, issue.params)) ? { text: error.message } : issue;
}
