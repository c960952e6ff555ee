// Scenario files on disk, pinned: which references are paths, how each unreadable or unparsable file
// is refused (where it breaks, never what it holds), the shipped-scenario source's limits on uploads,
// and the faker slot: its refusal when no generator was loaded, its loader called once.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker/locale/base';
import { dataGeneratorLoaded, DataGeneratorNotLoadedError, loadDataGenerator, provideFaker, provideFakerLoader, seededFaker } from '../../mocks/state/faker-slot.js';
import { loadScenario, readScenarioFile, scenarioPath, shippedScenarios, shippedScenariosDir } from '../../mocks/state/scenario-files.js';
import { shippedScenarioSource } from '../../mocks/state/scenario-source-node.js';
import { generateDefaultState } from '../../mocks/state/default-state.js';
import { jsonBounds } from '../../src/spec/json-bounds.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ude-kit-scenario-files-'));
});
const write = async (name: string, text: string) => {
  await writeFile(join(dir, name), text);
  return join(dir, name);
};

describe('a scenario reference', () => {
  it('is a shipped name unless it has a separator or a JSON or YAML extension', () => {
    expect(scenarioPath('closed-ticket')).toBe(resolve(shippedScenariosDir, 'closed-ticket.json'));
    expect(scenarioPath('a/b', '/base')).toBe(resolve('/base', 'a/b'));
    expect(scenarioPath('a\\b', '/base')).toBe(resolve('/base', 'a\\b'));
    for (const name of ['x.json', 'x.yaml', 'x.yml', 'X.YML']) expect(scenarioPath(name, '/base'), name).toBe(resolve('/base', name));
    expect(scenarioPath('/abs/x.json', '/base')).toBe('/abs/x.json');
    expect(scenarioPath('x.jsonc')).toBe(resolve(shippedScenariosDir, 'x.jsonc.json'));
  });

  it('that names nothing is refused as a file or as a shipped scenario', () => {
    expect(loadScenario(join(dir, 'missing.json'))).toStrictEqual({ ok: false, missing: true, violations: [{ field: join(dir, 'missing.json'), message: `no file ${join(dir, 'missing.json')}` }] });
    expect(loadScenario('no-such-scenario')).toStrictEqual({ ok: false, missing: true, violations: [{ field: 'no-such-scenario', message: 'no shipped scenario "no-such-scenario" (see ude-kit scenarios)' }] });
  });
});

describe('reading a scenario file', () => {
  it('says why it cannot read one', async () => {
    await mkdir(join(dir, 'folder.json'), { recursive: true });
    expect(readScenarioFile(join(dir, 'folder.json'))).toStrictEqual({ error: `cannot read scenario file ${join(dir, 'folder.json')}: it is a folder` });
    expect(readScenarioFile(join(dir, 'gone.json'))).toStrictEqual({ error: `cannot read scenario file ${join(dir, 'gone.json')}: no such file` });
  });

  it('names the error code it does not explain, and refuses a folder given as a scenario', async () => {
    const file = await write('plain.json', '{}');
    expect(readScenarioFile(join(file, 'below.json'))).toStrictEqual({ error: `cannot read scenario file ${join(file, 'below.json')}: ENOTDIR` });
    await mkdir(join(dir, 'dir.json'), { recursive: true });
    expect(loadScenario(join(dir, 'dir.json'))).toStrictEqual({ ok: false, violations: [{ field: join(dir, 'dir.json'), message: `cannot read scenario file ${join(dir, 'dir.json')}: it is a folder` }] });
  });

  it('reads .yml and .yaml as YAML, and anything else as JSON', async () => {
    expect(readScenarioFile(await write('short.yml', 'description: yml\n'))).toStrictEqual({ description: 'yml' });
    expect(readScenarioFile(await write('long.YAML', 'description: yaml\n'))).toStrictEqual({ description: 'yaml' });
    const notYaml = await write('x.ymlz', 'description: x\n');
    expect((readScenarioFile(notYaml) as { error: string }).error).toMatch(/ is not valid JSON/);
    // YAML is not held to the JSON nesting bound (its parser has its own); the same depth in JSON is refused.
    const deep = `${'['.repeat(jsonBounds.maxDepth + 1)}${']'.repeat(jsonBounds.maxDepth + 1)}`;
    expect(Array.isArray(readScenarioFile(await write('deep.yaml', deep)))).toBe(true);
  });

  it('says where JSON breaks, or that it ends too early, never quoting it', async () => {
    const broken = await write('broken.json', '{\n  "description": "x",\n  oops\n}');
    expect(readScenarioFile(broken)).toStrictEqual({ error: `${broken} is not valid JSON at line 3, column 3` });
    const cut = await write('cut.json', '{"description":');
    expect(readScenarioFile(cut)).toStrictEqual({ error: `${cut} is not valid JSON (it ends too early)` });
  });

  it('says where YAML breaks, with the parser’s code', async () => {
    const broken = await write('broken.yaml', 'description: x\ntickets: [\n');
    expect((readScenarioFile(broken) as { error: string }).error).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid YAML at line \\d+, column \\d+ \\([A-Z_]+\\)$`));
  });

  it('refuses JSON nested past the bound before parsing it, and takes a byte order mark', async () => {
    const deep = await write('deep.json', `${'['.repeat(jsonBounds.maxDepth + 1)}${']'.repeat(jsonBounds.maxDepth + 1)}`);
    expect(readScenarioFile(deep)).toStrictEqual({ error: `${deep} nests deeper than ${jsonBounds.maxDepth} levels, more than a scenario may` });
    const bom = await write('bom.json', '\uFEFF{"description":"x"}');
    expect(readScenarioFile(bom)).toStrictEqual({ description: 'x' });
  });

  it('lists the shipped scenarios by name, sorted, with their descriptions', () => {
    const shipped = shippedScenarios();
    expect(shipped.map((s) => s.name)).toEqual([...shipped.map((s) => s.name)].sort());
    expect(shipped.every((s) => /^[a-z0-9-]+$/.test(s.name) && s.description.length > 0)).toBe(true);
    expect(shipped.some((s) => s.name.endsWith('.schema'))).toBe(false);
  });
});

describe('the shipped-scenario source of the admin API', () => {
  const source = shippedScenarioSource();
  const first = shippedScenarios()[0]!.name;

  it('loads a shipped scenario by name, and refuses any other name, listing the shipped ones', () => {
    expect(source.resolve({ name: first }).ok).toBe(true);
    const names = shippedScenarios().map((s) => s.name).join(', ');
    for (const name of ['../etc/passwd', 'Closed-Ticket', 'nope', '-x']) {
      expect(source.resolve({ name }), name).toStrictEqual({ ok: false, violations: [{ field: '/name', message: `is not a shipped scenario (${names})` }] });
    }
  });

  it('lets an upload extend a shipped scenario and nothing else', () => {
    expect(source.resolve({ scenario: { description: 'up', extends: first } }).ok).toBe(true);
    expect(source.resolve({ scenario: { description: 'up', extends: '/etc/passwd' } })).toStrictEqual({
      ok: false,
      violations: [{ field: '/extends', message: 'an uploaded scenario may extend only a shipped scenario, not "/etc/passwd"' }],
    });
  });
});

describe('the faker slot', () => {
  it('refuses to generate without a loaded generator, saying what for, and works once loaded', async () => {
    provideFaker(undefined);
    expect(dataGeneratorLoaded()).toBe(false);
    expect(() => seededFaker(1, 'A scenario that generates data')).toThrow(DataGeneratorNotLoadedError);
    expect(() => seededFaker(1, 'Seed 7')).toThrow(/^Seed 7 needs the data generator \(faker\), which this page has not loaded/);
    expect(() => generateDefaultState({ seed: 7 })).toThrow(/^The start state for seed 7 needs the data generator/);
    expect(new DataGeneratorNotLoadedError('x').name).toBe('DataGeneratorNotLoadedError');
    expect(generateDefaultState().tickets.length).toBeGreaterThan(0);
    await loadDataGenerator();
    expect(dataGeneratorLoaded()).toBe(true);
    expect(generateDefaultState({ tickets: 3 }).tickets).toHaveLength(3);
    expect(seededFaker(5, 'x').number.int(1000)).toBe(seededFaker(5, 'x').number.int(1000));
    // Each faker has the template's locale: its word lists, not an empty one.
    expect(seededFaker(5, 'x').system.semver()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(seededFaker(5, 'x').string.uuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(seededFaker(5, 'x').system.mimeType()).toMatch(/^[a-z]+\/[\w.+-]+$/);
  });

  it('keeps a faker it was given over a loader, and calls a loader once, on first use (Node)', () => {
    let calls = 0;
    const counting = () => {
      calls++;
      return faker;
    };
    provideFaker(faker);
    provideFakerLoader(counting);
    seededFaker(1, 'x');
    expect(calls).toBe(0);
    provideFaker(undefined);
    provideFakerLoader(counting);
    expect(dataGeneratorLoaded()).toBe(false);
    seededFaker(1, 'x');
    seededFaker(2, 'x');
    expect(calls).toBe(1);
    expect(dataGeneratorLoaded()).toBe(true);
  });
});
