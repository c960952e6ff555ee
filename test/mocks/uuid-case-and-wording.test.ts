// Two choices issue 15 asked for, each a rule over the whole document rather than one example:
// - a uuid names the same thing in any case (RFC 9562 reads uuids case-insensitively): every uuid
//   parameter and body field is read in lower case, and answers carry the lower-case spelling;
// - a value of the wrong type is worded the same wherever it is (query, path, body, scenario):
//   "must be an integer", as the document's own 400 example says, never ajv's "must be integer".
import { describe, expect, it } from 'vitest';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { createMock } from '../../mocks/core/mock.js';
import { stateDocumentViolations } from '../../mocks/state/state-document.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { compiledSpec } from '../../src/spec/index.js';
import type { JsonSchema } from '../../src/spec/openapi-document.js';
import { resolveSchema } from '../../src/spec/registry-schema.js';
import { messageOf, typeMessage } from '../../src/spec/violation-message.js';

const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const closed = 'aa518eff-5b3f-4ced-b516-24eaf8cd5ac1';
const state: StateDocument = {
  tickets: [
    { id: ticket, status: 'In Progress' },
    { id: closed, status: 'Closed' },
  ],
  catalog: [
    { diagnostic_equipment_id: 12, name: 'iCarsoft CR Pro', version: '2.0' },
    { diagnostic_equipment_id: 13, name: 'Launch X431', version: null },
  ],
  used: [{ ticket_id: ticket, diagnostic_equipment_id: 12 }],
};
const collection = '/v2/tickets/used-diagnostic-equipment';
const json = { 'content-type': 'application/json' };
const request = (method: string, path: string, query = '', body?: unknown): MockRequest => ({
  method,
  path,
  query: new URLSearchParams(query),
  headers: body === undefined ? {} : json,
  ...(body === undefined ? {} : { body: new TextEncoder().encode(JSON.stringify(body)) }),
});
const upper = ticket.toUpperCase();
const { document, operations } = compiledSpec();
const bodyProperties = (schema: JsonSchema) => Object.entries((resolveSchema(document, schema).properties ?? {}) as Record<string, JsonSchema>);

describe('a uuid in any case', () => {
  it('the document has uuid parameters and body fields for this rule to cover', () => {
    const parameters = operations.flatMap((o) => [...o.queryParameters, ...o.pathParameters]).filter((p) => p.schema.format === 'uuid');
    expect([...new Set(parameters.map((p) => p.name))].sort()).toEqual(['ticket-id', 'ticket_id']);
    expect(operations.flatMap((o) => o.body?.uuidProperties ?? [])).toEqual(['ticket_id']);
  });

  it('filters the list by ticket_id in capitals as in lower case', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    const lower = JSON.parse(mock.handle(request('GET', collection, `ticket_id=${ticket}`)).body!) as { total: number };
    const capitals = JSON.parse(mock.handle(request('GET', collection, `ticket_id=${upper}`)).body!) as { total: number; ticket_id?: string };
    expect(lower.total).toBe(1);
    expect(capitals.total).toBe(1);
  });

  it('finds, adds and removes through a path or body uuid in capitals, answering the lower-case spelling', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    const one = mock.handle(request('GET', `${collection}/${upper}/12`));
    expect(one.status).toBe(200);
    expect(JSON.parse(one.body!)).toMatchObject({ ticket_id: ticket });
    const added = mock.handle(request('POST', collection, '', { ticket_id: upper, diagnostic_equipment_id: 13 }));
    expect(added.status).toBe(201);
    expect(JSON.parse(added.body!)).toMatchObject({ ticket_id: ticket, diagnostic_equipment_id: 13 });
    // The same record in the other case is the same record: a second add is a conflict, not a twin.
    expect(mock.handle(request('POST', collection, '', { ticket_id: ticket, diagnostic_equipment_id: 13 })).status).toBe(409);
    expect(mock.handle(request('DELETE', `${collection}/${upper}/13`)).status).toBe(204);
    expect(mock.handle(request('GET', `${collection}/${ticket}/13`)).status).toBe(404);
  });

  it('keeps the In Progress rule for a closed ticket named in capitals', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    const refused = mock.handle(request('POST', collection, '', { ticket_id: closed.toUpperCase(), diagnostic_equipment_id: 13 }));
    expect(refused.status).toBe(409);
  });

  it('reads a state whose uuids are in capitals as the same tickets, and refuses two spellings of one ticket', () => {
    const shouted: StateDocument = {
      tickets: state.tickets.map((t) => ({ ...t, id: t.id.toUpperCase() })),
      catalog: state.catalog,
      used: state.used.map((u) => ({ ...u, ticket_id: u.ticket_id.toUpperCase() })),
    };
    const mock = createMock({ state: shouted, auth: { mode: 'off' } });
    expect(mock.handle(request('GET', `${collection}/${ticket}/12`)).status).toBe(200);
    expect(mock.state().tickets.map((t) => t.id)).toEqual([ticket, closed]);
    const twice = { ...state, tickets: [...state.tickets, { id: upper, status: 'Open' }] };
    expect(stateDocumentViolations(twice)).toEqual([{ field: '/tickets/2/id', message: `duplicates /tickets/0/id (${upper})` }]);
  });

  it('sets a ticket’s status through the admin controls by a uuid in capitals', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    expect(mock.setTicketStatus(upper, 'Closed')).toEqual({ id: ticket, status: 'Closed' });
  });
});

describe('one wording for a value of the wrong type', () => {
  it('words each JSON type as the document’s 400 example does', () => {
    expect(typeMessage('integer')).toBe('must be an integer');
    expect(typeMessage(['string', 'null'])).toBe('must be a string or null');
    expect(typeMessage('boolean')).toBe('must be true or false');
    expect(typeMessage('object')).toBe('must be an object');
    expect(typeMessage('array')).toBe('must be an array');
    expect(typeMessage('number')).toBe('must be a number');
    expect(typeMessage('string,null')).toBe('must be a string or null');
    expect(messageOf({ keyword: 'maxLength', instancePath: '', schemaPath: '', params: {}, message: 'must NOT have more than 3 characters' })).toBe('must NOT have more than 3 characters');
    expect(messageOf({ keyword: 'type', instancePath: '', schemaPath: '', params: { type: 'integer' }, message: 'must be integer' })).toBe('must be an integer');
  });

  it('every integer of every operation, in the query, the path or the body, refused in the same words', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    let seen = 0;
    for (const operation of operations) {
      const valid: Record<string, string> = { 'ticket-id': ticket, 'diagnostic-equipment-id': '12' };
      const pathWith = (name?: string) =>
        operation.pathTemplate.replace(/\{([^}]+)\}/g, (_m, p: string) => (p === name ? 'x1' : (valid[p] ?? 'x')));
      for (const parameter of [...operation.queryParameters, ...operation.pathParameters]) {
        if (parameter.schema.type !== 'integer') continue;
        const answer = parameter.location === 'query'
          ? mock.handle(request(operation.method, pathWith(), `${parameter.name}=x1`, operation.body === undefined ? undefined : { ticket_id: ticket, diagnostic_equipment_id: 13 }))
          : mock.handle(request(operation.method, pathWith(parameter.name)));
        expect(answer.status, `${operation.operationId} ${parameter.name}`).toBe(400);
        expect(JSON.parse(answer.body!).violations, `${operation.operationId} ${parameter.name}`).toContainEqual({ field: parameter.name, message: 'must be an integer' });
        seen++;
      }
      const bodySchema = Object.values(operation.operation.requestBody?.content ?? {})[0]?.schema;
      if (bodySchema === undefined) continue;
      for (const [name, schema] of bodyProperties(bodySchema)) {
        if (resolveSchema(document, schema).type !== 'integer') continue;
        const answer = mock.handle(request(operation.method, pathWith(), '', { ticket_id: ticket, diagnostic_equipment_id: 13, [name]: 'x1' }));
        expect(answer.status, `${operation.operationId} body ${name}`).toBe(400);
        expect(JSON.parse(answer.body!).violations).toContainEqual({ field: name, message: 'must be an integer' });
        seen++;
      }
    }
    // limit, offset, the path's equipment id (GET and DELETE), the body's equipment id.
    expect(seen).toBeGreaterThanOrEqual(5);
  });

  it('a scenario’s wrong types are worded the same', () => {
    expect(stateDocumentViolations({ ...state, used: [{ ticket_id: ticket, diagnostic_equipment_id: 'x' }] })).toEqual([
      { field: '/used/0/diagnostic_equipment_id', message: 'must be an integer' },
    ]);
    // A nullable field (OpenAPI 3.0's nullable: true) is named by its type alone: ajv's error does not
    // say the field is nullable, and the document's schema says so where a reader looks.
    expect(stateDocumentViolations({ ...state, catalog: [{ diagnostic_equipment_id: 1, name: 'A', version: 2 }] })).toEqual([
      { field: '/catalog/0/version', message: 'must be a string' },
    ]);
  });
});
