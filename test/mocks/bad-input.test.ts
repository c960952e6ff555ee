import { describe, expect, it } from 'vitest';
import { adapters, collection, exampleTicket, json, stateOf, useFreshMock } from '../helpers/behaviour.js';
import type { SendOptions } from '../helpers/drivers.js';

interface ProblemBody {
  type: string;
  title: string;
  detail: string;
  violations?: Array<{ field: string; message: string }>;
}

const seedTitle = 'Bad request';
const seedDetail = 'The request violates one or more constraints. Please resolve all of them and try again.';
const one = `${collection}/${exampleTicket}/12`;

// Each case names the fields that must be reported, one violation each.
const cases: Array<{ name: string; method: string; path: string; send?: SendOptions; fields: string[] }> = [
  { name: 'limit of the wrong type', method: 'GET', path: `${collection}?limit=abc`, fields: ['limit'] },
  { name: 'a fractional limit', method: 'GET', path: `${collection}?limit=2.5`, fields: ['limit'] },
  { name: 'an empty limit', method: 'GET', path: `${collection}?limit=`, fields: ['limit'] },
  { name: 'limit above its maximum', method: 'GET', path: `${collection}?limit=1001`, fields: ['limit'] },
  { name: 'a negative limit', method: 'GET', path: `${collection}?limit=-1`, fields: ['limit'] },
  { name: 'a negative offset', method: 'GET', path: `${collection}?offset=-1`, fields: ['offset'] },
  { name: 'a limit given twice', method: 'GET', path: `${collection}?limit=1&limit=2`, fields: ['limit'] },
  { name: 'a bad uuid filter', method: 'GET', path: `${collection}?ticket_id=not-a-uuid`, fields: ['ticket_id'] },
  {
    name: 'three broken parameters at once',
    method: 'GET',
    path: `${collection}?limit=x&offset=-5&ticket_id=1`,
    fields: ['limit', 'offset', 'ticket_id'],
  },
  { name: 'a bad uuid in the path', method: 'GET', path: `${collection}/not-a-uuid/12`, fields: ['ticket-id'] },
  { name: 'an id past int32 in the path', method: 'GET', path: `${collection}/${exampleTicket}/2147483648`, fields: ['diagnostic-equipment-id'] },
  { name: 'a non-integer id in the path', method: 'DELETE', path: `${collection}/${exampleTicket}/12.5`, fields: ['diagnostic-equipment-id'] },
  { name: 'a broken percent-encoding in the path', method: 'GET', path: `${collection}/%E0%A4%A/12`, fields: ['ticket-id'] },
  { name: 'both path parameters broken', method: 'GET', path: `${collection}/x/y`, fields: ['ticket-id', 'diagnostic-equipment-id'] },
  { name: 'missing body fields', method: 'POST', path: collection, send: { json: {} }, fields: ['ticket_id', 'diagnostic_equipment_id'] },
  { name: 'a body that is not an object', method: 'POST', path: collection, send: { json: [1, 2] }, fields: ['body'] },
  {
    name: 'body fields of the wrong types',
    method: 'POST',
    path: collection,
    send: { json: { ticket_id: 12, diagnostic_equipment_id: '12' } },
    fields: ['ticket_id', 'diagnostic_equipment_id'],
  },
  {
    name: 'a body id past int32',
    method: 'POST',
    path: collection,
    send: { json: { ticket_id: exampleTicket, diagnostic_equipment_id: 2147483648 } },
    fields: ['diagnostic_equipment_id'],
  },
  {
    name: 'a fractional body id',
    method: 'POST',
    path: collection,
    send: { json: { ticket_id: exampleTicket, diagnostic_equipment_id: 1.5 } },
    fields: ['diagnostic_equipment_id'],
  },
  { name: 'a null body field', method: 'POST', path: collection, send: { json: { ticket_id: null, diagnostic_equipment_id: 12 } }, fields: ['ticket_id'] },
  { name: 'malformed JSON', method: 'POST', path: collection, send: { body: '{"ticket_id": ', headers: { 'content-type': 'application/json' } }, fields: ['body'] },
  { name: 'an empty body', method: 'POST', path: collection, send: { headers: { 'content-type': 'application/json' } }, fields: ['body'] },
  {
    name: 'the wrong content type',
    method: 'POST',
    path: collection,
    send: { body: JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: 3 }), headers: { 'content-type': 'text/plain' } },
    fields: ['Content-Type'],
  },
  {
    name: 'a body that is not UTF-8',
    method: 'POST',
    path: collection,
    send: { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'content-type': 'application/json' } },
    fields: ['body'],
  },
];

describe.each(adapters)('bad input ($name)', ({ make }) => {
  const driver = useFreshMock(make);

  it.each(cases)('answers 400 /problems/violations for $name', async ({ method, path, send, fields }) => {
    const before = await stateOf(driver);
    const reply = await driver.send(method, path, send);
    expect(reply.status, reply.text).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    const problem = json(reply.text) as ProblemBody;
    expect(problem).toMatchObject({ type: '/problems/violations', title: seedTitle, detail: seedDetail, status: 400 });
    expect(problem.violations?.map((v) => v.field)).toEqual(fields);
    for (const violation of problem.violations ?? []) expect(violation.message.length).toBeGreaterThan(0);
    expect(await stateOf(driver)).toEqual(before);
  });

  it('answers 413 problem+json to an oversized body and keeps serving', async () => {
    const huge = JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: 3, padding: 'x'.repeat(70 * 1024) });
    const reply = await driver.send('POST', collection, { body: huge, headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(413);
    expect(json(reply.text)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
    expect((await driver.send('GET', one)).status).toBe(200);
  });

  it('ignores unknown body properties and query parameters, as the spec allows', async () => {
    const state = await stateOf(driver);
    const used = new Set(state.used.filter((u) => u.ticket_id === exampleTicket).map((u) => u.diagnostic_equipment_id));
    const free = state.catalog.find((e) => !used.has(e.diagnostic_equipment_id))!.diagnostic_equipment_id;
    // Raw text: an object literal's __proto__ would set a prototype instead of sending the key.
    const body = `{"ticket_id":"${exampleTicket}","diagnostic_equipment_id":${free},"note":"extra","__proto__":{"polluted":true}}`;
    const created = await driver.send('POST', `${collection}?unused=1`, { body, headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    expect(json(created.text)).not.toHaveProperty('note');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers problem+json for an unknown route and 405 with Allow for an unknown method', async () => {
    const missing = await driver.send('GET', `${collection}/a/b/c`);
    expect(missing.status).toBe(404);
    expect(json(missing.text)).toMatchObject({ type: '/problems/not-found' });

    const put = await driver.send('PUT', collection, { json: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(json(put.text)).toMatchObject({ type: '/problems/method-not-allowed', status: 405 });

    const patch = await driver.send('PATCH', one, { json: {} });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
  });
});
