/**
 * Checks for the small bodies only the server reads (staff PATCHes, ratings).
 * Citizens' forms are checked by the shared validators of `core/validate`.
 */
import { validateText } from '../core/validate/contact.js';
import type { FieldProblem } from './problem.js';
import { ProblemError } from './problem.js';

export type Json = Record<string, unknown>;

/** The body as an object whose keys are all in `allowed`, else a 422 naming each stray key. */
export function objectWithKeys(body: unknown, allowed: readonly string[]): Json {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ProblemError('validation-failed', undefined, [{ field: '', code: 'body.invalid' }]);
  }
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ProblemError(
      'validation-failed',
      undefined,
      unknown.map((key) => ({ field: `/${escapePointer(key)}`, code: 'field.unknown' })),
    );
  }
  return body as Json;
}

/** RFC 6901: `~` and `/` inside a key. */
export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function failIf(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ProblemError('validation-failed', undefined, problems);
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** An optional text field: absent, or visible text of at most `max` characters (the citizen forms' rules). */
export function checkText(body: Json, key: string, max: number, problems: FieldProblem[], required = false): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) problems.push({ field: `/${key}`, code: 'required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ field: `/${key}`, code: 'type.invalid' });
    return undefined;
  }
  const checked = validateText(value, { max, required });
  if (checked.ok) return checked.value;
  problems.push({ field: `/${key}`, code: checked.code, ...(checked.params ? { params: checked.params } : {}) });
  return undefined;
}

/** A page number or size from the query string: a whole number in range, else the default. */
export function queryInt(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}
