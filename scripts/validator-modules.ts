// Renders the precompiled validators: for each group (the operations' requests, the admin API's
// bodies, state documents, scenarios) and flavour, one module of ajv standalone code exporting
// `validators`, keyed as the kit asks for them (validators.ts). Which validators exist is not listed
// here: each group's own code says what it asks for, through the same functions it uses at run time.
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { _ } from 'ajv';
import { openApiDocument } from '../src/spec/generated/document.js';
import { compileOperations } from '../src/spec/operations.js';
import { createSchemaRegistry, flavourOptions } from '../src/spec/schema-registry.js';
import { recordingSource, validatorKey, type ValidatorFlavour, type WantedValidator } from '../src/spec/validators.js';
import { adminValidators } from '../mocks/core/admin/admin-schemas.js';
import { cappedValidatorParts } from '../mocks/state/capped-validation.js';
import { stateDocumentSchema } from '../mocks/state/state-document.js';
import { scenarioSchema } from '../mocks/state/scenario-schema.js';

// ajv/dist/standalone is CommonJS; under NodeNext its default import is the module object.
const standaloneCode = standaloneCodeModule.default;

export const validatorGroups = (): Record<string, WantedValidator[]> => {
  const operations: WantedValidator[] = [];
  compileOperations(openApiDocument, recordingSource(operations));
  return {
    operations,
    admin: adminValidators(openApiDocument),
    'state-document': cappedValidatorParts('state document', stateDocumentSchema),
    scenario: cappedValidatorParts('scenario', scenarioSchema()),
  };
};

const header = (banner: string) =>
  `${banner}// @ts-nocheck -- ajv's standalone code, generated and tested, not written by hand.\n` +
  // ajv writes function formats and its runtime helpers as require() calls even in ESM output
  // (ajv-formats#68): they are imported here instead, and work as CommonJS from ESM in Node and bundlers.
  "import { fullFormats as formats } from 'ajv-formats/dist/formats.js';\n";

/** One module of standalone code: the validators of one group and flavour. */
export function renderValidatorModule(banner: string, wanted: readonly WantedValidator[], flavour: ValidatorFlavour): string {
  const ajv = createSchemaRegistry(openApiDocument, { ...flavourOptions[flavour], code: { source: true, esm: true, formats: _`formats` } });
  const exports: Record<string, string> = {};
  const keys: Record<string, string> = {};
  wanted.forEach((entry, index) => {
    const id = `ude-kit:validator:${index}`;
    const { $id: _ownId, ...schema } = entry.schema() as Record<string, unknown>;
    ajv.addSchema(schema, id);
    exports[`v${index}`] = id;
    keys[validatorKey(entry)] = `v${index}`;
  });
  const runtime = new Map<string, string>();
  let code = standaloneCode(ajv, exports).replace(/require\("([^"]+)"\)\.default/g, (_match, path: string) => {
    if (!runtime.has(path)) runtime.set(path, `runtime${runtime.size}`);
    return runtime.get(path)!;
  });
  code = code.replace(/^"use strict";/, '');
  const imports = [...runtime].map(
    ([path, name]) => `import ${name}Module from '${path}.js';\nconst ${name} = ${name}Module.default ?? ${name}Module;\n`,
  );
  if (/require\(/.test(code)) throw new Error(`standalone code still calls require(): ${/require\([^)]*\)/.exec(code)?.[0]}`);
  const table = Object.entries(keys).map(([key, name]) => `  ${JSON.stringify(key)}: ${name},`);
  return `${header(banner)}${imports.join('')}\n${code}\n\nexport const validators = {\n${table.join('\n')}\n};\n`;
}
