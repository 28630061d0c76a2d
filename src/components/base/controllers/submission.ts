import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../../api/client.js';
import { newIdempotencyKey } from '../../../api/idempotency.js';
import type { ProblemFieldError } from '../../../api/types/problem.js';
import { parseState, toLoadError, type LoadError, type Parse } from './request.js';

/**
 * Why sending failed, as the element explains it: the server was not reached or
 * did not answer in time (`network`, `timeout`), answered with something
 * unreadable (`malformed`), failed itself (`server`), is busy (`busy`, 429),
 * found problems with fields (`invalid`, a 422 with field errors), or refused
 * for another reason (`refused`, any other 4xx).
 */
export type SubmitFailureKind = 'network' | 'timeout' | 'malformed' | 'server' | 'busy' | 'invalid' | 'refused';

export interface SubmitFailure {
  kind: SubmitFailureKind;
  error: LoadError;
  /** the server's field errors (for `invalid`) */
  fieldErrors: readonly ProblemFieldError[];
  /** 1 for the first failure of this body, 2 after one Retry … */
  attempt: number;
}

export type SubmissionState<R> =
  { status: 'idle' } | { status: 'sending' } | { status: 'sent'; receipt: R } | { status: 'failed'; failure: SubmitFailure };

export interface SubmissionOptions<B, R> {
  /** Sends `body` with its Idempotency-Key; resolves with the raw answer or rejects (ideally with an ApiError). */
  send: (body: B, idempotencyKey: string, signal: AbortSignal) => Promise<unknown>;
  /** Checks the server's receipt. */
  parse: Parse<R>;
  /** Turns a failure the controller cannot classify (e.g. a spam-protection proof that would not compute) into a kind. */
  classify?: (error: unknown) => SubmitFailureKind | undefined;
}

/** Failures after which the server may have stored the body: a retry must carry the same key. */
const MAY_HAVE_ARRIVED: readonly SubmitFailureKind[] = ['network', 'timeout', 'malformed', 'server', 'busy'];

/** The kind of a failed submission, from whatever `send` threw. */
export function failureKind(error: unknown): SubmitFailureKind {
  if (!(error instanceof ApiError)) return 'server';
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'malformed') return error.kind;
  if (error.kind === 'aborted') return 'network';
  if (error.status === 429) return 'busy';
  if ((error.status ?? 500) >= 500) return 'server';
  if (error.status === 422 && error.fieldErrors.length > 0) return 'invalid';
  return 'refused';
}

/**
 * Idempotent sending (docs/decisions/0003-idempotency.md): one Idempotency-Key
 * per body. Sending the same body again — the Retry button, a double click, a
 * second press after a timeout — reuses its key, so the server stores it once;
 * a changed body, or one the server refused outright, gets a fresh key.
 */
export class SubmissionController<B, R> implements ReactiveController {
  state: SubmissionState<R> = { status: 'idle' };
  private attempt?: { key: string; body: B; serialized: string; failures: number };
  private abortController?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SubmissionOptions<B, R>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abortController?.abort();
  }

  get sending(): boolean {
    return this.state.status === 'sending';
  }

  /** The key the current body goes with (for tests and logs). */
  get idempotencyKey(): string | undefined {
    return this.attempt?.key;
  }

  /** The key `body` will be sent with: the current attempt's when the body is the same, else a fresh one. */
  keyFor(body: B): string {
    const serialized = JSON.stringify(body);
    if (this.attempt?.serialized !== serialized) this.attempt = { key: newIdempotencyKey(), body, serialized, failures: 0 };
    return this.attempt.key;
  }

  /** Sends `body`; while one is on its way a second call is ignored and resolves with the current state. */
  async submit(body: B): Promise<SubmissionState<R>> {
    if (this.sending) return this.state;
    this.keyFor(body);
    const attempt = this.attempt!;
    const abort = (this.abortController = new AbortController());
    this.set({ status: 'sending' });
    let next: SubmissionState<R>;
    try {
      const parsed = parseState(this.options.parse, await this.options.send(attempt.body, attempt.key, abort.signal));
      if (parsed.status === 'error') throw new ApiError('malformed', parsed.error.detail ?? 'Unreadable receipt');
      next = { status: 'sent', receipt: (parsed as { value: R }).value };
      this.attempt = undefined;
    } catch (error) {
      if (abort.signal.aborted) return this.state;
      const kind = this.options.classify?.(error) ?? failureKind(error);
      attempt.failures += 1;
      // The server refused this body and stored nothing: a corrected (or even the same) body is a new request.
      if (!MAY_HAVE_ARRIVED.includes(kind)) this.attempt = undefined;
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      next = { status: 'failed', failure: { kind, error: toLoadError(error), fieldErrors, attempt: attempt.failures } };
    }
    this.set(next);
    return next;
  }

  /** Sends the last body again under its key (the Retry button); nothing to do without a failed attempt. */
  retry(): Promise<SubmissionState<R>> | undefined {
    return this.attempt ? this.submit(this.attempt.body) : undefined;
  }

  /** The body and key of an attempt that may have reached the server, to keep with a draft across a reload. */
  get pending(): { body: B; key: string } | undefined {
    return this.attempt ? { body: this.attempt.body, key: this.attempt.key } : undefined;
  }

  /** Takes back an attempt kept with a draft: sending the same body again reuses its key. */
  resume(pending: { body: B; key: string }): void {
    this.attempt = { ...pending, serialized: JSON.stringify(pending.body), failures: 0 };
  }

  /** Forgets the attempt (a new letter); an answer still on its way is dropped. */
  reset(): void {
    this.abortController?.abort();
    this.attempt = undefined;
    this.set({ status: 'idle' });
  }

  private set(state: SubmissionState<R>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
