// Properties a response carries that its schema does not name. The document allows them (no
// `additionalProperties: false`), so they are not errors, but a client author wants to know. Where the
// document says `additionalProperties: true` outright (the list's `query` echo), extras are expected.
import type { JsonSchema, OpenApiDocument } from './openapi-document.js';
import { resolveSchema } from './schema-registry.js';

// A list's rows share one schema object: what it names is worked out once, not once per row.
const propertiesCache = new WeakMap<JsonSchema, { named: Map<string, JsonSchema>; open: boolean }>();

function propertiesOf(document: OpenApiDocument, schema: JsonSchema): { named: Map<string, JsonSchema>; open: boolean } {
  let cached = propertiesCache.get(schema);
  if (cached === undefined) {
    cached = namedProperties(document, schema);
    propertiesCache.set(schema, cached);
  }
  return cached;
}

function namedProperties(document: OpenApiDocument, schema: JsonSchema): { named: Map<string, JsonSchema>; open: boolean } {
  const resolved = resolveSchema(document, schema);
  const named = new Map<string, JsonSchema>();
  let open = resolved.additionalProperties === true;
  for (const [name, inner] of Object.entries((resolved.properties ?? {}) as Record<string, JsonSchema>)) named.set(name, inner);
  for (const part of (resolved.allOf ?? []) as JsonSchema[]) {
    const merged = propertiesOf(document, part);
    for (const [name, inner] of merged.named) named.set(name, inner);
    open ||= merged.open;
  }
  return { named, open };
}

/** JSON pointers of the body's properties that the schema does not document. */
export function undocumentedProperties(document: OpenApiDocument, schema: JsonSchema, value: unknown, pointer = ''): string[] {
  if (Array.isArray(value)) {
    const items = resolveSchema(document, schema).items as JsonSchema | undefined;
    return items === undefined ? [] : value.flatMap((item, index) => undocumentedProperties(document, items, item, `${pointer}/${index}`));
  }
  if (value === null || typeof value !== 'object') return [];
  const { named, open } = propertiesOf(document, schema);
  const found: string[] = [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
    const property = named.get(key);
    if (property === undefined) {
      if (!open) found.push(`${pointer}/${escaped}`);
      continue;
    }
    found.push(...undocumentedProperties(document, property, inner, `${pointer}/${escaped}`));
  }
  return found;
}
