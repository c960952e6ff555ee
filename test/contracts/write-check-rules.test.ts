// The write checks pinned one rule at a time: from the answers a correct deployment gives to the
// lifecycle and to the 'In Progress' rule's probes, one answer is bent so that exactly one rule can see
// it, and that rule's finding is asserted whole (check, request, expected, actual, message).
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { inProgressAddCheck, inProgressRemoveCheck, lifecycleCheck } from '../../contracts/checks/write-checks.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import { compiledSpec } from '../../src/spec/index.js';

const spec = compiledSpec();
const values = specValues(spec);
const ticket = 'aaaaaaaa-0000-4000-8000-000000000001';
const closed = 'cccccccc-0000-4000-8000-000000000003';
const context: CheckContext = { spec, fixtures: { ticket, closedTicket: closed, equipment: [7], probeRemoveRule: true }, readOnly: false, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };

type Answer = { status: number; body?: unknown; problem?: boolean } | undefined;
const row = (ticketId: string, id: number) => ({ ticket_id: ticketId, diagnostic_equipment_id: id, name: `Tool ${id}`, version: null });
const page = (ticketId: string, ids: number[]) => ({ status: 200, body: { query: { ticket_id: ticketId, limit: values.limit.max, offset: 0 }, result: ids.map((id) => row(ticketId, id)), total: ids.length } });
const problem = (status: number) => ({ status, problem: true, body: { type: 'about:blank', title: 'refused', status } });

function exchange(label: string, method: string, target: string, answer: Answer, json?: unknown): LabelledExchange {
  return {
    label,
    auth: 'both',
    attempts: 1,
    request: { method, target, headers: {}, ...(json === undefined ? {} : { body: JSON.stringify(json) }) },
    ...(answer === undefined
      ? { error: { kind: 'timeout' as const, message: 'no answer within 100 ms' } }
      : { response: { status: answer.status, headers: { 'content-type': answer.problem === true ? 'application/problem+json' : 'application/json' }, bodyText: answer.body === undefined ? '' : JSON.stringify(answer.body), durationMs: 1 } }),
  };
}

const list = (ticketId: string) => `${values.collection}?ticket_id=${ticketId}&limit=${values.limit.max}`;
const added = { ticket_id: ticket, diagnostic_equipment_id: 7 };

/** The lifecycle as a correct deployment answers it (records 1 and 2 already on the ticket), each answer open to one bend. */
function lifecycle(bend: Partial<Record<string, Answer>> = {}): LabelledExchange[] {
  const made: Array<[string, string, string, Answer, unknown?]> = [
    ['list before add', 'GET', list(ticket), page(ticket, [1, 2])],
    ['add', 'POST', values.collection, { status: 201, body: row(ticket, 7) }, added],
    ['get after add', 'GET', values.oneTarget(ticket, 7), { status: 200, body: row(ticket, 7) }],
    ['list after add', 'GET', list(ticket), page(ticket, [1, 2, 7])],
    ['add again', 'POST', values.collection, problem(409), added],
    ['list after add again', 'GET', list(ticket), page(ticket, [1, 2, 7])],
    ['remove', 'DELETE', values.oneTarget(ticket, 7), { status: 204 }],
    ['get after remove', 'GET', values.oneTarget(ticket, 7), problem(404)],
    ['list after remove', 'GET', list(ticket), page(ticket, [1, 2])],
  ];
  return made.map(([label, method, target, answer, json]) => exchange(label, method, target, label in bend ? bend[label] : answer, json));
}

const findingsOf = (check: typeof lifecycleCheck, exchanges: LabelledExchange[]) =>
  check.evaluate(exchanges, context).map((f) => ({ check: f.check, request: `${f.request.method} ${f.request.target}`, expected: f.expected, actual: f.actual.value, message: f.message }));

describe('the lifecycle rules, one at a time', () => {
  it('finds nothing in a correct deployment’s answers', () => {
    expect(findingsOf(lifecycleCheck, lifecycle())).toEqual([]);
  });

  const one = values.oneTarget(ticket, 7);
  const cases: Array<{ rule: string; bend: Partial<Record<string, Answer>>; findings: Array<Record<string, unknown>> }> = [
    {
      rule: 'a valid add is refused',
      // The list after a refused add is read as before, so only the refusal is seen.
      bend: { add: problem(422), 'list after add': page(ticket, [1, 2]) },
      findings: [{ check: 'ensure_resource_availability', request: `POST ${values.collection}`, expected: '2xx: the record is created', actual: 422, message: 'a valid add on an In Progress ticket was refused' }],
    },
    {
      rule: 'the created record carries other identifiers',
      bend: { add: { status: 201, body: row(ticket, 8) } },
      findings: [{ check: 'ensure_resource_availability', request: `POST ${values.collection}`, expected: added, actual: row(ticket, 8), message: 'the created record does not carry the identifiers that were sent' }],
    },
    {
      rule: 'the created record carries another ticket',
      bend: { add: { status: 201, body: row(closed, 7) } },
      findings: [{ check: 'ensure_resource_availability', request: `POST ${values.collection}`, expected: added, actual: row(closed, 7), message: 'the created record does not carry the identifiers that were sent' }],
    },
    {
      rule: 'the created record cannot be read back',
      bend: { 'get after add': problem(404) },
      findings: [{ check: 'ensure_resource_availability', request: `GET ${one}`, expected: 200, actual: 404, message: 'the record just created cannot be read back' }],
    },
    {
      rule: 'the created record is in the list twice',
      bend: { 'list after add': page(ticket, [1, 2, 7, 7]) },
      findings: [{ check: 'ensure_resource_availability', request: `GET ${list(ticket)}`, expected: 1, actual: 2, message: 'the record just created is not in the list exactly once' }],
    },
    {
      rule: 'the second add is accepted',
      bend: { 'add again': { status: 201, body: row(ticket, 7) } },
      findings: [{ check: 'duplicate_add_refused', request: `POST ${values.collection}`, expected: '4xx application/problem+json', actual: 201, message: 'adding the same equipment to the same ticket twice was not refused' }],
    },
    {
      rule: 'the second add is refused, but as plain JSON',
      bend: { 'add again': { status: 409, body: { error: 'duplicate' } } },
      findings: [{ check: 'duplicate_add_refused', request: `POST ${values.collection}`, expected: '4xx application/problem+json', actual: 409, message: 'adding the same equipment to the same ticket twice was not refused' }],
    },
    {
      rule: 'the second add is refused with a 5xx problem',
      bend: { 'add again': problem(500) },
      findings: [{ check: 'duplicate_add_refused', request: `POST ${values.collection}`, expected: '4xx application/problem+json', actual: 500, message: 'adding the same equipment to the same ticket twice was not refused' }],
    },
    {
      rule: 'a refused second add removes another record',
      bend: { 'list after add again': page(ticket, [2, 7]) },
      findings: [
        { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after the refused second add: 3 rows", actual: `went: ${ticket}/1`, message: `a write changed more on the ticket than its own record (went: ${ticket}/1)` },
      ],
    },
    {
      rule: 'the add also adds two other records',
      bend: { 'list after add': page(ticket, [1, 2, 7, 8, 9]) },
      findings: [
        { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after the add: 3 rows", actual: `appeared: ${ticket}/8, ${ticket}/9`, message: `a write changed more on the ticket than its own record (appeared: ${ticket}/8, ${ticket}/9)` },
      ],
    },
    {
      rule: 'the remove takes two other records with it',
      bend: { 'list after remove': page(ticket, []) },
      findings: [
        { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after the remove: 2 rows", actual: `went: ${ticket}/1, ${ticket}/2`, message: `a write changed more on the ticket than its own record (went: ${ticket}/1, ${ticket}/2)` },
      ],
    },
    {
      rule: 'the add also adds another record',
      bend: { 'list after add': page(ticket, [1, 2, 7, 9]) },
      findings: [
        { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after the add: 3 rows", actual: `appeared: ${ticket}/9`, message: `a write changed more on the ticket than its own record (appeared: ${ticket}/9)` },
      ],
    },
    {
      rule: 'the remove takes another record with it, and appears and goes in one answer',
      bend: { 'list after remove': page(ticket, [2, 5]) },
      findings: [
        {
          check: 'write_locality',
          request: `GET ${list(ticket)}`,
          expected: "the ticket's records after the remove: 2 rows",
          actual: `appeared: ${ticket}/5; went: ${ticket}/1`,
          message: `a write changed more on the ticket than its own record (appeared: ${ticket}/5; went: ${ticket}/1)`,
        },
      ],
    },
    {
      rule: 'the list after a write cannot be read',
      bend: { 'list after add again': problem(503) },
      findings: [{ check: 'write_locality', request: `GET ${list(ticket)}`, expected: 200, actual: 503, message: "the ticket's records could not be read after the refused second add, so what the write changed is unknown" }],
    },
    {
      rule: 'the refused second add takes the record out of the list',
      bend: { 'list after add again': page(ticket, [1, 2]) },
      findings: [
        { check: 'duplicate_add_refused', request: `GET ${list(ticket)}`, expected: 1, actual: 0, message: 'the refused second add took the record out of the list' },
        { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after the refused second add: 3 rows", actual: `went: ${ticket}/7`, message: `a write changed more on the ticket than its own record (went: ${ticket}/7)` },
      ],
    },
    {
      rule: 'the second add is refused but the record is listed twice',
      bend: { 'list after add again': page(ticket, [1, 2, 7, 7]) },
      findings: [{ check: 'duplicate_add_refused', request: `GET ${list(ticket)}`, expected: 1, actual: 2, message: 'the list holds the record more than once' }],
    },
    {
      rule: 'the list before the writes cannot be read',
      bend: { 'list before add': undefined },
      findings: [{ check: 'write_locality', request: `GET ${list(ticket)}`, expected: 200, actual: 'no answer: no answer within 100 ms', message: "the ticket's records could not be read before the writes, so what they changed is unknown" }],
    },
    {
      rule: 'the created record cannot be removed',
      // The list after it still holds the record, as a refused remove leaves it.
      bend: { remove: problem(409), 'get after remove': { status: 200, body: row(ticket, 7) }, 'list after remove': page(ticket, [1, 2, 7]) },
      findings: [{ check: 'use_after_free', request: `DELETE ${one}`, expected: '2xx', actual: 409, message: 'the record the suite created could not be removed' }],
    },
    {
      rule: 'a removed record can still be read',
      bend: { 'get after remove': { status: 200, body: row(ticket, 7) } },
      findings: [{ check: 'use_after_free', request: `GET ${one}`, expected: 404, actual: 200, message: 'a removed record can still be read' }],
    },
    {
      rule: 'a removed record is still in the list',
      bend: { 'list after remove': page(ticket, [1, 2, 7]) },
      findings: [
        { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after the remove: 2 rows", actual: `appeared: ${ticket}/7`, message: `a write changed more on the ticket than its own record (appeared: ${ticket}/7)` },
        { check: 'use_after_free', request: `GET ${list(ticket)}`, expected: 0, actual: 1, message: 'a removed record is still in the list' },
      ],
    },
  ];

  it.each(cases)('$rule', ({ bend, findings }) => {
    expect(findingsOf(lifecycleCheck, lifecycle(bend))).toEqual(findings);
  });

  it('reads a refused add’s list against the list before, and finds a record the refusal added', () => {
    const exchanges = lifecycle({ add: problem(422), 'list after add': page(ticket, [1, 2, 7]) });
    expect(findingsOf(lifecycleCheck, exchanges)).toEqual([
      { check: 'ensure_resource_availability', request: `POST ${values.collection}`, expected: '2xx: the record is created', actual: 422, message: 'a valid add on an In Progress ticket was refused' },
      { check: 'write_locality', request: `GET ${list(ticket)}`, expected: "the ticket's records after a refused add: 2 rows", actual: `appeared: ${ticket}/7`, message: `a write changed more on the ticket than its own record (appeared: ${ticket}/7)` },
    ]);
  });

  it('reads no rows from a list answered with another status than 200, whatever its body holds', () => {
    const exchanges = lifecycle({ 'list after add again': { ...page(ticket, [1, 2, 7]), status: 500 } });
    expect(findingsOf(lifecycleCheck, exchanges)).toEqual([
      { check: 'write_locality', request: `GET ${list(ticket)}`, expected: 200, actual: 500, message: "the ticket's records could not be read after the refused second add, so what the write changed is unknown" },
    ]);
  });

  it('finds a created record answered without a body, and a list answered with text, without failing', () => {
    expect(findingsOf(lifecycleCheck, lifecycle({ add: { status: 201 } }))).toEqual([
      { check: 'ensure_resource_availability', request: `POST ${values.collection}`, expected: added, actual: undefined, message: 'the created record does not carry the identifiers that were sent' },
    ]);
    const text = lifecycle().map((e) => (e.label === 'list after remove' ? { ...e, response: { ...e.response!, headers: { 'content-type': 'text/plain' }, bodyText: 'oops' } } : e));
    expect(findingsOf(lifecycleCheck, text)).toEqual([
      { check: 'write_locality', request: `GET ${list(ticket)}`, expected: 200, actual: 200, message: "the ticket's records could not be read after the remove, so what the write changed is unknown" },
    ]);
  });

  it('judges what was sent when a run was cut short before the last list', () => {
    expect(findingsOf(lifecycleCheck, lifecycle().filter((e) => e.label !== 'list after remove'))).toEqual([]);
  });

  it('says nothing when the add was never sent', () => {
    expect(findingsOf(lifecycleCheck, lifecycle().filter((e) => e.label !== 'add'))).toEqual([]);
  });
});

describe("the 'In Progress' rule, one way of breaking it at a time", () => {
  const closedList = list(closed);
  const addRule = (add: Answer, after: Answer = page(closed, [3])) => [
    exchange('closed list before', 'GET', closedList, page(closed, [3])),
    exchange('add to closed', 'POST', values.collection, add, { ticket_id: closed, diagnostic_equipment_id: 7 }),
    exchange('closed list after', 'GET', closedList, after),
  ];
  const expected = "a 4xx application/problem+json refusal: changes are only allowed on an 'In Progress' ticket";

  it('takes any 4xx problem, whatever the status', () => {
    for (const status of [400, 403, 409, 422]) expect(findingsOf(inProgressAddCheck, addRule(problem(status)))).toEqual([]);
  });

  it.each([
    ['accepted', { status: 201, body: row(closed, 7) }, 201, 'an add on a ticket that is not In Progress was not refused: --closed-ticket may be In Progress after all (then give one that is not), or the deployment ignores the rule'],
    ['refused as plain JSON', { status: 409, body: { error: 'closed' } }, 409, 'an add was refused, but not as application/problem+json'],
    ['answered with a 5xx problem', problem(500), 500, 'an add on a ticket that is not In Progress was not refused: --closed-ticket may be In Progress after all (then give one that is not), or the deployment ignores the rule'],
    ['not answered', undefined, 'no answer: no answer within 100 ms', 'an add on a ticket that is not In Progress was not refused: --closed-ticket may be In Progress after all (then give one that is not), or the deployment ignores the rule'],
  ])('finds an add %s', (_name, add, actual, message) => {
    expect(findingsOf(inProgressAddCheck, addRule(add))).toEqual([{ check: 'in_progress_rule_add', request: `POST ${values.collection}`, expected, actual, message }]);
  });

  it('finds a refused add that changed the closed ticket’s records, in any order', () => {
    expect(findingsOf(inProgressAddCheck, addRule(problem(409), page(closed, [3, 7])))).toEqual([
      { check: 'in_progress_rule_add', request: `GET ${closedList}`, expected: [`${closed}/3`], actual: [`${closed}/3`, `${closed}/7`], message: "the closed ticket's records changed although the change was refused" },
    ]);
    const two = [exchange('closed list before', 'GET', closedList, page(closed, [3, 4])), exchange('add to closed', 'POST', values.collection, problem(409), { ticket_id: closed, diagnostic_equipment_id: 7 }), exchange('closed list after', 'GET', closedList, page(closed, [4, 3]))];
    expect(findingsOf(inProgressAddCheck, two)).toEqual([]);
  });

  const removeRule = (remove: Answer, extra: LabelledExchange[] = [], after = page(closed, [3])) => [
    exchange('closed list before', 'GET', closedList, page(closed, [3])),
    exchange('remove from closed', 'DELETE', values.oneTarget(closed, 3), remove),
    ...extra,
    exchange('closed list after', 'GET', closedList, after),
  ];

  it('compares the closed ticket’s records only when both lists were read', () => {
    const unreadBefore = addRule(problem(409), page(closed, [3, 7])).map((e) => (e.label === 'closed list before' ? { ...e, response: { ...e.response!, status: 503 } } : e));
    expect(findingsOf(inProgressAddCheck, unreadBefore)).toEqual([]);
    expect(findingsOf(inProgressAddCheck, addRule(problem(409), problem(503)))).toEqual([]);
  });

  it('takes a refused remove that changed nothing', () => {
    expect(findingsOf(inProgressRemoveCheck, removeRule(problem(409)))).toEqual([]);
  });

  it('finds a remove that went through, and says whether the suite could put the record back', () => {
    const restored = exchange('restore wrongly removed', 'POST', values.collection, { status: 201, body: row(closed, 3) }, { ticket_id: closed, diagnostic_equipment_id: 3 });
    const refusal = { check: 'in_progress_rule_remove', request: `DELETE ${values.oneTarget(closed, 3)}`, expected, actual: 204, message: 'a remove on a ticket that is not In Progress was not refused: --closed-ticket may be In Progress after all (then give one that is not), or the deployment ignores the rule' };
    expect(findingsOf(inProgressRemoveCheck, removeRule({ status: 204 }, [restored]))).toEqual([
      refusal,
      { check: 'in_progress_rule_remove', request: `POST ${values.collection}`, expected: 'the record untouched', actual: 'removed, then restored by the suite', message: 'the deployment removed a record from a closed ticket; the suite added it back' },
    ]);
    const failed = exchange('restore wrongly removed', 'POST', values.collection, problem(409), { ticket_id: closed, diagnostic_equipment_id: 3 });
    expect(findingsOf(inProgressRemoveCheck, removeRule({ status: 204 }, [failed], page(closed, [])))).toEqual([
      refusal,
      { check: 'in_progress_rule_remove', request: `POST ${values.collection}`, expected: 'the record untouched', actual: 'removed; restoring it failed (409)', message: 'the deployment removed a record from a closed ticket and it could not be restored: add it back by hand' },
    ]);
  });

  it('finds a remove refused as plain JSON, and a refused remove that took the record anyway', () => {
    expect(findingsOf(inProgressRemoveCheck, removeRule({ status: 409, body: {} }))).toEqual([
      { check: 'in_progress_rule_remove', request: `DELETE ${values.oneTarget(closed, 3)}`, expected, actual: 409, message: 'a remove was refused, but not as application/problem+json' },
    ]);
    expect(findingsOf(inProgressRemoveCheck, removeRule(problem(409), [], page(closed, [])))).toEqual([
      { check: 'in_progress_rule_remove', request: `GET ${closedList}`, expected: [`${closed}/3`], actual: [], message: "the closed ticket's records changed although the change was refused" },
    ]);
  });
});

describe('when the write checks cannot run', () => {
  it('names the missing fixture, or --read-only', () => {
    const reason = (check: typeof lifecycleCheck, change: { readOnly?: boolean; fixtures?: Partial<CheckContext['fixtures']> }) =>
      check.notRunReason!({ ...context, readOnly: change.readOnly ?? context.readOnly, fixtures: { ...context.fixtures, ...change.fixtures } });
    expect(reason(lifecycleCheck, {})).toBeUndefined();
    expect(reason(lifecycleCheck, { readOnly: true })).toBe('--read-only: no writes');
    expect(reason(lifecycleCheck, { fixtures: { ticket: undefined } })).toBe('needs --ticket (an In Progress ticket the suite may write on)');
    expect(reason(lifecycleCheck, { fixtures: { equipment: [] } })).toBe('needs --equipment (a catalogue id the suite may add)');
    expect(reason(inProgressAddCheck, { fixtures: { closedTicket: undefined } })).toBe('needs --closed-ticket (a ticket that is not In Progress)');
    expect(reason(inProgressAddCheck, { fixtures: { ticket: undefined } })).toBeUndefined();
    expect(reason(inProgressRemoveCheck, {})).toBeUndefined();
    expect(reason(inProgressRemoveCheck, { fixtures: { probeRemoveRule: false } })).toMatch(/^needs --probe-remove-rule: /);
    expect(reason(inProgressRemoveCheck, { readOnly: true })).toBe('--read-only: no writes');
  });
});
