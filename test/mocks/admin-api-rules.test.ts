// The admin API's refusals pinned one at a time, through the core: each write endpoint refuses a body
// that is not JSON with the reader's own violation (not whatever a later step makes of `undefined`),
// each query and path value is held to its pattern, and the head-only route check agrees with routing.
import { describe, expect, it } from 'vitest';
import { adminRouteRefusal, handleAdmin, type MockControls } from '../../mocks/core/admin/admin-api.js';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { createMock } from '../../mocks/core/mock.js';
import { adminPage, pageQuery } from '../../mocks/core/admin/admin-pages.js';
import { parseDelay } from '../../mocks/core/delay.js';

const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const send = (mock: ReturnType<typeof createMock>, method: string, target: string, body?: string, contentType = 'application/json') => {
  const [path, query = ''] = target.split('?') as [string, string?];
  const answer = mock.handle({ method, path, query: new URLSearchParams(query), headers: { 'content-type': contentType }, ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }) });
  return { status: answer.status, body: answer.body === undefined ? undefined : (JSON.parse(answer.body) as Record<string, unknown>) };
};

describe('the admin writes refuse a body they cannot read, saying why', () => {
  const writes: Array<[string, string]> = [
    ['PUT', '/__admin/state'],
    ['PATCH', `/__admin/tickets/${ticket}`],
    ['POST', '/__admin/faults'],
    ['POST', '/__admin/scenarios/load'],
  ];

  it.each(writes)('%s %s: broken JSON', (method, path) => {
    const mock = createMock();
    const before = mock.state();
    const answer = send(mock, method, path, '{"status":');
    expect(answer.status).toBe(400);
    expect(answer.body!.violations).toEqual([{ field: 'body', message: expect.stringMatching(/^must be valid JSON \(.+\)$/) as string }]);
    expect(mock.state()).toEqual(before);
  });

  it.each(writes)('%s %s: another media type', (method, path) => {
    expect(send(createMock(), method, path, '{}', 'text/plain')).toEqual({
      status: 415,
      body: { type: '/problems/unsupported-media-type', title: 'Unsupported media type', status: 415, detail: 'This call needs Content-Type: application/json.' },
    });
  });
});

describe('the admin API, value by value', () => {
  it('refuses a ticket id that is not a valid percent-encoded segment', () => {
    const answer = send(createMock(), 'PATCH', '/__admin/tickets/%E0%A4%A', '{"status":"Closed"}');
    expect(answer.status).toBe(400);
    expect(answer.body!.violations).toEqual([{ field: 'id', message: 'must be a valid percent-encoded path segment' }]);
  });

  it('refuses a fault that does nothing', () => {
    const mock = createMock();
    const answer = send(mock, 'POST', '/__admin/faults', '{"operation":"listUsedDiagnosticEquipment"}');
    expect(answer.status).toBe(400);
    expect(answer.body!.violations).toEqual([{ field: 'body', message: 'must name a status, networkError: true or a delayMs' }]);
    expect(mock.faults()).toEqual([]);
    expect(send(mock, 'POST', '/__admin/faults', '{"operation":"listUsedDiagnosticEquipment","delayMs":1}').status).toBe(201);
  });

  it('names the fault it cannot find, by its path', () => {
    const answer = send(createMock(), 'DELETE', '/__admin/faults/999');
    expect(answer).toMatchObject({ status: 404, body: { detail: 'No resource is served at DELETE /__admin/faults/999.' } });
  });

  it('names the journal entry it cannot find, by method and path', () => {
    const answer = send(createMock(), 'GET', '/__admin/requests/77');
    expect(answer).toMatchObject({ status: 404, body: { detail: 'No resource is served at GET /__admin/requests/77.' } });
  });

  it('takes the journal as journal or HAR, and nothing else', () => {
    const mock = createMock();
    expect(send(mock, 'GET', '/__admin/requests?format=journal').status).toBe(200);
    expect(send(mock, 'GET', '/__admin/requests?format=har').body).toMatchObject({ log: { version: '1.2' } });
    expect(send(mock, 'GET', '/__admin/requests?format=xml')).toMatchObject({ status: 400, body: { violations: [{ field: 'format', message: 'must be journal or har' }] } });
  });

  it('takes `after` as an id of up to 15 digits, and nothing else', () => {
    const mock = createMock();
    for (let i = 0; i < 12; i++) send(mock, 'GET', '/v2/tickets/used-diagnostic-equipment');
    const ids = (after: string) => (send(mock, 'GET', `/__admin/requests?after=${after}`).body!.requests as Array<{ id: number }>).map((e) => e.id);
    expect(ids('10')).toEqual([11, 12]);
    expect(ids('999999999999999')).toEqual([]);
    for (const after of ['abc', '1x', 'x1', '-1', '1.5', '1234567890123456', '']) {
      expect(send(mock, 'GET', `/__admin/requests?after=${after}`), after).toMatchObject({ status: 400, body: { violations: [{ field: 'after', message: 'must be a journal entry id (a non-negative integer)' }] } });
    }
  });
});

describe('the route check made from the head alone', () => {
  const head = (method: string, path: string) => ({ method, path, headers: {} }) as Pick<MockRequest, 'method' | 'path' | 'headers'>;

  it('lets a routed request through, and refuses the rest as routing would', () => {
    expect(adminRouteRefusal(head('PUT', '/__admin/state'))).toBeUndefined();
    expect(adminRouteRefusal(head('DELETE', '/__admin/faults/3'))).toBeUndefined();
    expect(adminRouteRefusal(head('GET', '/__admin/nothing'))).toMatchObject({ problem: { status: 404 } });
    expect(adminRouteRefusal(head('POST', '/__admin/state'))).toMatchObject({ problem: { status: 405 } });
    expect(adminRouteRefusal(head('OPTIONS', '/__admin/state'))).toMatchObject({ status: 204 });
  });
});

describe('the admin listings’ paging', () => {
  it('reads offset, limit and q, and refuses a bad one naming its bounds', () => {
    expect(pageQuery(new URLSearchParams(''))).toStrictEqual({ ok: true, page: { offset: 0, limit: adminPage.defaultLimit, search: undefined } });
    expect(pageQuery(new URLSearchParams('offset=5&limit=500&q=%20MiXed%20'))).toStrictEqual({ ok: true, page: { offset: 5, limit: 500, search: 'mixed' } });
    expect(pageQuery(new URLSearchParams('q=%20%20'))).toStrictEqual({ ok: true, page: { offset: 0, limit: adminPage.defaultLimit, search: undefined } });
    expect(pageQuery(new URLSearchParams('limit=0&offset=x'))).toStrictEqual({
      ok: false,
      violations: [
        { field: 'offset', message: `must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}` },
        { field: 'limit', message: `must be an integer from 1 to ${adminPage.maxLimit}` },
      ],
    });
  });
});

describe('a delay range', () => {
  it('reads "200" and "100-400", with spaces around, and nothing else', () => {
    expect(parseDelay(' 200 ')).toStrictEqual({ min: 200, max: 200 });
    expect(parseDelay('100-400')).toStrictEqual({ min: 100, max: 400 });
    for (const bad of ['400-100', '-5', '1.5', 'fast', '', '100-']) expect(parseDelay(bad), bad).toBeUndefined();
  });
});

describe('the admin API’s remaining edges', () => {
  it('names the body itself when it is not an object', () => {
    for (const [method, path] of [['PATCH', `/__admin/tickets/${ticket}`], ['POST', '/__admin/faults'], ['POST', '/__admin/scenarios/load']] as const) {
      expect(send(createMock(), method, path, '[]').body!.violations, path).toEqual([{ field: 'body', message: 'must be an object' }]);
    }
  });

  it('clears every fault with DELETE /__admin/faults', () => {
    const mock = createMock();
    mock.inject({ status: 503 });
    mock.inject({ operation: 'listUsedDiagnosticEquipment', delayMs: 5 });
    expect(send(mock, 'DELETE', '/__admin/faults').status).toBe(204);
    expect(mock.faults()).toEqual([]);
  });

  it('refuses an unrouted request handed to it directly, without touching the controls', () => {
    const refused = handleAdmin({ method: 'GET', path: '/__admin/nothing', query: new URLSearchParams(), headers: {} }, {} as MockControls);
    expect(refused).toMatchObject({ problem: { status: 404 } });
  });
});

describe('the admin listings through the API', () => {
  it('refuses a bad page query on either listing, naming the parameter', () => {
    for (const path of ['/__admin/tickets', '/__admin/catalog']) {
      expect(send(createMock(), 'GET', `${path}?limit=0`), path).toMatchObject({ status: 400, body: { violations: [{ field: 'limit', message: `must be an integer from 1 to ${adminPage.maxLimit}` }] } });
    }
  });
});

// Every admin route matches its whole path, not a part of it: mutation testing showed each pattern could
// lose its ^ or $ (or a digit count) with no test noticing.
describe('the admin routes match whole paths only', () => {
  const endpoints: Array<[string, string]> = [
    ['GET', '/__admin/state'],
    ['POST', '/__admin/reset'],
    ['PATCH', `/__admin/tickets/${ticket}`],
    ['GET', '/__admin/faults'],
    ['GET', '/__admin/requests/1'],
    ['DELETE', '/__admin/faults/1'],
    ['GET', '/__admin/tickets'],
    ['GET', '/__admin/catalog'],
    ['GET', '/__admin/scenarios'],
    ['POST', '/__admin/scenarios/load'],
    ['GET', '/__admin/requests'],
  ];

  it.each(endpoints)('%s %s, with a segment before or after it, is no route', (method, path) => {
    const mock = createMock();
    const rest = path.slice('/__admin'.length);
    for (const bent of [`/__admin/extra${rest}`, `${path}/extra/more`]) {
      const answer = send(mock, method, bent, '{}');
      expect([bent, answer.status, answer.body?.detail]).toEqual([bent, 404, `No resource is served at ${method} ${bent}.`]);
    }
  });

  it('reads request and fault ids of more than one digit, up to the journal’s 15', () => {
    const mock = createMock();
    for (let i = 0; i < 12; i++) send(mock, 'GET', '/v2/tickets/used-diagnostic-equipment');
    expect(send(mock, 'GET', '/__admin/requests/12').status).toBe(200);
    expect(send(mock, 'GET', `/__admin/requests/${'1'.repeat(16)}`).body?.detail).toBe(`No resource is served at GET /__admin/requests/${'1'.repeat(16)}.`);
    for (let i = 0; i < 12; i++) expect(send(mock, 'POST', '/__admin/faults', JSON.stringify({ status: 503 })).status).toBe(201);
    expect(send(mock, 'DELETE', '/__admin/faults/12').status).toBe(204);
  });
});
