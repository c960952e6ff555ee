// The committed modules generated from the document must match what the document gives today, and the
// precompiled validators must judge exactly as the same schemas compiled by ajv at run time.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSpecModules } from '../../scripts/spec-modules.js';
import { validatorGroups } from '../../scripts/validator-modules.js';
import { ajvSource } from '../../src/spec/runtime-spec.js';
import { openApiDocument } from '../../src/spec/generated/document.js';
import { validatorKey, type Validator } from '../../src/spec/validators.js';
import { validators as operations } from '../../src/spec/generated/validators/operations.request.js';
import { validators as admin } from '../../src/spec/generated/validators/admin.request.js';
import { validators as stateRequest } from '../../src/spec/generated/validators/state-document.request.js';
import { validators as stateFirst } from '../../src/spec/generated/validators/state-document.firstError.js';
import { validators as scenarioRequest } from '../../src/spec/generated/validators/scenario.request.js';
import { validators as scenarioFirst } from '../../src/spec/generated/validators/scenario.firstError.js';

const precompiled: Record<string, Record<string, Validator>> = {
  operations,
  admin,
  'state-document': { ...stateRequest, ...stateFirst },
  scenario: { ...scenarioRequest, ...scenarioFirst },
};

const nameOf = (path: string) => path.split('/').slice(-2).join('/');

describe('generated spec modules', () => {
  it('are up to date with openapi/used-diagnostic-equipment.yaml (run `npm run generate` if not)', async () => {
    const modules = await renderSpecModules();
    expect(modules.map((m) => nameOf(m.path))).toEqual([
      'validators/operations.request.ts',
      'validators/admin.request.ts',
      'validators/state-document.request.ts',
      'validators/state-document.firstError.ts',
      'validators/scenario.request.ts',
      'validators/scenario.firstError.ts',
      'generated/document.ts',
      'generated/types.ts',
      'generated/default-state.ts',
      'scenarios/scenario.schema.json',
      'profiles/profile.schema.json',
    ]);
    for (const module of modules) {
      expect(await readFile(module.path, 'utf8'), `${module.path} is stale: run npm run generate`).toBe(module.contents);
    }
  });

  it('types the record as the document does', async () => {
    const types = (await renderSpecModules()).find((m) => m.path.endsWith('types.ts'))!.contents;
    expect(types).toMatch(/UsedDiagnosticEquipment: \{[^}]*version: string \| null;/s);
    expect(types).toMatch(/limit\?: components\["schemas"\]\["Limit"\]/);
  });
});

describe('the precompiled validators', () => {
  const runtime = ajvSource(openApiDocument);
  const groups = validatorGroups();

  it('are every validator the kit asks for, and no other', () => {
    for (const [group, wanted] of Object.entries(groups)) {
      expect(Object.keys(precompiled[group]!).sort(), group).toEqual(wanted.map(validatorKey).sort());
    }
  });

  // Values shaped like what the kit validates (objects with its field names, numbers at the int32 and
  // int64 edges, uuids and near-uuids), and anything else fast-check makes.
  const fieldNames = ['limit', 'offset', 'ticket_id', 'ticket-id', 'diagnostic-equipment-id', 'diagnostic_equipment_id', 'name', 'version', 'status', 'operation', 'delayMs', 'times', 'networkError', 'tickets', 'catalog', 'used', 'id', 'description', 'generate', 'seed', 'extends'];
  const leaf = fc.oneof(
    fc.integer({ min: -(2 ** 31) - 2, max: 2 ** 31 + 1 }),
    fc.constantFrom(2 ** 63, -(2 ** 63), 1.5, 0, -1, 1000, 1001, 599, 400, 60_000),
    fc.uuid(),
    fc.constantFrom('595BE628-F6F2-4262-9C10-6389C6C4A5B8', 'In Progress', '', 'x'.repeat(256)),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
  );
  const valueWith = (keys: string[]) =>
    fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keys), tie('node'), { maxKeys: 5 })),
    })).node;
  /** Mostly objects with the schema's own property names, so each keyword's edge gets tried. */
  const inputsFor = (schema: Record<string, unknown>) => {
    const own = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
    const keys = [...new Set([...own, ...fieldNames])];
    return own.length === 0 ? valueWith(keys) : fc.oneof(fc.dictionary(fc.constantFrom(...own), leaf, { maxKeys: own.length }), valueWith(keys));
  };

  for (const [group, wanted] of Object.entries(validatorGroups())) {
    it(`judge as ajv at run time does: ${group}`, () => {
      for (const entry of wanted) {
        const ahead = precompiled[group]![validatorKey(entry)]!;
        const now = runtime(entry);
        fc.assert(
          fc.property(inputsFor(entry.schema() as Record<string, unknown>), (input) => {
            // Both fill in defaults (request flavour): give each its own copy.
            const [a, b] = [structuredClone(input), structuredClone(input)];
            expect(ahead(a), validatorKey(entry)).toBe(now(b));
            expect(ahead.errors ?? null).toEqual(now.errors ?? null);
            expect(a).toEqual(b);
          }),
          { numRuns: 300, seed: 20261129 },
        );
      }
    });
  }
});
