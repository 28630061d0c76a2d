/**
 * Spam protection without tracking: ALTCHA proof-of-work (altcha-lib v2).
 * The server signs a challenge; the browser finds the counter; the server
 * checks the signature, the expiry and the work. The spent-proof record is
 * kept by the storage, so a proof counts once.
 */
import { createHash } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type DeriveKeyFunction, type Payload } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';
import { PROOF_WORK } from '../core/feedback/proof.js';

/** `normal` costs a slow phone about a second, `test` nothing (core/feedback/proof.ts PROOF_WORK). */
export type AltchaComplexity = 'normal' | 'test';

export interface AltchaOptions {
  hmacKey: string;
  complexity?: AltchaComplexity;
  /** how long a challenge may be solved and sent (default 10 minutes) */
  ttlSeconds?: number;
}

export type ProofCheck = { ok: true; id: string; expiresAt: Date } | { ok: false; reason: string };

const DERIVE_KEY: Record<string, DeriveKeyFunction> = { 'SHA-256': sha, 'PBKDF2/SHA-256': pbkdf2 };

const PARAMETERS: Record<AltchaComplexity, () => { algorithm: string; cost: number; counter: number }> = {
  normal: () => work(PROOF_WORK.normal),
  test: () => work(PROOF_WORK.test),
};

function work({ algorithm, cost, counterMin, counterMax }: (typeof PROOF_WORK)[AltchaComplexity]) {
  return { algorithm, cost, counter: randomInt(counterMax, counterMin) };
}

/** Expiry runs on the wall clock (altcha-lib checks it so), not on the app's legal-calendar clock. */
export interface Altcha {
  challenge(): Promise<Challenge>;
  /** Checks a base64 ALTCHA payload (what the widget puts in its form field). */
  verify(proof: string): Promise<ProofCheck>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createAltcha({ hmacKey, complexity = 'normal', ttlSeconds = 600 }: AltchaOptions): Altcha {
  // A second secret for the derived-key signature, derived so one configured key suffices.
  const keySecret = createHash('sha256').update(`altcha-key-signature:${hmacKey}`).digest('hex');
  return {
    async challenge() {
      const { algorithm, cost, counter } = PARAMETERS[complexity]();
      return createChallenge({
        algorithm,
        cost,
        counter,
        deriveKey: DERIVE_KEY[algorithm]!,
        expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds,
        hmacSignatureSecret: hmacKey,
        hmacKeySignatureSecret: keySecret,
      });
    },
    async verify(proof) {
      let payload: Payload;
      try {
        payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')) as Payload;
      } catch {
        return { ok: false, reason: 'The proof is not an ALTCHA payload.' };
      }
      // Anything may arrive base64-encoded (`null`, a number, an array): check the shape before reading into it.
      const parameters = isObject(payload) && isObject(payload.challenge) ? payload.challenge.parameters : null;
      const algorithm = isObject(parameters) ? parameters.algorithm : undefined;
      const deriveKey = typeof algorithm === 'string' && Object.hasOwn(DERIVE_KEY, algorithm) ? DERIVE_KEY[algorithm] : undefined;
      const expiresAt = isObject(parameters) ? parameters.expiresAt : undefined;
      const nonce = isObject(parameters) ? parameters.nonce : undefined;
      if (typeof expiresAt !== 'number' || typeof nonce !== 'string' || !isObject(payload.solution) || !deriveKey) {
        return { ok: false, reason: 'The proof is not an ALTCHA payload of this server.' };
      }
      if (expiresAt * 1000 <= Date.now()) return { ok: false, reason: 'The challenge has expired.' };
      try {
        const result = await verifySolution({
          challenge: payload.challenge,
          solution: payload.solution,
          deriveKey,
          hmacSignatureSecret: hmacKey,
          hmacKeySignatureSecret: keySecret,
        });
        if (!result.verified) return { ok: false, reason: result.expired ? 'The challenge has expired.' : 'The proof does not verify.' };
      } catch {
        return { ok: false, reason: 'The proof does not verify.' };
      }
      // The nonce is random per challenge and covered by the signature: it names the proof.
      return { ok: true, id: nonce, expiresAt: new Date(expiresAt * 1000) };
    },
  };
}
