// The document's component schemas as one registry (`ude-kit:openapi#/definitions/…`) that every
// validator refers to, so requests, responses and admin documents share the same definitions and no
// limit is restated in code. Plain data: ajv itself is only in schema-registry.ts (Node, and the
// generator of the precompiled validators).
import type { JsonSchema, OpenApiDocument, Reference, ResponseObject } from './openapi-document.js';

export const registryId = 'ude-kit:openapi';
const componentPrefix = '#/components/schemas/';

/** A `$ref` to a component schema, usable in any schema compiled by a registry's ajv. */
export function schemaRef(name: string): JsonSchema {
  return { $ref: `${registryId}#/definitions/${name}` };
}

// OpenAPI puts schemas under components/schemas; JSON Schema draft-07 (ajv's default) knows
// `definitions`. Rewriting the refs lets ajv resolve them in strict mode without unknown keywords.
export function rewriteRefs(value: unknown, base: string): unknown {
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

/**
 * A schema with the document's component refs replaced by the components themselves. ajv calls a
 * separate function for a ref it cannot inline and concatenates that function's errors into the
 * caller's list on every call, which makes a list of n broken rows cost n² with allErrors; inlined,
 * the rows are checked in one loop. A ref met again inside itself (recursion) stays a registry ref.
 */
export function inlinedSchema(document: OpenApiDocument, schema: JsonSchema, seen: readonly string[] = []): JsonSchema {
  const inline = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inline);
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(componentPrefix)) {
      const name = ref.slice(componentPrefix.length);
      const target = document.components.schemas[name];
      if (target === undefined || seen.includes(name)) return { $ref: `${registryId}#/definitions/${name}` };
      const { $ref: _ref, ...siblings } = value as Record<string, unknown>;
      const resolved = inlinedSchema(document, target, [...seen, name]);
      return Object.keys(siblings).length === 0 ? resolved : { allOf: [resolved, inline(siblings)] };
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = inline(inner);
    return out;
  };
  return inline(schema) as JsonSchema;
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
