/**
 * Spam protection without tracking and without anything for the citizen to
 * read or type: an ALTCHA proof of work, fetched and solved in the background
 * once the citizen starts writing, ready by the time the letter is sent.
 */
import { requestJson } from '../../api/client.js';
import { apiUrl } from '../../api/url.js';
import { challengeExpiry, encodeProof, readChallenge } from '../../core/feedback/proof.js';

export type ProofState = 'idle' | 'solving' | 'ready' | 'failed';

/** Why no proof could be made: the challenge could not be fetched or read, or the work was not done in time. */
export class ProofUnavailable extends Error {
  constructor(readonly reason: unknown) {
    super('No spam-protection proof could be made.');
    this.name = 'ProofUnavailable';
  }
}

/** A challenge that expires within this margin is solved afresh: the letter must still reach the server in time. */
const EXPIRY_MARGIN_MS = 60_000;

interface Proof {
  value: string;
  expiresAt?: number;
}

export class ProofKeeper {
  state: ProofState = 'idle';
  private proof?: Proof;
  private job?: Promise<void>;
  private failure?: unknown;
  private controller?: AbortController;

  constructor(
    private readonly apiBase: () => string,
    private readonly onChange: (state: ProofState) => void,
  ) {}

  /** Starts solving in the background, unless a usable proof is ready or on its way. */
  start(): void {
    if (this.job || (this.proof && usable(this.proof))) return;
    this.job = this.solve().finally(() => (this.job = undefined));
  }

  /**
   * A proof that has not been sent yet: the one being solved, or a new one.
   * Each proof counts once on the server, so it is handed out once.
   */
  async take(): Promise<string> {
    if (this.proof && !usable(this.proof)) this.proof = undefined;
    if (!this.proof) {
      this.start();
      await this.job;
    }
    const proof = this.proof;
    if (!proof) throw new ProofUnavailable(this.failure);
    this.proof = undefined;
    this.set('idle');
    return proof.value;
  }

  /** Stops work in progress (the element left the page). */
  stop(): void {
    this.controller?.abort();
  }

  private async solve(): Promise<void> {
    this.set('solving');
    this.controller = new AbortController();
    const { signal } = this.controller;
    try {
      const challenge = readChallenge(await requestJson(apiUrl(this.apiBase(), 'feedback/challenge'), { signal }));
      if (!challenge) throw new Error('The challenge is not one a browser can solve.');
      const { solve } = await import('./solver.js');
      const solution = await solve(challenge, this.controller);
      if (!solution) throw new Error(signal.aborted ? 'Cancelled.' : 'The challenge was not solved in time.');
      this.proof = { value: encodeProof(challenge, solution), expiresAt: challengeExpiry(challenge) };
      this.failure = undefined;
      this.set('ready');
    } catch (error) {
      this.failure = error;
      this.set(signal.aborted ? 'idle' : 'failed');
    }
  }

  private set(state: ProofState): void {
    this.state = state;
    this.onChange(state);
  }
}

function usable(proof: Proof): boolean {
  return proof.expiresAt === undefined || proof.expiresAt - Date.now() > EXPIRY_MARGIN_MS;
}
