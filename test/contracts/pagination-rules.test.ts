// Each pagination rule pinned on its own: from a set of answers a correct deployment would give, one
// answer is bent so that exactly one rule can see it, and that rule's finding is asserted whole (check,
// pointer, expected, actual, message). Mutation testing showed that switching any single rule off went
// unnoticed while other detectors caught the same drift.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { paginationCheck } from '../../contracts/checks/pagination.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import { compiledSpec } from '../../src/spec/index.js';

const spec = compiledSpec();
const values = specValues(spec);
const context: CheckContext = { spec, fixtures: { equipment: [], probeRemoveRule: false, ticket: 'aaaaaaaa-0000-4000-8000-000000000001' }, readOnly: true, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
const ticketA = 'aaaaaaaa-0000-4000-8000-000000000001';
const ticketB = 'bbbbbbbb-0000-4000-8000-000000000002';
// 40 rows, alternating tickets: more than the default page and than the walk's three pages of 7.
const rows = Array.from({ length: 40 }, (_, i) => ({ ticket_id: i % 2 === 0 ? ticketA : ticketB, diagnostic_equipment_id: i + 1, name: `Tool ${i + 1}`, version: null }));
type Body = { query: Record<string, unknown>; result: typeof rows; total: number };

function exchange(label: string, target: string, body: unknown, status = 200): LabelledExchange {
  return {
    label,
    auth: 'both',
    attempts: 1,
    operationId: 'listUsedDiagnosticEquipment',
    request: { method: 'GET', target, headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body), durationMs: 1 },
  };
}

/** What a correct deployment answers to the check's probes, each answer open to one bend. */
function answers(bend: (label: string, body: Body) => Body = (_label, body) => body): LabelledExchange[] {
  const page = (limit: number, offset: number, list = rows, extra: Record<string, unknown> = {}): Body => ({ query: { limit, offset, ...extra }, result: list.slice(offset, offset + limit), total: list.length });
  const max = values.limit.max!;
  const made: Array<[string, string, Body]> = [
    ['defaults', values.collection, page(values.limit.default!, values.offset.default!)],
    ['big', `${values.collection}?limit=${max}&offset=0`, page(max, 0)],
    ...[0, 1, 2].map((p): [string, string, Body] => [`page-${p}`, `${values.collection}?limit=7&offset=${p * 7}`, page(7, p * 7)]),
    ['limit-zero', `${values.collection}?limit=0`, page(0, 0)],
    ['past-end', `${values.collection}?offset=${rows.length}`, page(values.limit.default!, rows.length)],
    ['filter', `${values.collection}?ticket_id=${ticketA}&limit=${max}`, page(max, 0, rows.filter((r) => r.ticket_id === ticketA), { ticket_id: ticketA })],
  ];
  return made.map(([label, target, body]) => exchange(label, target, bend(label, structuredClone(body))));
}

const findingsOf = (exchanges: LabelledExchange[]) =>
  paginationCheck.evaluate(exchanges, context).map((f) => ({ check: f.check, pointer: f.pointer, expected: f.expected, actual: f.actual.value, message: f.message, target: f.request.target }));

describe('pagination rules, one at a time', () => {
  it('finds nothing in a correct deployment’s answers', () => {
    expect(findingsOf(answers())).toEqual([]);
  });

  const cases: Array<{ rule: string; bend: (label: string, body: Body) => Body; finding: Record<string, unknown> }> = [
    {
      rule: 'the default limit is applied and echoed',
      bend: (label, body) => (label === 'defaults' ? { ...body, query: { ...body.query, limit: 30 } } : body),
      finding: { check: 'pagination_defaults', pointer: '/query/limit', expected: values.limit.default, actual: 30, message: 'the default limit is not applied and echoed' },
    },
    {
      rule: 'the default offset is applied and echoed',
      bend: (label, body) => (label === 'defaults' ? { ...body, query: { ...body.query, offset: 1 } } : body),
      finding: { check: 'pagination_defaults', pointer: '/query/offset', expected: values.offset.default, actual: 1, message: 'the default offset is not applied and echoed' },
    },
    {
      rule: 'the default page is full when total says more rows exist',
      bend: (label, body) => (label === 'defaults' ? { ...body, result: body.result.slice(0, 3) } : body),
      finding: { check: 'pagination_defaults', pointer: '/result', expected: values.limit.default, actual: 3, message: 'the default page is not full although total says more rows exist' },
    },
    {
      rule: 'a page echoes its limit',
      bend: (label, body) => (label === 'page-1' ? { ...body, query: { ...body.query, limit: 8 } } : body),
      finding: { check: 'pagination_limit_offset', pointer: '/query/limit', expected: 7, actual: 8, message: 'the applied limit is not echoed' },
    },
    {
      rule: 'a page echoes its offset',
      bend: (label, body) => (label === 'page-2' ? { ...body, query: { ...body.query, offset: 13 } } : body),
      finding: { check: 'pagination_limit_offset', pointer: '/query/offset', expected: 14, actual: 13, message: 'the applied offset is not echoed' },
    },
    {
      rule: 'a walk of small pages equals one big page',
      bend: (label, body) => (label === 'page-1' ? { ...body, result: [body.result[1]!, body.result[0]!, ...body.result.slice(2)] } : body),
      finding: { check: 'pagination_limit_offset', pointer: '/result', message: 'the page at offset 7 is not rows 7..13 of the whole list' },
    },
    {
      rule: 'total is the same on every page',
      bend: (label, body) => (label === 'page-0' ? { ...body, total: 41 } : body),
      finding: { check: 'pagination_limit_offset', pointer: '/total', expected: 40, actual: 41, message: 'total differs between pages of the same list' },
    },
    {
      rule: 'limit=0 returns no rows',
      bend: (label, body) => (label === 'limit-zero' ? { ...body, result: rows.slice(0, 2) } : body),
      finding: { check: 'pagination_limit_zero', pointer: '/result', expected: 0, actual: 2, message: 'limit=0 returned rows' },
    },
    {
      rule: 'limit=0 still gives the total',
      bend: (label, body) => (label === 'limit-zero' ? { ...body, total: 0 } : body),
      finding: { check: 'pagination_limit_zero', pointer: '/total', expected: 40, actual: 0, message: 'limit=0 does not give the total' },
    },
    {
      rule: 'an offset at the end gives no rows',
      bend: (label, body) => (label === 'past-end' ? { ...body, result: rows.slice(-1) } : body),
      finding: { check: 'pagination_past_end', pointer: '/result', expected: 0, actual: 1, message: 'an offset at the end returned rows' },
    },
    {
      rule: 'the filtered list holds only the ticket’s rows',
      bend: (label, body) => (label === 'filter' ? { ...body, result: [...body.result.slice(0, -1), rows[1]!] } : body),
      finding: { check: 'ticket_filter', pointer: '/result', expected: `only rows of ticket ${ticketA}`, actual: 1, message: '1 rows of other tickets in the filtered list' },
    },
    {
      rule: 'the filter is echoed',
      bend: (label, body) => (label === 'filter' ? { ...body, query: { ...body.query, ticket_id: ticketB } } : body),
      finding: { check: 'ticket_filter', pointer: '/query/ticket_id', expected: ticketA, actual: ticketB, message: 'the applied ticket_id is not echoed in query' },
    },
    {
      rule: 'the filtered total counts that ticket’s rows',
      bend: (label, body) => (label === 'filter' ? { ...body, total: 21 } : body),
      finding: { check: 'ticket_filter', pointer: '/total', expected: 20, actual: 21, message: 'the filtered total differs from the rows of that ticket in the whole list' },
    },
  ];

  for (const { rule, bend, finding } of cases) {
    it(`${rule}: only that rule speaks`, () => {
      const found = findingsOf(answers(bend));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject(finding);
    });
  }

  it('says when a probe did not get a 200 JSON object, for each probe', () => {
    const broken = (label: string) =>
      answers().map((e) => (e.label === label ? { ...e, response: { ...e.response!, status: 500, bodyText: 'oops' } } : e));
    expect(findingsOf(broken('defaults'))).toContainEqual(expect.objectContaining({ check: 'pagination_defaults', expected: 200, actual: 500, pointer: '' }));
    expect(findingsOf(broken('limit-zero'))).toEqual([expect.objectContaining({ check: 'pagination_limit_zero', expected: 200, actual: 500, message: 'limit=0 is valid but was not answered with 200' })]);
    expect(findingsOf(broken('past-end'))).toEqual([expect.objectContaining({ check: 'pagination_past_end', expected: 200, actual: 500, message: 'an offset at the end is valid but was not answered with 200' })]);
    expect(findingsOf(broken('filter'))).toEqual([expect.objectContaining({ check: 'ticket_filter', expected: 200, actual: 500, message: 'the filtered list did not answer 200' })]);
  });

  // A deployment may answer 200 with an object that lacks the list's members: each probe's answer is
  // emptied in turn, and what the check says is pinned; a crash here would lose the run's report.
  it.each(['defaults', 'big', 'page-1', 'limit-zero', 'past-end', 'filter'])('says what an empty object answered to %s lacks, without failing', (label) => {
    const emptied = answers().map((e) => (e.label === label ? { ...e, response: { ...e.response!, bodyText: '{}' } } : e));
    expect(findingsOf(emptied).map((f) => [f.check, f.pointer, f.expected, f.actual, f.message])).toMatchSnapshot();
  });

  it('checks the default page against its limit even when total is missing, and only against it', () => {
    const noTotal = (count: number) => answers((label, body) => (label === 'defaults' ? { query: body.query, result: rows.slice(0, count) } as unknown as Body : body));
    const defaultsFindings = (count: number) => findingsOf(noTotal(count)).filter((f) => f.check === 'pagination_defaults');
    expect(defaultsFindings(values.limit.default!)).toEqual([]);
    expect(defaultsFindings(values.limit.default! + 1)).toEqual([
      expect.objectContaining({ pointer: '/result', expected: `at most ${values.limit.default} rows`, actual: values.limit.default! + 1, message: 'the default page holds more rows than the default limit' }),
    ]);
  });

  it('compares pages with the big page only when it answered, and each page only when it answered', () => {
    const broken = (label: string) => answers().map((e) => (e.label === label ? { ...e, response: { ...e.response!, status: 500, bodyText: 'oops' } } : e));
    expect(findingsOf(broken('big'))).toEqual([]);
    expect(findingsOf(broken('page-1'))).toEqual([]);
  });

  it('counts the filtered total against the big page only when that page holds the whole list', () => {
    // The whole list is longer than the big page: it cannot say how many rows the ticket has.
    const longer = answers((label, body) => (label === 'big' ? { ...body, total: body.total + 1 } : label === 'filter' ? { ...body, total: body.total + 5 } : body));
    expect(findingsOf(longer).filter((f) => f.check === 'ticket_filter')).toEqual([]);
  });
});
