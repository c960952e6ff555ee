// equivalent_forms rule by rule: each everyday request in another valid spelling must be answered as
// the usual one is. A bent mock (in this process) refuses or answers otherwise one spelling at a time,
// and the finding is asserted whole; what the probe sends to keep the deployment as it was, and when it
// stops, too. (Header-name case is not seen in this process, where names arrive in lower case: the
// gateway tests cover it over HTTP.)
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { equivalentFormsCheck } from '../../contracts/checks/equivalent-forms.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import type { MockRequest, MockResponse } from '../../mocks/core/exchange.js';
import type { Mock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import { collection, isList, isOne, mapBody, problem, wrap, type Json } from './mutant-kit.js';
import { baseUrl, context, mockWith, probeAndEvaluate, spec, summary } from './in-process-probe.js';
import { runContract } from '../../contracts/runner.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { selfTestOptions } from './contract-fixtures.js';

const values = specValues(spec);
const ticket = exampleTicketId;
const run = (deployment: (mock: Mock) => Mock = (mock) => mock, mock = mockWith(), changes: Partial<CheckContext> = {}) => probeAndEvaluate(equivalentFormsCheck, mock, deployment(mock), changes);
const upper = ticket.toUpperCase();
const bodyOf = (request: MockRequest) => (request.body === undefined ? '' : new TextDecoder().decode(request.body));
const isAdd = (request: MockRequest) => request.method === 'POST' && request.path === collection;
/** A deployment answering `answer` (given the usual answer) to the requests `which` picks. */
const bending = (which: (request: MockRequest) => boolean, answer: (request: MockRequest, next: (request: MockRequest) => MockResponse) => MockResponse) => (mock: Mock) =>
  wrap(mock, (request, next) => (which(request) ? answer(request, next) : next(request)));
const labels = (exchanges: LabelledExchange[]) => exchanges.map((e) => e.label);
const writes = (exchanges: LabelledExchange[]) => labels(exchanges.filter((e) => e.request.method !== 'GET' || /undone|gone after/.test(e.label)));

describe('equivalent_forms: the answers held to the usual form’s', () => {
  it('finds nothing on the kit’s mock, and leaves it as it was', async () => {
    const { findings, result, outstanding, appeared, went, exchanges } = await run();
    expect(result).toBeUndefined();
    expect(summary(findings)).toEqual([]);
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
    expect(['a page', 'a record', 'an add', 'a remove'].map((group) => exchanges.filter((e) => e.label.startsWith(`forms: ${group}, `)).length > 1)).toEqual([true, true, true, true]);
  });

  it('a form refused where the usual one is answered: its status against the usual status', async () => {
    const { findings } = await run(bending((r) => isList(r) && r.query.get('ticket_id') === upper, () => problem(400)));
    expect(summary(findings)).toEqual([
      {
        check: 'equivalent_forms',
        severity: 'error',
        pointer: '',
        expected: 200,
        actual: 400,
        message: 'a page sent with the ticket uuid in capitals was answered 400, where the usual form was answered 200: an equivalent form refused or treated otherwise',
        target: `${values.collection}?ticket_id=${upper}&limit=5&offset=1`,
        occurrences: 1,
      },
    ]);
  });

  it('a page answered with other rows: both pages, rows and total, uuids in lower case', async () => {
    // A filter that compares uuids letter for letter: in capitals it matches nothing.
    const { findings, exchanges } = await run(bending((r) => isList(r) && r.query.get('ticket_id') === upper, (r, next) => next({ ...r, query: new URLSearchParams({ ticket_id: '00000000-0000-4000-8000-000000000000', limit: '5', offset: '1' }) })));
    const usual = JSON.parse(exchanges.find((e) => e.label === 'forms: a page, as usual')!.response!.bodyText!) as { result: Json[]; total: number };
    expect(summary(findings).map((f) => [f.expected, f.actual, f.message])).toEqual([
      [
        { rows: usual.result.map((r) => `${String(r.ticket_id)}/${String(r.diagnostic_equipment_id)}`), total: usual.total },
        { rows: [], total: 0 },
        'a page sent with the ticket uuid in capitals was answered otherwise than the usual form (uuids compared in any case) — uuids read case-sensitively: RFC 9562 §4 reads them in any case, the document leaves it open (contract --compare-mock says whether the fake differs)',
      ],
    ]);
    // Another, unknown ticket: a case-sensitive deployment's choice (issue 30), a warning and not drift.
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('takes uuids in any case, and the query echo as it comes, as the same answer', async () => {
    const shouting = bending(
      (r) => isList(r) || isOne(r),
      (r, next) => mapBody(next(r), (body) => JSON.parse(JSON.stringify(body).replaceAll(ticket, upper).replace(/"query":\{[^}]*\}/, `"query":{"asked":"${r.path}?${r.query.toString()}"}`)) as Json),
    );
    expect(summary((await run(shouting)).findings)).toEqual([]);
    // But other letters of a value that is not a uuid are another answer.
    const renaming = bending((r) => isOne(r) && r.path.includes(upper), (r, next) => mapBody(next(r), (body) => ({ ...body, name: String(body.name).toUpperCase() })));
    expect(summary((await run(renaming)).findings).map((f) => [f.message, f.target])).toEqual([['a record sent with the ticket uuid in capitals was answered otherwise than the usual form (uuids compared in any case)', values.oneTarget(upper, 12)]]);
  });

  it('a record’s path percent-encoded and refused: reported', async () => {
    const { findings } = await run(bending((r) => r.method === 'GET' && r.path.includes('%'), () => problem(404)));
    expect(summary(findings).map((f) => [f.expected, f.actual, f.message])).toEqual([[200, 404, 'a record sent with path segments percent-encoded was answered 404, where the usual form was answered 200: an equivalent form refused or treated otherwise']]);
  });

  it('an add in another media type spelling refused: reported, and the other forms still tried', async () => {
    const { findings, exchanges, outstanding, appeared } = await run(bending((r) => isAdd(r) && r.headers['content-type'] === 'Application/JSON', () => problem(415)));
    expect(summary(findings).map((f) => [f.expected, f.actual, f.message])).toEqual([[201, 415, 'an add sent with Content-Type in other letter case was answered 415, where the usual form was answered 201: an equivalent form refused or treated otherwise']]);
    expect(labels(exchanges)).toContain('forms: an add, the ticket uuid in capitals');
    expect([outstanding, appeared]).toEqual([[], []]);
  });

  it('an add answered with another record than the usual one: reported', async () => {
    const { findings } = await run(bending((r) => isAdd(r) && bodyOf(r).includes('\n'), (r, next) => mapBody(next(r), (body) => ({ ...body, version: 'pretty' }))));
    expect(summary(findings).map((f) => [f.actual, f.message])).toEqual([[expect.objectContaining({ version: 'pretty' }), 'an add sent with members in another order, pretty-printed was answered otherwise than the usual form (uuids compared in any case)']]);
  });

  it('a remove answered with success that keeps the record: reported on the reading after it, and the record removed as usual', async () => {
    const keeping = bending((r) => r.method === 'DELETE' && r.path.includes('%'), () => ({ status: 204, headers: {} }));
    const { findings, exchanges, outstanding, appeared } = await run(keeping);
    expect(summary(findings)).toEqual([
      {
        check: 'equivalent_forms',
        severity: 'error',
        pointer: '',
        expected: 404,
        actual: 200,
        message: 'a remove sent with path segments percent-encoded was answered 204, but the record is still there',
        target: values.oneTarget(ticket, 40),
        occurrences: 1,
      },
    ]);
    const after = labels(exchanges).indexOf('forms: gone after path segments percent-encoded?');
    expect(labels(exchanges).slice(after + 1, after + 4)).toEqual(['forms: undo', 'forms: undone?', 'forms: set up a remove']);
    expect([outstanding, appeared]).toEqual([[], []]);
  });

  it('a remove in another form refused: its status, and no reading after it', async () => {
    const { findings, outstanding, appeared } = await run(bending((r) => r.method === 'DELETE' && r.path.includes(upper), () => problem(404)));
    expect(summary(findings).map((f) => [f.expected, f.actual, f.message])).toEqual([[204, 404, 'a remove sent with the ticket uuid in capitals was answered 404, where the usual form was answered 204: an equivalent form refused or treated otherwise — uuids read case-sensitively: RFC 9562 §4 reads them in any case, the document leaves it open (contract --compare-mock says whether the fake differs)']]);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect([outstanding, appeared]).toEqual([[], []]);
  });

  it('does not compare the bodies of removes', async () => {
    let removes = 0;
    const counting = bending((r) => r.method === 'DELETE', (r, next) => ({ ...next(r), status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ removed: ++removes }) }));
    expect(summary((await run(counting)).findings)).toEqual([]);
  });
});

describe('equivalent_forms: what the probe sends, and when it stops', () => {
  it('reads the first record the list shows without --ticket, and writes nothing then', async () => {
    const first = mockWith().state().used[0]!;
    const { exchanges, findings } = await run(undefined, mockWith(), { fixtures: { ...context.fixtures, ticket: undefined } });
    expect(exchanges[0]!.request.target).toBe(`${values.collection}?limit=1`);
    expect(exchanges.find((e) => e.label === 'forms: a record, as usual')!.request.target).toBe(values.oneTarget(first.ticket_id, first.diagnostic_equipment_id));
    expect(writes(exchanges)).toEqual([]);
    expect(summary(findings)).toEqual([]);
  });

  it('says why it cannot run on an empty deployment without --ticket', async () => {
    const { result, exchanges } = await run(undefined, mockWith((state) => void (state.used = [])), { fixtures: { ...context.fixtures, ticket: undefined } });
    expect(result).toBe('no ticket to read: give --ticket, or a deployment with records');
    expect(labels(exchanges)).toEqual(['forms: a record to read']);
  });

  it('reads only a page when the ticket holds no record, and writes nothing read-only or without --equipment', async () => {
    const emptyTicket = await run(undefined, mockWith((state) => void (state.used = state.used.filter((u) => u.ticket_id !== ticket))), { readOnly: true });
    expect(labels(emptyTicket.exchanges).filter((l) => l.startsWith('forms: a record'))).toEqual(['forms: a record to read']);
    expect(labels(emptyTicket.exchanges).filter((l) => l.startsWith('forms: a page'))).toHaveLength(7);
    expect(writes((await run(undefined, mockWith(), { readOnly: true })).exchanges)).toEqual([]);
    expect(writes((await run(undefined, mockWith(), { fixtures: { ...context.fixtures, equipment: [] } })).exchanges)).toEqual([]);
  });

  it('adds the first --equipment id free on the ticket, and nothing when none is', async () => {
    const { exchanges } = await run(undefined, mockWith(), { fixtures: { ...context.fixtures, equipment: [12, 39, 40] } });
    expect(labels(exchanges).filter((l) => l.includes('free'))).toEqual(['forms: is 12 free', 'forms: is 39 free']);
    expect(JSON.parse(exchanges.find((e) => e.label === 'forms: an add, as usual')!.request.body!)).toEqual({ ticket_id: ticket, diagnostic_equipment_id: 39 });
    const none = await run(undefined, mockWith(), { fixtures: { ...context.fixtures, equipment: [12] } });
    expect(labels(none.exchanges).at(-1)).toBe('forms: is 12 free');
  });

  it('stops writing when the usual add is refused, or its undo does not take', async () => {
    const refused = await run(bending(isAdd, () => problem(409)));
    expect(writes(refused.exchanges)).toEqual(['forms: an add, as usual']);
    const sticky = await run(bending((r) => r.method === 'DELETE', () => problem(500)));
    expect(writes(sticky.exchanges)).toEqual(['forms: an add, as usual', 'forms: undo']);
    expect(sticky.outstanding).toEqual([`${ticket}/40`]);
  });

  it('stops when the undo of a form’s add does not take, and tries no remove after a refused form', async () => {
    let removes = 0;
    const secondUndoFails = bending((r) => r.method === 'DELETE', (r, next) => (++removes === 2 ? problem(500) : next(r)));
    const { exchanges, outstanding } = await run(secondUndoFails);
    expect(writes(exchanges)).toEqual(['forms: an add, as usual', 'forms: undo', 'forms: undone?', 'forms: an add, Content-Type with a charset parameter', 'forms: undo']);
    expect(outstanding).toEqual([`${ticket}/40`]);
    // An add form refused is not undone: the next form is tried at once.
    const { exchanges: sent } = await run(bending((r) => isAdd(r) && r.headers['content-type'] === 'application/json; charset=utf-8', () => problem(415)));
    expect(writes(sent).slice(3, 5)).toEqual(['forms: an add, Content-Type with a charset parameter', 'forms: an add, Content-Type in other letter case']);
  });

  /**
   * A deployment that refuses the request a healthy run sends as its `nth` of that label (1 = the first),
   * counted among the requests of the same method: where it falls in the probe's plan.
   */
  const refusing = async (label: string, nth = 1) => {
    const healthy = (await run()).exchanges;
    const at = healthy.filter((e) => e.label === label)[nth - 1]!;
    const position = healthy.filter((e) => e.request.method === at.request.method).indexOf(at) + 1;
    let seen = 0;
    return bending((r) => r.method === at.request.method && ++seen === position, () => problem(500));
  };

  it('stops when the usual remove is refused, keeping its record in the ledger', async () => {
    const { exchanges, outstanding } = await run(await refusing('forms: a remove, as usual'));
    expect(writes(exchanges).slice(-2)).toEqual(['forms: set up a remove', 'forms: a remove, as usual']);
    expect(outstanding).toEqual([`${ticket}/40`]);
  });

  it('stops when the add that sets up a form’s remove is refused', async () => {
    const { exchanges, outstanding } = await run(await refusing('forms: set up a remove', 2));
    expect(writes(exchanges).slice(-3)).toEqual(['forms: set up a remove', 'forms: a remove, as usual', 'forms: set up a remove']);
    expect(outstanding).toEqual([]);
  });

  it('stops when a record a form’s remove left cannot be removed as usual either', async () => {
    // The percent-encoded remove answers 204 and keeps the record; every remove after it fails.
    let kept = false;
    const stuck = bending((r) => r.method === 'DELETE', (r, next) => (r.path.includes('%') ? ((kept = true), { status: 204, headers: {} }) : kept ? problem(500) : next(r)));
    const { exchanges, outstanding } = await run(stuck);
    expect(writes(exchanges).slice(-3)).toEqual(['forms: a remove, path segments percent-encoded', 'forms: gone after path segments percent-encoded?', 'forms: undo']);
    expect(outstanding).toEqual([`${ticket}/40`]);
  });
});

describe('equivalent_forms: the spellings it sends', () => {
  it('sends the header names in capitals and capitalised, every other part as usual', async () => {
    const { exchanges } = await run();
    const names = (label: string) => Object.keys(exchanges.find((e) => e.label === label)!.request.headers).sort();
    expect(names('forms: a record, header names in capitals')).toEqual(names('forms: a record, as usual').map((n) => n.toUpperCase()).sort());
    expect(names('forms: a record, header names capitalised')).toEqual(['Accept', 'Authorization', 'X-Api-Key']);
    expect(names('forms: an add, header names capitalised')).toEqual(['Accept', 'Authorization', 'Content-Type', 'X-Api-Key']);
  });

  it('writes with --ticket and --equipment: without either, or read-only, its pass says its writes did not run', async () => {
    const noted = async (changes: Partial<Parameters<typeof selfTestOptions>[1]>) => {
      const report = await runContract(selfTestOptions(baseUrl, { fetch: inProcessFetch(mockWith()), only: ['equivalent_forms'], ...changes }));
      return report.checks.map((c) => [c.status, c.note]);
    };
    expect(await noted({})).toEqual([['passed', undefined]]);
    expect(await noted({ readOnly: true })).toEqual([['passed', 'its writes did not run: --read-only']]);
    expect(await noted({ fixtures: { ...context.fixtures, equipment: [] } })).toEqual([['passed', 'its writes did not run: needs --equipment (a catalogue id the suite may add)']]);
    expect(await noted({ fixtures: { ...context.fixtures, ticket: undefined } })).toEqual([['passed', 'its writes did not run: needs --ticket (an In Progress ticket the suite may write on)']]);
  });

  it('takes any 2xx to an add or a remove as done, and a 300 as not', async () => {
    const ok = await run(bending((r) => isAdd(r) || r.method === 'DELETE', (r, next) => ({ ...next(r), status: isAdd(r) ? 200 : 299 })));
    expect(summary(ok.findings)).toEqual([]);
    expect(writes(ok.exchanges)).toContain('forms: a remove, header names capitalised');
    const notAdded = await run(bending(isAdd, () => ({ status: 300, headers: {} })));
    expect(writes(notAdded.exchanges)).toEqual(['forms: an add, as usual']);
    const moved = await run(bending((r) => r.method === 'DELETE' && r.path === `${collection}/${ticket}/40`, () => ({ status: 300, headers: {} })));
    // The undo after the usual add did not take: nothing more is written.
    expect(writes(moved.exchanges)).toEqual(['forms: an add, as usual', 'forms: undo']);
  });

  it('keeps in its ledger an add that got no answer, and writes no more', async () => {
    const { exchanges, outstanding } = await run(bending(isAdd, (r, next) => ({ ...next(r), networkError: true })));
    expect(writes(exchanges)).toEqual(['forms: an add, as usual']);
    expect(outstanding).toEqual([`${ticket}/40`]);
  });

  it('reads the ticket from --ticket when the list answers no rows, or no list', async () => {
    for (const answer of [problem(500), { status: 200, headers: { 'content-type': 'application/json' }, body: '{"total":0}' }]) {
      const { exchanges, result } = await run(bending((r) => isList(r) && r.query.get('limit') === '1', () => answer));
      expect(result).toBeUndefined();
      expect(exchanges.find((e) => e.label === 'forms: a page, as usual')!.request.target).toBe(`${values.collection}?ticket_id=${ticket}&limit=5&offset=1`);
      expect(labels(exchanges).filter((l) => l.startsWith('forms: a record,'))).toEqual([]);
    }
  });
});

describe('equivalent_forms: what the evaluation passes over', () => {
  const sent = (label: string, status: number | undefined, body: unknown = {}): LabelledExchange => ({
    label,
    auth: 'both',
    attempts: 1,
    request: { method: 'GET', target: values.oneTarget(ticket, 12), headers: {} },
    ...(status === undefined ? { error: { kind: 'timeout' as const, message: 'no answer' } } : { response: { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body), durationMs: 1 } }),
  });
  const judged = (...exchanges: LabelledExchange[]) => summary(equivalentFormsCheck.evaluate(exchanges, context)).map((f) => f.message);

  it('judges a group only with its usual form answered, and a form only when answered', () => {
    expect(judged(sent('forms: a record, path segments percent-encoded', 404))).toEqual([]);
    expect(judged(sent('forms: a record, as usual', undefined), sent('forms: a record, path segments percent-encoded', 404))).toEqual([]);
    expect(judged(sent('forms: a record, as usual', 200), sent('forms: a record, path segments percent-encoded', undefined))).toEqual([]);
    expect(judged(sent('forms: a record, as usual', 200), sent('forms: a record, path segments percent-encoded', 404))).toHaveLength(1);
  });

  it('reads a page without rows as its result, whatever it is', () => {
    const usual = sent('forms: a page, as usual', 200, { result: 'none', total: 0 });
    expect(judged(usual, sent('forms: a page, Accept: */*', 200, { result: 'none', total: 0 }))).toEqual([]);
    expect(judged(usual, sent('forms: a page, Accept: */*', 200, { result: 'nothing', total: 0 }))).toEqual(['a page sent with Accept: */* was answered otherwise than the usual form (uuids compared in any case)']);
    expect(judged(sent('forms: a page, as usual', 200, 'text'), sent('forms: a page, Accept: */*', 200, 'other text'))).toEqual([]);
    const plain = (label: string): LabelledExchange => ({ ...sent(label, 200), response: { status: 200, headers: { 'content-type': 'text/plain' }, bodyText: 'rows', durationMs: 1 } });
    expect(judged(plain('forms: a page, as usual'), plain('forms: a page, Accept: */*'))).toEqual([]);
  });

  it('compares uuids in any case only where a whole value is one', () => {
    const record = (name: string, ids: unknown[]) => ({ ticket_id: ticket, name, ids });
    const usual = sent('forms: a record, as usual', 200, record(`x${ticket}`, [ticket, 1, null]));
    expect(judged(usual, sent('forms: a record, header names in capitals', 200, record(`x${ticket}`, [upper, 1, null])))).toEqual([]);
    expect(judged(usual, sent('forms: a record, header names in capitals', 200, record(`x${upper}`, [ticket, 1, null])))).toHaveLength(1);
    // A uuid with more after it is not a uuid.
    expect(judged(sent('forms: a record, as usual', 200, { name: `${ticket}x` }), sent('forms: a record, header names in capitals', 200, { name: `${upper}x` }))).toHaveLength(1);
    // What a finding shows: both answers with their uuids in lower case, arrays as arrays.
    const [finding] = equivalentFormsCheck.evaluate([usual, sent('forms: a record, header names in capitals', 200, record(`x${ticket}`, [upper, 2, null]))], context);
    expect([finding!.expected, finding!.actual.value]).toEqual([record(`x${ticket}`, [ticket, 1, null]), record(`x${ticket}`, [ticket, 2, null])]);
    expect(judged(usual, sent('forms: a record, header names in capitals', 200, record(`x${ticket}`, [ticket, 2, null])))).toHaveLength(1);
    expect(judged(sent('forms: a record, as usual', 200, { a: { query: 1, b: 2 } }), sent('forms: a record, header names in capitals', 200, { a: { query: 3, b: 2 } }))).toEqual([]);
  });

  it('reads the record after a remove only when the remove succeeded, and only its own reading', () => {
    const remove = (label: string, status: number) => ({ ...sent(label, status), request: { method: 'DELETE', target: values.oneTarget(ticket, 40), headers: {} } });
    const usual = remove('forms: a remove, as usual', 204);
    const stillThere = sent('forms: gone after the ticket uuid in capitals?', 200);
    expect(judged(usual, remove('forms: a remove, the ticket uuid in capitals', 204), stillThere)).toEqual(['a remove sent with the ticket uuid in capitals was answered 204, but the record is still there']);
    expect(judged(remove('forms: a remove, as usual', 404), remove('forms: a remove, the ticket uuid in capitals', 404), stillThere)).toEqual([]);
    expect(judged(remove('forms: a remove, as usual', 101), remove('forms: a remove, the ticket uuid in capitals', 101), stillThere)).toEqual([]);
    expect(judged(usual, remove('forms: a remove, the ticket uuid in capitals', 204), sent('forms: gone after the ticket uuid in capitals?', undefined))).toEqual([]);
    expect(judged(usual, remove('forms: a remove, the ticket uuid in capitals', 204))).toEqual([]);
    // A reading before the remove is not one after it.
    expect(judged(usual, stillThere, remove('forms: a remove, the ticket uuid in capitals', 204))).toEqual([]);
  });
});
