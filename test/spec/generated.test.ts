// The committed modules generated from the document must match what the document gives today.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderSpecModules } from '../../scripts/spec-modules.js';

describe('generated spec modules', () => {
  it('are up to date with openapi/used-diagnostic-equipment.yaml (run `npm run generate` if not)', async () => {
    const modules = await renderSpecModules();
    expect(modules.map((m) => m.path.split('/').at(-1))).toEqual(['document.ts', 'types.ts', 'scenario.schema.json']);
    for (const module of modules) {
      expect(await readFile(module.path, 'utf8'), `${module.path} is stale: run npm run generate`).toBe(module.contents);
    }
  });

  it('types the record as the document does', async () => {
    const types = (await renderSpecModules())[1]!.contents;
    expect(types).toMatch(/UsedDiagnosticEquipment: \{[^}]*version: string \| null;/s);
    expect(types).toMatch(/limit\?: components\["schemas"\]\["Limit"\]/);
  });
});
