// The rules every exchange must obey, on hand-made exchanges: each one that breaks a rule is named by
// the rule's check, with its pointer; a consistent exchange gives nothing.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { invariantFindings } from '../../contracts/checks/invariants.js';
import { compiledSpec } from '../../src/spec/index.js';

const context: CheckContext = { spec: compiledSpec(), fixtures: { equipment: [], probeRemoveRule: false }, readOnly: true, baseUrl: 'http://h', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
const collection = '/v2/tickets/used-diagnostic-equipment';
const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const other = 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11';
const row = (id: number, t = ticket) => ({ ticket_id: t, diagnostic_equipment_id: id, name: 'x', version: null });

function exchange(operationId: string, method: string, target: string, status: number, body: unknown, bodyText = JSON.stringify(body), requestBody?: unknown) {
  return {
    label: 'l', auth: 'both' as const, attempts: 1, operationId,
    request: { method, target, headers: {}, ...(requestBody === undefined ? {} : { body: JSON.stringify(requestBody) }) },
    response: { status, headers: { 'content-type': 'application/json' }, bodyText, durationMs: 1 },
  };
}
const list = (target: string, body: unknown, text?: string) => exchange('listUsedDiagnosticEquipment', 'GET', target, 200, body, text);
const found = (e: ReturnType<typeof exchange>) => invariantFindings(e, context).map((f) => `${f.check} ${f.pointer}`);

describe('invariants', () => {
  it('find nothing in consistent answers', () => {
    expect(found(list(`${collection}?limit=2&offset=1`, { query: { limit: 2, offset: 1 }, result: [row(2), row(3)], total: 5 }))).toEqual([]);
    expect(found(list(`${collection}?offset=4`, { query: { limit: 25, offset: 4 }, result: [row(5)], total: 5 }))).toEqual([]);
    expect(found(list(`${collection}?offset=9`, { query: { limit: 25, offset: 9 }, result: [], total: 5 }))).toEqual([]);
    expect(found(exchange('getUsedDiagnosticEquipment', 'GET', `${collection}/${ticket.toUpperCase()}/12`, 200, row(12)))).toEqual([]);
  });

  it('record_identity: another record than the path or the POST body named', () => {
    expect(found(exchange('getUsedDiagnosticEquipment', 'GET', `${collection}/${ticket}/12`, 200, row(13)))).toEqual(['record_identity /diagnostic_equipment_id']);
    expect(found(exchange('getUsedDiagnosticEquipment', 'GET', `${collection}/${ticket}/12`, 200, row(12, other)))).toEqual(['record_identity /ticket_id']);
    expect(found(exchange('addUsedDiagnosticEquipment', 'POST', collection, 201, row(13), undefined, { ticket_id: ticket, diagnostic_equipment_id: 12 }))).toEqual(['record_identity /diagnostic_equipment_id']);
  });

  it('list_arithmetic: rows, total, limit and offset that do not add up, and a foreign row under a filter', () => {
    expect(found(list(`${collection}?limit=2`, { query: { limit: 2, offset: 0 }, result: [row(1)], total: 5 }))).toEqual(['list_arithmetic /result']);
    expect(found(list(collection, { query: { limit: 25, offset: 0 }, result: [row(1), row(2)], total: 3 }))).toEqual(['list_arithmetic /result']);
    expect(found(list(`${collection}?ticket_id=${ticket}`, { query: { limit: 25, offset: 0, ticket_id: ticket }, result: [row(1), row(2, other)], total: 2 }))).toEqual(['list_arithmetic /result/1/ticket_id']);
  });

  it('query_echo: an applied value not echoed, defaults included, int64 digit for digit', () => {
    expect(found(list(collection, { query: { limit: 10, offset: 0 }, result: [], total: 0 }))).toEqual(['query_echo /query/limit']);
    expect(found(list(`${collection}?ticket_id=${ticket}`, { query: { limit: 25, offset: 0 }, result: [], total: 0 }))).toEqual(['query_echo /query/ticket_id']);
    const max = '9223372036854775807';
    const exact = `{"query":{"limit":25,"offset":${max}},"result":[],"total":0}`;
    expect(found(list(`${collection}?offset=${max}`, JSON.parse(exact), exact))).toEqual([]);
    const rounded = `{"query":{"limit":25,"offset":9223372036854775808},"result":[],"total":0}`;
    expect(invariantFindings(list(`${collection}?offset=${max}`, JSON.parse(rounded), rounded), context)).toMatchObject([
      { check: 'query_echo', pointer: '/query/offset', expected: max, actual: { value: '9223372036854775808' }, message: expect.stringMatching(/digit for digit/) as string },
    ]);
  });

  it('leave answers to invalid requests to the input checks', () => {
    expect(found(list(`${collection}?limit=ten`, { query: { limit: 25, offset: 0 }, result: [row(1)], total: 9 }))).toEqual([]);
  });
});
