/** Building blocks of the OpenAPI document (openapi.ts and openapi-staff.ts share them). */

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const date: Schema = str({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const instant: Schema = str({ format: 'date-time' });
export const int: Schema = { type: 'integer' };
export const bool: Schema = { type: 'boolean' };
export const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
export const list = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });

/** A closed object: every property listed, the required ones named. */
export function object(properties: Record<string, Schema>, required: string[] = Object.keys(properties), extra: Schema = {}): Schema {
  return { type: 'object', properties, required, additionalProperties: false, ...extra };
}

export const json = (schema: Schema) => ({ 'application/json': { schema } });

/** A JSON answer: `{ [status]: { description, content } }`, spread into `responses`. */
export const ok = (schema: Schema, description: string, status = '200') => ({ [status]: { description, content: json(schema) } });

/** `problems(...statuses)` over one table of what each status means there. */
export function problemsOf(texts: Record<number, string>): (...statuses: number[]) => Record<string, unknown> {
  return (...statuses) =>
    Object.fromEntries(
      statuses.map((status) => [
        String(status),
        { description: texts[status], content: { 'application/problem+json': { schema: ref('Problem') } } },
      ]),
    );
}

export const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: str() });
export const queryParam = (name: string, schema: Schema, description: string, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
