// Validates a response body with work and memory bounded however many of its rows break. ajv with
// allErrors builds an error object (with a copy of the value, for the report) for every broken value:
// 250,000 broken rows are a million objects. Here a body that is valid costs one pass that stops at the
// first error; an invalid one has the rows of its top-level lists checked one by one, with every error
// kept for the first rows up to the cap and one yes/no per row after it.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema } from './openapi-document.js';
import { compiledSpec } from './index.js';
import { ajvRegistries } from './runtime-spec.js';
import { inlinedSchema } from './schema-registry.js';

/** How many of a response's schema errors are kept with their details; past it rows are only counted. */
export const listedSchemaViolationsCap = 100;

export interface CappedErrors {
  /** The first errors, in document order, with instance paths relative to the body. */
  errors: ErrorObject[];
  /** Rows (entries of a top-level list) found broken after the cap, counted but not examined. */
  unlistedRows: number;
}

interface Split {
  /** The whole schema, stopping at the first error. */
  quick: ValidateFunction;
  /** The whole schema, every error. */
  full: ValidateFunction;
  /** The schema with its lists' rows accepted as they are: the lists' own keywords still apply. */
  shell: ValidateFunction;
  /** Top-level properties holding a list whose rows can be checked one by one. */
  lists: Array<{ name: string; full: ValidateFunction; quick: ValidateFunction }>;
}

const splits = new Map<string, Split>();
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function splitFor(key: string, schema: JsonSchema): Split {
  let split = splits.get(key);
  if (split !== undefined) return split;
  const { document } = compiledSpec();
  const { responseAjv, firstErrorAjv } = ajvRegistries(document);
  // Inlined: ajv concatenates the errors of a referenced schema's function on every call, which makes a
  // list of n broken rows cost n² (see inlinedSchema).
  const inlined = inlinedSchema(document, schema);
  const lists: Split['lists'] = [];
  const properties = (inlined.properties ?? {}) as Record<string, JsonSchema>;
  const shellProperties: Record<string, JsonSchema> = { ...properties };
  for (const [name, property] of Object.entries(properties)) {
    const items = property.items as JsonSchema | undefined;
    if (!isPlainObject(items)) continue;
    lists.push({ name, full: responseAjv.compile(items), quick: firstErrorAjv.compile(items) });
    shellProperties[name] = { ...property, items: {} };
  }
  split = {
    quick: firstErrorAjv.compile(inlined),
    full: responseAjv.compile(inlined),
    shell: responseAjv.compile({ ...inlined, properties: shellProperties }),
    lists,
  };
  splits.set(key, split);
  return split;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The schema errors of a body: the first ones in full, the rest of the broken rows counted. */
export function cappedSchemaErrors(key: string, schema: JsonSchema, body: unknown): CappedErrors {
  const split = splitFor(key, schema);
  if (split.quick(body)) return { errors: [], unlistedRows: 0 };
  const lists = isPlainObject(body) ? split.lists.filter((list) => Array.isArray(body[list.name])) : [];
  if (lists.length === 0) {
    split.full(body);
    const all = split.full.errors ?? [];
    return { errors: all.slice(0, listedSchemaViolationsCap), unlistedRows: 0 };
  }
  const record = body as Record<string, unknown>;
  // The body with its lists taken as lists (their length, their type), then each row on its own.
  const errors: ErrorObject[] = split.shell(record) ? [] : [...(split.shell.errors ?? [])];
  let unlistedRows = 0;
  for (const list of lists) {
    const rows = record[list.name] as unknown[];
    const prefix = `/${escapePointer(list.name)}/`;
    for (let index = 0; index < rows.length; index++) {
      if (errors.length >= listedSchemaViolationsCap) {
        if (!list.quick(rows[index])) unlistedRows++;
        continue;
      }
      if (list.full(rows[index])) continue;
      for (const error of list.full.errors ?? []) errors.push({ ...error, instancePath: `${prefix}${index}${error.instancePath}` });
    }
  }
  return { errors, unlistedRows };
}
