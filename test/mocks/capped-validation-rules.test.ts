// Validation of large documents, pinned at its bounds: the first hundred violations listed with their
// pointers, the rest counted per entry (objects, non-objects and unknown keys alike), pointers escaped,
// and the validators it asks the generator for. Plus the default state's promises to its users.
import { describe, expect, it } from 'vitest';
import { cappedValidatorParts } from '../../mocks/state/capped-validation.js';
import { computeDefaultState, closedTicketId, exampleEquipment, exampleTicketId, freeOnExampleTicket, generateDefaultState, toolNames } from '../../mocks/state/default-state.js';
import { stateDocumentSchema, stateDocumentViolations } from '../../mocks/state/state-document.js';
import { listedViolationsCap } from '../../mocks/core/violation-collector.js';

const a = 'aaaaaaaa-0000-4000-8000-000000000001';
const empty = { tickets: [], catalog: [], used: [] };
const more = (entries: number) => ({ field: '(more)', message: `${entries.toLocaleString('en-US')} more ${entries === 1 ? 'entry' : 'entries'} with violations, not listed (only the first ${listedViolationsCap} violations are); fix these and try again` });

describe('validating a large document', () => {
  it('lists the first hundred broken entries and counts the rest, objects or not', () => {
    const bad = Array.from({ length: listedViolationsCap + 40 }, (_, i) => ({ id: `not-a-uuid-${i}`, status: 'Open' }));
    const found = stateDocumentViolations({ ...empty, tickets: [...bad, 'a string', 7, { id: a, status: 'Open' }] });
    expect(found).toHaveLength(listedViolationsCap + 1);
    expect(found[0]).toStrictEqual({ field: '/tickets/0/id', message: 'must match format "uuid"' });
    expect(found[listedViolationsCap - 1]).toStrictEqual({ field: `/tickets/${listedViolationsCap - 1}/id`, message: 'must match format "uuid"' });
    // 40 broken objects and 2 non-objects past the cap; the valid last entry is not counted.
    expect(found.at(-1)).toStrictEqual(more(42));
  });

  it('counts unknown keys past the cap as entries, and escapes pointers', () => {
    const keys = Object.fromEntries(Array.from({ length: listedViolationsCap + 5 }, (_, i) => [`k${i}`, i]));
    const found = stateDocumentViolations({ ...empty, tickets: [{ id: a, status: 'Open', ...keys }] });
    expect(found[0]).toStrictEqual({ field: '/tickets/0/k0', message: 'is not allowed' });
    expect(found.at(-1)).toStrictEqual(more(5));
    expect(stateDocumentViolations({ ...empty, 'a/b~c': 1 })).toStrictEqual([{ field: '/a~1b~0c', message: 'is not allowed' }]);
  });

  it('names an entry that is not an object by its own pointer, and never looks inside it', () => {
    expect(stateDocumentViolations({ ...empty, tickets: ['ab', null] })).toStrictEqual([
      { field: '/tickets/0', message: 'must be an object' },
      { field: '/tickets/1', message: 'must be an object' },
    ]);
  });

  it('checks the document’s own shape when a part is not a list', () => {
    expect(stateDocumentViolations({ ...empty, tickets: 'nope' })).toStrictEqual([{ field: '/tickets', message: 'must be an array' }]);
    expect(stateDocumentViolations('nope')).toStrictEqual([{ field: '/', message: 'must be an object' }]);
  });

  it('asks the generator for a first-error and a full validator of the whole and of each list’s entries', () => {
    const parts = cappedValidatorParts('state document', stateDocumentSchema).map((p) => `${p.flavour} ${p.name}`);
    expect(parts).toEqual([
      'firstError state document',
      'request state document',
      ...['tickets', 'catalog', 'used'].flatMap((list) => [`request state document /${list}/*`, `firstError state document /${list}/*`]),
    ]);
  });
});

describe('the default state', () => {
  it('is the precomputed copy for the default seed, and what faker computes', () => {
    const state = generateDefaultState();
    expect(state).toStrictEqual(computeDefaultState());
    state.tickets.length = 0;
    expect(generateDefaultState().tickets.length).toBeGreaterThan(0);
  });

  it('keeps its promises: the example ticket In Progress with the example equipment first and more than a page, a closed ticket with three, every tool in the catalogue, its last ids free', () => {
    const { tickets, catalog, used } = computeDefaultState({ seed: 9, tickets: 5 });
    expect(tickets).toHaveLength(5);
    expect(tickets.slice(0, 2)).toStrictEqual([
      { id: exampleTicketId, status: 'In Progress' },
      { id: closedTicketId, status: 'Closed' },
    ]);
    expect(catalog.map((e) => e.diagnostic_equipment_id)).toEqual(toolNames.map((_, i) => i + 1));
    expect(catalog.find((e) => e.diagnostic_equipment_id === exampleEquipment.diagnostic_equipment_id)).toStrictEqual(exampleEquipment);
    const onExample = used.filter((u) => u.ticket_id === exampleTicketId).map((u) => u.diagnostic_equipment_id);
    expect(onExample[0]).toBe(exampleEquipment.diagnostic_equipment_id);
    expect(onExample).toHaveLength(28);
    // The last ids of the catalogue are never on the example ticket: free for a quick-start add.
    const lastIds = catalog.slice(-freeOnExampleTicket).map((e) => e.diagnostic_equipment_id);
    expect(lastIds.filter((id) => onExample.includes(id))).toEqual([]);
    expect(used.filter((u) => u.ticket_id === closedTicketId)).toHaveLength(3);
    expect(stateDocumentViolations({ tickets, catalog, used })).toEqual([]);
  });
});
