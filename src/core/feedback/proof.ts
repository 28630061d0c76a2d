/**
 * The ALTCHA proof the mailbox sends as `proof`: base64 of the JSON
 * `{ challenge, solution }`, the challenge exactly as the server signed it.
 * Solving is the element's (lazily loaded) business; this only reads and writes.
 */
import type { Challenge, Solution } from 'altcha-lib/types';

/**
 * The work a challenge asks for, by server setting. The server fixes the counter between `counterMin` and
 * `counterMax`, so the work is exactly that many key derivations for any solver. `normal`: 1,000 to 2,500
 * PBKDF2 calls of 1,000 rounds, which `npm run bench:proof` times in the shipped worker at about 0.4 s
 * (worst 0.8 s) at full speed and under 1.2 s with the CPU slowed 4× (it was 5,000 rounds × 5,000–10,000
 * calls: 10–17 s on a desktop). `test` is near-instant so tests can solve it.
 */
export const PROOF_WORK = {
  normal: { algorithm: 'PBKDF2/SHA-256', cost: 1_000, counterMin: 1_000, counterMax: 2_500 },
  test: { algorithm: 'SHA-256', cost: 1, counterMin: 1, counterMax: 50 },
} as const;

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
  const bytes = new TextEncoder().encode(
    JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } }),
  );
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
