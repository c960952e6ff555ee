// Renders the modules generated from the OpenAPI document. Kept apart from the script that writes them
// so a test can render them in memory and fail when the committed copies are stale.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { scenarioSchema } from '../mocks/state/scenario-schema.js';
import { profileSchema } from '../mocks/core/profile-schema.js';
import { renderValidatorModule, validatorGroups } from './validator-modules.js';
import '../mocks/state/faker-node.js';
import { computeDefaultState } from '../mocks/state/default-state.js';

export const specPath = fileURLToPath(new URL('../openapi/used-diagnostic-equipment.yaml', import.meta.url));
const generatedDir = new URL('../src/spec/generated/', import.meta.url);

const banner = '// Generated from openapi/used-diagnostic-equipment.yaml by `npm run generate`. Do not edit.\n';

export interface SpecModule {
  path: string;
  contents: string;
}

export async function renderSpecModules(): Promise<SpecModule[]> {
  const yamlText = await readFile(specPath, 'utf8');
  const document: unknown = parse(yamlText);
  const documentModule =
    banner +
    "import type { OpenApiDocument } from '../openapi-document.js';\n\n" +
    `export const openApiDocument: OpenApiDocument = ${JSON.stringify(document, null, 2)};\n`;

  const ast = await openapiTS(yamlText);
  const typesModule = banner + astToString(ast);

  // The precompiled validators: one module per group and flavour that the group asks for. Built from
  // the committed document module, like the scenario schema below.
  const validatorModules = Object.entries(validatorGroups()).flatMap(([group, wanted]) =>
    (['request', 'firstError'] as const)
      .filter((flavour) => wanted.some((w) => w.flavour === flavour))
      .map((flavour) => ({ path: fileURLToPath(new URL(`validators/${group}.${flavour}.ts`, generatedDir)), contents: renderValidatorModule(banner, wanted.filter((w) => w.flavour === flavour), flavour) })),
  );

  return [
    ...validatorModules,
    { path: fileURLToPath(new URL('document.ts', generatedDir)), contents: documentModule },
    { path: fileURLToPath(new URL('types.ts', generatedDir)), contents: typesModule },
    // For editors: scenario files point at it with "$schema". Built from the committed document module,
    // so run generate twice after a change that touches the record's fields.
    // The default seed's start state, so that starting the mock needs no faker (in a page, none at all).
    {
      path: fileURLToPath(new URL('../mocks/state/generated/default-state.ts', import.meta.url)),
      contents: `${banner}import type { StateDocument } from '../state-document.js';\n\nexport const precomputedDefaultState: StateDocument = ${JSON.stringify(computeDefaultState(), null, 2)};\n`,
    },
    { path: fileURLToPath(new URL('../mocks/scenarios/scenario.schema.json', import.meta.url)), contents: `${JSON.stringify(scenarioSchema(), null, 2)}\n` },
    // For editors: profile files point at it with "$schema".
    { path: fileURLToPath(new URL('../mocks/profiles/profile.schema.json', import.meta.url)), contents: `${JSON.stringify(profileSchema(), null, 2)}\n` },
  ];
}
