// @vitest-environment happy-dom
// The MSW handlers in Vitest's other common DOM environment: happy-dom's Headers keeps header names as the
// page wrote them ('Content-Type', 'X-Api-Key'), and every add through the fake was refused until the
// adapter lower-cased them. The same requests must get the answers they get through the in-process fetch.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { createMock } from '../../mocks/core/mock.js';

// The page's own origin, as an app's client calls it: happy-dom's fetch applies the same-origin policy
// (on msw 3 a request to another origin is blocked before the handlers see it).
const base = new URL('/v2/tickets/used-diagnostic-equipment', location.href).href;
const { handlers, mock } = createHandlers();
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createHandlers under happy-dom', () => {
  it('runs in happy-dom, whose Headers keeps the case of header names', () => {
    expect(navigator.userAgent).toContain('HappyDOM');
    expect([...new Headers({ 'X-Api-Key': 'k' }).keys()]).toEqual(['X-Api-Key']);
  });

  it('answers an add, a read and a refusal written with mixed-case header names as the in-process fetch does', async () => {
    const state = mock.state();
    const ticket = state.tickets.find((t) => t.status === 'In Progress')!.id;
    const free = state.catalog.find((c) => !state.used.some((u) => u.ticket_id === ticket && u.diagnostic_equipment_id === c.diagnostic_equipment_id))!.diagnostic_equipment_id;
    const auth = { Authorization: 'Bearer t', 'X-Api-Key': 'k' };
    const requests: Array<[string, RequestInit]> = [
      [base, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: free }) }],
      [`${base}/${ticket}/${free}`, { headers: auth }],
      [`${base}?ticket_id=${ticket}&limit=1`, { headers: { ...auth, Accept: 'application/json' } }],
      [base, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' }],
      [base, { headers: { 'X-Api-Key': 'k' } }],
    ];
    const reference = inProcessFetch(createMock());
    for (const [url, init] of requests) {
      const [here, there] = [await fetch(url, init), await reference(url, init)];
      const [body, expected] = [(await here.json()) as unknown, (await there.json()) as unknown];
      expect({ url, method: init.method ?? 'GET', status: here.status, body }).toEqual({ url, method: init.method ?? 'GET', status: there.status, body: expected });
    }
  });
});
