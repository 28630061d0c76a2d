/**
 * Sends a letter: one Idempotency-Key and one proof per body, kept after a failure that may have
 * reached the server, so that 重新提交 sends the same key and body and the server answers with the letter
 * it stored instead of storing a second one. A refused proof (expired, spent) gets a fresh one and key.
 */
import { ApiError, requestJson } from '../../api/client.js';
import { apiUrl } from '../../api/url.js';
import { newIdempotencyKey } from '../../api/idempotency.js';
import type { FeedbackReceipt, FeedbackRequest } from '../../api/types/feedback.js';
import { parseFeedbackReceipt } from '../../core/feedback/answers.js';
import { sameLetter } from '../../core/feedback/form.js';
import { ProofUnavailable, type ProofKeeper } from './proof-keeper.js';
import type { FailureKind } from './write-parts.js';

export type Letter = Omit<FeedbackRequest, 'proof'>;

/** One submission attempt: its key and the exact body, kept so that a retry sends both unchanged. */
interface Attempt {
  key: string;
  letter: Letter;
  body: FeedbackRequest;
}

export class LetterSender {
  private pending?: Attempt;

  constructor(
    private readonly proofs: ProofKeeper,
    private readonly apiBase: () => string,
    private readonly language: () => string,
  ) {}

  async send(letter: Letter): Promise<FeedbackReceipt> {
    // The same letter after a failure goes again under the same key with the same proof.
    let attempt = this.pending && sameLetter(this.pending.letter, letter) ? this.pending : await this.newAttempt(letter);
    try {
      return await this.post(attempt);
    } catch (error) {
      if (!proofRefused(error)) throw error;
      // Expired or spent: a fresh proof makes a different body, which needs a key of its own.
      attempt = await this.newAttempt(letter);
      return this.post(attempt);
    }
  }

  /** Forgets the attempt: the letter was stored, or refused in a way no retry of the same body can mend. */
  forget(): void {
    this.pending = undefined;
  }

  /** What a failure means for the writer; only one that may have reached the server keeps the attempt for a retry. */
  failed(error: unknown): FailureKind {
    const kind = failureKind(error);
    if (!['network', 'timeout', 'server', 'malformed', 'busy'].includes(kind)) this.forget();
    return kind;
  }

  private async newAttempt(letter: Letter): Promise<Attempt> {
    const proof = await this.proofs.take();
    this.pending = { key: newIdempotencyKey(), letter, body: { ...letter, proof } };
    return this.pending;
  }

  private async post(attempt: Attempt): Promise<FeedbackReceipt> {
    const raw = await requestJson(apiUrl(this.apiBase(), 'feedback'), {
      method: 'POST',
      body: attempt.body,
      idempotencyKey: attempt.key,
      // The server's own words for a rule the element does not know come in the element's language.
      headers: { 'Accept-Language': this.language() },
    });
    const parsed = parseFeedbackReceipt(raw);
    if ('problems' in parsed) throw new ApiError('malformed', parsed.problems.join('; '), 201);
    return parsed.value;
  }
}

function failureKind(error: unknown): FailureKind {
  if (error instanceof ProofUnavailable || proofRefused(error)) return 'proof';
  if (!(error instanceof ApiError)) return 'server';
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'malformed') return error.kind;
  if (error.status === 429) return 'busy';
  if ((error.status ?? 500) >= 500) return 'server';
  return 'refused';
}

/** The server refused the proof (expired, spent or forged): a new one may succeed. */
function proofRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && /proof/.test(error.problem?.type ?? '');
}
