// Registers the document's component schemas with ajv, so every validator compiled at run time
// (responses in the contract suite, a changed copy of the document) and every validator compiled ahead
// of time (scripts/validator-modules.ts) comes from the same definitions. Node and build-time only:
// the mock reaches its validators precompiled, without ajv.
import { Ajv, type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './openapi-document.js';
import { registryId, rewriteRefs } from './registry-schema.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export type { ErrorObject, ValidateFunction };
export * from './registry-schema.js';

export interface SchemaRegistryOptions {
  /** Fill in `default` values while validating: right for requests, wrong for responses (it hides drift). */
  useDefaults: boolean;
  /** Collect every error (default) or stop at the first: a quick yes/no before a bounded second look. */
  allErrors?: boolean;
  /** Errors carry the failing value and the keyword's schema, so a drift report can show both. */
  verbose?: boolean;
  /** ajv's code options: `{ source: true, esm: true }` to write standalone modules. */
  code?: CodeOptions;
}

/** The options that decide what a validator does, by flavour: the same at run time and ahead of time. */
export const flavourOptions = {
  request: { useDefaults: true },
  firstError: { useDefaults: false, allErrors: false },
} as const satisfies Record<string, SchemaRegistryOptions>;

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
    ...(options.code === undefined ? {} : { code: options.code }),
  });
  addFormats(ajv, ['uuid', 'int32', 'int64']);
  ajv.addSchema({ $id: registryId, definitions: rewriteRefs(document.components.schemas, '') });
  return ajv;
}
