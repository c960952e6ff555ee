// The list writes its rows from cached JSON per catalogue entry; the bytes must be exactly what
// serialising the page as objects gives, whatever the names hold, and must follow a state change.
import fc from 'fast-check';
import { listUsedEquipment } from '../../mocks/core/operations/used-equipment.js';
import { UsedEquipmentStore } from '../../mocks/state/store.js';
import { describe, expect, it, vi } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { toJson } from '../../mocks/core/json.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import type { MockResponse } from '../../mocks/core/exchange.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const collection = '/v2/tickets/used-diagnostic-equipment';
const ticketA = '11111111-1111-4111-8111-111111111111';
const ticketB = '22222222-2222-4222-8222-222222222222';

function list(mock: ReturnType<typeof createMock>, query: string) {
  const answer = mock.handle({ method: 'GET', path: collection, query: new URLSearchParams(query), headers: {} });
  expect(answer.status).toBe(200);
  return answer.body!;
}

/** The page as the document describes it, serialised as objects: the reference the cache must match. */
function expected(state: StateDocument, ticketId: string | undefined, limit: number, offset: number): string {
  const rows = state.used.filter((u) => ticketId === undefined || u.ticket_id === ticketId);
  const page = rows.slice(offset, offset + limit).map((u) => {
    const entry = state.catalog.find((c) => c.diagnostic_equipment_id === u.diagnostic_equipment_id)!;
    return { ticket_id: u.ticket_id, diagnostic_equipment_id: u.diagnostic_equipment_id, name: entry.name, version: entry.version };
  });
  return toJson({ query: { limit, offset, ...(ticketId === undefined ? {} : { ticket_id: ticketId }) }, result: page, total: rows.length });
}

const names = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.constantFrom('a "quoted" name', 'back\\slash', 'line\u2028sep', 'émoji 🔧', '</script>'));
const stateArbitrary = fc
  .array(fc.record({ name: names, version: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }) }), { minLength: 1, maxLength: 12 })
  .chain((entries) =>
    fc.record({
      catalog: fc.constant(entries.map((e, i) => ({ diagnostic_equipment_id: i + 1, name: e.name, version: e.version }))),
      picks: fc.subarray(entries.map((_, i) => i + 1)),
    }),
  )
  .map(({ catalog, picks }): StateDocument => ({
    tickets: [
      { id: ticketA, status: 'In Progress' },
      { id: ticketB, status: 'Closed' },
    ],
    catalog,
    used: picks.map((id, i) => ({ ticket_id: i % 2 === 0 ? ticketA : ticketB, diagnostic_equipment_id: id })),
  }));

describe('the list body', () => {
  it('is byte for byte the page serialised as objects, for any names and pages', () => {
    fc.assert(
      fc.property(stateArbitrary, fc.option(fc.constantFrom(ticketA, ticketB), { nil: undefined }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (state, ticketId, limit, offset) => {
        const mock = createMock({ state, auth: { mode: 'off' } });
        const query = new URLSearchParams({ limit: String(limit), offset: String(offset), ...(ticketId === undefined ? {} : { ticket_id: ticketId }) });
        // Twice: the second answer comes from the cache.
        expect(list(mock, query.toString())).toBe(expected(state, ticketId, limit, offset));
        expect(list(mock, query.toString())).toBe(expected(state, ticketId, limit, offset));
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });

  it('follows a loaded state that renames an entry', () => {
    const state: StateDocument = { tickets: [{ id: ticketA, status: 'In Progress' }], catalog: [{ diagnostic_equipment_id: 1, name: 'Old', version: null }], used: [{ ticket_id: ticketA, diagnostic_equipment_id: 1 }] };
    const mock = createMock({ state, auth: { mode: 'off' } });
    expect(list(mock, '')).toContain('"name":"Old"');
    expect(mock.load({ ...state, catalog: [{ diagnostic_equipment_id: 1, name: 'New', version: '2' }] })).toEqual([]);
    expect(list(mock, '')).toBe(expected({ ...state, catalog: [{ diagnostic_equipment_id: 1, name: 'New', version: '2' }] }, undefined, 25, 0));
  });

  it('is shown by the journal as it was answered, after adds, removes and a load changed the state', () => {
    const catalog = [1, 2, 3].map((id) => ({ diagnostic_equipment_id: id, name: `Entry ${id}`, version: null }));
    const state: StateDocument = { tickets: [{ id: ticketA, status: 'In Progress' }], catalog, used: [{ ticket_id: ticketA, diagnostic_equipment_id: 1 }, { ticket_id: ticketA, diagnostic_equipment_id: 2 }] };
    const mock = createMock({ state, auth: { mode: 'off' } });
    const answered = list(mock, 'limit=5');
    const send = (method: string, path: string, body?: unknown) =>
      mock.handle({ method, path, query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: new TextEncoder().encode(JSON.stringify(body)) }) });
    expect(send('POST', collection, { ticket_id: ticketA, diagnostic_equipment_id: 3 }).status).toBe(201);
    expect(send('DELETE', `${collection}/${ticketA}/1`).status).toBe(204);
    expect(mock.load({ ...state, catalog: catalog.map((c) => ({ ...c, name: 'Renamed' })) })).toEqual([]);
    expect(list(mock, 'limit=5')).not.toBe(answered);
    const first = mock.requests()[0]!;
    const detail = JSON.parse(send('GET', `/__admin/requests/${first.id}`).body!) as { response: { body: string } };
    expect(detail.response.body).toBe(answered);
    expect(mock.requests({ format: 'har' }).log.entries[0]!.response.content.text).toBe(answered);
  });
});

describe('the list’s caches and invariants', () => {
  const state: StateDocument = { tickets: [{ id: ticketA, status: 'In Progress' }], catalog: [{ diagnostic_equipment_id: 1, name: 'One', version: null }], used: [{ ticket_id: ticketA, diagnostic_equipment_id: 1 }] };
  const input = { query: { limit: 25, offset: 0 }, path: {}, body: undefined };

  it('looks each catalogue entry up once per store, not once per request', () => {
    const store = UsedEquipmentStore.fromDocument(state);
    const lookups = vi.spyOn(store, 'catalogEntry');
    const first = listUsedEquipment(store, input);
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(listUsedEquipment(store, input)).toMatchObject({ status: 200, body: (first as { body: string }).body });
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('writes the page again for the journal, byte for byte, without keeping the store alive', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    let store: UsedEquipmentStore | undefined = UsedEquipmentStore.fromDocument(state);
    const answer = listUsedEquipment(store, input) as MockResponse;
    const held = new WeakRef(store);
    store = undefined;
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(held.deref()).toBeUndefined();
    expect(answer.bodyAgain!()).toBe(answer.body);
  });

  it('refuses to invent a record whose catalogue entry is missing (the mock answers 500)', () => {
    const store = UsedEquipmentStore.fromDocument({ ...state, catalog: [] });
    expect(() => listUsedEquipment(store, input)).toThrow(`record ${ticketA}/1 names no catalogue entry`);
  });
});
