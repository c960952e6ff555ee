// Failures and latency on demand, the same on both adapters: a status with a problem body, a network
// error or a delay, for one operation or all, once, N times or until cleared; through the admin API or
// mock.inject; shown in the journal; cleared by reset. Operation names come from the document.
import { describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { adapters, collection, exampleTicket, json, useFreshMock } from '../helpers/behaviour.js';

const add = { ticket_id: exampleTicket, diagnostic_equipment_id: 40 };

describe.each(adapters)('faults on demand ($name)', ({ make }) => {
  const driver = useFreshMock(make);

  it('answers an injected status once, with a problem body, then the operation again', async () => {
    const injected = await driver.send('POST', '/__admin/faults', { json: { operation: 'addUsedDiagnosticEquipment', status: 503, times: 1 } });
    expect(injected.status).toBe(201);
    expect(json(injected.text)).toMatchObject({ id: 1, operation: 'addUsedDiagnosticEquipment', status: 503, remaining: 1 });
    const failed = await driver.send('POST', collection, { json: add, serverErrorExpected: true });
    expect(failed.status).toBe(503);
    expect(json(failed.text)).toMatchObject({ type: '/problems/injected-fault', status: 503 });
    expect((await driver.send('POST', collection, { json: add })).status).toBe(201);
    expect(json((await driver.send('GET', '/__admin/faults')).text)).toEqual({ faults: [] });
  });

  it('closes the connection for a network error, and slows an operation by a delay', async () => {
    await driver.send('POST', '/__admin/faults', { json: { operation: 'getUsedDiagnosticEquipment', networkError: true, times: 1 } });
    await expect(driver.send('GET', `${collection}/${exampleTicket}/12`)).rejects.toThrow(TypeError);
    expect((await driver.send('GET', `${collection}/${exampleTicket}/12`)).status).toBe(200);
    await driver.send('POST', '/__admin/faults', { json: { operation: 'listUsedDiagnosticEquipment', delayMs: 300 } });
    const started = performance.now();
    const slow = await driver.send('GET', collection);
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const journal = json((await driver.send('GET', '/__admin/requests')).text) as { requests: Array<{ status: number; fault?: object }> };
    expect(journal.requests.filter((r) => r.fault !== undefined).map((r) => [r.status, r.fault])).toEqual([
      [0, { id: 1, networkError: true }],
      [200, { id: 2, delayMs: 300 }],
    ]);
  });

  it('applies a fault for every operation until cleared, and reset clears them all', async () => {
    await driver.send('POST', '/__admin/faults', { json: { status: 500 } });
    expect((await driver.send('GET', collection, { serverErrorExpected: true })).status).toBe(500);
    expect((await driver.send('GET', `${collection}/${exampleTicket}/12`, { serverErrorExpected: true })).status).toBe(500);
    expect((await driver.send('DELETE', '/__admin/faults/1')).status).toBe(204);
    expect((await driver.send('GET', collection)).status).toBe(200);
    await driver.send('POST', '/__admin/faults', { json: { status: 502 } });
    expect((await driver.send('POST', '/__admin/reset')).status).toBe(200);
    expect((await driver.send('GET', collection)).status).toBe(200);
  });

  it('refuses a fault that names no operation of the document, or does nothing', async () => {
    for (const body of [{ operation: 'deleteEverything', status: 500 }, { operation: 'listUsedDiagnosticEquipment' }, { status: 200 }, { delayMs: -1 }]) {
      const reply = await driver.send('POST', '/__admin/faults', { json: body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('mock.inject', () => {
  it('takes the operation names of the document, typed', () => {
    const mock = createMock();
    mock.inject({ operation: 'listUsedDiagnosticEquipment', status: 503, times: 2 });
    // @ts-expect-error: not an operation of the document
    mock.inject({ operation: 'listEverything', status: 503 });
    const list = () => mock.handle({ method: 'GET', path: collection, query: new URLSearchParams(), headers: { authorization: 'Bearer t', 'x-api-key': 'k' } }).status;
    // The misspelt one was injected anyway at run time (only the compiler stops it): it names nothing.
    expect([list(), list(), list()]).toEqual([503, 503, 200]);
    expect(mock.faults().map((f) => f.operation)).toEqual(['listEverything']);
  });
});
