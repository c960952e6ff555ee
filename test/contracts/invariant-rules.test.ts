// The invariants every exchange must obey, pinned one at a time: for each, an answer that breaks only
// it, and its finding asserted whole; and answers that look odd but obey them (case of a uuid, an int64
// offset written digit for digit, a 4xx) that must give none.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { invariantFindings } from '../../contracts/checks/invariants.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import { compiledSpec } from '../../src/spec/index.js';

const spec = compiledSpec();
const values = specValues(spec);
const context: CheckContext = { spec, fixtures: { equipment: [], probeRemoveRule: false }, readOnly: false, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const other = '11111111-1111-4111-8111-111111111111';
const row = (t = ticket, id = 12) => ({ ticket_id: t, diagnostic_equipment_id: id, name: 'iCarsoft CR Pro', version: '2.0' });

function exchange(operationId: string, method: string, target: string, status: number, body: unknown, options: { requestBody?: string; bodyText?: string } = {}): LabelledExchange {
  return {
    label: 'x',
    auth: 'both',
    attempts: 1,
    operationId,
    request: { method, target, headers: {}, ...(options.requestBody === undefined ? {} : { body: options.requestBody }) },
    response: { status, headers: { 'content-type': 'application/json' }, bodyText: options.bodyText ?? JSON.stringify(body), durationMs: 1 },
  };
}
const one = (body: unknown, status = 200) => exchange(values.one.operationId, 'GET', values.oneTarget(ticket, 12), status, body);
const add = (sent: unknown, body: unknown) => exchange(values.add.operationId, 'POST', values.collection, 201, body, { requestBody: JSON.stringify(sent) });
const list = (query: string, body: unknown, bodyText?: string) => exchange(values.list.operationId, 'GET', `${values.collection}${query}`, 200, body, bodyText === undefined ? {} : { bodyText });
const found = (e: LabelledExchange) => invariantFindings(e, context).map((f) => ({ check: f.check, pointer: f.pointer, expected: f.expected, actual: f.actual.value, message: f.message }));
const page = (limit: number, offset: number, total: number, rows: unknown[], extra: Record<string, unknown> = {}) => ({ query: { limit, offset, ...extra }, result: rows, total });

describe('record_identity', () => {
  it('holds for the record the path or the body named, whatever the case of its uuid', () => {
    expect(found(one(row()))).toEqual([]);
    expect(found(one(row(ticket.toUpperCase())))).toEqual([]);
    expect(found(add({ ticket_id: ticket, diagnostic_equipment_id: 12 }, row(ticket.toUpperCase())))).toEqual([]);
    expect(found(one({ type: '/problems/x' }, 404))).toEqual([]);
  });
  it('finds another ticket or another id than the path named', () => {
    expect(found(one(row(other)))).toEqual([{ check: 'record_identity', pointer: '/ticket_id', expected: ticket, actual: other, message: 'the answer names another ticket than the path' }]);
    expect(found(one(row(ticket, 13)))).toEqual([{ check: 'record_identity', pointer: '/diagnostic_equipment_id', expected: 12, actual: 13, message: 'the answer names another diagnostic equipment than the path' }]);
  });
  it('finds a created record that is not the one sent', () => {
    expect(found(add({ ticket_id: ticket, diagnostic_equipment_id: 12 }, row(other)))).toEqual([
      { check: 'record_identity', pointer: '/ticket_id', expected: ticket, actual: other, message: 'the created record names another ticket than the one sent' },
    ]);
    expect(found(add({ ticket_id: ticket, diagnostic_equipment_id: 12 }, row(ticket, 7)))).toEqual([
      { check: 'record_identity', pointer: '/diagnostic_equipment_id', expected: 12, actual: 7, message: 'the created record names another diagnostic equipment than the one sent' },
    ]);
  });
});

describe('query_echo', () => {
  it('holds for the defaults, the values sent, and an int64 offset written digit for digit', () => {
    expect(found(list('', page(values.limit.default!, values.offset.default!, 0, [])))).toEqual([]);
    expect(found(list('?limit=3&offset=2', page(3, 2, 5, [row(), row(ticket, 13), row(ticket, 14)])))).toEqual([]);
    const huge = '9223372036854775807';
    expect(found(list(`?offset=${huge}`, {}, `{"query":{"limit":${values.limit.default},"offset":${huge}},"result":[],"total":5}`))).toEqual([]);
  });
  it('finds a limit, an offset or a ticket_id that is not echoed', () => {
    expect(found(list('?limit=3', page(4, 0, 0, [])))).toEqual([{ check: 'query_echo', pointer: '/query/limit', expected: 3, actual: 4, message: 'the applied limit is not echoed' }]);
    expect(found(list('?offset=2', page(values.limit.default!, 3, 0, [])))).toEqual([{ check: 'query_echo', pointer: '/query/offset', expected: '2', actual: '3', message: 'the applied offset is not echoed' }]);
    expect(found(list('?offset=9007199254740993', {}, `{"query":{"limit":${values.limit.default},"offset":9007199254740992},"result":[],"total":0}`))).toEqual([
      { check: 'query_echo', pointer: '/query/offset', expected: '9007199254740993', actual: '9007199254740992', message: 'the applied offset is not echoed digit for digit (int64 past 2^53)' },
    ]);
    expect(found(list(`?ticket_id=${ticket}`, page(values.limit.default!, 0, 0, [], { ticket_id: other })))).toEqual([
      { check: 'query_echo', pointer: '/query/ticket_id', expected: ticket, actual: other, message: 'the applied ticket_id is not echoed' },
    ]);
    expect(found(list(`?ticket_id=${ticket}`, page(values.limit.default!, 0, 0, [])))).toEqual([
      { check: 'query_echo', pointer: '/query/ticket_id', expected: ticket, actual: undefined, message: 'the applied ticket_id is not echoed' },
    ]);
  });
  it('judges nothing when the request’s own values were invalid', () => {
    expect(found(list('?limit=ten', page(1, 0, 5, [])))).toEqual([]);
    expect(found(list('?limit=1&limit=2', page(9, 0, 5, [])))).toEqual([]);
  });
});

describe('list_arithmetic', () => {
  it('finds rows that do not add up to min(limit, total − offset), at each edge', () => {
    expect(found(list('?limit=2&offset=4', page(2, 4, 5, [row()])))).toEqual([]);
    expect(found(list('?limit=2&offset=9', page(2, 9, 5, [])))).toEqual([]);
    expect(found(list('?limit=2&offset=4', page(2, 4, 5, [row(), row(ticket, 13)])))).toEqual([
      { check: 'list_arithmetic', pointer: '/result', expected: '1 rows: min(limit 2, total 5 − offset 4)', actual: 2, message: 'the number of rows does not add up with total, limit and offset' },
    ]);
    expect(found(list('?limit=2&offset=0', page(2, 0, 5, [row()])))).toHaveLength(1);
    expect(found(list('?limit=2&offset=9', page(2, 9, 5, [row()])))).toHaveLength(1);
  });
  it('finds a row of another ticket in a filtered list, by its index', () => {
    expect(found(list(`?ticket_id=${ticket}&limit=3`, page(3, 0, 3, [row(), row(other, 13), row()], { ticket_id: ticket })))).toEqual([
      { check: 'list_arithmetic', pointer: '/result/1/ticket_id', expected: ticket, actual: other, message: 'a list filtered by ticket_id holds a row of another ticket' },
    ]);
  });
});

// Answers a deployment may give that the invariants must read without failing, and without a finding
// the answer does not deserve: each is one a test once showed could end the run or mislead.
describe('the invariants on answers of odd shapes', () => {
  const noAnswer: LabelledExchange = { ...one(row()), response: undefined, error: { kind: 'timeout', message: 'no answer' } };

  it('judge only answered successes', () => {
    expect(found(noAnswer)).toEqual([]);
    expect(found(one({ type: '/problems/x' }, 300))).toEqual([]);
    expect(found(one({ type: '/problems/x' }, 101))).toEqual([]);
  });

  it('read a record without its ticket, or with a ticket that is not text, by its id alone', () => {
    expect(found(one(null))).toEqual([]);
    expect(found(one({ diagnostic_equipment_id: 12 }))).toEqual([]);
    expect(found(one({ ticket_id: 7, diagnostic_equipment_id: 12 }))).toEqual([]);
    expect(found(add({ ticket_id: 7, diagnostic_equipment_id: 12 }, row()))).toEqual([]);
    expect(found(add({ ticket_id: ticket, diagnostic_equipment_id: 12 }, { ...row(), ticket_id: 7 }))).toEqual([]);
    expect(found(exchange(values.add.operationId, 'POST', values.collection, 201, row()))).toEqual([]);
  });

  it('read a request body only on an add', () => {
    const removal = exchange(values.remove.operationId, 'DELETE', values.oneTarget(ticket, 12), 200, row(), { requestBody: 'not json' });
    expect(found(removal)).toEqual([]);
  });

  it('add nothing up for a request whose own values are not valid', () => {
    for (const query of ['?limit=12abc', '?limit=abc12', '?offset=abc']) {
      expect(found(list(query, page(25, 0, 2, [row(), row(other, 13)], { ticket_id: ticket }))), query).toEqual([]);
    }
  });

  it('add up a list filtered by two tickets, and judge the filter only for one', () => {
    const both = `?ticket_id=${ticket}&ticket_id=${other}&limit=2`;
    expect(found(list(both, page(2, 0, 2, [row(), row(other, 13)], { ticket_id: ticket })))).toEqual([]);
    expect(found(list(both, page(2, 0, 3, [row(), row(other, 13)])))).toEqual([]);
    expect(found(list(both, page(2, 0, 1, [row(), row(other, 13)])))).toEqual([
      { check: 'list_arithmetic', pointer: '/result', expected: '1 rows: min(limit 2, total 1 − offset 0)', actual: 2, message: 'the number of rows does not add up with total, limit and offset' },
    ]);
  });

  it('take the document’s default limit when none was sent', () => {
    expect(found(list('', page(30, 0, 2, [row(), row(ticket, 13)])))).toEqual([
      { check: 'query_echo', pointer: '/query/limit', expected: values.limit.default, actual: 30, message: 'the applied limit is not echoed' },
    ]);
  });

  it('add up a list without an echo, and a list with a total that is not a whole number not at all', () => {
    expect(found(list('?limit=2', { result: [row(), row(ticket, 13)], total: 5 }))).toEqual([]);
    expect(found(list('?limit=2', { query: { limit: 2, offset: 0 }, result: [row()], total: 40.5 }))).toEqual([]);
    expect(found(list('?limit=2', { query: { limit: 2, offset: 0 }, total: 5 }))).toEqual([]);
  });

  it('read the echo pretty-printed, or holding nested objects (the echo is open)', () => {
    const body = page(2, 4, 6, [row(), row(ticket, 13)]);
    expect(found(list('?limit=2&offset=4', body, JSON.stringify(body, null, 2)))).toEqual([]);
    // Past 2^53 the digits must still be read from the text, spaces and all.
    expect(found(list('?limit=2&offset=9007199254740993', undefined, '{\n  "query" : {\n    "limit" : 2,\n    "offset" : 9007199254740993\n  },\n  "result" : [],\n  "total" : 0\n}'))).toEqual([]);
    const nested = page(2, 4, 6, [row(), row(ticket, 13)], { applied: { by: 'gateway' } });
    expect(found(list('?limit=2&offset=4', nested))).toEqual([]);
    const { offset: _offset, ...withoutOffset } = nested.query;
    expect(found(list('?limit=2&offset=4', { ...nested, query: withoutOffset }))).toEqual([
      { check: 'query_echo', pointer: '/query/offset', expected: '4', actual: undefined, message: 'the applied offset is not echoed' },
    ]);
    expect(found(list('?limit=2&offset=4', { ...nested, query: { ...nested.query, offset: 3 } }))).toEqual([
      { check: 'query_echo', pointer: '/query/offset', expected: '4', actual: '3', message: 'the applied offset is not echoed' },
    ]);
  });

  it('say digit for digit only past 2^53', () => {
    const largest = String(Number.MAX_SAFE_INTEGER);
    const echoed = (offset: string) => `{"query":{"limit":2,"offset":${offset}},"result":[],"total":0}`;
    expect(found(list(`?limit=2&offset=${largest}`, undefined, echoed('9007199254740990')))).toEqual([
      { check: 'query_echo', pointer: '/query/offset', expected: largest, actual: '9007199254740990', message: 'the applied offset is not echoed' },
    ]);
  });

  it('find a foreign row at the top of a filtered list, and pass rows that are not records', () => {
    expect(found(list(`?ticket_id=${ticket}&limit=3`, page(3, 0, 3, [row(other, 13), row(), row()], { ticket_id: ticket })))).toEqual([
      { check: 'list_arithmetic', pointer: '/result/0/ticket_id', expected: ticket, actual: other, message: 'a list filtered by ticket_id holds a row of another ticket' },
    ]);
    expect(found(list(`?ticket_id=${ticket}&limit=3`, page(3, 0, 3, [null, 5, { ticket_id: 9 }], { ticket_id: ticket })))).toEqual([]);
  });
});

// A 400 must name each field of the document the request broke (the kit's validator says which), so
// that a client can map the refusal back to its input; one named field for two broken is a finding for
// the other. Headers and the media type are not fields of the document, and are not asked for.
describe('refusal_names_field', () => {
  const refusal = (method: string, target: string, violations: unknown, request: { body?: string; headers?: Record<string, string>; operationId?: string } = {}): LabelledExchange => ({
    label: 'x',
    auth: 'both',
    attempts: 1,
    operationId: request.operationId ?? (method === 'POST' ? values.add.operationId : target.includes('?') || target === values.collection ? values.list.operationId : values.one.operationId),
    request: { method, target, headers: request.headers ?? { 'content-type': 'application/json' }, ...(request.body === undefined ? {} : { body: request.body }) },
    response: { status: 400, headers: { 'content-type': 'application/problem+json' }, bodyText: JSON.stringify({ type: '/problems/violations', title: 'Bad request', status: 400, violations }), durationMs: 1 },
  });
  const named = (...fields: unknown[]) => fields.map((field) => ({ field, message: 'is wrong' }));
  const bothOutOfRange = `${values.collection}?limit=${values.limit.max! + 1}&offset=${values.offset.min - 1}`;
  const missing = (field: string, actual: unknown) => ({ check: 'refusal_names_field', pointer: '/violations', expected: `a violation whose field names ${field}, the broken field`, actual, message: `the refusal does not name the broken field ${field} in violations` });

  it('holds when every broken field is named, as it is or as the last part of a path', () => {
    expect(found(refusal('GET', bothOutOfRange, named('limit', 'offset')))).toEqual([]);
    expect(found(refusal('GET', bothOutOfRange, named('query.limit', '/offset')))).toEqual([]);
    expect(found(refusal('GET', values.oneTarget('not-a-uuid', 'ten'), named('path.ticket-id', 'diagnostic-equipment-id')))).toEqual([]);
    expect(found(refusal('POST', values.collection, named('body.ticket_id', 'body/diagnostic_equipment_id'), { body: '{"ticket_id":12,"diagnostic_equipment_id":"twelve"}' }))).toEqual([]);
  });

  it('finds each broken field the violations do not name, in the order the validator finds them', () => {
    expect(found(refusal('GET', bothOutOfRange, named('limit')))).toEqual([missing('offset', ['limit'])]);
    expect(found(refusal('GET', values.oneTarget('not-a-uuid', 'ten'), named('ticket')))).toEqual([missing('ticket-id', ['ticket']), missing('diagnostic-equipment-id', ['ticket'])]);
    // A name inside another is not that name.
    expect(found(refusal('POST', values.collection, named('ticket_ids', 'equipment_id'), { body: '{"ticket_id":12,"diagnostic_equipment_id":"twelve"}' }))).toEqual([
      missing('ticket_id', ['ticket_ids', 'equipment_id']),
      missing('diagnostic_equipment_id', ['ticket_ids', 'equipment_id']),
    ]);
  });

  it('reads the request’s headers in any letter case, as the validator does', () => {
    const capitalised = refusal('POST', values.collection, named('ticket_id'), { body: '{"ticket_id":12,"diagnostic_equipment_id":"twelve"}', headers: { 'Content-Type': 'application/json' } });
    expect(found(capitalised)).toEqual([missing('diagnostic_equipment_id', ['ticket_id'])]);
  });

  it('asks nothing of headers and the media type, nor of a request the validator takes', () => {
    expect(found(refusal('POST', values.collection, named('body'), { body: 'x', headers: { 'content-type': 'text/plain' } }))).toEqual([]);
    expect(found(refusal('GET', `${values.collection}?limit=5`, named('something')))).toEqual([]);
  });

  it('judges only a 400 that lists violations, and reads only those with a textual field', () => {
    expect(found(refusal('GET', bothOutOfRange, []))).toEqual([]);
    expect(found(refusal('GET', bothOutOfRange, 'limit and offset'))).toEqual([]);
    expect(found(refusal('GET', bothOutOfRange, [null, 'offset', { field: 7 }, { field: 'limit' }]))).toEqual([missing('offset', ['limit'])]);
    const notJson = refusal('GET', bothOutOfRange, named('limit'));
    expect(found({ ...notJson, response: { ...notJson.response!, bodyText: '[1]' } })).toEqual([]);
    expect(found({ ...notJson, response: { ...notJson.response!, status: 422 } })).toEqual([]);
  });

  it('judges nothing of a request outside the document', () => {
    expect(found(refusal('GET', '/v2/elsewhere?limit=5000', named('offset'), { operationId: values.list.operationId }))).toEqual([]);
    expect(found(refusal('GET', bothOutOfRange, named('offset'), { operationId: 'unknownOperation' }))).toEqual([]);
  });
});
