// A typed client as a front-end would write it: openapi-fetch with the kit's generated `paths`, calling
// the standalone mock. The compiler checks the calls (see the @ts-expect-error lines); the test checks
// what comes back.
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths, QueryOf } from '../../src/spec/public-types.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';

let server: RunningServer;
let client: ReturnType<typeof createClient<paths>>;

beforeAll(async () => {
  server = await startHttpServer(createMock(), { port: 0 });
  client = createClient<paths>({ baseUrl: server.url, headers: { authorization: 'Bearer app-token', 'x-api-key': 'app-key' } });
});
afterAll(() => server.close());

describe('openapi-fetch with the generated types, against the standalone mock', () => {
  it('lists a page, typed', async () => {
    const { data, error, response } = await client.GET('/v2/tickets/used-diagnostic-equipment', {
      params: { query: { ticket_id: exampleTicketId, limit: 5, offset: 5 } },
    });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.query).toEqual({ limit: 5, offset: 5, ticket_id: exampleTicketId });
    expect(data?.result).toHaveLength(5);
    const versions: Array<string | null> = data?.result.map((r) => r.version) ?? [];
    expect(versions).toHaveLength(5);
    // Compiled, never run: the generated types refuse a string limit.
    const typeOnly = () =>
      // @ts-expect-error limit is a number in the generated types
      client.GET('/v2/tickets/used-diagnostic-equipment', { params: { query: { limit: 'five' } } });
    expect(typeof typeOnly).toBe('function');
  });

  it('catches a misspelt query parameter beside a valid one with `satisfies QueryOf<…>`, which openapi-fetch alone lets through', async () => {
    type ListQuery = QueryOf<'/v2/tickets/used-diagnostic-equipment', 'get'>;
    const query = { ticket_id: exampleTicketId, limit: 2 } satisfies ListQuery;
    const { data } = await client.GET('/v2/tickets/used-diagnostic-equipment', { params: { query } });
    expect(data?.query).toEqual({ ...query, offset: 0 });
    // Compiled, never run. openapi-fetch 0.17's gap, pinned: a wrong key beside a valid one compiles
    // (if a release closes it, this line fails to compile and the recipe can say so)…
    const gap = () => client.GET('/v2/tickets/used-diagnostic-equipment', { params: { query: { ticket_id: exampleTicketId, ofset: 5 } } });
    // …and `satisfies` names it, alone or beside a valid key.
    // @ts-expect-error 'ofset' does not exist in the list's query type
    const caught = { ticket_id: exampleTicketId, ofset: 5 } satisfies ListQuery;
    // @ts-expect-error a string limit is refused too
    const typed = { limit: 'five' } satisfies ListQuery;
    expect([typeof gap, caught.ofset, typed.limit]).toEqual(['function', 5, 'five']);
  });

  it('adds, reads and removes, with path parameters named as in the spec', async () => {
    const added = await client.POST('/v2/tickets/used-diagnostic-equipment', { body: { ticket_id: exampleTicketId, diagnostic_equipment_id: 40 } });
    expect(added.response.status).toBe(201);
    expect(added.data?.diagnostic_equipment_id).toBe(40);
    const path = { 'ticket-id': exampleTicketId, 'diagnostic-equipment-id': 40 };
    const read = await client.GET('/v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id}', { params: { path } });
    expect(read.data).toEqual(added.data);
    const removed = await client.DELETE('/v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id}', { params: { path } });
    expect(removed.response.status).toBe(204);
    // Compiled, never run: the body needs diagnostic_equipment_id.
    const typeOnly = () =>
      // @ts-expect-error the body needs diagnostic_equipment_id
      client.POST('/v2/tickets/used-diagnostic-equipment', { body: { ticket_id: exampleTicketId } });
    expect(typeof typeOnly).toBe('function');
  });

  it('gets the problem as a typed error when the rule refuses', async () => {
    const { data, error, response } = await client.POST('/v2/tickets/used-diagnostic-equipment', { body: { ticket_id: closedTicketId, diagnostic_equipment_id: 40 } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(409);
    expect(error?.type).toBe('/problems/ticket-not-in-progress');
    expect(error?.detail).toContain("is 'Closed'");
  });
});
