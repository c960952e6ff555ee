import { afterAll, describe, expect, it } from 'vitest';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { adapters, collection, exampleTicket, json, stateOf } from '../helpers/behaviour.js';

const ticketA = '11111111-1111-4111-8111-111111111111';
const ticketB = '22222222-2222-4222-8222-222222222222';
const small: StateDocument = {
  tickets: [
    { id: ticketA, status: 'In Progress' },
    { id: ticketB, status: 'Closed' },
  ],
  catalog: [
    { diagnostic_equipment_id: 1, name: 'Bosch KTS 560', version: null },
    { diagnostic_equipment_id: 2, name: '', version: '1' },
  ],
  used: [
    { ticket_id: ticketB, diagnostic_equipment_id: 2 },
    { ticket_id: ticketA, diagnostic_equipment_id: 1 },
  ],
};

describe.each(adapters)('admin API ($name)', ({ make }) => {
  const driver = make();
  afterAll(() => driver.stop());

  it('returns the state in the documented shape, with the example ticket In Progress', async () => {
    await driver.start();
    const state = await stateOf(driver);
    expect(Object.keys(state)).toEqual(['tickets', 'catalog', 'used']);
    expect(state.tickets).toContainEqual({ id: exampleTicket, status: 'In Progress' });
    expect(state.catalog).toContainEqual({ diagnostic_equipment_id: 12, name: 'iCarsoft CR Pro', version: '2.0' });
    expect(state.catalog.some((e) => e.version === null)).toBe(true);
    expect(new Set(state.tickets.map((t) => t.status)).size).toBeGreaterThan(2);
  });

  it('replaces the state with PUT, and the API serves exactly that state in that order', async () => {
    await driver.start();
    const put = await driver.send('PUT', '/__admin/state', { json: small });
    expect(put.status).toBe(200);
    expect(json(put.text)).toEqual({ tickets: 2, catalog: 2, used: 2 });
    expect(await stateOf(driver)).toEqual(small);
    const list = json((await driver.send('GET', collection)).text);
    expect(list).toEqual({
      query: { limit: 25, offset: 0 },
      result: [
        { ticket_id: ticketB, diagnostic_equipment_id: 2, name: '', version: '1' },
        { ticket_id: ticketA, diagnostic_equipment_id: 1, name: 'Bosch KTS 560', version: null },
      ],
      total: 2,
    });
  });

  it('refuses a bad state document with every problem listed, and changes nothing', async () => {
    await driver.start();
    const before = await stateOf(driver);
    const bad = {
      tickets: [...small.tickets, { id: ticketA, status: 'Open' }, { id: 'nope', status: '' }],
      catalog: [...small.catalog, { diagnostic_equipment_id: 3, name: 'x'.repeat(256), version: '' }],
      used: [
        ...small.used,
        { ticket_id: '33333333-3333-4333-8333-333333333333', diagnostic_equipment_id: 99 },
        { ticket_id: ticketA, diagnostic_equipment_id: 1 },
      ],
    };
    const reply = await driver.send('PUT', '/__admin/state', { json: bad });
    expect(reply.status).toBe(400);
    const fields = (json(reply.text) as { violations: Array<{ field: string }> }).violations.map((v) => v.field);
    expect(fields).toEqual(['/tickets/3/id', '/tickets/3/status', '/catalog/2/name', '/catalog/2/version']);
    expect(await stateOf(driver)).toEqual(before);

    // Once the shape is right, the cross-references are checked, each one reported.
    const badReferences = { ...bad, tickets: bad.tickets.slice(0, 3), catalog: small.catalog };
    const second = await driver.send('PUT', '/__admin/state', { json: badReferences });
    expect(second.status).toBe(400);
    expect((json(second.text) as { violations: Array<{ field: string }> }).violations.map((v) => v.field)).toEqual([
      '/tickets/2/id',
      '/used/2/ticket_id',
      '/used/2/diagnostic_equipment_id',
      '/used/3',
    ]);
    expect(await stateOf(driver)).toEqual(before);
  });

  it.each([
    ['malformed JSON', { body: '{', headers: { 'content-type': 'application/json' } }],
    ['a missing body', {}],
    ['an unknown top-level key', { json: { ...small, extra: true } }],
    ['a wrong type', { json: { tickets: {}, catalog: [], used: [] } }],
  ])('refuses %s with a 400 problem', async (_name, send) => {
    await driver.start();
    const before = await stateOf(driver);
    const reply = await driver.send('PUT', '/__admin/state', send);
    expect(reply.status).toBe(400);
    expect(json(reply.text)).toMatchObject({ type: '/problems/violations' });
    expect(await stateOf(driver)).toEqual(before);
  });

  it('restores the start state on reset', async () => {
    await driver.start({ seed: 5 });
    const start = await stateOf(driver);
    await driver.send('PUT', '/__admin/state', { json: small });
    const reset = await driver.send('POST', '/__admin/reset');
    expect(reset.status).toBe(200);
    expect(await stateOf(driver)).toEqual(start);
  });

  it('changes one ticket status with PATCH, and refuses unknown tickets and bad bodies', async () => {
    await driver.start();
    const patched = await driver.send('PATCH', `/__admin/tickets/${exampleTicket}`, { json: { status: 'Closed' } });
    expect(json(patched.text)).toEqual({ id: exampleTicket, status: 'Closed' });
    expect((await stateOf(driver)).tickets).toContainEqual({ id: exampleTicket, status: 'Closed' });

    const unknown = await driver.send('PATCH', '/__admin/tickets/33333333-3333-4333-8333-333333333333', { json: { status: 'Closed' } });
    expect(unknown.status).toBe(404);
    expect(json(unknown.text)).toMatchObject({ type: '/problems/ticket-not-found' });
    for (const body of [{}, { status: '' }, { status: 3 }, { status: 'Open', other: 1 }]) {
      const reply = await driver.send('PATCH', `/__admin/tickets/${exampleTicket}`, { json: body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('journals recent requests with credentials redacted, bounded, and clears on request', async () => {
    await driver.start({ journalSize: 3 });
    for (let i = 0; i < 5; i++) await driver.send('GET', `${collection}?limit=${i}`);
    const reply = await driver.send('GET', '/__admin/requests');
    const { requests } = json(reply.text) as { requests: Array<{ query: string; headers: Record<string, string>; status: number }> };
    expect(requests.map((r) => r.query)).toEqual(['limit=2', 'limit=3', 'limit=4']);
    expect(reply.text).not.toContain('test-token');
    expect(reply.text).not.toContain('test-key');
    expect(requests[0]?.headers.authorization).toBe('[redacted]');
    expect(requests[0]?.headers['x-api-key']).toBe('[redacted]');
    expect(requests[0]?.status).toBe(200);
    expect((await driver.send('DELETE', '/__admin/requests')).status).toBe(204);
    expect(json((await driver.send('GET', '/__admin/requests')).text)).toEqual({ requests: [] });
  });

  it('is not served with admin turned off', async () => {
    await driver.start({ admin: false });
    for (const [method, path] of [['GET', '/__admin/state'], ['POST', '/__admin/reset']] as const) {
      const reply = await driver.send(method, path);
      expect(reply.status).toBe(404);
    }
    expect((await driver.send('GET', collection)).status).toBe(200);
  });

  it('answers 404 and 405 problems for unknown admin routes and methods', async () => {
    await driver.start();
    expect((await driver.send('GET', '/__admin/nothing')).status).toBe(404);
    const wrong = await driver.send('DELETE', '/__admin/state');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT, HEAD, OPTIONS');
  });

  it('gives the same state for the same seed and another for another seed', async () => {
    await driver.start({ seed: 42 });
    const first = await stateOf(driver);
    await driver.start({ seed: 42 });
    expect(await stateOf(driver)).toEqual(first);
    await driver.start({ seed: 43 });
    expect(await stateOf(driver)).not.toEqual(first);
  });
});
