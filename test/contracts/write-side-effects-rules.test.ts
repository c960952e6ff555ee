// write_side_effects rule by rule, around the check's own writes and around the whole run (runWatch): a
// write moves the unfiltered total by exactly itself and changes no other ticket's records; what moves
// while the suite wrote nothing is another writer's, and turns what is seen into warnings. Each rule is
// given the one deployment that breaks it (the kit's mock in this process, bent), and its finding is
// asserted whole; which tickets are watched, and what the probe sends for each answer, too.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { runWatch, sideWalkPages, watchedTickets, writeSideEffectsCheck } from '../../contracts/checks/write-side-effects.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import type { MockRequest } from '../../mocks/core/exchange.js';
import type { Mock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { collection, isList, mapBody, problem, wrap } from './mutant-kit.js';
import { context, inProcessSend, mockWith, probeAndEvaluate, spec, summary, withRows } from './in-process-probe.js';

const values = specValues(spec);
const ticket = exampleTicketId;
const defaults = mockWith().state();
/** The last In Progress ticket but --ticket: last in list order, so watched first only as a namesake. */
const namesake = defaults.tickets.filter((t) => t.status === 'In Progress' && t.id !== ticket).at(-1)!.id;
/** The default state with the namesake holding id 40 too, the id the probe writes. */
const withNamesake = () => mockWith((state) => void state.used.push({ ticket_id: namesake, diagnostic_equipment_id: 40 }));
/** An id `ticketId` does not hold in the default state. */
const freeOn = (ticketId: string) => defaults.catalog.map((c) => c.diagnostic_equipment_id).find((id) => !defaults.used.some((u) => u.ticket_id === ticketId && u.diagnostic_equipment_id === id))!;
const run = (deployment: (mock: Mock) => Mock = (mock) => mock, mock = withNamesake(), changes: Partial<CheckContext> = {}) => probeAndEvaluate(writeSideEffectsCheck, mock, deployment(mock), changes);
const isAdd = (request: MockRequest) => request.method === 'POST' && request.path === collection;
const isRemove = (request: MockRequest) => request.method === 'DELETE';
const totalOf = (state: StateDocument) => state.used.length;
/** An add (or a remove) of `ticketId`'s record of `id`, as another request's credentials allow. */
const write = (add: boolean, ticketId: string, id: number, headers: MockRequest['headers']): MockRequest =>
  add
    ? { method: 'POST', path: collection, query: new URLSearchParams(), headers: { ...headers, 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ ticket_id: ticketId, diagnostic_equipment_id: id })) }
    : { method: 'DELETE', path: `${collection}/${ticketId}/${id}`, query: new URLSearchParams(), headers };
/** Ticket `other` loses its record of `id` (or gains it) whenever the deployment answers `when` with success. */
const alsoChanging = (when: (request: MockRequest) => boolean, other: string, id: number, add = false) => (mock: Mock) =>
  wrap(mock, (request, next) => {
    const response = next(request);
    if (when(request) && response.status < 300) next(write(add, other, id, request.headers));
    return response;
  });
const labels = (exchanges: LabelledExchange[]) => exchanges.map((e) => e.label);
/** The tickets the probe watched, in order. */
const watchedIn = (exchanges: LabelledExchange[]) => exchanges.map((e) => /^side effects: (\S+) before$/.exec(e.label)?.[1]).filter((t): t is string => t !== undefined && t !== 'total');

/** Another client that adds a free record on --ticket just before the deployment answers its `at`-th reading of the total. */
const anotherWriterAt = (at: number) => (mock: Mock) => {
  let reads = 0;
  return wrap(mock, (request, next) => {
    if (isList(request) && request.query.get('limit') === String(values.limit.min) && ++reads === at) next(write(true, ticket, 37, request.headers));
    return next(request);
  });
};

/** A list that answers limit=0 with a page of rows (as if limit were left out), the newest record first. */
const newestFirst = (mock: Mock) =>
  wrap(mock, (request, next) => {
    if (!isList(request) || request.query.has('ticket_id')) return next(request);
    const limit = Number(request.query.get('limit') ?? values.limit.default) || values.limit.default!;
    const offset = Number(request.query.get('offset') ?? 0);
    return mapBody(next({ ...request, query: new URLSearchParams({ limit: String(values.limit.max), offset: '0' }) }), (body) => ({ ...body, query: { limit, offset }, result: (body.result as unknown[]).reverse().slice(offset, offset + limit) }));
  });

describe('write_side_effects around its own writes', () => {
  it('finds nothing on the kit’s mock and leaves it as it was', async () => {
    const { findings, result, outstanding, appeared, went } = await run();
    expect(result).toBeUndefined();
    expect(summary(findings)).toEqual([]);
    expect([outstanding, appeared, went]).toEqual([[], [], []]);
  });

  it('an add that also takes a namesake record off another ticket: the total and that ticket, each an error', async () => {
    const mock = withNamesake();
    const base = totalOf(mock.state());
    const { findings, exchanges } = await run(alsoChanging(isAdd, namesake, 40), mock);
    expect(watchedIn(exchanges)[0]).toBe(namesake);
    expect(summary(findings)).toEqual([
      {
        check: 'write_side_effects',
        severity: 'error',
        pointer: '/total',
        expected: base + 1,
        actual: base,
        message: 'the unfiltered total moved by 0 after an add of one record',
        target: `${values.collection}?limit=${values.limit.min}`,
        occurrences: 1,
      },
      {
        check: 'write_side_effects',
        severity: 'error',
        pointer: '/total',
        expected: base,
        actual: base - 1,
        message: 'the unfiltered total moved by -1 after an add and a remove of the same record',
        target: `${values.collection}?limit=${values.limit.min}`,
        occurrences: 1,
      },
      {
        check: 'write_side_effects',
        severity: 'error',
        pointer: '/result',
        expected: `ticket ${namesake}'s ${mock.state().used.filter((u) => u.ticket_id === namesake).length + 1} records, unchanged`,
        actual: `went: ${namesake}/40`,
        message: `a write on ticket ${ticket} changed the records of ticket ${namesake} by the add (went: ${namesake}/40)`,
        target: `${values.collection}?ticket_id=${namesake}&limit=${values.limit.max}`,
        occurrences: 1,
      },
    ]);
  });

  it('a remove that also puts a record on another ticket: reported by the remove', async () => {
    const id = freeOn(namesake);
    const { findings } = await run(alsoChanging(isRemove, namesake, id, true));
    const other = namesake;
    expect(summary(findings).map((f) => [f.pointer, f.actual, f.message])).toEqual([
      ['/total', totalOf(withNamesake().state()) + 1, 'the unfiltered total moved by 1 after an add and a remove of the same record'],
      ['/result', `appeared: ${other}/${id}`, `a write on ticket ${ticket} changed the records of ticket ${other} by the remove (appeared: ${other}/${id})`],
    ]);
  });

  it('a refused add whose record appears anyway: the total moved by 1, and nothing is removed', async () => {
    const lying = (mock: Mock) => wrap(mock, (request, next) => (isAdd(request) ? (next(request), problem(409)) : next(request)));
    const { findings, exchanges, outstanding } = await run(lying);
    expect(labels(exchanges)).not.toContain('side effects: remove');
    expect(labels(exchanges).at(-1)).toBe('side effects: total after the add, again');
    const base = totalOf(withNamesake().state());
    expect(summary(findings).map((f) => [f.severity, f.expected, f.actual, f.message])).toEqual([['error', base, base + 1, 'the unfiltered total moved by 1 after a refused add']]);
    expect(outstanding).toEqual([]);
  });

  it('moves seen while it wrote nothing are another writer’s: then what it sees is a warning that says so', async () => {
    // Another client adds a record on --ticket (never watched) at the second reading of the total before the writes.
    const { findings } = await run((mock) => alsoChanging(isAdd, namesake, 40)(anotherWriterAt(2)(mock)));
    expect(findings.length).toBeGreaterThan(0);
    expect(summary(findings).map((f) => f.severity)).toEqual(findings.map(() => 'warning'));
    expect(summary(findings).find((f) => f.pointer === '/total')!.message).toBe(
      'the unfiltered total moved by 0 after an add of one record — but it also moved when the suite wrote nothing: the deployment has other writers, so this may be theirs',
    );
  });

  it('another writer is seen at any moment, not only before the writes', async () => {
    // The fifth and sixth readings of the total are the pair after the remove.
    for (const at of [4, 6]) {
      const { findings } = await run((mock) => alsoChanging(isAdd, namesake, 40)(anotherWriterAt(at)(mock)));
      expect(findings.length).toBeGreaterThan(0);
      expect(summary(findings).map((f) => f.severity)).toEqual(findings.map(() => 'warning'));
    }
  });

  it('says nothing of a total after a write whose answer is missing, and reads on', async () => {
    const unanswered = (which: (request: MockRequest) => boolean) => (mock: Mock) => wrap(mock, (request, next) => (which(request) ? { ...next(request), networkError: true } : next(request)));
    // The add took but its answer was lost: the total moved by 1, and nothing can say it should not have.
    const lostAdd = await run(unanswered(isAdd));
    expect(summary(lostAdd.findings)).toEqual([]);
    expect(lostAdd.outstanding).toEqual([`${ticket}/40`]);
    expect(labels(lostAdd.exchanges).at(-1)).toBe('side effects: total after the add, again');
    const lostRemove = await run(unanswered(isRemove));
    expect(summary(lostRemove.findings)).toEqual([]);
    expect(labels(lostRemove.exchanges).at(-1)).toBe('side effects: total after the remove, again');
    expect(lostRemove.outstanding).toEqual([`${ticket}/40`]);
  });

  it('expects a remove refused to leave the record counted', async () => {
    const { findings, outstanding } = await run((mock) => wrap(mock, (request, next) => (isRemove(request) ? problem(409) : next(request))));
    expect(summary(findings)).toEqual([]);
    expect(outstanding).toEqual([`${ticket}/40`]);
  });

  it('judges nothing without a reading of the total before the writes, or a total that is not a count', async () => {
    const untotalled = (mock: Mock) => wrap(mock, (request, next) => (isList(request) && request.query.get('limit') === String(values.limit.min) ? mapBody(next(request), ({ total: _total, ...body }) => body) : next(request)));
    expect(summary((await run((mock) => alsoChanging(isAdd, namesake, 40)(untotalled(mock)))).findings)).toEqual([]);
    const found = await run(alsoChanging(isAdd, namesake, 40));
    expect(found.findings).toHaveLength(3);
    const withoutBase = found.exchanges.filter((e) => e.label !== 'side effects: total before, again');
    expect(writeSideEffectsCheck.evaluate(withoutBase, context)).toEqual([]);
    const notCounted = found.exchanges.map((e) => (e.label === 'side effects: total after the add' ? { ...e, response: { ...e.response!, bodyText: '{"total":"many"}' } } : e));
    expect(writeSideEffectsCheck.evaluate(notCounted, context).filter((f) => f.pointer === '/total').map((f) => f.message)).toEqual(['the unfiltered total moved by -1 after an add and a remove of the same record']);
  });

  it('compares a watched ticket only where both readings are lists', async () => {
    const { exchanges } = await run(alsoChanging(isAdd, namesake, 40));
    const refused = (label: string) => exchanges.map((e) => (e.label === label ? { ...e, response: { ...e.response!, status: 500 } } : e));
    const changes = (sent: LabelledExchange[]) => summary(writeSideEffectsCheck.evaluate(sent, context)).filter((f) => f.pointer === '/result').map((f) => f.message);
    expect(changes(exchanges)).toHaveLength(1);
    expect(changes(refused(`side effects: ${namesake} before`))).toEqual([]);
    // The reading after the add refused: the change is seen after the remove.
    expect(changes(refused(`side effects: ${namesake} after the add`))).toEqual([`a write on ticket ${ticket} changed the records of ticket ${namesake} by the remove (went: ${namesake}/40)`]);
    const noResult = exchanges.map((e) => (e.label.startsWith(`side effects: ${namesake} after`) ? { ...e, response: { ...e.response!, bodyText: '{"total":3}' } } : e));
    expect(changes(noResult)).toEqual([]);
    const unnamed = summary(writeSideEffectsCheck.evaluate(exchanges, { ...context, fixtures: { ...context.fixtures, ticket: undefined } })).find((f) => f.pointer === '/result')!;
    expect(unnamed.message).toBe(`a write on ticket (the fixture) changed the records of ticket ${namesake} by the add (went: ${namesake}/40)`);
  });

  it('says so when every --equipment id is used on the ticket, and needs a ticket and ids to write with', async () => {
    const used = await run(undefined, mockWith(), { fixtures: { ...context.fixtures, equipment: [12] } });
    expect(used.result).toBe('every --equipment id is already used on --ticket');
    expect(labels(used.exchanges)).toEqual(['side effects: is 12 free']);
    const notRun = (changes: Partial<CheckContext>) => writeSideEffectsCheck.notRunReason!({ ...context, ...changes });
    expect(notRun({})).toBeUndefined();
    expect(notRun({ readOnly: true })).toBe('--read-only: no writes');
    expect(notRun({ fixtures: { ...context.fixtures, ticket: undefined } })).toBe('needs --ticket (an In Progress ticket the suite may write on)');
    expect(notRun({ fixtures: { ...context.fixtures, equipment: [] } })).toBe('needs --equipment (a catalogue id the suite may add)');
  });
});

describe('the tickets watched', () => {
  const walkOf = (exchanges: LabelledExchange[]) => exchanges.filter((e) => e.label.startsWith('side effects: walk page')).map((e) => e.request.target);

  it(`are the namesakes of the write first, then others in list order, at most ${watchedTickets}, never --ticket`, async () => {
    const others = [...new Set(defaults.used.map((u) => u.ticket_id))].filter((t) => t !== ticket && t !== namesake);
    expect(others.length).toBeGreaterThan(watchedTickets);
    expect(watchedIn((await run()).exchanges)).toEqual([namesake, ...others].slice(0, watchedTickets));
    expect(watchedIn((await run(undefined, mockWith())).exchanges)).toEqual(others.slice(0, watchedTickets));
  });

  it('are found in a walk of at most a few pages, which stops at the end of the list or at a page past its limit', async () => {
    const size = values.limit.max!;
    const pages = (count: number) => Array.from({ length: count }, (_, page) => `${values.collection}?limit=${size}&offset=${page * size}`);
    const long = withRows(sideWalkPages * size + 1);
    expect(walkOf((await run(undefined, long)).exchanges)).toEqual(pages(sideWalkPages));
    expect(walkOf((await run()).exchanges)).toEqual(pages(1));
    // Exactly one page long, and one row more.
    expect(walkOf((await run(undefined, withRows(size))).exchanges)).toEqual(pages(1));
    expect(walkOf((await run(undefined, withRows(size + 1))).exchanges)).toEqual(pages(2));
    // A first page holding more rows than asked: the list ignores limit, and the walk reads no more.
    const ignoring = (mock: Mock) => wrap(mock, (request, next) => (isList(request) && request.query.get('offset') === '0' && !request.query.has('ticket_id') ? mapBody(next(request), (body) => ({ ...body, result: [...(body.result as unknown[]), ...(body.result as unknown[])] })) : next(request)));
    expect(walkOf((await run(ignoring, long)).exchanges)).toEqual(pages(1));
    const untotalled = (mock: Mock) => wrap(mock, (request, next) => (isList(request) && request.query.has('offset') ? mapBody(next(request), ({ total: _total, ...body }) => body) : next(request)));
    expect(walkOf((await run(untotalled, long)).exchanges)).toEqual(pages(1));
  });

  it('leave out rows without a ticket, and --ticket in any letter case', async () => {
    const odd = (mock: Mock) =>
      wrap(mock, (request, next) =>
        isList(request) && request.query.has('offset')
          ? mapBody(next(request), (body) => ({ ...body, result: [{ ticket_id: 7, diagnostic_equipment_id: 40 }, { ticket_id: ticket.toUpperCase(), diagnostic_equipment_id: 40 }, ...(body.result as unknown[])] }))
          : next(request),
      );
    const { exchanges } = await run(odd);
    expect(watchedIn(exchanges).filter((t) => t.toLowerCase() === ticket || t === '7')).toEqual([]);
  });
});

describe('the run-wide watch', () => {
  type Sender = ReturnType<typeof inProcessSend>['send'];
  /** The watch before a run and after it, with `between` sent in the middle as the run's writes. */
  async function watch(deployment: Mock, between: (send: Sender) => Promise<unknown> = async () => undefined, left = 0) {
    const started = inProcessSend(deployment);
    await runWatch.before(started.send, context);
    await between(started.send);
    const ended = inProcessSend(deployment);
    await runWatch.after(ended.send, context, started.exchanges);
    const exchanges = [...started.exchanges.filter((e) => e.label.startsWith('run watch:')), ...ended.exchanges];
    return { exchanges, findings: summary(runWatch.evaluate(exchanges, context, left)) };
  }
  const add = (id: number, on = ticket) => (send: Sender) => send('a check: add', 'POST', values.collection, { json: { ticket_id: on, diagnostic_equipment_id: id } });
  const base = totalOf(withNamesake().state());

  it('reads the total twice with the watched tickets between, namesakes of --equipment first, and each again after the run', async () => {
    const { exchanges, findings } = await watch(withNamesake());
    const watched = exchanges.filter((e) => / at the start$/.test(e.label) && !e.label.includes('total')).map((e) => e.label.replace(/^run watch: | at the start$/g, ''));
    expect(watched).toHaveLength(watchedTickets);
    expect(watched[0]).toBe(namesake);
    expect(exchanges[0]!.label).toBe('run watch: walk page 1');
    expect(exchanges.filter((e) => / at the start$/.test(e.label) && !e.label.includes('total')).map((e) => e.request.target)).toEqual(watched.map((t) => `${values.collection}?ticket_id=${t}&limit=${values.limit.max}`));
    expect(exchanges.filter((e) => !e.label.includes('walk page')).map((e) => e.label)).toEqual([
      'run watch: total at the start',
      ...watched.map((t) => `run watch: ${t} at the start`),
      'run watch: total at the start, again',
      'run watch: total at the end',
      ...watched.map((t) => `run watch: ${t} at the end`),
    ]);
    expect(findings).toEqual([]);
  });

  it('a write the run left behind moves the total: an error, unless the cleanup said it could not remove it', async () => {
    const { findings } = await watch(withNamesake(), add(40));
    expect(findings).toEqual([
      {
        check: 'write_side_effects',
        severity: 'error',
        pointer: '/total',
        expected: base,
        actual: base + 1,
        message: `after the run, with every write of the suite's undone, the unfiltered total is ${base + 1}, not ${base}: some write changed more than its own record`,
        target: `${values.collection}?limit=${values.limit.min}`,
        occurrences: 1,
      },
    ]);
    expect((await watch(withNamesake(), add(40), 1)).findings).toEqual([]);
    expect((await watch(withNamesake(), async () => undefined, 1)).findings.map((f) => [f.expected, f.message])).toEqual([
      [base + 1, `after the run, with every write of the suite's undone but 1 it could not remove, the unfiltered total is ${base}, not ${base + 1}: some write changed more than its own record`],
    ]);
  });

  it('a watched ticket changed by the run is an error; with another writer seen, a warning', async () => {
    const free = freeOn(namesake);
    const { findings } = await watch(withNamesake(), add(free, namesake), 1);
    expect(findings.map((f) => [f.severity, f.pointer, f.actual, f.message])).toEqual([
      ['error', '/result', `appeared: ${namesake}/${free}`, `after the run, with every write of the suite's undone, the records of ticket ${namesake} are not what they were (appeared: ${namesake}/${free}): some write changed another ticket`],
    ]);
    // Another writer adds a record on --ticket (never watched) between the two readings of the total at the start.
    const shared = await watch(anotherWriterAt(2)(withNamesake()), add(free, namesake));
    expect(shared.findings.map((f) => [f.severity, f.pointer, f.message])).toEqual([
      ['warning', '/total', `after the run, with every write of the suite's undone, the unfiltered total is ${base + 2}, not ${base + 1}: some write changed more than its own record — or other writers did: the total also moved while the suite wrote nothing`],
      ['warning', '/result', expect.stringMatching(/: some write changed another ticket$/)],
    ]);
  });

  it('watches without --ticket, and does not take the readings of the total for a ticket’s', async () => {
    const noTicket = { ...context, fixtures: { ...context.fixtures, ticket: undefined } };
    const started = inProcessSend(withNamesake());
    await runWatch.before(started.send, noTicket);
    expect(started.exchanges.filter((e) => / at the start$/.test(e.label) && !e.label.includes('total'))).toHaveLength(watchedTickets);
    // A list that answers limit=0 with rows, newest first, and a record the run left: only the total speaks.
    const { findings } = await watch(newestFirst(withNamesake()), add(40), 1);
    expect(findings).toEqual([]);
  });

  it('judges the total only with its readings at the start and the end, and a ticket only with both of its own', async () => {
    expect(runWatch.evaluate([], context, 0)).toEqual([]);
    const { exchanges, findings } = await watch(withNamesake(), add(40));
    expect(findings).toHaveLength(1);
    for (const left of ['run watch: total at the start, again', 'run watch: total at the end']) expect(runWatch.evaluate(exchanges.filter((e) => e.label !== left), context, 0)).toEqual([]);
    // The first reading only tells whether another writer was seen.
    expect(runWatch.evaluate(exchanges.filter((e) => e.label !== 'run watch: total at the start'), context, 0).map((f) => f.severity)).toEqual(['error']);
    const changed = await watch(withNamesake(), add(freeOn(namesake), namesake), 1);
    expect(changed.findings).toHaveLength(1);
    // Without the second reading at the start, or with a total that is not a count at the end, no writer is
    // told from the total, and the total is not judged.
    expect(runWatch.evaluate(changed.exchanges.filter((e) => e.label !== 'run watch: total at the start, again'), context, 1).map((f) => f.severity)).toEqual(['error']);
    const uncounted = changed.exchanges.map((e) => (e.label === 'run watch: total at the end' ? { ...e, response: { ...e.response!, bodyText: '{"total":"many"}' } } : e));
    expect(runWatch.evaluate(uncounted, context, 0).map((f) => f.pointer)).toEqual(['/result']);
    expect(runWatch.evaluate(changed.exchanges.filter((e) => e.label !== `run watch: ${namesake} at the end`), context, 1)).toEqual([]);
  });
});

describe('write_side_effects on a list that ignores limit=0 and shows the newest record first', () => {
  // The readings of the total ask for limit=0; such a deployment answers them with a page of rows, where
  // the suite's own add shows at the top. Those readings count the total, and watch no ticket.
  it('does not take the readings of the total for a watched ticket', async () => {
    const { findings } = await run(newestFirst);
    expect(summary(findings)).toEqual([]);
  });
});

describe('write_side_effects: answers at the edges', () => {
  const addAnswered = (status: number) => (mock: Mock) => wrap(mock, (request, next) => (isAdd(request) ? { ...next(request), status } : next(request)));

  it('takes any 2xx to the add and to the remove as a write that took, and a 300 as none', async () => {
    expect(summary((await run(addAnswered(200))).findings)).toEqual([]);
    const kept = await run((mock) => wrap(mock, (request, next) => (isRemove(request) ? { status: 300, headers: {} } : next(request))));
    expect(summary(kept.findings)).toEqual([]);
    expect(kept.outstanding).toEqual([`${ticket}/40`]);
    // An interim 1xx is no answer to a write either: the record its add made moves the total unexplained.
    const { exchanges } = await run();
    const interim = exchanges.map((e) => (e.label === 'side effects: add' ? { ...e, response: { ...e.response!, status: 101 } } : e));
    expect(summary(writeSideEffectsCheck.evaluate(interim, context)).map((f) => f.message)).toEqual(['the unfiltered total moved by 1 after a refused add', 'the unfiltered total moved by 0 after an add and a remove of the same record']);
  });

  it('reads a change of a watched ticket as what went and what appeared', async () => {
    const id = freeOn(namesake);
    const swapping = (mock: Mock) => alsoChanging(isAdd, namesake, id, true)(alsoChanging(isAdd, namesake, 40)(mock));
    const changed = summary((await run(swapping)).findings).find((f) => f.pointer === '/result')!;
    expect(changed.actual).toBe(`went: ${namesake}/40; appeared: ${namesake}/${id}`);
  });

  it('names "(another ticket)" for a reading that names none, and reads a reading without rows as none', async () => {
    const { exchanges } = await run(alsoChanging(isAdd, namesake, 40));
    const unnamed = exchanges.map((e) => (e.label === `side effects: ${namesake} after the add` ? { ...e, request: { ...e.request, target: values.collection } } : e));
    expect(summary(writeSideEffectsCheck.evaluate(unnamed, context)).find((f) => f.pointer === '/result')!.message).toBe(`a write on ticket ${ticket} changed the records of ticket (another ticket) by the add (went: ${namesake}/40)`);
    const rowless = exchanges.map((e) => (e.label === `side effects: ${namesake} before` ? { ...e, response: { ...e.response!, bodyText: '{"total":3}' } } : e));
    expect(summary(writeSideEffectsCheck.evaluate(rowless, context)).filter((f) => f.pointer === '/result')).toEqual([]);
  });

  it('tells another writer only from two numeric readings of the total at one moment', async () => {
    const { exchanges } = await run(alsoChanging(isAdd, namesake, 40));
    const severities = (sent: LabelledExchange[]) => [...new Set(summary(writeSideEffectsCheck.evaluate(sent, context)).map((f) => f.severity))];
    expect(severities(exchanges)).toEqual(['error']);
    for (const label of ['side effects: total after the add', 'side effects: total after the add, again']) {
      expect(severities(exchanges.map((e) => (e.label === label ? { ...e, response: { ...e.response!, bodyText: '{"total":"many"}' } } : e)))).toEqual(['error']);
    }
  });

  it('watches a namesake once even when it also has other records before it in the list', async () => {
    // The first ticket in list order but --ticket holds id 40 too, at the end of the list.
    const first = defaults.used.find((u) => u.ticket_id !== ticket)!.ticket_id;
    const others = [...new Set(defaults.used.map((u) => u.ticket_id))].filter((t) => t !== ticket && t !== first);
    const mock = mockWith((state) => void state.used.push({ ticket_id: first, diagnostic_equipment_id: 40 }));
    expect(watchedIn((await run(undefined, mock)).exchanges)).toEqual([first, ...others].slice(0, watchedTickets));
  });

  it('reads no tickets from a walk page that is not a list, and only the rows a page was asked for', async () => {
    const refused = await run((mock) => wrap(mock, (request, next) => (isList(request) && request.query.has('offset') ? problem(500) : next(request))));
    expect(watchedIn(refused.exchanges)).toEqual([]);
    expect(summary(refused.findings)).toEqual([]);
    // A first page of more rows than asked, the last of them a namesake's: the walk reads the rows it asked for only.
    const size = values.limit.max!;
    const stranger = 'eeeeeeee-0000-4000-8000-000000000001';
    const long = withRows(size + 1);
    const overflowing = (mock: Mock) =>
      wrap(mock, (request, next) => (isList(request) && request.query.get('offset') === '0' && !request.query.has('ticket_id') ? mapBody(next(request), (body) => ({ ...body, result: [...(body.result as unknown[]), { ticket_id: stranger, diagnostic_equipment_id: 40 }] })) : next(request)));
    expect(watchedIn((await run(overflowing, long)).exchanges)).not.toContain(stranger);
  });
});
