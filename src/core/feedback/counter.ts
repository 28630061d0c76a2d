/**
 * Character counts of the subject and message: visible on every keystroke,
 * spoken only when it matters (near or over the limit), after a pause.
 */
import { charLength } from '../validate/normalize.js';

export type CountBand = 'ok' | 'near' | 'over';

export interface CharacterCount {
  /** characters typed (code points, as the server counts them) */
  length: number;
  max: number;
  /** negative when over the limit */
  remaining: number;
  band: CountBand;
}

/** `near` from the last tenth of the limit (at least the last 5 characters). */
export function characterCount(text: string, max: number): CharacterCount {
  const length = charLength(text);
  const remaining = max - length;
  const band: CountBand = remaining < 0 ? 'over' : remaining <= Math.max(5, Math.ceil(max / 10)) ? 'near' : 'ok';
  return { length, max, remaining, band };
}

/**
 * Whether a pause in typing should make the screen reader say the count:
 * near or over the limit, and once more on getting back within it — never
 * twice for the same count, never while well within the limit.
 */
export function countWorthSpeaking(current: CharacterCount, lastSpoken: CharacterCount | undefined): boolean {
  if (lastSpoken && lastSpoken.length === current.length && lastSpoken.max === current.max) return false;
  if (current.band !== 'ok') return true;
  return lastSpoken !== undefined && lastSpoken.band !== 'ok';
}
