// ajv at run time, for Node: the registries the contract suite validates responses with, and the
// compiled form of a changed copy of the document (tests that show what follows from a change).
// The kit's own request validators are precompiled (index.ts); these compile on first use.
import type { Ajv } from 'ajv';
import { openApiDocument } from './generated/document.js';
import type { CompiledSpec } from './index.js';
import type { OpenApiDocument } from './openapi-document.js';
import { compileOperations } from './operations.js';
import { createSchemaRegistry, flavourOptions } from './schema-registry.js';
import type { ValidatorSource } from './validators.js';

export interface Registries {
  /** Validators for requests: they fill in the document's defaults. */
  requestAjv: Ajv;
  /** Validators for responses: no defaults, so a missing property stays missing; errors carry values. */
  responseAjv: Ajv;
  /** Stops at the first error: a cheap yes/no for large documents, before a bounded look at what is wrong. */
  firstErrorAjv: Ajv;
}

const registries = new WeakMap<OpenApiDocument, Registries>();

/** The document's ajv registries, each made on first use and kept for the process. */
export function ajvRegistries(document: OpenApiDocument = openApiDocument): Registries {
  let found = registries.get(document);
  if (found === undefined) {
    let request: Ajv | undefined;
    let response: Ajv | undefined;
    let firstError: Ajv | undefined;
    found = {
      get requestAjv() {
        return (request ??= createSchemaRegistry(document, flavourOptions.request));
      },
      get responseAjv() {
        return (response ??= createSchemaRegistry(document, { useDefaults: false, verbose: true }));
      },
      get firstErrorAjv() {
        return (firstError ??= createSchemaRegistry(document, flavourOptions.firstError));
      },
    };
    registries.set(document, found);
  }
  return found;
}

/** Compiles what is asked for with the document's registries, as the generator does ahead of time. */
export function ajvSource(document: OpenApiDocument): ValidatorSource {
  const { requestAjv, firstErrorAjv } = ajvRegistries(document);
  return (wanted) => (wanted.flavour === 'request' ? requestAjv : firstErrorAjv).compile(wanted.schema());
}

/** A document compiled at run time: a changed copy, to show what follows from the change. */
export function compileSpec(document: OpenApiDocument): CompiledSpec {
  return { document, operations: compileOperations(document, ajvSource(document)) };
}
