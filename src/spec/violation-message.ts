// One wording for a broken value wherever the kit reports it: a 400's violations (query, path or body),
// a refused scenario, a contract finding. The document's own 400 example says "must be an integer"; ajv
// says "must be integer", so its type errors are reworded here and nowhere else.
import type { ErrorObject } from 'ajv';

const typeWords: Readonly<Record<string, string>> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** "must be an integer", "must be a string or null": for a JSON Schema type or list of types. */
export function typeMessage(types: string | readonly string[]): string {
  const list = typeof types === 'string' ? types.split(',') : types;
  return `must be ${list.map((type) => typeWords[type] ?? type).join(' or ')}`;
}

/** The message of one ajv error, in the kit's wording. */
export function messageOf(error: ErrorObject): string {
  const type = (error.params as { type?: string | string[] }).type;
  if (error.keyword === 'type' && type !== undefined) return typeMessage(type);
  return error.message ?? 'is invalid';
}
