// Turns a request's raw strings and bytes into typed, validated values for one operation, or into
// the full list of violations (every broken field, never only the first).
import type { ErrorObject } from 'ajv';
import type { Validator } from '../../src/spec/validators.js';
import type { CompiledOperation } from '../../src/spec/index.js';
import type { CompiledParameter } from '../../src/spec/operations.js';
import { fitsIntegerFormat } from '../../src/spec/integer-formats.js';
import type { MockRequest } from './exchange.js';
import { exceededJsonBounds } from '../../src/spec/json-bounds.js';
import type { Violation } from './problems.js';
import { messageOf, typeMessage } from '../../src/spec/violation-message.js';

export type ParameterValue = string | number | boolean | bigint;

export interface OperationInput {
  /** Query values after defaults, in the document's parameter order. Integers past 2^53 are bigint. */
  query: Record<string, ParameterValue>;
  path: Record<string, ParameterValue>;
  body: unknown;
}

export type InputResult = { ok: true; input: OperationInput } | { ok: false; violations: Violation[] };

const integerPattern = /^-?\d+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Converted {
  /** What ajv validates: a number even where that number is rounded. */
  checked: Record<string, unknown>;
  /** Exact values that a number cannot hold, to put back after validation. */
  exact: Record<string, bigint>;
}

/** The raw values a request gives for one parameter name. */
type RawValues = (name: string) => string[];

// Query and path values are strings on the wire; the schema's `type` says what they stand for.
export function convertParameters(parameters: CompiledParameter[], raw: RawValues, violations: Violation[]): Converted {
  const converted: Converted = { checked: {}, exact: {} };
  for (const parameter of parameters) {
    const values = raw(parameter.name);
    if (values.length === 0) continue;
    if (values.length > 1) {
      violations.push({ field: parameter.name, message: 'must be given once' });
      continue;
    }
    // Stryker disable next-line StringLiteral: one value is there (length checked above)
    const text = values[0] ?? '';
    const type = parameter.schema.type;
    if (type === 'integer') {
      if (!integerPattern.test(text)) {
        violations.push({ field: parameter.name, message: typeMessage('integer') });
        continue;
      }
      const exact = BigInt(text);
      if (!fitsIntegerFormat(exact, parameter.schema.format)) {
        violations.push({ field: parameter.name, message: `must match format "${String(parameter.schema.format)}"` });
        continue;
      }
      converted.checked[parameter.name] = Number(exact);
      if (!Number.isSafeInteger(Number(exact))) converted.exact[parameter.name] = exact;
    } else if (type === 'number') {
      const number = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(number)) {
        violations.push({ field: parameter.name, message: typeMessage('number') });
        continue;
      }
      converted.checked[parameter.name] = number;
    } else if (type === 'boolean') {
      if (text !== 'true' && text !== 'false') {
        violations.push({ field: parameter.name, message: typeMessage('boolean') });
        continue;
      }
      converted.checked[parameter.name] = text === 'true';
    } else {
      converted.checked[parameter.name] = text;
    }
  }
  return converted;
}

// `required` and `additionalProperties` errors sit on the parent object; the field is the child.
function fieldOf(error: ErrorObject, root: string): string {
  // Only those two keywords name a child in their params.
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  const pointer = child === undefined ? error.instancePath : `${error.instancePath}/${child}`;
  return pointer === '' ? root : pointer.slice(1).split('/').join('.');
}

/** One violation per broken field: the first of ajv's messages for it is the most basic one (type first). */
export function violationsFrom(errors: ErrorObject[] | null | undefined, root: string): Violation[] {
  const byField = new Map<string, string>();
  for (const error of errors ?? []) {
    const field = fieldOf(error, root);
    if (byField.has(field)) continue;
    const message = error.keyword === 'required' ? 'is required' : error.keyword === 'additionalProperties' ? 'is not allowed' : messageOf(error);
    byField.set(field, message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

function validated(
  parameters: CompiledParameter[],
  validate: Validator,
  raw: RawValues,
  violations: Violation[],
  uuidCase: UuidCase,
): Record<string, ParameterValue> {
  const found: Violation[] = [];
  const { checked, exact } = convertParameters(parameters, raw, found);
  // The usual request breaks nothing: only a broken one pays for sorting out what broke.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; sorting out nothing finds nothing
  if (!validate(checked) || found.length > 0) {
    const rejected = new Set(found.map((v) => v.field));
    // Stryker disable next-line StringLiteral: parameters are validated as an object whose errors always name a parameter, never its root
    found.push(...violationsFrom(validate.errors, 'query').filter((v) => !rejected.has(v.field)));
    // Reported in the document's parameter order, whichever check found them.
    const order = parameters.map((p) => p.name);
    violations.push(...found.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)));
  }
  const values: Record<string, ParameterValue> = {};
  for (const parameter of parameters) {
    const value = exact[parameter.name] ?? checked[parameter.name];
    if (value !== undefined) values[parameter.name] = parameter.schema.format === 'uuid' ? canonicalUuid(value, uuidCase) : (value as ParameterValue);
  }
  return values;
}

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  // split gives at least one part.
  return contentType?.split(';')[0]!.trim().toLowerCase() || undefined;
}

/**
 * Reads a JSON request body: the media type, UTF-8 and JSON syntax are checked here, the schema by the
 * caller. Returns undefined (and adds a violation where one is due) when there is no usable body.
 */
export function readJsonBody(
  request: MockRequest,
  expected: { mediaType: string; required: boolean },
  violations: Violation[],
): unknown {
  const bytes = request.body;
  if (bytes === undefined || bytes.byteLength === 0) {
    if (expected.required) violations.push({ field: 'body', message: `is required (${expected.mediaType})` });
    return undefined;
  }
  const mediaType = mediaTypeOf(request.headers['content-type']);
  if (mediaType !== expected.mediaType) {
    violations.push({ field: 'Content-Type', message: `must be ${expected.mediaType}, not ${mediaType ?? 'missing'}` });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    violations.push({ field: 'body', message: 'must be valid UTF-8' });
    return undefined;
  }
  const exceeded = exceededJsonBounds(text);
  if (exceeded !== undefined) {
    violations.push({ field: 'body', message: `${exceeded}, more than this mock parses` });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    violations.push({ field: 'body', message: `must be valid JSON (${(error as Error).message})` });
    return undefined;
  }
}

// RFC 9562: a uuid is read case-insensitively and written in lower case, so 595BE628-… finds the
// ticket that 595be628-… names, and answers carry the one spelling the state holds. A profile's
// `uuidCase: 'exact'` keeps the spelling given, so another case names no ticket the state holds.
type UuidCase = 'any' | 'exact';
const canonicalUuid = (value: unknown, uuidCase: UuidCase): ParameterValue =>
  (typeof value === 'string' && uuidCase === 'any' ? value.toLowerCase() : (value as ParameterValue));

function parseBody(operation: CompiledOperation, request: MockRequest, violations: Violation[], uuidCase: UuidCase): unknown {
  const spec = operation.body;
  if (spec === undefined) return undefined;
  // readJsonBody gives undefined whenever it found a violation, or for an absent optional body.
  const body = readJsonBody(request, spec, violations);
  if (body === undefined) return undefined;
  if (!spec.validate(body)) {
    violations.push(...violationsFrom(spec.validate.errors, 'body'));
    return body;
  }
  const fields = body as Record<string, unknown>;
  for (const name of spec.uuidProperties) if (typeof fields[name] === 'string') fields[name] = canonicalUuid(fields[name], uuidCase);
  return body;
}

export function parseInput(
  operation: CompiledOperation,
  request: MockRequest,
  pathValues: Map<string, string>,
  uuidCase: UuidCase = 'any',
): InputResult {
  const violations: Violation[] = [];
  const path = validated(
    operation.pathParameters,
    operation.validatePath,
    (name) => {
      const value = pathValues.get(name);
      return value === undefined ? [] : [value];
    },
    violations,
    uuidCase,
  );
  const query = validated(operation.queryParameters, operation.validateQuery, (name) => request.query.getAll(name), violations, uuidCase);
  const body = parseBody(operation, request, violations, uuidCase);
  return violations.length > 0 ? { ok: false, violations } : { ok: true, input: { query, path, body } };
}
