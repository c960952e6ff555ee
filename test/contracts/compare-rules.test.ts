// The rules of a comparison, one pair of answers at a time: what counts as a difference, of which kind,
// what does not (values the fake invents), and the profile a run's pairs support.
import { describe, expect, it } from 'vitest';
import { answerDifferences, namesUuidInCapitals, type PairContext } from '../../contracts/compare/differences.js';
import { answerFacets, maxPresenceFound, mediaTypeOf, memberPresence, rowIdentity } from '../../contracts/compare/answer-facets.js';
import { createProfileEvidence } from '../../contracts/compare/profile-evidence.js';
import { primedState } from '../../contracts/compare/primed-state.js';
import { createScope } from '../../contracts/compare/comparison-scope.js';
import { differenceVerdict } from '../../contracts/compare/difference-verdict.js';
import type { ComparisonReport } from '../../contracts/compare/comparison.js';
import type { ExchangeRequest, ExchangeResponse } from '../../contracts/exchange.js';
import { defaultChoices, profileLimits, refusalOperations } from '../../mocks/core/profile.js';

const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const collection = '/v2/tickets/used-diagnostic-equipment';
const answer = (status: number, body?: unknown, type = status >= 400 ? 'application/problem+json' : 'application/json'): ExchangeResponse => ({
  status,
  headers: body === undefined ? {} : { 'content-type': type },
  bodyText: body === undefined ? '' : JSON.stringify(body),
  durationMs: 1,
});
const request = (target: string, method = 'GET', body?: unknown): ExchangeRequest => ({ method, target, headers: {}, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const context = (target = collection, method = 'GET', body?: unknown): PairContext => ({ request: request(target, method, body), maxLimit: 1000, fakeTypes: new Set(['/problems/ticket-not-found', '/problems/used-diagnostic-equipment-not-found']) });
const row = (id: number, extra: Record<string, unknown> = {}) => ({ ticket_id: ticket, diagnostic_equipment_id: id, name: `made up ${id}`, version: '1', ...extra });
const page = (ids: number[], limit = 25, total = ids.length) => ({ query: { limit, offset: 0 }, result: ids.map((id) => row(id)), total });
const problem = (status: number, type: string, title: string, violations?: Array<{ field: string }>) => ({ type, title, status, detail: 'words never compared', ...(violations === undefined ? {} : { violations }) });
const kinds = (facts: ReturnType<typeof answerDifferences>) => facts.map((f) => f.kind);

describe('a pair of answers', () => {
  it('does not differ on what the fake invents: names, versions, details', () => {
    const mine = answer(200, { ...page([1, 2]), result: [row(1, { name: 'Real name', version: '9.1' }), row(2)] });
    expect(answerDifferences(mine, answer(200, page([1, 2])), context())).toEqual([]);
    expect(answerDifferences(answer(409, problem(409, '/p/x', 'X')), answer(409, { ...problem(409, '/p/x', 'X'), detail: 'other words' }), context())).toEqual([]);
  });

  it('differs in status, and for two refusals also in their words; other statuses say it all', () => {
    expect(kinds(answerDifferences(answer(422, problem(422, '/p/closed', 'Closed')), answer(409, problem(409, '/p/closed', 'Closed')), context()))).toEqual(['status']);
    expect(kinds(answerDifferences(answer(422, problem(422, 'https://e/closed', 'Shut')), answer(409, problem(409, '/p/closed', 'Closed')), context()))).toEqual(['status', 'problem-type', 'problem-title']);
    expect(kinds(answerDifferences(answer(200, page([1])), answer(404, problem(404, '/p/none', 'None')), context()))).toEqual(['status']);
  });

  it('differs in media type, and in the fields violations name, sorted', () => {
    expect(kinds(answerDifferences(answer(400, problem(400, '/v', 'Bad'), 'application/json'), answer(400, problem(400, '/v', 'Bad')), context()))).toEqual(['media-type']);
    const fields = (...names: string[]) => answer(400, problem(400, '/v', 'Bad', names.map((field) => ({ field }))));
    expect(answerDifferences(fields('limit', 'offset'), fields('offset', 'limit'), context())).toEqual([]);
    expect(answerDifferences(fields('query.limit'), fields('limit'), context())).toEqual([expect.objectContaining({ kind: 'violations', deployment: ['query.limit'], fake: ['limit'] })]);
  });

  it('tells the order of the same rows from other rows', () => {
    expect(kinds(answerDifferences(answer(200, page([2, 1])), answer(200, page([1, 2])), context(`${collection}?limit=5`)))).toEqual(['list-order']);
    expect(kinds(answerDifferences(answer(200, page([1, 3])), answer(200, page([1, 2])), context(`${collection}?limit=5`)))).toEqual(['list-rows']);
    expect(kinds(answerDifferences(answer(200, page([1, 2], 5, 3)), answer(200, page([1, 2], 5, 2)), context(`${collection}?limit=5`)))).toEqual(['list-rows']);
  });

  it('tells the default and the cap of limit apart from other rows', () => {
    // No limit given: pages of one list cut at other sizes.
    const fifty = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(answerDifferences(answer(200, page(fifty.slice(0, 20), 20, 50)), answer(200, page(fifty.slice(0, 25), 25, 50)), context())).toEqual([
      expect.objectContaining({ kind: 'limit', message: expect.stringContaining('no limit given: the default page size'), deployment: { limit: 20, rows: 20 }, fake: { limit: 25, rows: 25 } }),
    ]);
    // Over the document's maximum, a deployment that caps where the fake refuses shows as a status.
    expect(kinds(answerDifferences(answer(200, page([1], 1000, 1)), answer(400, problem(400, '/v', 'Bad')), context(`${collection}?limit=5000`)))).toEqual(['status']);
    // A limit echoed otherwise is a difference even on a page that fits.
    expect(kinds(answerDifferences(answer(200, page([1], 10)), answer(200, page([1], 25)), context(`${collection}?limit=10`)))).toEqual(['limit']);
  });

  it('makes all that follows from a uuid in capitals one uuid-case difference, but not the words of the same refusal', () => {
    const upper = `${collection}/${ticket.toUpperCase()}/12`;
    expect(namesUuidInCapitals(request(upper))).toBe(true);
    expect(namesUuidInCapitals(request(`${collection}?ticket_id=${ticket}`))).toBe(false);
    expect(namesUuidInCapitals(request(collection, 'POST', { ticket_id: ticket.toUpperCase(), diagnostic_equipment_id: 1 }))).toBe(true);
    const facts = answerDifferences(answer(404, problem(404, '/problems/ticket-not-found', 'Ticket not found')), answer(200, row(12)), context(upper));
    expect(facts).toEqual([expect.objectContaining({ kind: 'uuid-case', deployment: 404, fake: 200 })]);
    // Another of the fake's own refusals: the deployment took it for another ticket.
    expect(kinds(answerDifferences(answer(404, problem(404, '/problems/ticket-not-found', 'T')), answer(404, problem(404, '/problems/used-diagnostic-equipment-not-found', 'U')), context(upper)))).toEqual(['uuid-case']);
    // Words the fake never uses: the same refusal, worded otherwise.
    expect(kinds(answerDifferences(answer(404, problem(404, 'https://e/none', 'T')), answer(404, problem(404, '/problems/ticket-not-found', 'T')), context(upper)))).toEqual(['problem-type']);
  });

  it('compares which members are null, absent or present, rows matched by identity', () => {
    const mine = answer(200, { ...page([1, 2]), result: [row(2, { version: null }), row(1)] });
    const theirs = answer(200, { ...page([1, 2]), result: [row(1), row(2)] });
    expect(answerDifferences(mine, theirs, context(`${collection}?limit=5`))).toEqual([
      expect.objectContaining({ kind: 'list-order' }),
      expect.objectContaining({ kind: 'fields', deployment: { '/result/*/version': 'null' }, fake: { '/result/*/version': 'present' } }),
    ]);
    expect(memberPresence({ a: 1, b: null }, { a: 1 })).toEqual([{ pointer: '/b', deployment: 'null', fake: 'absent' }]);
    // Bounded by depth: a value nested past any answer of the document is not walked.
    let deep: Record<string, unknown> = { leaf: null };
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(memberPresence(deep, structuredClone({ d: {} }))).toEqual([{ pointer: '/d/d', deployment: 'present', fake: 'absent' }]);
    // Bounded by what it finds: an answer with a member per key of a million is told by its first ones.
    const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`m${i}`, null]));
    const found = memberPresence(wide, {});
    expect([found.length, found[0]]).toEqual([maxPresenceFound, { pointer: '/m0', deployment: 'null', fake: 'absent' }]);
    expect(answerDifferences(answer(200, wide), answer(200, {}), context()).length).toBe(maxPresenceFound);
  });
});

describe('the profile a run supports', () => {
  const add = (id: number) => request(collection, 'POST', { ticket_id: ticket, diagnostic_equipment_id: id });

  it('takes each refusal as the deployment words it, the most frequent when it varies, and says so', () => {
    const evidence = createProfileEvidence(defaultChoices);
    const fake = answer(409, problem(409, '/problems/ticket-not-in-progress', 'Ticket not in progress'));
    for (let i = 0; i < 3; i++) evidence.observe(add(1), 'addUsedDiagnosticEquipment', answer(422, problem(422, 'https://e/closed', 'Closed')), fake);
    evidence.observe(add(1), 'addUsedDiagnosticEquipment', answer(409, problem(409, 'https://e/closed', 'Closed')), fake);
    const { profile, notes } = evidence.profile('test');
    expect(profile.refusals?.['ticket-not-in-progress']).toEqual({ status: 422, type: 'https://e/closed', title: 'Closed' });
    expect(notes).toContain('ticket-not-in-progress: the deployment answered it 2 ways; the profile keeps the most frequent (3 of 4)');
  });

  it('leaves out a choice a profile cannot hold, with why, and keeps any error status the document allows', () => {
    const evidence = createProfileEvidence(defaultChoices);
    const fake = (type: string) => answer(409, problem(409, type, 'T'));
    evidence.observe(add(1), 'addUsedDiagnosticEquipment', answer(418, problem(418, '/teapot', 'Teapot')), fake('/problems/ticket-not-in-progress'));
    evidence.observe(add(1), 'addUsedDiagnosticEquipment', answer(409, problem(409, '/used', 'x'.repeat(profileLimits.text + 1))), fake('/problems/diagnostic-equipment-already-used'));
    const { profile, notes } = evidence.profile('x');
    // 418: the document's default answer allows any error status.
    expect(profile.refusals?.['ticket-not-in-progress']).toEqual({ status: 418, type: '/teapot', title: 'Teapot' });
    // Only the words it cannot hold are left out: the status and type beside them are the deployment's choice.
    expect(profile.refusals?.['diagnostic-equipment-already-used']).toEqual({ status: 409, type: '/used' });
    expect(notes).toContain(`refusals/diagnostic-equipment-already-used/title left out: the deployment's is not 1 to ${profileLimits.text} characters long; the fake keeps its own`);
  });

  it('says which refusals it kept as the fake had them: not met, or taken by the deployment where the fake refused', () => {
    const evidence = createProfileEvidence(defaultChoices);
    const closed = answer(409, problem(409, '/problems/ticket-not-in-progress', 'T'));
    // --closed-ticket In Progress after all: the deployment takes what the fake refuses.
    evidence.observe(add(1), 'addUsedDiagnosticEquipment', answer(201, row(1)), closed);
    evidence.observe(add(2), 'addUsedDiagnosticEquipment', answer(201, row(2)), closed);
    evidence.observe(add(3), 'addUsedDiagnosticEquipment', answer(404, problem(404, '/problems/ticket-not-found', 'T')), answer(404, problem(404, '/problems/ticket-not-found', 'T')));
    const { profile, notes } = evidence.profile('x');
    expect(profile.refusals?.['ticket-not-in-progress']).toBeUndefined();
    expect(notes).toContain('refusals/ticket-not-in-progress: the deployment took 2 requests the fake refused so (a fixture that is not what it was given for, or a rule it ignores); kept as the fake had it');
    const unseen = Object.keys(refusalOperations).filter((kind) => kind !== 'ticket-not-in-progress' && kind !== 'ticket-not-found');
    expect(notes).toContain(`refusals not met in this run, kept as the fake had them (its own words): ${unseen.join(', ')}`);
    // With a profile given, it is that profile's words that are kept.
    const given = createProfileEvidence({ ...defaultChoices, refusals: { 'ticket-not-in-progress': { status: 422 } } }).profile('x');
    expect(given.profile.refusals?.['ticket-not-in-progress']).toEqual({ status: 422 });
    expect(given.notes).toContainEqual(expect.stringMatching(/^refusals not met in this run, kept as the fake had them \(the --profile given\): /));
  });

  it('writes the refusals in the document’s order, whatever order the run met them in', () => {
    const evidence = createProfileEvidence(defaultChoices);
    for (const kind of ['violations', 'ticket-not-in-progress', 'ticket-not-found']) evidence.observe(add(1), 'addUsedDiagnosticEquipment', answer(409, problem(409, `/x/${kind}`, kind)), answer(409, problem(409, `/problems/${kind}`, 'T')));
    const { profile } = evidence.profile('staging');
    expect(Object.keys(profile.refusals!)).toEqual(Object.keys(refusalOperations).filter((kind) => ['violations', 'ticket-not-in-progress', 'ticket-not-found'].includes(kind)));
    expect(Object.keys(profile.refusals!)).not.toEqual(['violations', 'ticket-not-in-progress', 'ticket-not-found']);
  });

  it('reads the list order from where the records the run added show, latest add counting', () => {
    const newest = createProfileEvidence(defaultChoices);
    for (const id of [1, 2, 3]) newest.observe(add(id), 'addUsedDiagnosticEquipment', answer(201, row(id)), answer(201, row(id)));
    newest.observe(request(collection), 'listUsedDiagnosticEquipment', answer(200, page([3, 2, 1, 9])), answer(200, page([9, 1, 2, 3])));
    expect(newest.profile('x').profile.listOrder).toBe('newest-first');
    const insertion = createProfileEvidence({ ...defaultChoices, listOrder: 'newest-first' });
    for (const id of [1, 2]) insertion.observe(add(id), 'addUsedDiagnosticEquipment', answer(201, row(id)), answer(201, row(id)));
    insertion.observe(request(collection), 'listUsedDiagnosticEquipment', answer(200, page([9, 1, 2])), answer(200, page([2, 1, 9])));
    expect(insertion.profile('x').profile.listOrder).toBe('insertion');
    // Nothing seen: the fake's own choice is kept, and the note says why.
    const none = createProfileEvidence({ ...defaultChoices, listOrder: 'newest-first' }).profile('x');
    expect([none.profile.listOrder, none.notes]).toEqual(['newest-first', expect.arrayContaining([expect.stringContaining('listOrder: no list showed two records the run added')])]);
  });

  it('reads the uuid case from requests naming a uuid in capitals that were answered otherwise', () => {
    const exact = createProfileEvidence(defaultChoices);
    exact.observe(request(`${collection}/${ticket.toUpperCase()}/1`), 'getUsedDiagnosticEquipment', answer(404, problem(404, '/problems/ticket-not-found', 'T')), answer(200, row(1)));
    expect(exact.profile('x').profile).toMatchObject({ uuidCase: 'exact' });
    // A refusal on such a request says nothing of the deployment's words for it.
    expect(exact.profile('x').profile.refusals?.['ticket-not-found']).toBeUndefined();
    const any = createProfileEvidence({ ...defaultChoices, uuidCase: 'exact' });
    any.observe(request(`${collection}/${ticket.toUpperCase()}/1`), 'getUsedDiagnosticEquipment', answer(200, row(1)), answer(404, problem(404, '/problems/ticket-not-found', 'T')));
    expect(any.profile('x').profile).toMatchObject({ uuidCase: 'any' });
  });
});

describe('the state the fake is primed with', () => {
  const fixtures = { ticket, closedTicket: 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11', equipment: [40, 41], probeRemoveRule: false };

  it('holds the rows as walked, the fixture tickets In Progress and not, and the fixture equipment', () => {
    const state = primedState([row(2, { version: null }), row(1), { junk: true }], fixtures, 'insertion');
    expect(state.used.map((u) => u.diagnostic_equipment_id)).toEqual([2, 1]);
    expect(state.tickets).toEqual([{ id: ticket, status: 'In Progress' }, { id: fixtures.closedTicket, status: 'Closed' }]);
    expect(state.catalog.map((c) => [c.diagnostic_equipment_id, c.version])).toEqual([[2, null], [1, '1'], [40, null], [41, null]]);
  });

  it('reverses the rows for a fake that lists newest first, so that it lists them as walked', () => {
    expect(primedState([row(2), row(1)], fixtures, 'newest-first').used.map((u) => u.diagnostic_equipment_id)).toEqual([1, 2]);
  });
});

describe('a fake primed with the fixture tickets only', () => {
  const other = '10000000-0000-4000-8000-000000000001';
  const fresh = '20000000-0000-4000-8000-000000000002';
  const scope = () => createScope(new Set([ticket]), [{ ticket_id: other.toUpperCase(), diagnostic_equipment_id: 1 }]);
  const none = answer(404, problem(404, '/problems/ticket-not-found', 'T'));

  it('answers for the fixture tickets, in any case, and for tickets the deployment never showed', () => {
    const s = scope();
    expect(s.beyond(request(`${collection}?ticket_id=${ticket.toUpperCase()}`), 'listUsedDiagnosticEquipment', answer(200, page([1])))).toBe(false);
    expect(s.beyond(request(`${collection}/${ticket}/1`, 'DELETE'), 'removeUsedDiagnosticEquipment', answer(204))).toBe(false);
    expect(s.beyond(request(`${collection}/${fresh}/1`), 'getUsedDiagnosticEquipment', none)).toBe(false);
  });

  it('not for the whole list, nor for a ticket the deployment showed, before or in this very answer', () => {
    const s = scope();
    expect(s.beyond(request(`${collection}?limit=5`), 'listUsedDiagnosticEquipment', answer(200, page([1])))).toBe(true);
    expect(s.beyond(request(`${collection}/${other}/1`), 'getUsedDiagnosticEquipment', answer(200, row(1)))).toBe(true);
    expect(s.beyond(request(collection, 'POST', { ticket_id: other, diagnostic_equipment_id: 2 }), 'addUsedDiagnosticEquipment', answer(201, row(2)))).toBe(true);
    const third = '30000000-0000-4000-8000-000000000003';
    expect(s.beyond(request(`${collection}/${third}/7`), 'getUsedDiagnosticEquipment', answer(200, { ticket_id: third, diagnostic_equipment_id: 7, name: 'n', version: null }))).toBe(true);
    // Shown once, remembered: a later refusal about it is not compared either.
    expect(s.beyond(request(`${collection}/${third}/8`), 'getUsedDiagnosticEquipment', none)).toBe(true);
  });
});

describe('--fail-on-difference', () => {
  const comparison = (over: Partial<ComparisonReport>): ComparisonReport => ({ against: 'fake', fails: true, compared: 10, differences: [], omitted: 0, notes: [], durationMs: 1, ...over });
  const clean = { exitCode: 0 as const };
  const one = { kind: 'status', name: 'n', operation: 'o', request: { method: 'GET', target: '/' }, message: 'm', deployment: { status: 422, value: 422, curl: '' }, fake: { status: 409, value: 409, curl: '' }, occurrences: 1 } as const;

  it('fails a clean run on any difference, kept or only counted, and stops one that compared nothing', () => {
    expect(differenceVerdict(clean, comparison({}))).toEqual(clean);
    expect(differenceVerdict(clean, comparison({ differences: [one] })).exitCode).toBe(1);
    expect(differenceVerdict(clean, comparison({ omitted: 3 })).exitCode).toBe(1);
    expect(differenceVerdict(clean, comparison({ against: 'recording', notCompared: 'nothing answered' }))).toEqual({ exitCode: 2, reason: '--fail-on-difference: the deployment could not be compared with the recording (nothing answered)' });
  });

  it('changes nothing without it, nor a verdict drift or a stop gave already', () => {
    expect(differenceVerdict(clean, comparison({ fails: false, differences: [one], notCompared: 'x' }))).toEqual(clean);
    expect(differenceVerdict({ exitCode: 1 as const }, comparison({ notCompared: 'x' }))).toEqual({ exitCode: 1 });
    expect(differenceVerdict({ exitCode: 2 as const, reason: 'unreachable' }, comparison({ differences: [one] }))).toEqual({ exitCode: 2, reason: 'unreachable' });
  });
});

describe('the facts of one answer, at their edges', () => {
  it('reads a media type without its parameters, in lower case', () => {
    expect(mediaTypeOf(' Application/Problem+JSON ; charset=utf-8')).toBe('application/problem+json');
    expect(mediaTypeOf(undefined)).toBeUndefined();
    expect(mediaTypeOf('')).toBeUndefined();
  });

  it('names a row by its ticket in lower case and its id; a row it cannot name, by its JSON', () => {
    expect(rowIdentity({ ticket_id: ticket.toUpperCase(), diagnostic_equipment_id: 7 })).toBe(`${ticket}/7`);
    expect(rowIdentity({ ticket_id: { a: 1 }, diagnostic_equipment_id: 7 })).toBe('{"ticket_id":{"a":1},"diagnostic_equipment_id":7}');
    expect(rowIdentity(5)).toBe('5');
  });

  it('takes a problem only from an error with a type or a title, and a list only from a success', () => {
    expect(answerFacets(answer(200, { type: '/x', title: 'X', result: [] })).problem).toBeUndefined();
    expect(answerFacets(answer(400, { detail: 'no type, no title' })).problem).toBeUndefined();
    expect(answerFacets(answer(400, { title: 'Only a title' })).problem).toEqual({ type: undefined, title: 'Only a title', violationFields: undefined });
    expect(answerFacets(answer(404, { type: '/x', result: [row(1)] })).list).toBeUndefined();
    expect(answerFacets(answer(300, { result: [row(1)] })).list).toBeUndefined();
    expect(answerFacets(answer(299, { result: [row(1)], total: 1, query: { limit: 3 } })).list).toEqual({ rows: [`${ticket}/1`], total: 1, limit: 3 });
  });

  it('compares members down to nine levels, arrays of rows by identity and others by position, and nothing between an array and an object', () => {
    const nest = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { n: nest(levels - 1, leaf) });
    expect(memberPresence(nest(8, { a: null }), nest(8, {}))).toEqual([{ pointer: `${'/n'.repeat(8)}/a`, deployment: 'null', fake: 'absent' }]);
    expect(memberPresence(nest(9, { a: null }), nest(9, {}))).toEqual([]);
    expect(memberPresence([{ a: 1 }, { b: 1 }], [{ a: null }, { b: 1 }])).toEqual([{ pointer: '/*/a', deployment: 'present', fake: 'null' }]);
    expect(memberPresence([1], { a: 1 })).toEqual([]);
    expect(memberPresence({ 'a/b~c': 1 }, {})).toEqual([{ pointer: '/a~1b~0c', deployment: 'present', fake: 'absent' }]);
  });
});

describe('a pair of answers, at its edges', () => {
  it('tells the cap from a limit at the maximum', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => i + 1);
    const [twenty, all] = [answer(200, page(fifty.slice(0, 20), 20, 50)), answer(200, page(fifty.slice(0, 25), 20, 50))];
    expect(answerDifferences(twenty, all, context(`${collection}?limit=5000`))).toEqual([expect.objectContaining({ kind: 'limit', message: expect.stringContaining("limit 5000, over the document's maximum 1000: the cap") })]);
    // At the maximum it is no cap: pages of one list holding other rows are other rows.
    expect(kinds(answerDifferences(twenty, all, context(`${collection}?limit=1000`)))).toEqual(['list-rows']);
  });

  it('does not compare the media type of two empty answers, and says "no media type" of one without', () => {
    expect(answerDifferences(answer(204), { ...answer(204), headers: { 'content-type': 'text/plain' } }, context())).toEqual([]);
    expect(answerDifferences(answer(200, page([1])), { ...answer(200, page([1])), headers: {} }, context())).toEqual([expect.objectContaining({ kind: 'media-type', message: 'the deployment answered application/json, the fake no media type', fake: null })]);
  });

  it('says a refusal without violations and one with none apart', () => {
    const withNone = answer(400, problem(400, '/v', 'Bad', []));
    expect(answerDifferences(answer(400, problem(400, '/v', 'Bad')), withNone, context())).toEqual([
      expect.objectContaining({ kind: 'violations', message: 'no violations in the deployment, violations naming nothing in the fake', deployment: null, fake: [] }),
      expect.objectContaining({ kind: 'fields', deployment: { '/violations': 'absent' }, fake: { '/violations': 'present' } }),
    ]);
  });

  it('keeps what a uuid in capitals did not change as its own kind', () => {
    const upper = `${collection}/${ticket.toUpperCase()}/12`;
    const facts = answerDifferences(answer(200, row(12, { version: null })), answer(200, row(12)), context(upper));
    expect(kinds(facts)).toEqual(['fields']);
    expect(answerDifferences(answer(200, row(12)), answer(200, row(12)), context(upper))).toEqual([]);
  });

  it('names the other side as it is asked to', () => {
    expect(answerDifferences(answer(422, problem(422, '/a', 'A')), answer(409, problem(409, '/b', 'B')), { ...context(), other: 'the recording' }).map((f) => f.message)).toEqual([
      'the deployment answered 422, the recording 409',
      'problem type "/a" in the deployment, "/b" in the recording',
      'title "A" in the deployment, "B" in the recording',
    ]);
  });
});

describe('a fake primed with the fixture tickets only, at its edges', () => {
  const other = '10000000-0000-4000-8000-000000000001';
  const fresh = '20000000-0000-4000-8000-000000000002';

  it('learns what exists from successes only', () => {
    const s = createScope(new Set([ticket]), []);
    // A refusal naming the ticket proves nothing of it: a later request about it is still compared.
    expect(s.beyond(request(`${collection}/${fresh}/1`), 'getUsedDiagnosticEquipment', answer(404, { ...problem(404, '/problems/ticket-not-found', 'T'), ticket_id: fresh }))).toBe(false);
    expect(s.beyond(request(`${collection}/${fresh}/2`), 'getUsedDiagnosticEquipment', answer(404, problem(404, '/problems/ticket-not-found', 'T')))).toBe(false);
  });

  it('is beyond it when any ticket a request names is another the deployment has', () => {
    const s = createScope(new Set([ticket]), [{ ticket_id: other, diagnostic_equipment_id: 1 }]);
    expect(s.beyond(request(`${collection}/${ticket}/1`, 'POST', { ticket_id: other }), 'addUsedDiagnosticEquipment', answer(404, problem(404, '/x', 'X')))).toBe(true);
    expect(s.beyond(request(`${collection}?ticket_id=${other}`), 'listUsedDiagnosticEquipment', answer(200, page([]))))
      .toBe(true);
  });
});
