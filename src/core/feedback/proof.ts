/**
 * The ALTCHA proof the mailbox sends as `proof`: base64 of the JSON
 * `{ challenge, solution }`, the challenge exactly as the server signed it.
 * Solving is the element's (lazily loaded) business; this only reads and writes.
 */
import type { Challenge, Solution } from 'altcha-lib/types';

/** The algorithms a browser can solve with WebCrypto (altcha-lib's web derive-key functions). */
export const BROWSER_ALGORITHMS = ['SHA-256', 'SHA-384', 'SHA-512', 'PBKDF2/SHA-256', 'PBKDF2/SHA-384', 'PBKDF2/SHA-512'] as const;

const isHex = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]+$/i.test(value);

/**
 * The answer of `GET /feedback/challenge` when it is a challenge a browser can
 * solve; undefined otherwise. The object is returned untouched: its signature
 * covers every field.
 */
export function readChallenge(raw: unknown): Challenge | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const parameters = (raw as { parameters?: unknown }).parameters as Record<string, unknown> | undefined;
  if (!parameters || typeof parameters !== 'object') return undefined;
  const ok =
    (BROWSER_ALGORITHMS as readonly unknown[]).includes(parameters.algorithm) &&
    isHex(parameters.nonce) &&
    isHex(parameters.salt) &&
    isHex(parameters.keyPrefix) &&
    Number.isInteger(parameters.cost) &&
    (parameters.cost as number) > 0 &&
    (parameters.expiresAt === undefined || typeof parameters.expiresAt === 'number');
  return ok ? (raw as Challenge) : undefined;
}

/** When the challenge stops being accepted (milliseconds since the epoch); undefined when it never expires. */
export function challengeExpiry(challenge: Challenge): number | undefined {
  const seconds = challenge.parameters.expiresAt;
  return typeof seconds === 'number' ? seconds * 1000 : undefined;
}

/** The `proof` field: base64 of the UTF-8 JSON of challenge and solution. */
export function encodeProof(challenge: Challenge, solution: Pick<Solution, 'counter' | 'derivedKey'>): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
