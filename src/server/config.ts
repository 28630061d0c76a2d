/** Checks of the operator's configuration that must stop a start rather than run insecurely. */

/** Bits a secret of this text can hold at most: its length times the bits of the smallest alphabet that spells it. */
export function estimatedEntropyBits(secret: string): number {
  const chars = [...secret];
  let pool = 0;
  if (chars.some((ch) => /[a-z]/.test(ch))) pool += 26;
  if (chars.some((ch) => /[A-Z]/.test(ch))) pool += 26;
  if (chars.some((ch) => /[0-9]/.test(ch))) pool += 10;
  if (chars.some((ch) => /[^a-zA-Z0-9]/.test(ch))) pool += 33;
  // A long run of few symbols ("aaaa…", "abab…") is no secret, however long.
  if (new Set(chars).size < 16) return Math.log2(Math.max(1, pool)) * new Set(chars).size;
  return chars.length * Math.log2(pool);
}

export const MIN_ADMIN_TOKEN_BITS = 256;

/** The refusal to print, or null for a token strong enough (32 random bytes: 43 base64url or 64 hex characters). */
export function adminTokenProblem(token: string): string | null {
  if (estimatedEntropyBits(token) >= MIN_ADMIN_TOKEN_BITS) return null;
  return (
    `ZWGK_ADMIN_TOKEN is too weak (about ${Math.floor(estimatedEntropyBits(token))} bits; at least ${MIN_ADMIN_TOKEN_BITS} are needed). ` +
    `Use 32 random bytes, e.g. the output of: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`
  );
}

/** `ZWGK_TRUST_PROXY`: the number of reverse proxies in front of the server (0 when unset); null when it is not a number. */
export function trustedProxyHops(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return 0;
  return /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : null;
}
