// Failures and latency on demand, the same on both adapters: a status with a problem body, a network
// error or a delay, for one operation or all, once, N times or until cleared; through the admin API or
// mock.inject; shown in the journal; cleared by reset. Operation names come from the document.
import { describe, expect, it } from 'vitest';
import { FaultRefusedError } from '../../mocks/core/admin/fault-check.js';
import { maxActiveFaults, type FaultSpec } from '../../mocks/core/faults.js';
import { createMock } from '../../mocks/core/mock.js';
import type { Problem } from '../../mocks/core/problems.js';
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
  const list = (mock: ReturnType<typeof createMock>) =>
    mock.handle({ method: 'GET', path: collection, query: new URLSearchParams(), headers: { authorization: 'Bearer t', 'x-api-key': 'k' } }).status;

  it('takes the operation names of the document, typed, and refuses another at run time too', () => {
    const mock = createMock();
    mock.inject({ operation: 'listUsedDiagnosticEquipment', status: 503, times: 2 });
    // @ts-expect-error: not an operation of the document
    expect(() => mock.inject({ operation: 'listEverything', status: 503 })).toThrow(FaultRefusedError);
    // A thrown error says what was refused in its message, each violation as field and message, and its name.
    // @ts-expect-error: not an operation of the document, and a status past 599
    expect(() => mock.inject({ operation: 'listEverything', status: 600 })).toThrow(expect.objectContaining({ name: 'FaultRefusedError', message: 'the fault is refused (/problems/violations): operation must be equal to one of the allowed values; status must be <= 599' }) as Error);
    expect([list(mock), list(mock), list(mock)]).toEqual([503, 503, 200]);
    expect(mock.faults()).toEqual([]);
  });

  // In process nothing but this check stands between a test's object and Node: a status of 99 crashed
  // the process in writeHead, 0 and 1000 answered 500, a delay of 3e9 or Infinity overflowed setTimeout.
  const hostile: FaultSpec[] = [{ status: 99 }, { status: 0 }, { status: 1000 }, { status: 503.5 }, { delayMs: 3e9 }, { delayMs: Infinity }, { delayMs: -1 }, { status: 503, times: 0 }, { times: 2 }];
  it.each(hostile.map((spec) => [JSON.stringify(spec).replace('null', 'Infinity'), spec] as const))(
    'refuses %s with the problem POST /__admin/faults answers, and injects nothing',
    (_name, spec) => {
      const mock = createMock();
      let thrown: unknown;
      try {
        mock.inject(spec);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(FaultRefusedError);
      const problem = (thrown as FaultRefusedError).problem;
      expect(problem).toMatchObject({ type: '/problems/violations', status: 400 });
      expect(mock.faults()).toEqual([]);
      expect(list(mock)).toBe(200);
      // JSON has no Infinity: over HTTP it is a number past any bound.
      const body = JSON.stringify(spec, (_key, value: unknown) => (value === Infinity ? 1e308 : value));
      const http = mock.handle({ method: 'POST', path: '/__admin/faults', query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(body) });
      expect(http.status).toBe(400);
      expect(JSON.parse(http.body ?? '')).toEqual(spec.delayMs === Infinity ? { ...problem, violations: [{ field: 'delayMs', message: 'must be <= 60000' }] } : problem);
      if (spec.delayMs === Infinity) expect(problem.violations).toEqual([{ field: 'delayMs', message: 'must be an integer' }]);
    },
  );

  it(`keeps at most ${maxActiveFaults} faults in force, refused past that in process and over the admin API alike`, () => {
    const mock = createMock();
    const post = () =>
      mock.handle({ method: 'POST', path: '/__admin/faults', query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{"operation":"addUsedDiagnosticEquipment","status":503}') });
    for (let i = 0; i < maxActiveFaults; i++) expect(post().status).toBe(201);
    const refused = post();
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    const problem = JSON.parse(refused.body ?? '') as Problem;
    expect(problem).toMatchObject({ type: '/problems/too-many-faults', status: 400 });
    expect(() => mock.inject({ status: 500 })).toThrow(expect.objectContaining({ problem }) as Error);
    // Without violations, the error's message carries the problem's detail.
    expect(() => mock.inject({ status: 500 })).toThrow(`the fault is refused (/problems/too-many-faults): ${problem.detail}`);
    const listed = mock.handle({ method: 'GET', path: '/__admin/faults', query: new URLSearchParams(), headers: {} });
    expect((JSON.parse(listed.body ?? '') as { faults: unknown[] }).faults).toHaveLength(maxActiveFaults);
    // Another operation's requests are not shaped by them.
    expect(list(mock)).toBe(200);
  });
});
