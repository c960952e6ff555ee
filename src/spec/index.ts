// The compiled contract: the kit's document and its operations, with request validators compiled
// ahead of time (generated/validators/), built once per process on first use. No ajv here: the mock
// reaches this from the browser. Run-time compilation (a changed document, response validation) is in
// runtime-spec.ts, for Node.
import { openApiDocument } from './generated/document.js';
import { validators as operationValidators } from './generated/validators/operations.request.js';
import type { OpenApiDocument } from './openapi-document.js';
import { compileOperations, type CompiledOperation } from './operations.js';
import { precompiledSource } from './validators.js';

export interface CompiledSpec {
  document: OpenApiDocument;
  operations: CompiledOperation[];
}

let compiled: CompiledSpec | undefined;

export function compiledSpec(): CompiledSpec {
  compiled ??= { document: openApiDocument, operations: compileOperations(openApiDocument, precompiledSource('operations', operationValidators)) };
  return compiled;
}

export { schemaRef } from './registry-schema.js';
export type { CompiledOperation };
export type { components, operations, paths } from './generated/types.js';
