// Inputs derived from the document, not listed by hand: for each parameter and body field, the values
// its schema allows (every bound, the format's extremes, random ones between) and the values it forbids
// (one past each bound, the wrong JSON type — numeric strings and booleans included —, a wrong format,
// an object or a list where a scalar belongs, a missing required field). A field added to the document
// is covered with no change here.
import fc from 'fast-check';
import { integerFormatRange } from '../src/spec/integer-formats.js';
import type { JsonSchema } from '../src/spec/openapi-document.js';

export type Location = 'query' | 'path' | 'body';

/** One input: where it goes, its value (text for query and path, JSON for a body field), and why. */
export interface InputCase {
  location: Location;
  name: string;
  /** `undefined` in a body: the field is left out. */
  value: unknown;
  /** What kind of value it is, in words, for the report. */
  kind: string;
}

const num = (value: unknown): bigint | undefined => (typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined);
const max = (a: bigint | undefined, b: bigint | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);
const min = (a: bigint | undefined, b: bigint | undefined) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The integer range a schema allows: its minimum/maximum within its format's range. */
export function integerRange(schema: JsonSchema): { low: bigint | undefined; high: bigint | undefined } {
  const format = integerFormatRange(schema.format);
  return { low: max(num(schema.minimum), format?.min), high: min(num(schema.maximum), format?.max) };
}

/**
 * Values the schema allows, as JSON values (integers past 2^53 as bigint): an arbitrary that fast-check
 * can shrink (biased towards the bounds already), and the edges to try first.
 */
export function validValues(schema: JsonSchema, fixtures: { uuid?: string | undefined } = {}): { arbitrary: fc.Arbitrary<unknown>; examples: unknown[] } {
  if (schema.type === 'integer') {
    const { low, high } = integerRange(schema);
    const from = low ?? -(2n ** 63n);
    const to = high ?? 2n ** 63n - 1n;
    const examples = [from, from + 1n, to - 1n, to, num(schema.default), 2n ** 53n + 1n].filter((v): v is bigint => v !== undefined && v >= from && v <= to);
    return { arbitrary: fc.bigInt({ min: from, max: to }), examples };
  }
  if (schema.type === 'string' && schema.format === 'uuid') {
    // A uuid is case-insensitive (RFC 9562): capitals are as valid as small letters.
    return { arbitrary: fc.oneof(fc.uuid(), fc.uuid().map((uuid) => uuid.toUpperCase())), examples: fixtures.uuid === undefined ? [] : [fixtures.uuid, fixtures.uuid.toUpperCase()] };
  }
  if (schema.type === 'string') {
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 64, 300);
    return { arbitrary: fc.string({ minLength, maxLength }), examples: ['x'.repeat(minLength), 'x'.repeat(maxLength)] };
  }
  if (schema.type === 'boolean') return { arbitrary: fc.boolean(), examples: [] };
  if (Array.isArray(schema.enum)) return { arbitrary: fc.constantFrom(...(schema.enum as unknown[])), examples: [] };
  return { arbitrary: fc.constant('x'), examples: [] };
}

/** Values the schema forbids, each with what is wrong with it. */
export function invalidValues(schema: JsonSchema, location: Location, valid: unknown): Array<{ value: unknown; kind: string }> {
  const cases: Array<{ value: unknown; kind: string }> = [];
  if (schema.type === 'integer') {
    const { low, high } = integerRange(schema);
    if (low !== undefined) cases.push({ value: low - 1n, kind: `one below the minimum (${low})` });
    if (high !== undefined) cases.push({ value: high + 1n, kind: `one past the maximum (${high})` });
    cases.push({ value: 1.5, kind: 'not an integer' });
    if (location === 'body') {
      // The valid value as text: a deployment that coerces it acts on the very record the request names.
      cases.push({ value: asText(valid), kind: 'a numeric string where an integer belongs' });
      cases.push({ value: true, kind: 'a boolean where an integer belongs' });
    } else {
      cases.push({ value: 'ten', kind: 'text where an integer belongs' }, { value: '', kind: 'empty' });
    }
  }
  if (schema.type === 'string' && schema.format === 'uuid') cases.push({ value: 'not-a-uuid', kind: 'not a uuid' });
  if (schema.type === 'string' && typeof schema.maxLength === 'number') cases.push({ value: 'x'.repeat(schema.maxLength + 1), kind: `longer than ${schema.maxLength}` });
  if (schema.type === 'string' && typeof schema.minLength === 'number' && schema.minLength > 0) cases.push({ value: '', kind: `shorter than ${schema.minLength}` });
  if (schema.type === 'string' && location === 'body') cases.push({ value: 12, kind: 'a number where a string belongs' });
  if (location === 'body' && schema.nullable !== true) cases.push({ value: null, kind: 'null (not nullable)' });
  if (location === 'body') cases.push({ value: { value: 1 }, kind: 'an object where a scalar belongs' }, { value: [1], kind: 'a list where a scalar belongs' });
  return cases;
}

/** Whether a text is a uuid (for choosing fixtures). */
export const isUuid = (text: string) => uuidPattern.test(text);

/** A JSON value as request text: bigint as digits, strings as they are (query and path) or quoted (body). */
export function asText(value: unknown): string {
  if (value === undefined) return '(left out)';
  return typeof value === 'bigint' ? value.toString() : typeof value === 'string' ? value : JSON.stringify(value);
}

/** JSON text of a body whose values may hold bigint (written as bare digits). */
export function bodyText(body: Record<string, unknown>): string {
  const marker = 'ude-kit-bigint:';
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? `${marker}${value}` : value)).replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}
