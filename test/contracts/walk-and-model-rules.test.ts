// The list walk and the stateful model pinned rule by rule: what each concludes from hand-made answers,
// asserted whole, so that a condition switched off or a message blanked is seen.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { listWalkCheck } from '../../contracts/checks/list-walk.js';
import { divergence, modelRunCheck, systematicSequences, type ModelCommand } from '../../contracts/checks/model-run.js';
import { curlFor } from '../../contracts/curl.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import { compiledSpec } from '../../src/spec/index.js';

const spec = compiledSpec();
const values = specValues(spec);
const ticket = 'aaaaaaaa-0000-4000-8000-000000000001';
const other = 'bbbbbbbb-0000-4000-8000-000000000002';
const context: CheckContext = { spec, fixtures: { ticket, equipment: [7, 8, 9], probeRemoveRule: false }, readOnly: false, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 42, maxCases: 5 } };
const row = (ticketId: string, id: number) => ({ ticket_id: ticketId, diagnostic_equipment_id: id, name: `Tool ${id}`, version: null });

function exchange(label: string, method: string, target: string, status: number | undefined, body?: unknown): LabelledExchange {
  return {
    label,
    auth: 'both',
    attempts: 1,
    request: { method, target, headers: {} },
    ...(status === undefined
      ? { error: { kind: 'reset' as const, message: 'the connection was closed' } }
      : { response: { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' }, bodyText: body === undefined ? '' : JSON.stringify(body), durationMs: 1 } }),
  };
}
const summary = (findings: ReturnType<typeof listWalkCheck.evaluate>) =>
  findings.map((f) => ({ check: f.check, pointer: f.pointer, expected: f.expected, actual: f.actual.value, message: f.message, target: f.request.target }));

describe('the list walk', () => {
  const walk = (pages: number[][], total: number) =>
    pages.map((ids, i) => exchange(`walk page ${i + 1}`, 'GET', `${values.collection}?limit=3&offset=${i * 3}`, 200, { query: { limit: 3, offset: i * 3 }, result: ids.map((id) => row(ticket, id)), total }));
  const lastTarget = (pages: number) => `${values.collection}?limit=3&offset=${(pages - 1) * 3}`;

  it('takes pages that give exactly total distinct rows', () => {
    expect(summary(listWalkCheck.evaluate(walk([[1, 2, 3], [4, 5, 6], [7]], 7), context))).toEqual([]);
  });

  it('finds a row missing from every page, on the last page read', () => {
    expect(summary(listWalkCheck.evaluate(walk([[1, 2, 3], [4, 5, 6], [7]], 8), context))).toEqual([
      { check: 'pagination_walk', pointer: '/result', expected: '8 distinct rows (total)', actual: 7, message: 'walking all 3 pages gave 7 distinct rows, but total says 8', target: lastTarget(3) },
    ]);
  });

  it('finds a row on two pages even when the distinct count matches total, and names it', () => {
    expect(summary(listWalkCheck.evaluate(walk([[1, 2, 3], [3, 4, 5]], 5), context))).toEqual([
      { check: 'pagination_walk', pointer: '/result', expected: 'each row on one page only', actual: [`${ticket}/3`], message: '1 row appears on more than one page of the walk', target: lastTarget(2) },
    ]);
  });

  it('names at most five rows seen twice, and counts them all', () => {
    expect(summary(listWalkCheck.evaluate(walk([[1, 2, 3], [1, 2, 3], [4, 5, 6], [4, 5, 6]], 6), context))).toEqual([{
      check: 'pagination_walk',
      pointer: '/result',
      expected: 'each row on one page only',
      actual: [1, 2, 3, 4, 5].map((id) => `${ticket}/${id}`),
      message: '6 rows appear on more than one page of the walk',
      target: lastTarget(4),
    }]);
  });

  it('counts a page that holds no list as one that gave no rows', () => {
    const pages = walk([[1, 2, 3], [4, 5, 6], [7]], 7);
    const broken = (status: number, bodyText: string) => pages.map((e, i) => (i === 1 ? { ...e, response: { ...e.response!, status, bodyText } } : e));
    const missing = { check: 'pagination_walk', pointer: '/result', expected: '7 distinct rows (total)', actual: 4, message: 'walking all 3 pages gave 4 distinct rows, but total says 7', target: lastTarget(3) };
    expect(summary(listWalkCheck.evaluate(broken(200, '{"total":7}'), context))).toEqual([missing]);
    expect(summary(listWalkCheck.evaluate(broken(500, 'oops'), context))).toEqual([missing]);
  });

  it('judges nothing when the first page has no numeric total', () => {
    expect(listWalkCheck.evaluate([exchange('walk page 1', 'GET', values.collection, 200, { result: [], total: '3' })], context)).toEqual([]);
    expect(listWalkCheck.evaluate([], context)).toEqual([]);
  });
});

describe('the model: what each answer should have been', () => {
  const pool = [7, 8, 9];
  const answer = (status: number | undefined, body?: unknown) => exchange('model: search', 'GET', '/', status, body);
  const list = (ids: Array<[string, number]>) => answer(200, { query: {}, result: ids.map(([t, id]) => row(t, id)), total: ids.length });
  const cases: Array<[string, ModelCommand, number[], LabelledExchange, string | undefined]> = [
    ['add of a free id, accepted', { kind: 'add', id: 7 }, [], answer(201, row(ticket, 7)), undefined],
    ['add of a free id, refused', { kind: 'add', id: 7 }, [], answer(409), 'answered 409; 7 is free on the ticket, so a 2xx'],
    ['add of an id on the ticket, refused', { kind: 'add', id: 7 }, [7], answer(409), undefined],
    ['add of an id on the ticket, accepted', { kind: 'add', id: 7 }, [7], answer(201), 'answered 201; 7 is already on the ticket, so a 4xx refusal'],
    ['add of an id on the ticket, a 5xx', { kind: 'add', id: 7 }, [7], answer(500), 'answered 500; 7 is already on the ticket, so a 4xx refusal'],
    ['remove of an id on the ticket, done', { kind: 'remove', id: 8 }, [8], answer(204), undefined],
    ['remove of an id on the ticket, refused', { kind: 'remove', id: 8 }, [8], answer(404), 'answered 404; 8 is on the ticket, so a 2xx'],
    ['remove of a free id, refused', { kind: 'remove', id: 8 }, [], answer(404), undefined],
    ['remove of a free id, done', { kind: 'remove', id: 8 }, [], answer(204), 'answered 204; 8 is not on the ticket, so a 4xx'],
    ['get of a free id, 404', { kind: 'get', id: 9 }, [], answer(404), undefined],
    ['get of a free id, 200', { kind: 'get', id: 9 }, [], answer(200, row(ticket, 9)), 'answered 200; 9 is not on the ticket, so 404'],
    ['get of an id on the ticket, that record', { kind: 'get', id: 9 }, [9], answer(200, row(ticket, 9)), undefined],
    ['get of an id on the ticket, another record', { kind: 'get', id: 9 }, [9], answer(200, row(ticket, 8)), 'answered 200; 9 is on the ticket, so 200 with that record'],
    ['get of an id on the ticket, 404', { kind: 'get', id: 9 }, [9], answer(404), 'answered 404; 9 is on the ticket, so 200 with that record'],
    ['list as the model holds it (other tickets and ids outside the pool ignored)', { kind: 'list' }, [7], list([[ticket, 7], [ticket, 1], [other, 8]]), undefined],
    ['list lacking an id', { kind: 'list' }, [7, 8], list([[ticket, 7]]), 'the list lacks 8, against the model'],
    ['list holding an id the model does not', { kind: 'list' }, [], list([[ticket, 9]]), 'the list holds 9, against the model'],
    ['list both lacking and holding', { kind: 'list' }, [7], list([[ticket, 8]]), 'the list lacks 7 and holds 8, against the model'],
    ['list lacking two ids', { kind: 'list' }, [7, 8], list([[ticket, 9]]), 'the list lacks 7, 8 and holds 9, against the model'],
    ['list holding two ids', { kind: 'list' }, [7], list([[ticket, 8], [ticket, 9]]), 'the list lacks 7 and holds 8, 9, against the model'],
    ['list refused', { kind: 'list' }, [], answer(403), "answered 403; the ticket's list, so 200"],
    ['list without rows', { kind: 'list' }, [], answer(200, { total: 0 }), "answered 200; the ticket's list, so 200"],
    ['no answer', { kind: 'get', id: 7 }, [], answer(undefined), 'no answer (no answer: the connection was closed)'],
  ];
  it.each(cases)('%s', (_name, command, held, exchange, expected) => {
    expect(divergence(command, new Set(held), exchange, ticket, pool)).toBe(expected);
  });
});

describe('the model: the report of the shortest failing sequence', () => {
  const step = (n: number, text: string, method: string, target: string, status: number, body?: unknown) => exchange(`model step ${n}: ${text}`, method, target, status, body);
  const one = (id: number) => values.oneTarget(ticket, id);

  it('says nothing when every replayed step agrees, or when nothing was replayed', () => {
    const agreeing = [step(1, 'add 7', 'POST', values.collection, 201, row(ticket, 7)), step(2, 'get 7', 'GET', one(7), 200, row(ticket, 7)), step(3, 'remove 7', 'DELETE', one(7), 204)];
    expect(modelRunCheck.evaluate(agreeing, context)).toEqual([]);
    expect(modelRunCheck.evaluate([exchange('model: search', 'GET', one(7), 500)], context)).toEqual([]);
  });

  // The random phase ran (it runs only when the systematic one found nothing): its search is in the exchanges.
  const searched = exchange('model: search', 'GET', one(7), 404);

  it('reports the first step that parts from the model, what the model held, and the sequence as curl lines, then their undo', () => {
    const steps = [step(1, 'add 7', 'POST', values.collection, 201, row(ticket, 7)), step(2, 'add 8', 'POST', values.collection, 201, row(ticket, 8)), step(3, 'get 7', 'GET', one(7), 404), step(4, 'list the ticket', 'GET', values.collection, 200, { result: [] })];
    // The adds carry their bodies, as the probe sends them: the undo lines are read from them.
    for (const [at, id] of [[0, 7], [1, 8]] as const) steps[at]!.request.body = JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: id });
    const [finding, ...rest] = modelRunCheck.evaluate([searched, ...steps], context);
    expect(rest).toEqual([]);
    const curl = (n: number) => curlFor(steps[n]!.request, context.baseUrl, context.apiKeyHeader);
    const remove = (id: number) => curlFor({ method: 'DELETE', target: one(id), headers: steps[0]!.request.headers }, context.baseUrl, context.apiKeyHeader);
    expect({ check: finding!.check, expected: finding!.expected, actual: finding!.actual.value, target: finding!.request.target, message: finding!.message }).toEqual({
      check: 'stateful_model',
      expected: 'what the model holds after steps 1..2: 7, 8 on the ticket',
      actual: 404,
      target: one(7),
      message: `step 3 of the shortest failing sequence (seed 42) answered 404; 7 is on the ticket, so 200 with that record; the sequence:\n# 1. add 7\n${curl(0)}\n# 2. add 8\n${curl(1)}\n# 3. get 7\n${curl(2)}\n# undo:\n${remove(7)}\n${remove(8)}`,
    });
  });

  it('says when the very first step failed, and that the model held none of the ids', () => {
    const [finding] = modelRunCheck.evaluate([searched, step(1, 'remove 9', 'DELETE', one(9), 204)], context);
    expect(finding!.expected).toBe('what the model holds before the first step: none of the ids on the ticket');
    expect(finding!.message.split('\n')[0]).toBe('step 1 of the shortest failing sequence (seed 42) answered 204; 9 is not on the ticket, so a 4xx; the sequence:');
  });

  it("shows a list step's ids on the ticket as what was answered, and another step's status", () => {
    const lacking = modelRunCheck.evaluate([step(1, 'add 7', 'POST', values.collection, 201, row(ticket, 7)), step(2, 'list the ticket', 'GET', values.collection, 200, { result: [row(ticket, 8), row(other, 7), row(ticket, 9)] })], context);
    expect(lacking.map((f) => f.actual.value)).toEqual([[8, 9]]);
    const refused = modelRunCheck.evaluate([step(1, 'add 7', 'POST', values.collection, 201, row(ticket, 7)), step(2, 'list the ticket', 'GET', values.collection, 500, { result: [] })], context);
    expect(refused.map((f) => f.actual.value)).toEqual([500]);
  });

  it('says a sequence of the systematic phase is the same on every seed (no random search ran)', () => {
    const [finding] = modelRunCheck.evaluate([step(1, 'add 7', 'POST', values.collection, 201, row(ticket, 7)), step(2, 'get 7', 'GET', one(7), 404)], context);
    expect(finding!.message.split('\n')[0]).toBe('step 2 of the first failing sequence of the systematic phase (the same on every seed) answered 404; 7 is on the ticket, so 200 with that record; the sequence:');
  });

  it('undoes each id the sequence added once, however often it added it, and only adds it can read', () => {
    const add = (n: number, id: number, status: number) => {
      const sent = step(n, `add ${id}`, 'POST', values.collection, status, row(ticket, id));
      sent.request.body = JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: id });
      return sent;
    };
    const steps = [add(1, 7, 201), step(2, 'remove 7', 'DELETE', one(7), 204), add(3, 7, 201), step(4, 'get 7', 'GET', one(7), 404)];
    const [finding] = modelRunCheck.evaluate([searched, ...steps], context);
    const remove7 = curlFor({ method: 'DELETE', target: one(7), headers: steps[0]!.request.headers }, context.baseUrl, context.apiKeyHeader);
    expect(finding!.message.split('\n').slice(-2)).toEqual(['# undo:', remove7]);
    // An add whose body names no record (the deployment was sent something else) has no undo line.
    const unreadable = add(1, 8, 201);
    unreadable.request.body = 'not json';
    const [other] = modelRunCheck.evaluate([searched, unreadable, step(2, 'get 8', 'GET', one(8), 404)], context);
    expect(other!.message).not.toContain('# undo:');
    expect(other!.message.split('\n')[0]).toBe('step 2 of the shortest failing sequence (seed 42) answered 404; 8 is on the ticket, so 200 with that record; the sequence:');
  });

  it('cannot run read-only, without --ticket or without --equipment', () => {
    expect(modelRunCheck.notRunReason!(context)).toBeUndefined();
    expect(modelRunCheck.notRunReason!({ ...context, readOnly: true })).toBe('--read-only: the model run writes');
    expect(modelRunCheck.notRunReason!({ ...context, fixtures: { ...context.fixtures, ticket: undefined } })).toBe('needs --ticket (an In Progress ticket the suite may write on)');
    expect(modelRunCheck.notRunReason!({ ...context, fixtures: { ...context.fixtures, equipment: [] } })).toBe('needs --equipment (a catalogue id the suite may add)');
  });
});

describe('the model: the systematic phase’s sequences', () => {
  const text = (sequence: ModelCommand[]) => sequence.map((c) => (c.kind === 'list' ? 'list' : `${c.kind} ${c.id}`)).join(', ');
  const observe = 'list, get 7, get 8';

  it('over two ids: every ordered pair of writes observed whole before and after, then every three writes that each change the ticket', () => {
    const writes = ['add 7', 'remove 7', 'add 8', 'remove 8'];
    const pairs = writes.flatMap((first) => writes.map((second) => `${observe}, ${first}, ${second}, ${observe}`));
    const shapes = [
      'add 7, remove 7, add 7',
      'add 7, remove 7, add 8',
      'add 7, add 8, remove 7',
      'add 7, add 8, remove 8',
      'add 8, add 7, remove 7',
      'add 8, add 7, remove 8',
      'add 8, remove 8, add 7',
      'add 8, remove 8, add 8',
    ].map((shape) => `${shape}, ${observe}`);
    expect(systematicSequences([7, 8, 9]).map(text)).toEqual([...pairs, ...shapes]);
    expect(systematicSequences([7, 8, 9])).toHaveLength(24);
  });

  it('over one id when the pool holds one', () => {
    expect(systematicSequences([7]).map(text)).toEqual([
      ...['add 7', 'remove 7'].flatMap((first) => ['add 7', 'remove 7'].map((second) => `list, get 7, ${first}, ${second}, list, get 7`)),
      'add 7, remove 7, add 7, list, get 7',
    ]);
  });
});
