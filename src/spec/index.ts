// The compiled contract: the document, its operations and the schema registries, built once per process
// on first use (ajv compiles are the slow part, and every mock instance can share them).
import { openApiDocument } from './generated/document.js';
import type { OpenApiDocument } from './openapi-document.js';
import { compileOperations, type CompiledOperation } from './operations.js';
import { createSchemaRegistry, schemaRef } from './schema-registry.js';
import type { Ajv } from 'ajv';

export interface CompiledSpec {
  document: OpenApiDocument;
  operations: CompiledOperation[];
  /** Validators for requests: they fill in the document's defaults. */
  requestAjv: Ajv;
  /** Validators for responses: no defaults, so a missing property stays missing; errors carry values. */
  responseAjv: Ajv;
  /** Stops at the first error: a cheap yes/no for large documents, before a bounded look at what is wrong. */
  firstErrorAjv(): Ajv;
}

let compiled: CompiledSpec | undefined;

/** Compiles a document: the kit's own (compiledSpec) or a changed copy (to show what follows from it). */
export function compileSpec(document: OpenApiDocument): CompiledSpec {
  const requestAjv = createSchemaRegistry(document, { useDefaults: true });
  const responseAjv = createSchemaRegistry(document, { useDefaults: false, verbose: true });
  let firstErrorAjv: Ajv | undefined;
  return {
    document,
    operations: compileOperations(document, requestAjv),
    requestAjv,
    responseAjv,
    firstErrorAjv: () => (firstErrorAjv ??= createSchemaRegistry(document, { useDefaults: false, allErrors: false })),
  };
}

export function compiledSpec(): CompiledSpec {
  compiled ??= compileSpec(openApiDocument);
  return compiled;
}

export { schemaRef };
export type { CompiledOperation };
export type { components, operations, paths } from './generated/types.js';
