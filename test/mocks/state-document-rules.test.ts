// What makes a state document loadable, one rule at a time: its shape (closed objects, the document's
// own field schemas) and its cross references (unique ids, records that name a ticket and an entry,
// no record twice), each violation asserted with its pointer and message.
import { describe, expect, it } from 'vitest';
import { stateDocumentViolations, type StateDocument } from '../../mocks/state/state-document.js';
import { smallState, ticketA, ticketB } from '../helpers/small-state.js';

const a = ticketA;
const b = ticketB;
const valid = smallState;

describe('a state document', () => {
  it('loads when well formed and consistent, with a $schema or without', () => {
    expect(stateDocumentViolations(valid)).toEqual([]);
    expect(stateDocumentViolations({ $schema: './state.schema.json', ...valid })).toEqual([]);
    expect(stateDocumentViolations({ tickets: [], catalog: [], used: [] })).toEqual([]);
  });

  it('is refused when it is not an object, or lacks a part', () => {
    expect(stateDocumentViolations([])).toEqual([{ field: '/', message: 'must be an object' }]);
    expect(stateDocumentViolations({ tickets: [], catalog: [] })).toEqual([{ field: '/used', message: 'is required' }]);
  });

  it('names a property no schema names, at its place', () => {
    expect(stateDocumentViolations({ ...valid, extra: 1 })).toEqual([{ field: '/extra', message: 'is not allowed' }]);
    expect(stateDocumentViolations({ ...valid, tickets: [{ id: a, status: 'Open', colour: 'red' }] })).toEqual([{ field: '/tickets/0/colour', message: 'is not allowed' }]);
  });

  it('holds each field to the document’s schema', () => {
    expect(stateDocumentViolations({ ...valid, tickets: [{ id: 'nope', status: '' }], used: [] })).toEqual([
      { field: '/tickets/0/id', message: 'must match format "uuid"' },
      { field: '/tickets/0/status', message: 'must NOT have fewer than 1 characters' },
    ]);
    expect(stateDocumentViolations({ ...valid, catalog: [{ diagnostic_equipment_id: 1, name: 'One', version: '' }], used: [] })).toEqual([{ field: '/catalog/0/version', message: 'must NOT have fewer than 1 characters' }]);
  });

  it('checks cross references only once the shape holds', () => {
    expect(stateDocumentViolations({ ...valid, tickets: [{ id: a, status: 7 }] })).toEqual([{ field: '/tickets/0/status', message: 'must be a string' }]);
  });

  it('finds each broken cross reference, pointing at the later of two duplicates', () => {
    const broken: StateDocument = {
      tickets: [...valid.tickets, { id: a, status: 'Closed' }],
      catalog: [...valid.catalog, { diagnostic_equipment_id: 2, name: 'Again', version: null }],
      used: [
        ...valid.used,
        { ticket_id: 'cccccccc-0000-4000-8000-000000000003', diagnostic_equipment_id: 1 },
        { ticket_id: a, diagnostic_equipment_id: 9 },
        { ticket_id: b, diagnostic_equipment_id: 1 },
      ],
    };
    expect(stateDocumentViolations(broken)).toEqual([
      { field: '/tickets/2/id', message: `duplicates /tickets/0/id (${a})` },
      { field: '/catalog/2/diagnostic_equipment_id', message: 'duplicates /catalog/1/diagnostic_equipment_id (2)' },
      { field: '/used/3/ticket_id', message: 'no ticket cccccccc-0000-4000-8000-000000000003 in /tickets' },
      { field: '/used/4/diagnostic_equipment_id', message: 'no diagnostic equipment 9 in /catalog' },
      { field: '/used/5', message: 'duplicates /used/1' },
    ]);
  });

  it('tells the same equipment on two tickets from the same record twice', () => {
    expect(stateDocumentViolations({ ...valid, used: [{ ticket_id: a, diagnostic_equipment_id: 1 }, { ticket_id: b, diagnostic_equipment_id: 1 }, { ticket_id: a, diagnostic_equipment_id: 1 }] })).toEqual([
      { field: '/used/2', message: 'duplicates /used/0' },
    ]);
  });
});
