import type { MessageKey } from './messages.js';

/** What every single-field validator returns: the normalised value, or why it was refused. */
export type Validation<T = string> = { ok: true; value: T; warning?: MessageKey } | { ok: false; code: MessageKey; params?: MessageParams };

/** Values a message may interpolate, e.g. `{max}` in `text.tooLong`. */
export type MessageParams = { max?: number };

/** One problem with one field of a request body. */
export interface FieldIssue {
  /** JSON pointer into the body, e.g. `/applicant/idNumber` */
  field: string;
  code: MessageKey;
  params?: MessageParams;
}

/** The outcome of validating a whole request body. `value` is present only when `errors` is empty. */
export interface BodyValidation<T> {
  value?: T;
  errors: FieldIssue[];
  /** soft findings that do not block submission (e.g. a doubtful embedded 组织机构代码) */
  warnings: FieldIssue[];
}
