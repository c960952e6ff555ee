// The copy of the document that Dredd 14 can read. Its OpenAPI 3 parser rejects parameter names with
// anything but letters and digits ("ticket-id"), so the copy renames path parameters to camelCase in
// both the templates and the parameter objects; the URLs on the wire are unchanged. It also ignores
// `$ref` and `allOf` inside schemas and then checks bodies against a schema guessed from the example
// (every example key required), so the copy inlines references and flattens single-part allOf.
import { integerFormatRange } from '../../src/spec/integer-formats.js';
import { toJsonSchema } from '../../src/spec/json-schema.js';
import type { OpenApiDocument, ParameterObject } from '../../src/spec/openapi-document.js';

// The formats JSON Schema draft 4 defines; Gavel's validator refuses any other as unknown.
const draft4Formats = new Set(['date-time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri']);

export const dreddName = (name: string) => name.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase());

function renameParameters(parameters: ParameterObject[] | undefined): ParameterObject[] | undefined {
  return parameters?.map((p) => (p.in === 'path' ? { ...p, name: dreddName(p.name) } : p));
}

function inline(value: unknown, document: OpenApiDocument, depth = 0): unknown {
  if (depth > 32) throw new Error('schema references nest too deeply to inline');
  if (Array.isArray(value)) return value.map((item) => inline(item, document, depth));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (typeof object.$ref === 'string') {
    const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(object.$ref) ?? [];
    const target = section === 'schemas' ? document.components.schemas[name ?? ''] : document.components.responses?.[name ?? ''];
    if (target === undefined) throw new Error(`cannot inline ${object.$ref}`);
    return inline(target, document, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(object)) out[key] = inline(inner, document, depth);
  const allOf = out.allOf;
  if (Array.isArray(allOf) && allOf.length === 1) {
    const { allOf: _allOf, ...rest } = out;
    return { ...(allOf[0] as Record<string, unknown>), ...rest };
  }
  return out;
}

export function dreddDocument(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  copy.paths = inline(copy.paths, document) as OpenApiDocument['paths'];
  copy.paths = Object.fromEntries(
    Object.entries(copy.paths).map(([template, item]) => {
      const renamed = template.replace(/\{([^}]+)\}/g, (_m, name: string) => `{${dreddName(name)}}`);
      const next = { ...item, parameters: renameParameters(item.parameters) };
      return [renamed, next];
    }),
  );
  return copy;
}

/**
 * What Gavel's draft-4 validator can read: an integer format becomes the bounds it defines, and the
 * other OpenAPI formats (uuid, …), which it would refuse as unknown, are dropped. The kit's own suite
 * checks those formats; Dredd cannot.
 */
function gavelFormats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(gavelFormats);
  if (value === null || typeof value !== 'object') return value;
  const { format, ...rest } = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(rest)) {
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).map(([k, v]) => [k, gavelFormats(v)])) : gavelFormats(inner);
  }
  const range = integerFormatRange(format);
  if (range !== undefined) {
    out.minimum = Math.max(Number(range.min), typeof out.minimum === 'number' ? out.minimum : -Infinity);
    out.maximum = Math.min(Number(range.max), typeof out.maximum === 'number' ? out.maximum : Infinity);
  } else if (typeof format === 'string' && draft4Formats.has(format)) out.format = format;
  return out;
}

/**
 * The body schema of every transaction Dredd makes, by Dredd's transaction name. Dredd 14's OpenAPI 3
 * adapter passes no schema on, so without these its body check is "looks like the example". A
 * `default` response becomes a transaction named with status 200, as Dredd names it.
 */
export function dreddBodySchemas(document: OpenApiDocument): Record<string, unknown> {
  const copy = dreddDocument(document);
  const schemas: Record<string, unknown> = {};
  for (const [template, item] of Object.entries(copy.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, media] of Object.entries(('content' in response ? response.content : undefined) ?? {})) {
          if (media.schema === undefined) continue;
          const name = `${template} > ${operation.summary ?? ''} > ${status === 'default' ? '200' : status} > ${mediaType}`;
          schemas[name] = { $schema: 'http://json-schema.org/draft-04/schema#', ...(gavelFormats(toJsonSchema(document, media.schema)) as object) };
        }
      }
    }
  }
  return schemas;
}
