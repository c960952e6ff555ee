// Validates a large document (a state, a scenario) in time linear in its size and memory bounded by
// the cap, whatever it holds. ajv with allErrors builds one error object per broken value, so a body of
// millions of broken entries would build millions; here the document is split at its top-level arrays,
// each entry is checked on its own, and violations past the cap are only counted.
import type { JsonSchema } from '../../src/spec/openapi-document.js';
import type { Validator, ValidatorSource, WantedValidator } from '../../src/spec/validators.js';
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

function check(validate: Validator, value: unknown, pointer: string, found: ViolationCollector): void {
  if (validate(value)) return;
  for (const violation of violationsFrom(validate.errors, '')) found.add(under(pointer, violation));
}

/** Adds a candidate's violations to `found` (a new collector when not given) and returns it. */
export type CappedValidator = (candidate: unknown, found?: ViolationCollector) => ViolationCollector;

const arraysOf = (schema: ObjectSchema) =>
  Object.entries(schema.properties ?? {}).filter(([, property]) => isPlainObject((property as ObjectSchema).items)) as Array<[string, ObjectSchema & { items: ObjectSchema }]>;

/**
 * The validators a capped validator named `name` asks for: a quick first-error pass and a full one
 * over the whole document, and both for the entries of each top-level array. The generator compiles
 * exactly these; cappedValidator looks up exactly these.
 */
export function cappedValidatorParts(name: string, schema: ObjectSchema): WantedValidator[] {
  const whole = () => schema as JsonSchema;
  return [
    { flavour: 'firstError', name, schema: whole },
    { flavour: 'request', name, schema: whole },
    ...arraysOf(schema).flatMap(([property, { items }]): WantedValidator[] => [
      { flavour: 'request', name: `${name} /${property}/*`, schema: () => items as JsonSchema },
      { flavour: 'firstError', name: `${name} /${property}/*`, schema: () => items as JsonSchema },
    ]),
  ];
}

/** A validator for an object schema whose large parts are top-level arrays of `items`. */
export function cappedValidator(name: string, schema: ObjectSchema, source: ValidatorSource): CappedValidator {
  const parts = cappedValidatorParts(name, schema);
  const part = (flavour: WantedValidator['flavour'], partName: string) => parts.find((p) => p.flavour === flavour && p.name === partName)!;
  let quick: Validator | undefined;
  let shell: Validator | undefined;
  const itemValidators = new Map<string, { schema: ObjectSchema; validate: Validator; quick: Validator }>();
  const arrays = arraysOf(schema);

  return (candidate, found = new ViolationCollector()) => {
    // Most documents are valid: one pass that stops at the first error says so.
    quick ??= source(part('firstError', name));
    if (quick(candidate)) return found;
    shell ??= source(part('request', name));
    if (!isPlainObject(candidate)) {
      check(shell, candidate, '', found);
      return found;
    }
    const known = knownPart(candidate, schema, '', found) as Record<string, unknown>;
    // The shell: everything but the entries of the large arrays, which are checked one by one below.
    const hollow: Record<string, unknown> = { ...known };
    for (const [name] of arrays) if (Array.isArray(hollow[name])) hollow[name] = [];
    check(shell, hollow, '', found);
    for (const [property, { items: itemSchema }] of arrays) {
      const entries = known[property];
      if (!Array.isArray(entries)) continue;
      let item = itemValidators.get(property);
      if (item === undefined) {
        const items = `${name} /${property}/*`;
        item = { schema: itemSchema, validate: source(part('request', items)), quick: source(part('firstError', items)) };
        itemValidators.set(property, item);
      }
      const objects = item.schema.type === 'object';
      let index = 0;
      for (; index < entries.length && !found.full; index++) {
        const pointer = `/${escapePointer(property)}/${index}`;
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
