/**
 * A small reader for JSON request bodies: walks an object, records issues by
 * JSON pointer, rejects unknown fields. Shared by validateApplication and
 * validateFeedback so both speak the same way.
 */
import type { MessageKey } from './messages.js';
import type { FieldIssue, Validation } from './result.js';
import { validateText } from './contact.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON pointer (RFC 6901) of a path. */
export function pointer(...path: (string | number)[]): string {
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export class BodyReader {
  readonly errors: FieldIssue[] = [];
  readonly warnings: FieldIssue[] = [];

  error(field: string, code: MessageKey, params?: FieldIssue['params']): undefined {
    this.errors.push(params ? { field, code, params } : { field, code });
    return undefined;
  }

  /** Reports every key of `object` not in `allowed`. */
  onlyKnown(object: JsonObject, allowed: readonly string[], at: string): void {
    for (const key of Object.keys(object)) if (!allowed.includes(key)) this.error(at + pointer(key), 'field.unknown');
  }

  /** The object at `at`, or an issue. */
  object(value: unknown, at: string): JsonObject | undefined {
    if (value === undefined || value === null) return this.error(at, 'required');
    return isObject(value) ? value : this.error(at, 'type.invalid');
  }

  /**
   * A string field run through `check`. Absent, null and blank values are
   * `undefined` (or `required` when `required`).
   */
  string(value: unknown, at: string, check: (text: string) => Validation, required = false): string | undefined {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return required ? this.error(at, 'required') : undefined;
    }
    if (typeof value !== 'string') return this.error(at, 'type.invalid');
    const result = check(value);
    if (!result.ok) return this.error(at, result.code, result.params);
    if (result.warning) this.warnings.push({ field: at, code: result.warning });
    return result.value;
  }

  /** Plain text limited to `max` characters. */
  text(value: unknown, at: string, max: number, required = false): string | undefined {
    return this.string(value, at, (text) => validateText(text, { max }), required);
  }

  /** A name or title: one line of visible text, limited to `max` characters. */
  line(value: unknown, at: string, max: number, required = false): string | undefined {
    return this.string(value, at, (text) => validateText(text, { max, singleLine: true }), required);
  }

  /** One of `choices`. */
  choice<T extends string>(value: unknown, at: string, choices: readonly T[]): T | undefined {
    if (value === undefined || value === null || value === '') return this.error(at, 'required');
    return choices.includes(value as T) ? (value as T) : this.error(at, 'choice.invalid');
  }

  /** A non-empty list of distinct `choices`. */
  choices<T extends string>(value: unknown, at: string, choices: readonly T[]): T[] | undefined {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return this.error(at, 'choice.required');
    if (!Array.isArray(value)) return this.error(at, 'type.invalid');
    const before = this.errors.length;
    value.forEach((item, index) => {
      if (!choices.includes(item as T)) this.error(at + pointer(index), 'choice.invalid');
    });
    return this.errors.length === before ? [...new Set(value as T[])] : undefined;
  }
}

/** Drops keys whose value is undefined, so optional fields are absent rather than undefined. */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
