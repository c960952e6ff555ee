// Scenario files as they meet the loader in real use: chains of relative `extends` across folders, a
// large exported state loaded back, generation sizes past the limits, a byte order mark, and files that
// are not scenarios at all (the CLI's refusals of them are in test/cli/scenario-refusals.test.ts).
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../mocks/state/scenario-files.js';
import { resolveScenario } from '../../mocks/state/scenario.js';
import { generationLimits } from '../../mocks/state/scenario-schema.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ude-kit-scenarios-'));
});

const ticket = (id: string, status = 'In Progress') => ({ id, status });
const file = (path: string, content: unknown) => writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));

describe('extends', () => {
  it('resolves each relative name against the folder of the file that names it', async () => {
    await mkdir(join(dir, 'sub'), { recursive: true });
    await file('top.json', { description: 'top', extends: 'sub/b.json' });
    await file('sub/b.json', { description: 'b', extends: 'c.json' });
    await file('sub/c.json', { description: 'the right c', tickets: [ticket('11111111-1111-4111-8111-111111111111')] });
    // The file the old resolver loaded by mistake: c.json beside the top file.
    await file('c.json', { description: 'the wrong c', tickets: [ticket('22222222-2222-4222-8222-222222222222')] });
    const result = loadScenario(join(dir, 'top.json'));
    expect(result.ok && result.state.tickets.map((t) => t.id)).toEqual(['11111111-1111-4111-8111-111111111111']);
  });

  it('hands the lookup the chain that led to a name', () => {
    const seen: Array<[string, readonly string[]]> = [];
    const files: Record<string, unknown> = { a: { description: 'a', extends: 'b' }, b: { description: 'b' } };
    resolveScenario({ description: 'top', extends: 'a' }, (name, chain) => {
      seen.push([name, [...chain]]);
      return files[name] as never;
    });
    expect(seen).toEqual([['a', []], ['b', ['a']]]);
  });
});

describe('size', () => {
  it('loads back an exported state of 150,000 records', async () => {
    const generated = resolveScenario({ description: 'big', generate: { seed: 3, catalog: 200, tickets: 15_000, usedPerTicket: [10, 10] } });
    if (!generated.ok) throw new Error(JSON.stringify(generated.violations));
    await file('export-150k.json', { $schema: './scenario.schema.json', description: 'exported', ...generated.state });
    const loaded = loadScenario(join(dir, 'export-150k.json'));
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.state.used.length).toBe(150_000);
    expect(loaded.ok && loaded.state).toEqual(generated.state);
  });

  it.each([
    [{ tickets: 100_000_000 }, '/generate/tickets', `must be <= ${generationLimits.tickets}`],
    [{ catalog: 10_000_000 }, '/generate/catalog', `must be <= ${generationLimits.catalog}`],
    [{ catalog: 20, tickets: 500_000, usedPerTicket: [0, 10] }, '/generate', 'would generate up to 5,000,000 records'],
  ])('refuses generating %j at once, with a clear message', (generate, field, message) => {
    const started = performance.now();
    const result = resolveScenario({ description: 'too big', generate: { seed: 1, ...generate } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    const found = !result.ok && result.violations.find((v) => v.field === field);
    expect(found && found.message).toContain(message);
  });
});

describe('files that are not scenarios', () => {
  it('accepts a UTF-8 byte order mark, in JSON and YAML', async () => {
    await file('bom.json', `\uFEFF${JSON.stringify({ description: 'with a BOM', tickets: [ticket('33333333-3333-4333-8333-333333333333')] })}`);
    await file('bom.yaml', '\uFEFFdescription: with a BOM\ntickets: []\n');
    expect(loadScenario(join(dir, 'bom.json')).ok).toBe(true);
    expect(loadScenario(join(dir, 'bom.yaml')).ok).toBe(true);
  });

});

describe('scenarioState', () => {
  it('gives the state of a resolved scenario, and throws with every problem for a refused one', async () => {
    const { scenarioState, ScenarioRefusedError } = await import('../../mocks/state/scenario.js');
    expect(scenarioState(resolveScenario({ description: 'x', tickets: [] })).tickets).toEqual([]);
    const refused = resolveScenario({ description: '', tickets: [{ id: 'x', status: 'Open' }] });
    expect(() => scenarioState(refused)).toThrow(ScenarioRefusedError);
    expect(() => scenarioState(refused)).toThrow(/^the scenario is refused: \/description must NOT have fewer than 1 characters; \/tickets\/0\/id must match format "uuid"$/);
  });
});
