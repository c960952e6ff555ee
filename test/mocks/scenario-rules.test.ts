// How a scenario becomes a state, pinned rule by rule: `extends` and its refusals, what `generate`
// makes (ids, names, statuses, counts) and refuses, and how a problem in the merged state is traced
// back to the file's own path, or to what generated or gave the entry.
import { describe, expect, it } from 'vitest';
import { toolNames } from '../../mocks/state/default-state.js';
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
