/** RFC 9457 problem details (`application/problem+json`), the error body of every endpoint. */

export interface ProblemFieldError {
  /** JSON pointer into the request body, e.g. `/applicant/idNumber` */
  field: string;
  /** human-readable, in the request's language */
  message: string;
  /** stable machine code (a validation MessageKey) so a client can re-word it */
  code?: string;
  /** the message's parameters, e.g. `{ "max": 2000 }`, so a client re-wording `code` can fill them in */
  params?: { max?: number };
}

export interface Problem {
  /** URI reference identifying the problem type; `about:blank` when only the status matters */
  type: string;
  title: string;
  /** the HTTP status code */
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
}
