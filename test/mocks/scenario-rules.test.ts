// How a scenario becomes a state, pinned rule by rule: `extends` and its refusals, what `generate`
// makes (ids, names, statuses, counts) and refuses, and how a problem in the merged state is traced
// back to the file's own path, or to what generated or gave the entry.
import { describe, expect, it } from 'vitest';
import { generateDefaultState, toolNames } from '../../mocks/state/default-state.js';
import { isReadError, resolveScenario, ScenarioRefusedError, scenarioState, type ScenarioDocument, type ScenarioLookup } from '../../mocks/state/scenario.js';
import { generationLimits } from '../../mocks/state/scenario-schema.js';

const a = 'aaaaaaaa-0000-4000-8000-000000000001';
const b = 'bbbbbbbb-0000-4000-8000-000000000002';
const violations = (document: unknown, lookup?: ScenarioLookup) => {
  const result = resolveScenario(document, lookup);
  return result.ok ? [] : result.violations;
};
const stateOf = (document: unknown, lookup?: ScenarioLookup) => scenarioState(resolveScenario(document, lookup));
const base: ScenarioDocument = { description: 'base', tickets: [{ id: a, status: 'In Progress' }], catalog: [{ diagnostic_equipment_id: 5, name: 'Five', version: null }], used: [{ ticket_id: a, diagnostic_equipment_id: 5 }] };
const lookup: ScenarioLookup = (name) => (name === 'base' ? base : name === 'unreadable' ? { error: 'cannot read unreadable.yaml: permission denied' } : name === 'loop' ? { description: 'loop', extends: 'loop' } : undefined);

describe('extends', () => {
  it('starts from the parent’s state, then adds the file’s own entries', () => {
    expect(stateOf({ description: 'child', extends: 'base', tickets: [{ id: b, status: 'Closed' }] }, lookup)).toStrictEqual({
      tickets: [base.tickets![0], { id: b, status: 'Closed' }],
      catalog: base.catalog,
      used: base.used,
    });
  });

  it('refuses an unknown parent, an unreadable one, a loop, and a parent’s own problem named under its name', () => {
    expect(violations({ description: 'x', extends: 'nope' }, lookup)).toStrictEqual([{ field: '/extends', message: 'no scenario named "nope"' }]);
    expect(violations({ description: 'x', extends: 'unreadable' }, lookup)).toStrictEqual([{ field: '/extends', message: 'cannot read unreadable.yaml: permission denied' }]);
    expect(violations({ description: 'x', extends: 'loop' }, lookup)).toStrictEqual([{ field: 'loop: /extends', message: 'extends itself through loop → loop' }]);
    const broken: ScenarioLookup = (name) => (name === 'broken' ? { description: '' } : undefined);
    expect(violations({ description: 'x', extends: 'broken' }, broken)).toStrictEqual([{ field: 'broken: /description', message: 'must NOT have fewer than 1 characters' }]);
  });

  it('traces a clash with an inherited entry to the parent, and one of the file’s own to its path', () => {
    expect(violations({ description: 'child', extends: 'base', used: [{ ticket_id: a, diagnostic_equipment_id: 5 }] }, lookup)).toStrictEqual([{ field: '/used/0', message: 'duplicates base (extended)' }]);
    expect(violations({ description: 'child', extends: 'base', tickets: [{ id: a, status: 'Closed' }] }, lookup)).toStrictEqual([{ field: '/tickets/0/id', message: `duplicates base (extended) (${a})` }]);
  });
});

describe('generate', () => {
  it('is the same state for the same seed, and another for another', () => {
    const spec = { description: 'g', generate: { seed: 7, catalog: 4, tickets: 3, usedPerTicket: [1, 2] } };
    expect(stateOf(spec)).toStrictEqual(stateOf(spec));
    expect(stateOf({ ...spec, generate: { ...spec.generate, seed: 8 } })).not.toStrictEqual(stateOf(spec));
  });

  it('numbers new catalogue entries after the highest id there, and names them from the tool list, then again with a round', () => {
    const state = stateOf({ description: 'g', extends: 'base', generate: { seed: 1, catalog: toolNames.length + 2 } }, lookup);
    const made = state.catalog.slice(1);
    expect(made.map((e) => e.diagnostic_equipment_id)).toEqual(Array.from({ length: toolNames.length + 2 }, (_, i) => 6 + i));
    expect(made.slice(0, toolNames.length).map((e) => e.name)).toEqual([...toolNames]);
    expect(made.slice(toolNames.length).map((e) => e.name)).toEqual([`${toolNames[0]} (2)`, `${toolNames[1]} (2)`]);
  });

  it('gives tickets the statuses it is told, and each between min and max records', () => {
    const state = stateOf({ description: 'g', generate: { seed: 3, catalog: 5, tickets: 40, usedPerTicket: [2, 3], statuses: { Closed: 1 } } });
    expect(new Set(state.tickets.map((t) => t.status))).toEqual(new Set(['Closed']));
    const perTicket = state.tickets.map((t) => state.used.filter((u) => u.ticket_id === t.id).length);
    expect(Math.min(...perTicket)).toBe(2);
    expect(Math.max(...perTicket)).toBe(3);
  });

  it('puts exactly `count` records on a named ticket, all distinct', () => {
    const state = stateOf({ description: 'g', tickets: [{ id: b, status: 'In Progress' }], generate: { seed: 2, catalog: 6, usedOn: [{ ticket_id: b, count: 4 }] } });
    const ids = state.used.filter((u) => u.ticket_id === b).map((u) => u.diagnostic_equipment_id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses more records than its limit before doing any work', () => {
    const tickets = Math.floor(generationLimits.records / 10) + 1;
    expect(violations({ description: 'g', generate: { seed: 1, catalog: 10, tickets, usedPerTicket: [0, 10] } })).toStrictEqual([
      { field: '/generate', message: `would generate up to ${(tickets * 10).toLocaleString('en-US')} records (tickets × usedPerTicket max + usedOn); a scenario may generate at most ${generationLimits.records.toLocaleString('en-US')}` },
    ]);
  });

  it('refuses more records per ticket than the catalogue holds, a min above its max, and a count above what is free', () => {
    expect(violations({ description: 'g', generate: { seed: 1, catalog: 2, tickets: 1, usedPerTicket: [0, 3] } })).toStrictEqual([{ field: '/generate/usedPerTicket', message: 'asks for up to 3 records on a ticket, but the catalogue has 2 entries' }]);
    expect(violations({ description: 'g', generate: { seed: 1, catalog: 1, tickets: 1, usedPerTicket: [0, 2] } })).toStrictEqual([{ field: '/generate/usedPerTicket', message: 'asks for up to 2 records on a ticket, but the catalogue has 1 entry' }]);
    expect(violations({ description: 'g', generate: { seed: 1, catalog: 5, tickets: 1, usedPerTicket: [3, 2] } })).toStrictEqual([{ field: '/generate/usedPerTicket', message: '[min, max] must not have min > max' }]);
    expect(violations({ description: 'g', extends: 'base', generate: { seed: 1, catalog: 1, usedOn: [{ ticket_id: a, count: 2 }] } }, lookup)).toStrictEqual([
      { field: '/generate/usedOn/0/count', message: `asks for 2 records, but only 1 catalogue entry is free on ticket ${a}` },
    ]);
  });

  it('traces a problem with a generated entry to what generated it', () => {
    const found = violations({ description: 'g', generate: { seed: 1, catalog: 2, usedOn: [{ ticket_id: b, count: 1 }] } });
    expect(found).toStrictEqual([{ field: '/generate/usedOn/0', message: `no ticket ${b} in /tickets (merged entry /used/0/ticket_id)` }]);
  });
});

describe('a refused scenario as an error', () => {
  it('names the first five problems and says there are more', () => {
    const used = Array.from({ length: 7 }, (_, i) => ({ ticket_id: a, diagnostic_equipment_id: 100 + i }));
    const result = resolveScenario({ description: 'x', tickets: [{ id: a, status: 'Open' }], used });
    expect(() => scenarioState(result)).toThrow(ScenarioRefusedError);
    const error = (() => {
      try {
        scenarioState(result);
      } catch (thrown) {
        return thrown as ScenarioRefusedError;
      }
      return undefined;
    })()!;
    expect(error.violations).toHaveLength(7);
    expect(error.message).toBe(`the scenario is refused: ${used.slice(0, 5).map((_, i) => `/used/${i}/diagnostic_equipment_id no diagnostic equipment ${100 + i} in /catalog`).join('; ')}; …`);
  });

  it('tells a read error from a scenario', () => {
    expect(isReadError({ error: 'cannot read' })).toBe(true);
    for (const value of [{ error: 'x', description: 'y' }, { error: 1 }, ['error'], null, 'error', { description: 'x' }]) expect(isReadError(value), JSON.stringify(value)).toBe(false);
  });
});

describe('generate, at its edges', () => {
  const generatedOnce = (generate: Record<string, unknown>) => stateOf({ description: 'g', generate: { seed: 11, ...generate } });

  it('adds the preset under the seed it is given, and nothing more without counts', () => {
    expect(generatedOnce({ preset: 'default' })).toStrictEqual(generateDefaultState({ seed: 11 }));
    expect(generatedOnce({ catalog: 2, tickets: 3 }).used).toEqual([]);
  });

  it('takes exactly as many records per ticket as the catalogue holds, and exactly as many as are free', () => {
    const full = generatedOnce({ catalog: 2, tickets: 2, usedPerTicket: [2, 2] });
    expect(full.used).toHaveLength(4);
    const state = stateOf({ description: 'g', tickets: [{ id: a, status: 'Open' }, { id: b, status: 'Open' }], used: [], generate: { seed: 1, catalog: 3, usedOn: [{ ticket_id: a, count: 3 }, { ticket_id: b, count: 3 }] } });
    // Every entry is taken on ticket a, and all three are still free on ticket b.
    expect(state.used.filter((u) => u.ticket_id === b)).toHaveLength(3);
    expect(violations({ description: 'g', tickets: [{ id: a, status: 'Open' }], generate: { seed: 1, catalog: 2, usedOn: [{ ticket_id: a, count: 3 }] } })).toStrictEqual([
      { field: '/generate/usedOn/0/count', message: `asks for 3 records, but only 2 catalogue entries are free on ticket ${a}` },
    ]);
  });

  it('counts usedOn towards the limit on records', () => {
    // As many usedOn entries of the largest count as make the limit exactly, then one ticket of ten more.
    const usedOn = Array.from({ length: generationLimits.records / generationLimits.usedOn }, () => ({ ticket_id: a, count: generationLimits.usedOn }));
    const found = violations({ description: 'g', generate: { seed: 1, catalog: 10, tickets: 1, usedPerTicket: [0, 10], usedOn } });
    expect(found).toStrictEqual([{ field: '/generate', message: expect.stringMatching(new RegExp(`^would generate up to ${(generationLimits.records + 10).toLocaleString('en-US')} records`)) as string }]);
  });

  it('leaves about a fifth of generated versions empty', () => {
    const catalog = generatedOnce({ catalog: 1000 }).catalog;
    const empty = catalog.filter((e) => e.version === null).length;
    expect(empty).toBeGreaterThan(120);
    expect(empty).toBeLessThan(280);
  });

  it('traces a clash with each kind of generated entry to what generated it', () => {
    const made = generatedOnce({ catalog: 2, tickets: 1, usedPerTicket: [1, 1] });
    const [ticket] = made.tickets;
    const [record] = made.used;
    const clash = violations({ description: 'g', generate: { seed: 11, catalog: 2, tickets: 1, usedPerTicket: [1, 1] }, tickets: [{ id: ticket!.id, status: 'Open' }], catalog: [{ diagnostic_equipment_id: 1, name: 'Again', version: null }], used: [record!] });
    expect(clash).toStrictEqual([
      { field: '/tickets/0/id', message: `duplicates /generate/tickets (${ticket!.id})` },
      { field: '/catalog/0/diagnostic_equipment_id', message: 'duplicates /generate/catalog (1)' },
      { field: '/used/0', message: 'duplicates /generate/usedPerTicket' },
    ]);
    const preset = generateDefaultState({ seed: 11 });
    expect(violations({ description: 'g', generate: { seed: 11, preset: 'default' }, tickets: [preset.tickets[0]!] })).toStrictEqual([{ field: '/tickets/0/id', message: `duplicates /generate/preset (${preset.tickets[0]!.id})` }]);
  });

  it('traces a clash between two of the file’s own entries behind generated ones to the file’s paths, at any index', () => {
    const tickets = Array.from({ length: 12 }, (_, i) => ({ id: `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`, status: 'Open' }));
    tickets.push({ ...tickets[10]! });
    expect(violations({ description: 'g', generate: { seed: 1, tickets: 2 }, tickets })).toStrictEqual([{ field: '/tickets/12/id', message: `duplicates /tickets/10/id (${tickets[10]!.id})` }]);
  });

  it('passes a problem that names no entry through as it is', () => {
    const used = Array.from({ length: 130 }, (_, i) => ({ ticket_id: a, diagnostic_equipment_id: i + 1 }));
    const found = violations({ description: 'x', tickets: [{ id: a, status: 'Open' }], used });
    expect(found.at(-1)).toStrictEqual({ field: '(more)', message: '30 more violations, not listed (only the first 100 violations are); fix these and try again' });
  });

  it('says "…" only past five problems', () => {
    const used = Array.from({ length: 5 }, (_, i) => ({ ticket_id: a, diagnostic_equipment_id: 100 + i }));
    expect(() => stateOf({ description: 'x', tickets: [{ id: a, status: 'Open' }], used })).toThrow(/in \/catalog$/);
  });
});
