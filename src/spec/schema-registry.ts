// Registers the document's component schemas with ajv once, so every validator (requests, responses,
// admin documents) is compiled from the same definitions and no limit is restated in code.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, OpenApiDocument, Reference, ResponseObject } from './openapi-document.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const registryId = 'ude-kit:openapi';
const componentPrefix = '#/components/schemas/';

export type { ErrorObject, ValidateFunction };

/** A `$ref` to a component schema, usable in any schema compiled by a registry's ajv. */
export function schemaRef(name: string): JsonSchema {
  return { $ref: `${registryId}#/definitions/${name}` };
}

// OpenAPI puts schemas under components/schemas; JSON Schema draft-07 (ajv's default) knows
// `definitions`. Rewriting the refs lets ajv resolve them in strict mode without unknown keywords.
function rewriteRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, base));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith(componentPrefix)
        ? `${base}#/definitions/${inner.slice(componentPrefix.length)}`
        : rewriteRefs(inner, base);
  }
  return out;
}

/** A schema taken from the document (a parameter's, a body's), with its refs pointed at the registry. */
export function registrySchema(schema: JsonSchema): JsonSchema {
  return rewriteRefs(schema, registryId) as JsonSchema;
}

export interface SchemaRegistryOptions {
  /** Fill in `default` values while validating: right for requests, wrong for responses (it hides drift). */
  useDefaults: boolean;
  /** Collect every error (default) or stop at the first: a quick yes/no before a bounded second look. */
  allErrors?: boolean;
  /** Errors carry the failing value and the keyword's schema, so a drift report can show both. */
  verbose?: boolean;
}

export function createSchemaRegistry(document: OpenApiDocument, options: SchemaRegistryOptions): Ajv {
  const ajv = new Ajv({
    allErrors: options.allErrors ?? true,
    strict: true,
    // JSON Schema's `type: ["string", "null"]`, as scenario files use for `version`.
    allowUnionTypes: true,
    useDefaults: options.useDefaults,
    // Off where nobody reads them: a copy of the value per error is memory a hostile input can claim.
    verbose: options.verbose ?? false,
    // OpenAPI 3.0 allows `example` on schemas; it documents and does not validate.
    keywords: ['example'],
  });
  addFormats(ajv, ['uuid', 'int32', 'int64']);
  ajv.addSchema({ $id: registryId, definitions: rewriteRefs(document.components.schemas, '') });
  return ajv;
}

/** Follows a schema's `$ref` chain inside the document, to read keywords such as `type` or `format`. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    const target = ref.startsWith(componentPrefix)
      ? document.components.schemas[ref.slice(componentPrefix.length)]
      : undefined;
    if (target === undefined || hops > 16) throw new Error(`cannot resolve schema reference ${ref}`);
    current = target;
  }
  return current;
}

/** Follows a response's `$ref` into the document's components/responses. */
export function resolveResponse(document: OpenApiDocument, response: ResponseObject | Reference): ResponseObject {
  if (!('$ref' in response)) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const target = document.components.responses?.[name];
  if (target === undefined) throw new Error(`cannot resolve response reference ${response.$ref}`);
  return target;
}
