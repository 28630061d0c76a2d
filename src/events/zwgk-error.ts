import type { ApiErrorKind } from '../api/client.js';
import type { Problem } from '../api/types/problem.js';

/** Which request failed. */
export type ZwgkOperation = 'load' | 'search' | 'submit' | 'lookup' | 'rate' | 'list' | 'challenge';

/**
 * Detail of `zwgk-error`, the same for every element: which request failed
 * (`operation`), how (`kind`: network, timeout, aborted, http, malformed; `invalid`
 * for an answer of the wrong shape; `proof` when the spam-protection check could
 * not be done), the HTTP `status` and the server's RFC 9457 `problem` when there
 * was an answer. Absent fields are left out, not undefined.
 */
export interface ZwgkErrorDetail {
  operation: ZwgkOperation;
  kind: ApiErrorKind | 'invalid' | 'proof';
  status?: number;
  problem?: Problem;
}

/** The detail for a failure, leaving out what is not known. */
export function errorDetail(operation: ZwgkOperation, error: Omit<ZwgkErrorDetail, 'operation'>): ZwgkErrorDetail {
  return {
    operation,
    kind: error.kind,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.problem ? { problem: error.problem } : {}),
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-error': CustomEvent<ZwgkErrorDetail>;
  }
}
