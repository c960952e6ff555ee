// The document's operations, read once into a shape the router, the input parser and the contract
// suite can use directly: path templates split into segments, parameters merged with their path item's,
// and ajv validators for each operation's parameters and body.
import {
  httpMethods,
  type HttpMethod,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
} from './openapi-document.js';
import { registrySchema, resolveSchema } from './registry-schema.js';
import type { Validator, ValidatorSource } from './validators.js';

export type PathSegment = { literal: string } | { parameter: string };

export interface CompiledParameter {
  name: string;
  location: 'query' | 'path';
  required: boolean;
  /** The schema with its `$ref` chain followed: `type`, `format`, bounds and `default` are read here. */
  schema: JsonSchema;
}

export interface CompiledOperation {
  operationId: string;
  method: Uppercase<HttpMethod>;
  pathTemplate: string;
  segments: PathSegment[];
  operation: OperationObject;
  queryParameters: CompiledParameter[];
  pathParameters: CompiledParameter[];
  /** Validates (and fills in defaults of) an object of typed query values. */
  validateQuery: Validator;
  validatePath: Validator;
  body: { required: boolean; mediaType: string; validate: Validator; uuidProperties: string[] } | undefined;
}

/**
 * The body's top-level properties whose schema is a uuid: their values are compared case-insensitively
 * (RFC 9562), so the mock lowercases them as it reads them. The document's bodies are flat objects.
 */
function uuidPropertiesOf(document: OpenApiDocument, schema: JsonSchema): string[] {
  const properties = (resolveSchema(document, schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.keys(properties).filter((name) => resolveSchema(document, properties[name]!).format === 'uuid');
}

function splitTemplate(template: string): PathSegment[] {
  return template
    .split('/')
    .slice(1)
    .map((part) => {
      const match = /^\{(.+)\}$/.exec(part);
      return match?.[1] !== undefined ? { parameter: match[1] } : { literal: part };
    });
}

// Parameter schemas are inlined (their `$ref` followed) because ajv applies a `default` only when it
// stands directly in the `properties` entry, not behind a reference.
function objectSchema(parameters: CompiledParameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, registrySchema(p.schema)])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}

function compileParameters(
  document: OpenApiDocument,
  parameters: ParameterObject[],
  location: 'query' | 'path',
): CompiledParameter[] {
  return parameters
    .filter((p) => p.in === location)
    .map((p) => ({
      name: p.name,
      location,
      required: p.required === true,
      schema: resolveSchema(document, p.schema),
    }));
}

/** The operations, with request validators from `source` (precompiled for the kit's own document). */
export function compileOperations(document: OpenApiDocument, source: ValidatorSource): CompiledOperation[] {
  const operations: CompiledOperation[] = [];
  for (const [pathTemplate, pathItem] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const own = operation.parameters ?? [];
      // An operation's parameter overrides the path item's parameter of the same name and location.
      const inherited = (pathItem.parameters ?? []).filter(
        (p) => !own.some((o) => o.name === p.name && o.in === p.in),
      );
      const parameters = [...inherited, ...own];
      const queryParameters = compileParameters(document, parameters, 'query');
      const pathParameters = compileParameters(document, parameters, 'path');
      const bodyEntry = Object.entries(operation.requestBody?.content ?? {})[0];
      const bodySchema = bodyEntry?.[1].schema;
      const id = operation.operationId;
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        pathTemplate,
        segments: splitTemplate(pathTemplate),
        operation,
        queryParameters,
        pathParameters,
        validateQuery: source({ flavour: 'request', name: `${id} query`, schema: () => objectSchema(queryParameters) }),
        validatePath: source({ flavour: 'request', name: `${id} path`, schema: () => objectSchema(pathParameters) }),
        body:
          bodyEntry === undefined || bodySchema === undefined
            ? undefined
            : {
                required: operation.requestBody?.required === true,
                mediaType: bodyEntry[0],
                validate: source({ flavour: 'request', name: `${id} body`, schema: () => registrySchema(bodySchema) }),
                uuidProperties: uuidPropertiesOf(document, bodySchema),
              },
      });
    }
  }
  return operations;
}
