/**
 * Unguessable codes a citizen keeps: crypto-random, never sequential, and
 * easy to read aloud or copy by hand (no 0/O, no 1/I).
 */
import { randomBytes } from 'node:crypto';

/** 32 symbols, so one random byte's low five bits pick one without bias. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

// Random bytes drawn 4 KiB at a time (as node:crypto's randomUUID does): one call per few hundred codes, not one each.
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let used = 0;

export function randomCode(length: number): string {
  if (used + length > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  let code = '';
  for (let i = used; i < used + length; i++) code += CODE_ALPHABET[pool[i]! & 31];
  // Each byte is used once: zeroed so nothing of a code stays behind in the pool.
  pool.fill(0, used, used + length);
  used += length;
  return code;
}

/** 申请编号: `YS-` and 10 symbols (50 bits). */
export function newTrackingCode(): string {
  return `YS-${randomCode(10)}`;
}

/** 查询码 of a letter: 10 symbols, as portals print it. */
export function newQueryCode(): string {
  return randomCode(10);
}

/** Codes as people type them back: any case, stray spaces. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase();
}

/** The digits of a phone number, so `0591-87270308` and `0591 87270308` match. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
