// pagination_combinations rule by rule: the probe against the kit's mock (in this process), bent so that
// exactly one relation between pages breaks, and the finding that relation gives asserted whole; then
// what the probe does to have pages to compare (fills the fixture ticket, walks long lists, stops at a
// list that ignores limit), and, on hand-made answers, what the evaluation passes over.
import { describe, expect, it } from 'vitest';
import { fixtureRows, listCombinationsCheck } from '../../contracts/checks/list-combinations.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { maxWalkPages } from '../../contracts/checks/list-walk.js';
import { freshUuid } from '../../contracts/fresh-uuid.js';
import { createLedger } from '../../contracts/ledger.js';
import { specValues } from '../../contracts/spec-values.js';
import type { Mock } from '../../mocks/core/mock.js';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import { isList, mapBody, problem, withQuery, wrap, type Json } from './mutant-kit.js';
import { baseUrl, context, mockWith, probeAndEvaluate, spec, summary, withRows } from './in-process-probe.js';
import { runContract } from '../../contracts/runner.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { selfTestOptions } from './contract-fixtures.js';

const values = specValues(spec);
const ticket = exampleTicketId;
const empty = freshUuid(context.generation.seed, 0);
const run = (deployment: (mock: Mock) => Mock = (mock) => mock, mock = mockWith(), changes = {}) => probeAndEvaluate(listCombinationsCheck, mock, deployment(mock), changes);
const cases = (exchanges: LabelledExchange[], level: string) => exchanges.filter((e) => e.label.startsWith(`combinations: case ${level}:`));
const query = (exchange: LabelledExchange) => new URLSearchParams(exchange.request.target.split('?')[1]);
const asked = (exchange: LabelledExchange) => exchange.request.target.split('?')[1] ?? 'no parameters';
/** A bend of the list's answers to the requests `which` picks. */
const lists = (which: (request: MockRequest) => boolean, bend: (request: MockRequest, next: (request: MockRequest) => ReturnType<Mock['handle']>) => ReturnType<Mock['handle']>) => (mock: Mock) =>
  wrap(mock, (request, next) => (isList(request) && which(request) ? bend(request, next) : next(request)));
const filteredBy = (id: string) => (request: MockRequest) => request.query.get('ticket_id') === id;
const offsetOf = (request: MockRequest) => Number(request.query.get('offset') ?? 0);

describe('pagination_combinations: the relations between pages', () => {
  it('finds nothing on the kit’s mock, and leaves the deployment as it was', async () => {
    const { result, findings, outstanding, appeared, went, exchanges } = await run();
    expect(result).toBeUndefined();
    expect(summary(findings)).toEqual([]);
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
    // Every level was asked: the fixture ticket, a ticket with no rows, no filter.
    expect(['none', 'fixture', 'empty'].map((level) => cases(exchanges, level).length > 0)).toEqual([true, true, true]);
  });

  it('a valid combination answered with another status than the walk: one finding per ticket level, counting the rest', async () => {
    const refused = (exchange: LabelledExchange) => query(exchange).get('limit') === '0' && query(exchange).has('ticket_id');
    const { findings, exchanges } = await run(lists((r) => r.query.has('ticket_id') && r.query.get('limit') === '0', () => problem(400)));
    const first = (level: string) => cases(exchanges, level).find(refused)!;
    expect(cases(exchanges, 'fixture').filter(refused).length).toBeGreaterThan(1);
    expect(summary(findings)).toEqual(
      ['fixture', 'empty'].map((level) => ({
        check: 'pagination_combinations',
        severity: 'error',
        pointer: '',
        expected: 200,
        actual: 400,
        message: `valid parameters together (${asked(first(level))}) were answered 400, where the same query walked at the largest limit was answered 200`,
        target: first(level).request.target,
        occurrences: cases(exchanges, level).filter(refused).length,
      })),
    );
  });

  it('a total that changes with offset is reported against the walk’s total, once per ticket level', async () => {
    const shifted = (request: MockRequest) => request.query.has('ticket_id') && offsetOf(request) > 0;
    const { findings, exchanges } = await run(lists(shifted, (request, next) => mapBody(next(request), (body) => ({ ...body, total: (body.total as number) + 1 }))));
    const bent = (level: string) => cases(exchanges, level).filter((e) => Number(query(e).get('offset') ?? 0) > 0);
    // In the order the cases first broke them.
    expect(summary(findings)).toEqual(
      [['empty', 0], ['fixture', 28]].map(([level, total]) => ({
        check: 'pagination_combinations',
        severity: 'error',
        pointer: '/total',
        expected: total,
        actual: Number(total) + 1,
        message: `total changed with limit and offset (${asked(bent(String(level))[0]!)}): ${Number(total) + 1}, where the same query without them gives ${total}`,
        target: bent(String(level))[0]!.request.target,
        occurrences: bent(String(level)).length,
      })),
    );
  });

  it('a page that is not the matching slice of the walk is reported with both slices, once per ticket level', async () => {
    // One row too far: every page at an offset inside the first page of the walk starts at the next row.
    const inside = (request: MockRequest) => offsetOf(request) > 0 && offsetOf(request) < values.limit.max!;
    const { findings, exchanges } = await run(lists(inside, (request, next) => next(withQuery(request, (q) => q.set('offset', String(offsetOf(request) + 1))))));
    const expectedFor = (level: string) => {
      const walked = (JSON.parse(exchanges.find((e) => e.label === `combinations: reference ${level} page 1`)!.response!.bodyText!) as { result: Json[] }).result.map((r) => `${String(r.ticket_id)}/${String(r.diagnostic_equipment_id)}`);
      const bent = cases(exchanges, level).filter((e) => {
        const offset = Number(query(e).get('offset') ?? 0);
        return offset > 0 && offset < walked.length && Number(query(e).get('limit') ?? values.limit.default) > 0;
      });
      const limit = Number(query(bent[0]!).get('limit') ?? values.limit.default);
      const offset = Number(query(bent[0]!).get('offset'));
      return {
        check: 'pagination_combinations',
        severity: 'error',
        pointer: '/result',
        expected: walked.slice(offset, offset + limit),
        actual: walked.slice(offset + 1, offset + 1 + limit),
        message: `the page for ${asked(bent[0]!)} is not the matching slice of the same query walked at the largest limit`,
        target: bent[0]!.request.target,
        occurrences: bent.length,
      };
    };
    // In the order the cases first broke them.
    expect(summary(findings)).toEqual([expectedFor('fixture'), expectedFor('none')]);
  });

  /** Answers the unfiltered list (or the filtered one) without the records of catalogue id 12, paged as asked. */
  const hidingTwelve = (filtered: boolean) =>
    lists(
      (r) => r.query.has('ticket_id') === filtered,
      (request, next) =>
        mapBody(next(withQuery(request, (q) => (q.set('limit', String(values.limit.max)), q.set('offset', '0')))), (body) => {
          const rows = (body.result as Json[]).filter((r) => r.diagnostic_equipment_id !== 12);
          const limit = Number(request.query.get('limit') ?? values.limit.default);
          return { ...body, result: rows.slice(offsetOf(request), offsetOf(request) + limit), total: rows.length };
        }),
    );

  it('the filtered walk holding a row the unfiltered list does not: reported on the filtered walk', async () => {
    const { findings } = await run(hidingTwelve(false));
    expect(summary(findings)).toEqual([
      {
        check: 'pagination_combinations',
        severity: 'error',
        pointer: '/result',
        expected: `the 27 rows of ticket ${ticket} in the unfiltered list`,
        actual: { missing: [], extra: [`${ticket}/12`] },
        message: "walking the list filtered by ticket_id gives other rows than that ticket's rows in the unfiltered list (0 missing, 1 not in it)",
        target: `${values.collection}?ticket_id=${ticket}&limit=${values.limit.max}&offset=0`,
        occurrences: 1,
      },
    ]);
  });

  it('the filtered walk lacking a row the unfiltered list holds: reported too', async () => {
    const { findings } = await run(hidingTwelve(true));
    expect(summary(findings).map((f) => [f.expected, f.actual, f.message])).toEqual([
      [`the 28 rows of ticket ${ticket} in the unfiltered list`, { missing: [`${ticket}/12`], extra: [] }, "walking the list filtered by ticket_id gives other rows than that ticket's rows in the unfiltered list (1 missing, 0 not in it)"],
    ]);
  });
});

describe('pagination_combinations: what the probe does to have pages to compare', () => {
  /** The default state with the example ticket holding only the records of the ids given. */
  const holding = (...ids: number[]) =>
    mockWith((state) => void (state.used = [...state.used.filter((u) => u.ticket_id !== ticket), ...ids.map((id) => ({ ticket_id: ticket, diagnostic_equipment_id: id }))]));
  const labels = (exchanges: LabelledExchange[]) => exchanges.filter((e) => !e.label.startsWith('combinations: case') && !e.label.startsWith('combinations: reference')).map((e) => `${e.label} ${e.request.method}`);

  it(`adds free --equipment ids until the ticket holds ${fixtureRows} rows, skipping ids in use, and removes them after`, async () => {
    const { findings, exchanges, outstanding, appeared, went } = await run(undefined, holding(12, 39), { fixtures: { ...context.fixtures, equipment: [39, 40, 38, 37] } });
    expect(labels(exchanges)).toEqual([
      'combinations: the ticket’s rows GET',
      'combinations: is 39 free GET',
      'combinations: is 40 free GET',
      'combinations: add 40 so the ticket has 3 rows POST',
      'combinations: 40: undo DELETE',
      'combinations: 40: undone? GET',
    ]);
    expect(JSON.parse(exchanges.find((e) => e.label === 'combinations: reference fixture page 1')!.response!.bodyText!)).toMatchObject({ total: 3 });
    expect(summary(findings)).toEqual([]);
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
  });

  it('counts only the adds that took (or got no answer), and keeps in its ledger one it could not remove', async () => {
    const refusing = (mock: Mock) =>
      wrap(mock, (request, next) => {
        const id = request.method === 'POST' ? (JSON.parse(new TextDecoder().decode(request.body)) as Json).diagnostic_equipment_id : undefined;
        if (id === 40) return problem(409);
        // The connection drops before the deployment takes the add: no answer, and nothing added.
        if (id === 38) return { status: 500, headers: {}, networkError: true };
        return next(request);
      });
    const { exchanges, outstanding } = await run(refusing, holding(12), { fixtures: { ...context.fixtures, equipment: [40, 38, 37, 36] } });
    expect(labels(exchanges).filter((l) => l.includes('add') || l.includes('undo'))).toEqual([
      'combinations: add 40 so the ticket has 3 rows POST',
      'combinations: add 38 so the ticket has 3 rows POST',
      'combinations: add 37 so the ticket has 3 rows POST',
      'combinations: 38: undo DELETE',
      'combinations: 37: undo DELETE',
      'combinations: 37: undone? GET',
    ]);
    // 40 refused is not a row; 38 unanswered may be one (counted, and undone); 37 makes three, so 36 is
    // never tried. 38's undo found nothing to remove: the ledger keeps it for the cleanup.
    expect(outstanding).toEqual([`${ticket}/38`]);
  });

  it('takes any 2xx to an add as a row, and a 300 as none', async () => {
    const answering = (mock: Mock) =>
      wrap(mock, (request, next) => {
        const id = request.method === 'POST' ? (JSON.parse(new TextDecoder().decode(request.body)) as Json).diagnostic_equipment_id : undefined;
        if (id === 38) return { status: 300, headers: {} };
        if (id === 40) return { ...next(request), status: 200 };
        if (id === 37) return { ...next(request), status: 299 };
        return next(request);
      });
    const { exchanges, outstanding, appeared } = await run(answering, holding(12), { fixtures: { ...context.fixtures, equipment: [38, 40, 37, 36] } });
    expect(labels(exchanges).filter((l) => l.includes('add') || l.includes('undo'))).toEqual([
      'combinations: add 38 so the ticket has 3 rows POST',
      'combinations: add 40 so the ticket has 3 rows POST',
      'combinations: add 37 so the ticket has 3 rows POST',
      'combinations: 40: undo DELETE',
      'combinations: 40: undone? GET',
      'combinations: 37: undo DELETE',
      'combinations: 37: undone? GET',
    ]);
    expect([outstanding, appeared]).toEqual([[], []]);
  });

  it('adds nothing when the ticket’s rows cannot be counted, or when it is read-only', async () => {
    // A count is read from a 200 only, whatever another answer's body says.
    const unanswered = lists((r) => filteredBy(ticket)(r) && !r.query.has('offset'), () => ({ status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: {}, result: [], total: 0 }) }));
    expect(labels((await run(unanswered, holding(12))).exchanges)).toEqual(['combinations: the ticket’s rows GET']);
    expect(labels((await run(undefined, holding(12), { readOnly: true })).exchanges)).toEqual([]);
  });

  it('takes the ticket of the unfiltered list’s first row without --ticket, and leaves the level out when there is none', async () => {
    const noTicket = { fixtures: { ...context.fixtures, ticket: undefined } };
    const mock = mockWith();
    const firstTicket = mock.state().used[0]!.ticket_id;
    const without = await run(undefined, mock, noTicket);
    expect(without.exchanges.find((e) => e.label === 'combinations: reference fixture page 1')!.request.target).toBe(`${values.collection}?ticket_id=${firstTicket}&limit=${values.limit.max}&offset=0`);
    expect(summary(without.findings)).toEqual([]);
    const numbered = await run(lists((r) => !r.query.has('ticket_id'), (request, next) => mapBody(next(request), (body) => ({ ...body, result: [{ ticket_id: 7, diagnostic_equipment_id: 1 }, ...(body.result as Json[])] }))), mockWith(), noTicket);
    expect(numbered.exchanges.filter((e) => e.label.includes('fixture'))).toEqual([]);
    const nothing = await run(undefined, mockWith((state) => void (state.used = [])), noTicket);
    expect(nothing.exchanges.filter((e) => e.label.includes('fixture'))).toEqual([]);
    expect(cases(nothing.exchanges, 'none').length).toBeGreaterThan(0);
    expect(cases(nothing.exchanges, 'empty').length).toBeGreaterThan(0);
  });

  it(`walks a list longer than a page page by page, at most ${maxWalkPages} pages, and holds cases to rows past the first page`, async () => {
    // 25 more In Progress tickets holding the whole catalogue: 1,061 rows, two pages at the largest limit.
    const long = withRows(61 + 25 * 40);
    const total = long.state().used.length;
    expect(total).toBeGreaterThan(values.limit.max!);
    const healthy = await run(undefined, long);
    expect(healthy.exchanges.filter((e) => e.label.startsWith('combinations: reference none')).map((e) => e.request.target)).toEqual([0, 1].map((p) => `${values.collection}?limit=${values.limit.max}&offset=${p * values.limit.max!}`));
    expect(summary(healthy.findings)).toEqual([]);
    // The second page answered as the first: the pages that reach past the first page are not the walk's slices.
    const repeating = await run(lists((r) => !r.query.has('ticket_id') && offsetOf(r) >= values.limit.max! && offsetOf(r) < total, (request, next) => next(withQuery(request, (q) => q.set('offset', '0')))), long);
    expect(summary(repeating.findings)).toEqual([expect.objectContaining({ pointer: '/result', message: expect.stringMatching(/^the page for limit=1000&offset=\d+ is not the matching slice of the same query walked at the largest limit$/) })]);
    // A total past what the walk reads: it stops at its bound.
    const endless = await run(lists((r) => !r.query.has('ticket_id'), (request, next) => mapBody(next(request), (body) => ({ ...body, total: 50 * values.limit.max! }))));
    expect(endless.exchanges.filter((e) => e.label.startsWith('combinations: reference none')).length).toBe(maxWalkPages);
    // The cases are placed by the total the list gives, not by the rows the bounded walk read.
    const atTheEnd = cases(endless.exchanges, 'none').find((e) => e.label.endsWith('offset at the end'))!;
    expect(query(atTheEnd).get('offset')).toBe(String(50 * values.limit.max!));
  });

  it('holds the pages of a ticket the deployment answers 404 for to that 404, and reads lists without rows as empty', async () => {
    const notFound = await run(lists(filteredBy(empty), () => problem(404)));
    expect(cases(notFound.exchanges, 'empty').length).toBeGreaterThan(0);
    expect(summary(notFound.findings)).toEqual([]);
    // A walk answered 404 read no rows: the cases of that ticket are placed at zero rows.
    expect(query(cases(notFound.exchanges, 'empty').find((e) => e.label.endsWith('offset past the end'))!).get('offset')).toBe('1');
    const rowless = await run(lists(filteredBy(empty), (request, next) => mapBody(next(request), ({ result: _result, ...body }) => body)));
    expect(rowless.result).toBeUndefined();
    expect(summary(rowless.findings)).toEqual([]);
  });

  it('counts the rows it walked when the list gives a total that is no count (1e400 reads as Infinity)', async () => {
    const endless = await run(lists((r) => !r.query.has('ticket_id'), (request, next) => {
      const answer = next(request);
      return { ...answer, body: answer.body!.replace(/"total":\d+/, '"total":1e400') };
    }));
    const atTheEnd = cases(endless.exchanges, 'none').find((e) => e.label.endsWith('limit default, offset at the end'))!;
    expect(query(atTheEnd).get('offset')).toBe('61');
  });

  it('reads no rows from a page of the walk that is not a list', async () => {
    const long = withRows(61 + 25 * 40);
    const secondPage = (r: MockRequest) => !r.query.has('ticket_id') && r.query.get('limit') === String(values.limit.max) && r.query.get('offset') === String(values.limit.max);
    const refused = await run(lists(secondPage, () => problem(500)), long);
    expect(refused.exchanges.filter((e) => e.label === 'combinations: reference none page 2')).toHaveLength(1);
    expect(refused.result).toBeUndefined();
    expect(summary(refused.findings)).toEqual([]);
  });

  it('counts the rows it walked when the list gives no total', async () => {
    const noTotal = await run(lists((r) => !r.query.has('ticket_id'), (request, next) => mapBody(next(request), ({ total: _total, ...body }) => body)));
    const atTheEnd = cases(noTotal.exchanges, 'none').find((e) => e.label.endsWith('limit default, offset at the end'))!;
    expect(query(atTheEnd).get('offset')).toBe('61');
  });

  it('stops at a list that answers more rows than asked, says why, and still removes what it added', async () => {
    const ignoring = lists(() => true, (request, next) => next(withQuery(request, (q) => q.set('limit', String(values.limit.max)))));
    const stopped = await run(ignoring, holding(12));
    const [firstCase, ...more] = stopped.exchanges.filter((e) => e.label.startsWith('combinations: case'));
    expect(more).toEqual([]);
    const rows = (JSON.parse(firstCase!.response!.bodyText!) as { result: unknown[] }).result.length;
    expect(rows).toBeGreaterThan(values.limit.default!);
    expect(stopped.result).toBe(`the list answered ${rows} rows where the limit was left to its default (${values.limit.default}): it ignores limit, so its pages cannot be compared (list_arithmetic reports it)`);
    expect([stopped.outstanding, stopped.appeared, stopped.went]).toEqual([[], [], []]);
    const zero = await run(lists((r) => r.query.get('limit') === '0', (request, next) => next(withQuery(request, (q) => q.delete('limit')))));
    expect(zero.result).toMatch(/^the list answered \d+ rows where the limit was 0: it ignores limit/);
  });

  it('writes with --ticket and --equipment: without either, its pass says its writes did not run', async () => {
    const noted = async (fixtures: Partial<typeof context.fixtures>) => {
      const report = await runContract(selfTestOptions(baseUrl, { fetch: inProcessFetch(mockWith()), only: ['pagination_combinations'], fixtures: { ...context.fixtures, ...fixtures } }));
      return report.checks.map((c) => [c.status, c.note]);
    };
    expect(await noted({})).toEqual([['passed', undefined]]);
    expect(await noted({ equipment: [] })).toEqual([['passed', 'its writes did not run: needs --equipment (a catalogue id the suite may add)']]);
    expect(await noted({ ticket: undefined })).toEqual([['passed', 'its writes did not run: needs --ticket (an In Progress ticket the suite may write on)']]);
  });

  it('does not take another failure for a list that ignores limit', async () => {
    const failing = listCombinationsCheck.probe(() => Promise.reject(new Error('the connection pool is closed')), { ...context, readOnly: true }, createLedger());
    await expect(failing).rejects.toThrow('the connection pool is closed');
  });
});

describe('pagination_combinations: what the evaluation passes over', () => {
  const list = (label: string, target: string, status: number | undefined, body?: unknown): LabelledExchange => ({
    label,
    auth: 'both',
    attempts: 1,
    operationId: values.list.operationId,
    request: { method: 'GET', target, headers: {} },
    ...(status === undefined ? { error: { kind: 'timeout' as const, message: 'no answer' } } : { response: { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body), durationMs: 1 } }),
  });
  const row = (id: number) => ({ ticket_id: empty, diagnostic_equipment_id: id, name: 'Tool', version: null });
  const reference = (status: number | undefined, body?: unknown) => list('combinations: reference empty page 1', `${values.collection}?ticket_id=${empty}&limit=1000&offset=0`, status, body);
  const page = (target: string, status: number | undefined, body?: unknown) => list(`combinations: case empty: limit x, offset y`, `${values.collection}?${target}`, status, body);
  const judge = (...exchanges: LabelledExchange[]) => summary(listCombinationsCheck.evaluate(exchanges, context)).map((f) => [f.pointer, f.expected, f.actual, f.message]);

  it('holds a case to the walk’s own status when the walk was not answered 200', () => {
    expect(judge(reference(404, {}), page(`ticket_id=${empty}&limit=1`, 404, {}))).toEqual([]);
    expect(judge(reference(404, {}), page(`ticket_id=${empty}&limit=1`, 200, { result: [], total: 0 }))).toEqual([
      ['', 404, 200, `valid parameters together (ticket_id=${empty}&limit=1) were answered 200, where the same query walked at the largest limit was answered 404`],
    ]);
  });

  it('says "no parameters" for a case sent without any', () => {
    expect(judge(list('combinations: reference none page 1', `${values.collection}?limit=1000&offset=0`, 200, { result: [], total: 0 }), list('combinations: case none: limit default, offset default', values.collection, 500, {}))[0]?.[3]).toBe(
      'valid parameters together (no parameters) were answered 500, where the same query walked at the largest limit was answered 200',
    );
  });

  it('judges no case without an answer, without a walk, or whose walk was not answered', () => {
    expect(judge(reference(200, { result: [], total: 0 }), page(`ticket_id=${empty}`, undefined))).toEqual([]);
    expect(judge(page(`ticket_id=${empty}`, 500, {}))).toEqual([]);
    expect(judge(reference(undefined), page(`ticket_id=${empty}`, 500, {}))).toEqual([]);
  });

  it('compares totals and slices only of lists, and slices only where the walk read that far', () => {
    const walked = reference(200, { result: [row(1), row(2)], total: 2 });
    expect(judge(walked, page(`ticket_id=${empty}&limit=1`, 200, 'not a list'))).toEqual([]);
    expect(judge(walked, page(`ticket_id=${empty}&limit=1`, 200, [row(2)]))).toEqual([]);
    expect(judge(walked, page(`ticket_id=${empty}&limit=1`, 200, null))).toEqual([]);
    expect(judge(walked, page(`ticket_id=${empty}&limit=1`, 200, { result: 'rows', total: 2 }))).toEqual([]);
    expect(judge(walked, page(`ticket_id=${empty}&limit=ten`, 200, { result: [row(2)], total: 2 }))).toEqual([]);
    // A walk that read one row of the three its total promises: a page within that row is judged, one past it not.
    const partial = reference(200, { result: [row(1)], total: 3 });
    expect(judge(partial, page(`ticket_id=${empty}&limit=1&offset=1`, 200, { result: [row(9)], total: 3 }))).toEqual([]);
    expect(judge(partial, page(`ticket_id=${empty}&limit=1`, 200, { result: [row(9)], total: 3 }))).toEqual([
      ['/result', [`${empty}/1`], [`${empty}/9`], `the page for ticket_id=${empty}&limit=1 is not the matching slice of the same query walked at the largest limit`],
    ]);
    // A walk without a total is not whole, and no total is compared with it.
    expect(judge(reference(200, { result: [row(1)] }), page(`ticket_id=${empty}&offset=5`, 200, { result: [], total: 7 }))).toEqual([]);
    // A walk with a page that held no rows: the rows after it are not the walk's.
    const broken = (pages: unknown[]) => pages.map((body, i) => list(`combinations: reference empty page ${i + 1}`, `${values.collection}?ticket_id=${empty}&limit=1000&offset=${i * 1000}`, 200, body));
    expect(judge(...broken([{ result: 'x', total: 3 }, { result: [row(3), row(4)] }]), page(`ticket_id=${empty}&limit=1`, 200, { result: [row(1)], total: 3 }))).toEqual([]);
    expect(judge(...broken([{ result: [row(1)], total: 1 }, { result: 'x' }]), page(`ticket_id=${empty}&offset=5`, 200, { result: [row(1)], total: 1 }))).toEqual([]);
    // Past the end of a whole walk the slice is empty.
    expect(judge(walked, page(`ticket_id=${empty}&offset=5`, 200, { result: [], total: 2 }))).toEqual([]);
    expect(judge(walked, page(`ticket_id=${empty}&offset=5`, 200, { result: [row(1)], total: 2 }))).toEqual([
      ['/result', [], [`${empty}/1`], `the page for ticket_id=${empty}&offset=5 is not the matching slice of the same query walked at the largest limit`],
    ]);
  });

  it('compares the walks by ticket only when both are whole', () => {
    const none = (rows: unknown[], total: number) => list('combinations: reference none page 1', `${values.collection}?limit=1000&offset=0`, 200, { result: rows, total });
    const fixture = (rows: unknown[], total: number) => list('combinations: reference fixture page 1', `${values.collection}?ticket_id=${empty.toUpperCase()}&limit=1000&offset=0`, 200, { result: rows, total });
    expect(judge(none([row(1)], 1), fixture([row(1)], 1))).toEqual([]);
    expect(judge(none([row(1)], 1), fixture([row(2)], 1)).map(([, , actual]) => actual)).toEqual([{ missing: [`${empty}/1`], extra: [`${empty}/2`] }]);
    expect(judge(none([row(1)], 2), fixture([row(2)], 1))).toEqual([]);
    expect(judge(none([row(1)], 1), fixture([row(2)], 2))).toEqual([]);
    expect(judge(none([row(1)], 1), list('combinations: reference fixture page 1', `${values.collection}?ticket_id=${empty}&limit=1000&offset=0`, 200, { result: 'rows', total: 1 }))).toEqual([]);
    expect(judge(none([row(1)], 1), list('combinations: reference fixture page 1', `${values.collection}?limit=1000&offset=0`, 200, { result: [row(2)], total: 1 }))).toEqual([]);
  });

  it('names at most five rows each way, and counts them all', () => {
    const six = [1, 2, 3, 4, 5, 6];
    const none = (ids: number[]) => list('combinations: reference none page 1', `${values.collection}?limit=1000&offset=0`, 200, { result: ids.map(row), total: ids.length });
    const fixture = (ids: number[]) => list('combinations: reference fixture page 1', `${values.collection}?ticket_id=${empty}&limit=1000&offset=0`, 200, { result: ids.map(row), total: ids.length });
    const keys = (ids: number[]) => ids.map((id) => `${empty}/${id}`);
    expect(judge(none(six), fixture([]))).toEqual([['/result', `the 6 rows of ticket ${empty} in the unfiltered list`, { missing: keys(six.slice(0, 5)), extra: [] }, "walking the list filtered by ticket_id gives other rows than that ticket's rows in the unfiltered list (6 missing, 0 not in it)"]]);
    expect(judge(none([]), fixture(six))[0]?.[2]).toEqual({ missing: [], extra: keys(six.slice(0, 5)) });
  });
});
