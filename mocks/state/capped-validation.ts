// Validates a large document (a state, a scenario) in time linear in its size and memory bounded by
// the cap, whatever it holds. ajv with allErrors builds one error object per broken value, so a body of
// millions of broken entries would build millions; here the document is split at its top-level arrays,
// each entry is checked on its own, and violations past the cap are only counted.
import type { Ajv, ValidateFunction } from 'ajv';
import { compiledSpec } from '../../src/spec/index.js';
import { violationsFrom } from '../core/input.js';
import { ViolationCollector } from '../core/violation-collector.js';
import type { Violation } from '../core/problems.js';

interface ObjectSchema {
  type?: unknown;
  additionalProperties?: unknown;
  properties?: Record<string, unknown>;
  items?: unknown;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** ajv's dotted field ("a.b") under a pointer ("/used/3") → "/used/3/a/b". */
function under(pointer: string, violation: Violation): Violation {
  const path = violation.field === '' ? pointer : `${pointer}/${violation.field.split('.').join('/')}`;
  return { field: path === '' ? '/' : path, message: violation.message };
}

/**
 * The keys a closed object schema does not name are reported here (an object of a million unknown keys
 * would otherwise be a million ajv errors); what is left is for ajv.
 */
function knownPart(value: unknown, schema: ObjectSchema, pointer: string, found: ViolationCollector): unknown {
  if (!isPlainObject(value) || schema.additionalProperties !== false || schema.properties === undefined) return value;
  const properties = schema.properties;
  let known: Record<string, unknown> | undefined;
  for (const key in value) {
    if (Object.hasOwn(properties, key)) continue;
    if (found.full) found.addUnlistedEntry();
    else found.add({ field: `${pointer}/${escapePointer(key)}`, message: 'is not allowed' });
    known ??= { ...value };
    delete known[key];
  }
  return known ?? value;
}

function check(validate: ValidateFunction, value: unknown, pointer: string, found: ViolationCollector): void {
  if (validate(value)) return;
  for (const violation of violationsFrom(validate.errors, '')) found.add(under(pointer, violation));
}

/** Adds a candidate's violations to `found` (a new collector when not given) and returns it. */
export type CappedValidator = (candidate: unknown, found?: ViolationCollector) => ViolationCollector;

/** A validator for an object schema whose large parts are top-level arrays of `items`. */
export function cappedValidator(schema: ObjectSchema, ajv: Ajv = compiledSpec().requestAjv): CappedValidator {
  let quick: ValidateFunction | undefined;
  let shell: ValidateFunction | undefined;
  const itemValidators = new Map<string, { schema: ObjectSchema; validate: ValidateFunction; quick: ValidateFunction }>();
  const arrays = Object.entries(schema.properties ?? {}).filter(([, property]) => isPlainObject((property as ObjectSchema).items));

  return (candidate, found = new ViolationCollector()) => {
    // Most documents are valid: one pass that stops at the first error says so.
    quick ??= compiledSpec().firstErrorAjv().compile(schema);
    if (quick(candidate)) return found;
    const firstError = compiledSpec().firstErrorAjv();
    shell ??= ajv.compile(schema);
    if (!isPlainObject(candidate)) {
      check(shell, candidate, '', found);
      return found;
    }
    const known = knownPart(candidate, schema, '', found) as Record<string, unknown>;
    // The shell: everything but the entries of the large arrays, which are checked one by one below.
    const hollow: Record<string, unknown> = { ...known };
    for (const [name] of arrays) if (Array.isArray(hollow[name])) hollow[name] = [];
    check(shell, hollow, '', found);
    for (const [name, property] of arrays) {
      const entries = known[name];
      if (!Array.isArray(entries)) continue;
      let item = itemValidators.get(name);
      if (item === undefined) {
        const itemSchema = (property as ObjectSchema).items as ObjectSchema;
        item = { schema: itemSchema, validate: ajv.compile(itemSchema), quick: firstError.compile(itemSchema) };
        itemValidators.set(name, item);
      }
      const objects = item.schema.type === 'object';
      let index = 0;
      for (; index < entries.length && !found.full; index++) {
        const pointer = `/${escapePointer(name)}/${index}`;
        check(item.validate, knownPart(entries[index], item.schema, pointer, found), pointer, found);
      }
      // Past the cap, only a yes/no per entry: a hostile array of millions costs one cheap test each.
      for (; index < entries.length; index++) {
        const entry = entries[index];
        if ((objects && !isPlainObject(entry)) || !item.quick(entry)) found.addUnlistedEntry();
      }
    }
    return found;
  };
}
