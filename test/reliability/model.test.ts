// Model-based: random sequences of add / remove / get one / list / status changes against the mock and
// a reference model of a few lines, compared after every step. Bounded runs with a fixed seed;
// fast-check prints the seed and the shrunk sequence when a property fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiledSpec } from '../../src/spec/index.js';
import { checkResponse } from '../../src/spec/response-validation.js';
import { createRouter } from '../../src/spec/router.js';
import { createMock } from '../../mocks/core/mock.js';
import type { MockResponse } from '../../mocks/core/exchange.js';

const tickets = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const catalog = [1, 2, 3, 4, 5, 6];
const unknownEquipment = 7;
const collection = '/v2/tickets/used-diagnostic-equipment';
const router = createRouter(compiledSpec().operations);
export const modelRuns = { numRuns: 150, seed: 20261129 };

type Command =
  | { kind: 'add'; ticket: number; equipment: number }
  | { kind: 'remove'; ticket: number; equipment: number }
  | { kind: 'get'; ticket: number; equipment: number }
  | { kind: 'list'; ticket: number | undefined; limit: number; offset: number }
  | { kind: 'status'; ticket: number; status: string };

const ticketIndex = fc.integer({ min: 0, max: tickets.length - 1 });
const equipment = fc.integer({ min: 1, max: unknownEquipment });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), ticket: ticketIndex, equipment }),
  fc.record({ kind: fc.constant('remove' as const), ticket: ticketIndex, equipment }),
  fc.record({ kind: fc.constant('get' as const), ticket: ticketIndex, equipment }),
  fc.record({ kind: fc.constant('list' as const), ticket: fc.option(ticketIndex, { nil: undefined }), limit: fc.integer({ min: 0, max: 4 }), offset: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('status' as const), ticket: ticketIndex, status: fc.constantFrom('In Progress', 'Closed', 'Open') }),
);

/** The whole behaviour, as plainly as it can be said. */
class Model {
  statuses = ['In Progress', 'In Progress', 'Closed'];
  used: Array<[string, number]> = [];
  has(t: string, e: number) {
    return this.used.some(([ut, ue]) => ut === t && ue === e);
  }
}

function send(mock: ReturnType<typeof createMock>, method: string, target: string, body?: unknown): { response: MockResponse; json: unknown } {
  const [path = '', query = ''] = target.split('?');
  const response = mock.handle({
    method,
    path,
    query: new URLSearchParams(query),
    headers: { authorization: 'Bearer t', 'x-api-key': 'k', 'content-type': 'application/json' },
    body: body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body)),
  });
  const match = router.match(method, path);
  if (match.kind === 'operation') {
    expect(checkResponse(match.operation, { status: response.status, contentType: response.headers['content-type'], bodyText: response.body ?? '' })).toEqual([]);
  }
  return { response, json: response.body ? JSON.parse(response.body) : undefined };
}

describe('the mock against a reference model', () => {
  it('agrees on every step of random command sequences, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
        const model = new Model();
        const mock = createMock({
          state: { tickets: tickets.map((id, i) => ({ id, status: model.statuses[i]! })), catalog: catalog.map((id) => ({ diagnostic_equipment_id: id, name: `Tool ${id}`, version: null })), used: [] },
        });
        for (const c of commands) {
          if (c.kind === 'status') {
            mock.setTicketStatus(tickets[c.ticket]!, c.status);
            model.statuses[c.ticket] = c.status;
            continue;
          }
          if (c.kind === 'list') {
            const filter = c.ticket === undefined ? undefined : tickets[c.ticket]!;
            const { response, json } = send(mock, 'GET', `${collection}?limit=${c.limit}&offset=${c.offset}${filter ? `&ticket_id=${filter}` : ''}`);
            const rows = model.used.filter(([t]) => filter === undefined || t === filter);
            expect(response.status).toBe(200);
            const page = json as { result: Array<{ ticket_id: string; diagnostic_equipment_id: number }>; total: number };
            expect(page.total).toBe(rows.length);
            expect(page.result.map((r) => [r.ticket_id, r.diagnostic_equipment_id])).toEqual(rows.slice(c.offset, c.offset + c.limit));
            continue;
          }
          const t = tickets[c.ticket]!;
          const inProgress = model.statuses[c.ticket] === 'In Progress';
          const known = catalog.includes(c.equipment);
          if (c.kind === 'get') {
            expect(send(mock, 'GET', `${collection}/${t}/${c.equipment}`).response.status).toBe(model.has(t, c.equipment) ? 200 : 404);
          } else if (c.kind === 'add') {
            const expected = !known ? 404 : !inProgress ? 409 : model.has(t, c.equipment) ? 409 : 201;
            expect(send(mock, 'POST', collection, { ticket_id: t, diagnostic_equipment_id: c.equipment }).response.status).toBe(expected);
            if (expected === 201) model.used.push([t, c.equipment]);
          } else {
            const expected = !model.has(t, c.equipment) ? 404 : !inProgress ? 409 : 204;
            expect(send(mock, 'DELETE', `${collection}/${t}/${c.equipment}`).response.status).toBe(expected);
            if (expected === 204) model.used = model.used.filter(([ut, ue]) => !(ut === t && ue === c.equipment));
          }
          // Invariants after every step: the state is the model's, with no duplicate record.
          const state = mock.state().used.map((u) => [u.ticket_id, u.diagnostic_equipment_id]);
          expect(state).toEqual(model.used);
          expect(new Set(state.map((r) => r.join('/'))).size).toBe(state.length);
        }
      }),
      modelRuns,
    );
  });

  it('returns pages that partition the list, whatever the page size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.subarray(catalog.flatMap((e) => tickets.map((t) => [t, e] as const)), { minLength: 0 }), (size, records) => {
        const mock = createMock({
          state: { tickets: tickets.map((id) => ({ id, status: 'In Progress' })), catalog: catalog.map((id) => ({ diagnostic_equipment_id: id, name: 'x', version: '1' })), used: records.map(([t, e]) => ({ ticket_id: t, diagnostic_equipment_id: e })) },
        });
        const seen: string[] = [];
        for (let offset = 0; offset < records.length + size; offset += size) {
          const page = send(mock, 'GET', `${collection}?limit=${size}&offset=${offset}`).json as { result: Array<{ ticket_id: string; diagnostic_equipment_id: number }> };
          seen.push(...page.result.map((r) => `${r.ticket_id}/${r.diagnostic_equipment_id}`));
        }
        expect(seen).toEqual(records.map(([t, e]) => `${t}/${e}`));
      }),
      modelRuns,
    );
  });
});
