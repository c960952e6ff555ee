import { describe, expect, it } from 'vitest';
import {
  adapters,
  collection,
  exampleTicket,
  json,
  setStatus,
  stateOf,
  unknownTicket,
  unusedEquipment,
  useFreshMock,
} from '../helpers/behaviour.js';

const one = (ticketId: string, equipmentId: number | string) => `${collection}/${ticketId}/${equipmentId}`;

describe.each(adapters)('stateful API and the In Progress rule ($name)', ({ make }) => {
  const driver = useFreshMock(make);

  it("serves the seed documentation's example at once", async () => {
    const reply = await driver.send('GET', one(exampleTicket, 12));
    expect(reply.status).toBe(200);
    expect(json(reply.text)).toEqual({
      ticket_id: exampleTicket,
      diagnostic_equipment_id: 12,
      name: 'iCarsoft CR Pro',
      version: '2.0',
    });
  });

  it('remembers a POST in GET one and the list, and forgets it after DELETE', async () => {
    const before = await stateOf(driver);
    const entry = unusedEquipment(before, exampleTicket);

    const created = await driver.send('POST', collection, {
      json: { ticket_id: exampleTicket, diagnostic_equipment_id: entry.diagnostic_equipment_id },
    });
    expect(created.status).toBe(201);
    const record = { ticket_id: exampleTicket, ...entry };
    expect(json(created.text)).toEqual(record);

    expect(json((await driver.send('GET', one(exampleTicket, entry.diagnostic_equipment_id))).text)).toEqual(record);
    const list = json((await driver.send('GET', `${collection}?ticket_id=${exampleTicket}&limit=1000`)).text) as {
      result: unknown[];
      total: number;
    };
    expect(list.result.at(-1)).toEqual(record);
    expect(list.total).toBe(before.used.filter((u) => u.ticket_id === exampleTicket).length + 1);

    const removed = await driver.send('DELETE', one(exampleTicket, entry.diagnostic_equipment_id));
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    const gone = await driver.send('GET', one(exampleTicket, entry.diagnostic_equipment_id));
    expect(gone.status).toBe(404);
    expect(json(gone.text)).toMatchObject({ type: '/problems/used-diagnostic-equipment-not-found', status: 404 });
    expect(await stateOf(driver)).toEqual(before);
  });

  it.each(['Closed', 'Open', 'On Hold', 'in progress'])(
    "refuses to add to a '%s' ticket and changes nothing",
    async (status) => {
      await setStatus(driver, exampleTicket, status);
      const before = await stateOf(driver);
      const entry = unusedEquipment(before, exampleTicket);
      const reply = await driver.send('POST', collection, {
        json: { ticket_id: exampleTicket, diagnostic_equipment_id: entry.diagnostic_equipment_id },
      });
      expect(reply.status).toBe(409);
      expect(json(reply.text)).toMatchObject({ type: '/problems/ticket-not-in-progress', title: 'Ticket not in progress' });
      expect(await stateOf(driver)).toEqual(before);
    },
  );

  it('refuses to remove from a ticket that is not In Progress and keeps the record', async () => {
    await setStatus(driver, exampleTicket, 'Closed');
    const before = await stateOf(driver);
    const reply = await driver.send('DELETE', one(exampleTicket, 12));
    expect(reply.status).toBe(409);
    expect(json(reply.text)).toMatchObject({ type: '/problems/ticket-not-in-progress' });
    expect(await stateOf(driver)).toEqual(before);
    expect((await driver.send('GET', one(exampleTicket, 12))).status).toBe(200);
  });

  it('allows changes again once the ticket is back In Progress', async () => {
    await setStatus(driver, exampleTicket, 'Closed');
    await setStatus(driver, exampleTicket, 'In Progress');
    expect((await driver.send('DELETE', one(exampleTicket, 12))).status).toBe(204);
  });

  it('answers each domain error with its own problem', async () => {
    const state = await stateOf(driver);
    const unknownEquipment = Math.max(...state.catalog.map((e) => e.diagnostic_equipment_id)) + 1;
    const cases = [
      { method: 'POST', path: collection, json: { ticket_id: unknownTicket, diagnostic_equipment_id: 12 }, status: 404, type: '/problems/ticket-not-found' },
      { method: 'POST', path: collection, json: { ticket_id: exampleTicket, diagnostic_equipment_id: unknownEquipment }, status: 404, type: '/problems/diagnostic-equipment-not-found' },
      { method: 'POST', path: collection, json: { ticket_id: exampleTicket, diagnostic_equipment_id: 12 }, status: 409, type: '/problems/diagnostic-equipment-already-used' },
      { method: 'GET', path: one(exampleTicket, unknownEquipment), status: 404, type: '/problems/used-diagnostic-equipment-not-found' },
      { method: 'DELETE', path: one(exampleTicket, unknownEquipment), status: 404, type: '/problems/used-diagnostic-equipment-not-found' },
      { method: 'GET', path: one(unknownTicket, 12), status: 404, type: '/problems/ticket-not-found' },
      { method: 'DELETE', path: one(unknownTicket, 12), status: 404, type: '/problems/ticket-not-found' },
    ];
    for (const c of cases) {
      const reply = await driver.send(c.method, c.path, c.json === undefined ? {} : { json: c.json });
      expect(reply.status, `${c.method} ${c.path}`).toBe(c.status);
      const problem = json(reply.text) as { type: string; title: string; detail: string };
      expect(problem.type).toBe(c.type);
      expect(problem.title.length).toBeGreaterThan(0);
      expect(problem.detail.length).toBeGreaterThan(0);
    }
    expect(await stateOf(driver)).toEqual(state);
  });

  it('refuses a second POST of the same record without duplicating it', async () => {
    const state = await stateOf(driver);
    const entry = unusedEquipment(state, exampleTicket);
    const body = { json: { ticket_id: exampleTicket, diagnostic_equipment_id: entry.diagnostic_equipment_id } };
    expect((await driver.send('POST', collection, body)).status).toBe(201);
    expect((await driver.send('POST', collection, body)).status).toBe(409);
    const after = await stateOf(driver);
    expect(after.used.filter((u) => u.ticket_id === exampleTicket && u.diagnostic_equipment_id === entry.diagnostic_equipment_id)).toHaveLength(1);
  });
});
