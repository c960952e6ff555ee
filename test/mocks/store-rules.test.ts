// The store's indexes pinned: the document in and out (copies, in order), each lookup for what exists
// and what does not, and adds and removes kept in step between the list and each ticket's records.
import { describe, expect, it } from 'vitest';
import { smallState, ticketA, ticketB } from '../helpers/small-state.js';
import { UsedEquipmentStore } from '../../mocks/state/store.js';

const a = ticketA;
const b = ticketB;
const nobody = 'cccccccc-0000-4000-8000-000000000003';
const document = smallState;
const keys = (rows: readonly { ticket_id: string; diagnostic_equipment_id: number }[]) => rows.map((r) => `${r.ticket_id.slice(0, 1)}${r.diagnostic_equipment_id}`);

describe('the store', () => {
  it('gives back the document it was built from, as copies', () => {
    const store = UsedEquipmentStore.fromDocument(document);
    const out = store.toDocument();
    expect(out).toStrictEqual(document);
    out.tickets[0]!.status = 'Changed';
    out.catalog[0]!.name = 'Changed';
    out.used[0]!.diagnostic_equipment_id = 99;
    expect(store.toDocument()).toStrictEqual(document);
    expect(store.counts()).toStrictEqual({ tickets: 2, catalog: 2, used: 3 });
    expect([...store.ticketSummaries()]).toStrictEqual([
      { id: a, status: 'In Progress', used: 2 },
      { id: b, status: 'Closed', used: 1 },
    ]);
    expect([...store.catalogEntries()].map((e) => e.diagnostic_equipment_id)).toEqual([1, 2]);
  });

  it('looks up what exists, and answers plainly for what does not', () => {
    const store = UsedEquipmentStore.fromDocument(document);
    expect(store.ticket(b)).toMatchObject({ id: b, status: 'Closed' });
    expect(store.ticket(nobody)).toBeUndefined();
    expect(store.catalogEntry(2)).toStrictEqual({ diagnostic_equipment_id: 2, name: 'Two', version: '2' });
    expect(store.catalogEntry(3)).toBeUndefined();
    expect(store.isUsed(a, 2)).toBe(true);
    expect(store.isUsed(b, 2)).toBe(false);
    expect(store.isUsed(nobody, 1)).toBe(false);
    expect(keys(store.list())).toEqual(['a1', 'b1', 'a2']);
    expect(keys(store.list(a))).toEqual(['a1', 'a2']);
    expect(store.list(nobody)).toEqual([]);
  });

  it('adds at the end of both lists, and refuses a ticket it does not have', () => {
    const store = UsedEquipmentStore.fromDocument(document);
    expect(store.add(b, 2)).toStrictEqual({ ticket_id: b, diagnostic_equipment_id: 2 });
    expect(keys(store.list())).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(keys(store.list(b))).toEqual(['b1', 'b2']);
    expect(() => store.add(nobody, 1)).toThrow(`store.add: no ticket ${nobody}`);
    expect(store.counts().used).toBe(4);
  });

  it('removes exactly the record named from both lists, keeping the order of the rest', () => {
    const store = UsedEquipmentStore.fromDocument(document);
    store.add(b, 2);
    expect(store.remove(a, 1)).toBe(true);
    expect(keys(store.list())).toEqual(['b1', 'a2', 'b2']);
    expect(keys(store.list(a))).toEqual(['a2']);
    expect(store.remove(a, 1)).toBe(false);
    expect(store.remove(nobody, 2)).toBe(false);
    expect(store.remove(b, 9)).toBe(false);
    expect(keys(store.list())).toEqual(['b1', 'a2', 'b2']);
    expect(store.remove(b, 2)).toBe(true);
    expect(keys(store.list())).toEqual(['b1', 'a2']);
    expect(store.isUsed(b, 2)).toBe(false);
  });

  it('changes a status and gives a copy of the ticket, or nothing for an unknown one', () => {
    const store = UsedEquipmentStore.fromDocument(document);
    const changed = store.setStatus(b, 'In Progress');
    expect(changed).toStrictEqual({ id: b, status: 'In Progress' });
    changed!.status = 'Tampered';
    expect(store.ticket(b)?.status).toBe('In Progress');
    expect(store.setStatus(nobody, 'Closed')).toBeUndefined();
  });
});
