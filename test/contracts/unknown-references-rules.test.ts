// unknown_ticket and unknown_equipment rule by rule: a reference that names nothing is never answered
// with a record, never written to. Each answer that breaks it is given by a bent mock (in this process)
// or by hand, and the finding it gives asserted whole; what the probes send, and what they leave, too.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { unknownEquipmentCheck, unknownTicketCheck } from '../../contracts/checks/unknown-references.js';
import { freshUuid } from '../../contracts/fresh-uuid.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import type { Mock } from '../../mocks/core/mock.js';
import type { MockResponse } from '../../mocks/core/exchange.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { isList, problem, wrap } from './mutant-kit.js';
import { baseUrl, context, mockWith, probeAndEvaluate, spec, summary } from './in-process-probe.js';
import { runContract } from '../../contracts/runner.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { selfTestOptions } from './contract-fixtures.js';

const values = specValues(spec);
const unknown = freshUuid(context.generation.seed, 1);
const unknownId = context.fixtures.unknownEquipment!;
const hint = ` (if ${unknownId} is in the deployment's catalogue after all, give --unknown-equipment an id that is not)`;
const json = (status: number, body: unknown): MockResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const record = (ticket: string, id: number) => ({ ticket_id: ticket, diagnostic_equipment_id: id, name: 'Tool', version: null });
/** A deployment answering `answer` to the requests of one method that name `what` in their path (or body). */
const answering = (method: string, what: string | number, answer: MockResponse) => (mock: Mock) =>
  wrap(mock, (request, next) => {
    const body = request.body === undefined ? '' : new TextDecoder().decode(request.body);
    return request.method === method && !isList(request) && (request.path.includes(`/${what}`) || body.includes(String(what))) ? answer : next(request);
  });
const labelsOf = (exchanges: LabelledExchange[]) => exchanges.map((e) => `${e.label} ${e.request.method}`);

describe('unknown_ticket', () => {
  const run = (deployment: (mock: Mock) => Mock = (mock) => mock, mock = mockWith(), changes: Partial<CheckContext> = {}) => probeAndEvaluate(unknownTicketCheck, mock, deployment(mock), changes);

  it('finds nothing on the kit’s mock: no rows, no record, nothing removed or added', async () => {
    const { findings, exchanges, outstanding, appeared, went } = await run();
    expect(summary(findings)).toEqual([]);
    expect(labelsOf(exchanges)).toEqual(["unknown ticket: the ticket's list GET", 'unknown ticket: get one GET', 'unknown ticket: remove DELETE', 'unknown ticket: add POST']);
    // A known catalogue id (the first --equipment id), so that a refusal can only be for the ticket.
    expect(exchanges[1]!.request.target).toBe(values.oneTarget(unknown, context.fixtures.equipment[0]!));
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
  });

  it('a deployment that takes the write: the add and the list that then holds it are findings, and the record is removed again', async () => {
    // The "unknown" ticket exists after all: the add takes, the list shows it.
    const mock = mockWith((state) => void state.tickets.push({ id: unknown, status: 'In Progress' }));
    const { findings, exchanges, outstanding, appeared, went } = await run(undefined, mock);
    expect(labelsOf(exchanges).slice(4)).toEqual(["unknown ticket: the ticket's list GET", 'unknown ticket: undo DELETE', 'unknown ticket: undone? GET']);
    expect(summary(findings)).toEqual([
      {
        check: 'unknown_ticket',
        severity: 'error',
        pointer: '/result',
        expected: `no rows of ticket ${unknown}`,
        actual: [expect.objectContaining({ ticket_id: unknown, diagnostic_equipment_id: 40 })],
        message: `the list holds rows of ticket ${unknown}, which does not exist`,
        target: `${values.collection}?ticket_id=${unknown}&limit=${values.limit.max}`,
        occurrences: 1,
      },
      {
        check: 'unknown_ticket',
        severity: 'error',
        pointer: '',
        expected: 'a 4xx refusal',
        actual: 201,
        message: `a write naming ticket ${unknown}, which does not exist, was accepted (201): it created a record`,
        target: values.collection,
        occurrences: 1,
      },
    ]);
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
  });

  it('GET one answered with a record, DELETE with success, an add that fails with a 5xx: each a finding', async () => {
    // The record GET one answered carries a total: it is not the ticket's list, and is not read as one.
    const bent = (mock: Mock) => answering('GET', unknown, json(200, { ...record(unknown, 40), total: 1 }))(answering('DELETE', unknown, { status: 204, headers: {} })(answering('POST', unknown, problem(503))(mock)));
    const { findings } = await run(bent);
    expect(summary(findings).map((f) => [f.expected, f.actual, f.message, f.target])).toEqual([
      ['a 4xx refusal (404)', 200, `GET one answered a record of ticket ${unknown}, which does not exist`, values.oneTarget(unknown, 40)],
      ['a 4xx refusal (404)', 204, `DELETE answered success for a record of ticket ${unknown}, which does not exist`, values.oneTarget(unknown, 40)],
      ['a 4xx refusal', 503, `a write naming ticket ${unknown}, which does not exist, failed (503) instead of being refused`, values.collection],
    ]);
  });

  it('takes any 4xx as a refusal, and any answer below 400 as a write accepted', async () => {
    expect(summary((await run(answering('POST', unknown, problem(422)))).findings)).toEqual([]);
    expect(summary((await run(answering('POST', unknown, problem(400)))).findings)).toEqual([]);
    expect(summary((await run(answering('POST', unknown, problem(499)))).findings)).toEqual([]);
    expect(summary((await run(answering('POST', unknown, { status: 303, headers: { location: '/' } }))).findings).map((f) => f.message)).toEqual([
      `a write naming ticket ${unknown}, which does not exist, was accepted (303): it created a record`,
    ]);
    expect(summary((await run(answering('POST', unknown, problem(500)))).findings).map((f) => f.actual)).toEqual([500]);
    expect(summary((await run(answering('GET', unknown, problem(300)))).findings)).toEqual([]);
    expect(summary((await run(answering('DELETE', unknown, { status: 299, headers: {} }))).findings).map((f) => f.actual)).toEqual([299]);
  });

  it('a list filtered by a ticket that does not exist: any row, or any total, is one of it', async () => {
    const unfiltered = (mock: Mock) => wrap(mock, (request, next) => (isList(request) ? next({ ...request, query: new URLSearchParams({ limit: '4' }) }) : next(request)));
    const [byRows] = summary((await run(unfiltered)).findings);
    const firstRows = mockWith().state().used.slice(0, 3).map((u) => u.ticket_id);
    expect({ pointer: byRows!.pointer, tickets: (byRows!.actual as Array<{ ticket_id: string }>).map((r) => r.ticket_id), message: byRows!.message }).toEqual({ pointer: '/result', tickets: firstRows, message: `the list holds rows of ticket ${unknown}, which does not exist` });
    const counted = (mock: Mock) => wrap(mock, (request, next) => (isList(request) ? json(200, { query: {}, result: [], total: 3 }) : next(request)));
    expect(summary((await run(counted)).findings).map((f) => [f.pointer, f.actual])).toEqual([['/result', 3]]);
    // A total that is not a count says nothing; a list without rows is an empty one; a refused list is none.
    const odd = (body: unknown, status = 200) => (mock: Mock) => wrap(mock, (request, next) => (isList(request) ? json(status, body) : next(request)));
    expect(summary((await run(odd({ query: {}, result: [], total: '3' }))).findings)).toEqual([]);
    expect(summary((await run(odd({ query: {}, total: 0 }))).findings)).toEqual([]);
    expect(summary((await run(odd({ query: {}, result: [record(unknown, 1)], total: 1 }, 400))).findings)).toEqual([]);
    expect(summary((await run((mock) => wrap(mock, (request, next) => (isList(request) ? { status: 200, headers: { 'content-type': 'text/plain' }, body: 'rows' } : next(request))))).findings)).toEqual([]);
  });

  it('reports the list once, from the first reading that holds a row', async () => {
    const mock = mockWith((state) => {
      state.tickets.push({ id: unknown, status: 'In Progress' });
      state.used.push({ ticket_id: unknown, diagnostic_equipment_id: 1 });
    });
    const lists = summary((await run(undefined, mock)).findings).filter((f) => f.pointer === '/result');
    expect(lists.map((f) => (f.actual as Array<{ diagnostic_equipment_id: number }>).map((r) => r.diagnostic_equipment_id))).toEqual([[1]]);
  });

  it('reads only when read-only, and keeps in its ledger an add that got no answer and could not be removed', async () => {
    const readOnly = await run(undefined, mockWith(), { readOnly: true });
    expect(labelsOf(readOnly.exchanges)).toEqual(["unknown ticket: the ticket's list GET", 'unknown ticket: get one GET']);
    const unanswered = await run(answering('POST', unknown, { status: 500, headers: {}, networkError: true }));
    expect(labelsOf(unanswered.exchanges).slice(4)).toEqual(["unknown ticket: the ticket's list GET", 'unknown ticket: undo DELETE']);
    expect(unanswered.outstanding).toEqual([`${unknown}/40`]);
    expect(summary(unanswered.findings)).toEqual([]);
  });

  it('writes with --equipment: without it, its pass says its writes did not run', async () => {
    const noted = async (equipment: number[]) => {
      const report = await runContract(selfTestOptions(baseUrl, { fetch: inProcessFetch(mockWith()), only: ['unknown_ticket'], fixtures: { ...context.fixtures, equipment } }));
      return report.checks.map((c) => [c.status, c.note]);
    };
    expect(await noted(context.fixtures.equipment)).toEqual([['passed', undefined]]);
    expect(await noted([])).toEqual([['passed', 'its writes did not run: needs --equipment (a catalogue id the suite may add)']]);
  });

  it('names an id of the document’s range when no --equipment id is given', async () => {
    const { exchanges } = await run(undefined, mockWith(), { fixtures: { ...context.fixtures, equipment: [] } });
    expect(exchanges[1]!.request.target).toBe(values.oneTarget(unknown, values.idRange!.min));
  });

  it('names the ticket from the add, else from the list, else says "the ticket"', () => {
    const sent = (label: string, method: string, target: string, status: number, body?: string): LabelledExchange => ({
      label,
      auth: 'both',
      attempts: 1,
      request: { method, target, headers: {}, ...(body === undefined ? {} : { body }) },
      response: { status, headers: { 'content-type': 'application/json' }, bodyText: '{}', durationMs: 1 },
    });
    const got = sent('unknown ticket: get one', 'GET', values.oneTarget(unknown, 40), 200);
    const listed = sent("unknown ticket: the ticket's list", 'GET', `${values.collection}?ticket_id=${unknown.toUpperCase()}&limit=5`, 404);
    const messages = (...exchanges: LabelledExchange[]) => unknownTicketCheck.evaluate(exchanges, context).map((f) => f.message);
    expect(messages(got, listed)).toEqual([`GET one answered a record of ticket ${unknown.toUpperCase()}, which does not exist`]);
    expect(messages(got)).toEqual(['GET one answered a record of ticket the ticket, which does not exist']);
    expect(messages(got, sent("unknown ticket: the ticket's list", 'GET', values.collection, 404))).toEqual(['GET one answered a record of ticket the ticket, which does not exist']);
    const added = sent('unknown ticket: add', 'POST', values.collection, 404, JSON.stringify({ ticket_id: 'from-the-body', diagnostic_equipment_id: 40 }));
    expect(messages(got, listed, added)).toEqual(['GET one answered a record of ticket from-the-body, which does not exist']);
    expect(messages(got, listed, { ...added, request: { ...added.request, body: undefined } })).toEqual([`GET one answered a record of ticket ${unknown.toUpperCase()}, which does not exist`]);
    // Only a 2xx is an answer with a record (or a removal): an interim 1xx is neither.
    expect(messages(sent('unknown ticket: get one', 'GET', values.oneTarget(unknown, 40), 101), sent('unknown ticket: remove', 'DELETE', values.oneTarget(unknown, 40), 199))).toEqual([]);
  });
});

describe('unknown_equipment', () => {
  const run = (deployment: (mock: Mock) => Mock = (mock) => mock, mock = mockWith()) => probeAndEvaluate(unknownEquipmentCheck, mock, deployment(mock));

  it('finds nothing on the kit’s mock, whose list of the ticket holds other ids', async () => {
    const { findings, exchanges, outstanding, appeared, went } = await run();
    expect(summary(findings)).toEqual([]);
    expect(exchanges.map((e) => `${e.label} ${e.request.method} ${e.request.target}`).slice(0, 2)).toEqual([
      `unknown equipment: the ticket's list GET ${values.collection}?ticket_id=${exampleTicketId}&limit=${values.limit.max}`,
      `unknown equipment: get one GET ${values.oneTarget(exampleTicketId, unknownId)}`,
    ]);
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
  });

  it('an id the catalogue has after all: every answer that treats it as known is a finding, with the hint', async () => {
    const mock = mockWith((state) => void state.catalog.push({ diagnostic_equipment_id: unknownId, name: 'Tool', version: null }));
    const { findings, outstanding, appeared } = await run(undefined, mock);
    expect(summary(findings).map((f) => [f.pointer, f.expected, f.actual, f.message])).toEqual([
      ['/result', `no rows of catalogue id ${unknownId}`, [expect.objectContaining({ ticket_id: exampleTicketId, diagnostic_equipment_id: unknownId })], `the list holds rows of catalogue id ${unknownId}, which does not exist${hint}`],
      ['', 'a 4xx refusal', 201, `a write naming catalogue id ${unknownId}, which does not exist, was accepted (201): it created a record${hint}`],
    ]);
    expect([outstanding, appeared]).toEqual([[], []]);
    const answeringOne = await run(answering('GET', unknownId, json(200, record(exampleTicketId, unknownId))));
    expect(summary(answeringOne.findings).map((f) => f.message)).toEqual([`GET one answered a record of catalogue id ${unknownId}, which does not exist${hint}`]);
  });

  it('does not count the total of the ticket’s list: it holds the ticket’s other records', async () => {
    const { findings } = await run((mock) => wrap(mock, (request, next) => (isList(request) ? json(200, { query: {}, result: [record(exampleTicketId, 1)], total: 99 }) : next(request))));
    expect(summary(findings)).toEqual([]);
  });

  it('has --ticket tried before it runs: a ticket that refuses writes is the set-up’s mistake, not drift', async () => {
    const report = await runContract(selfTestOptions(baseUrl, { fetch: inProcessFetch(mockWith()), only: ['unknown_equipment'], fixtures: { ...context.fixtures, ticket: closedTicketId } }));
    expect([report.exitCode, report.findings]).toEqual([2, []]);
    expect(report.reason).toMatch(new RegExp(`^the fixtures cannot be used: --ticket ${closedTicketId} refused a write`));
  });

  it('needs --unknown-equipment and --ticket, and says first what the preflight found', () => {
    const reason = (fixtures: Partial<CheckContext['fixtures']>, problems?: CheckContext['fixtureProblems']) =>
      unknownEquipmentCheck.notRunReason!({ ...context, fixtures: { ...context.fixtures, ...fixtures }, ...(problems === undefined ? {} : { fixtureProblems: problems }) });
    expect(reason({})).toBeUndefined();
    expect(reason({ unknownEquipment: undefined })).toBe('needs --unknown-equipment (a catalogue id the deployment does not have; the suite cannot know one)');
    expect(reason({ ticket: undefined })).toBe('needs --ticket (an In Progress ticket the suite may write on)');
    expect(reason({ ticket: undefined, unknownEquipment: undefined })).toBe('needs --unknown-equipment (a catalogue id the deployment does not have; the suite cannot know one)');
    expect(reason({ ticket: undefined }, { ticket: 'the preflight could not read --ticket' })).toBe('the preflight could not read --ticket');
    expect(reason({}, { ticket: 'the preflight could not read --ticket' })).toBeUndefined();
    expect(unknownTicketCheck.notRunReason).toBeUndefined();
  });
});
