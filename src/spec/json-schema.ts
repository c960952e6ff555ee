// An OpenAPI 3.0 schema as plain JSON Schema, for tools that do not speak OpenAPI (editors reading a
// scenario file's $schema, Dredd's validator): `nullable: true` becomes a type union, `example` goes.
import type { JsonSchema, OpenApiDocument } from './openapi-document.js';
import { resolveSchema } from './registry-schema.js';

export function toJsonSchema(document: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 32) throw new Error('schema references nest too deeply to inline');
  const resolved = resolveSchema(document, schema);
  const { nullable, example: _example, ...rest } = resolved;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, toJsonSchema(document, v, depth + 1)]));
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'object' && value !== null ? toJsonSchema(document, value as JsonSchema, depth + 1) : value;
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as JsonSchema[]).map((v) => toJsonSchema(document, v, depth + 1));
    } else out[key] = value;
  }
  if (nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}
