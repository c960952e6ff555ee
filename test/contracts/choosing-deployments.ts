// Four deployments that honour the document and choose otherwise than the fake where it is silent, one
// choice each (issue 30). Each is the kit's mock with its answers rewritten by hand here, never through
// a profile: a profile written from one has to reproduce behaviour made another way.
import type { MockRequest, MockResponse } from '../../mocks/core/exchange.js';
import type { Mock } from '../../mocks/core/mock.js';
import { collection, isList, mapBody, wrap, type Json } from './mutant-kit.js';

export interface ChoosingDeployment {
  name: string;
  /** The one kind of difference a comparison must name, and nothing else. */
  differs: string;
  apply(mock: Mock): Mock;
}

const isProblem = (response: MockResponse) => response.headers['content-type']?.startsWith('application/problem+json') === true;
const problemType = (response: MockResponse): string | undefined => (isProblem(response) && response.body !== undefined ? ((JSON.parse(response.body) as Json).type as string) : undefined);
const uuidWithCapitals = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The rule refused with 422 Unprocessable Content, everything else as the fake. */
const unprocessableRule = (mock: Mock) =>
  wrap(mock, (request, next) => {
    const answer = next(request);
    if (problemType(answer) !== '/problems/ticket-not-in-progress') return answer;
    return { ...mapBody(answer, (body) => ({ ...body, status: 422 })), status: 422 };
  });

/**
 * The list newest first: page `offset, limit` of the reversed list is the fake's page `total - offset -
 * limit` reversed, so pages still partition the list.
 */
const newestFirst = (mock: Mock) =>
  wrap(mock, (request, next) => {
    const asked = next(request);
    if (!isList(request) || asked.status !== 200 || asked.body === undefined) return asked;
    const body = JSON.parse(asked.body) as { query: Json; total: number; result: unknown[] };
    const limit = (body.query.limit as number | undefined) ?? body.result.length;
    const offset = Number(body.query.offset ?? 0);
    const end = Math.max(0, body.total - offset);
    const start = Math.max(0, end - limit);
    const query = new URLSearchParams(request.query);
    query.set('offset', String(start));
    query.set('limit', String(Math.max(1, end - start)));
    // Past the end the page is empty either way (and its int64 offset must not go through a double).
    if (end === start) return asked;
    const mirrored = { ...body, result: (JSON.parse(next({ ...request, query }).body!) as { result: unknown[] }).result.reverse() };
    return { ...asked, body: JSON.stringify(mirrored) };
  });

/** Absolute problem types and other titles, on every problem the API's operations answer. */
const absoluteTypes = (mock: Mock) =>
  wrap(mock, (request, next) => {
    const answer = next(request);
    if (!isProblem(answer) || !request.path.startsWith(collection)) return answer;
    return mapBody(answer, (body) => ({ ...body, type: `https://errors.example.com${String(body.type)}`, title: `Refused: ${String(body.title).toLowerCase()}` }));
  });

/** Uuids read letter for letter: a uuid with a capital letter names a ticket nobody made. */
const caseSensitive = (mock: Mock) =>
  wrap(mock, (request, next) => {
    const named = `${decodeURIComponent(request.path)} ${request.query.get('ticket_id') ?? ''} ${request.body === undefined ? '' : new TextDecoder().decode(request.body)}`;
    const uuid = named.match(uuidWithCapitals)?.[0];
    if (uuid === undefined || uuid === uuid.toLowerCase()) return next(request);
    // Another ticket: the same request on a uuid that exists nowhere.
    const nowhere = '00000000-0000-4000-8000-00000000abcd';
    const swap = (text: string) => text.split(uuid).join(nowhere);
    const query = new URLSearchParams(request.query);
    if (query.has('ticket_id')) query.set('ticket_id', swap(query.get('ticket_id')!));
    const body = request.body === undefined ? undefined : new TextEncoder().encode(swap(new TextDecoder().decode(request.body)));
    const path = request.path.split(encodeURIComponent(uuid)).join(nowhere).split(uuid).join(nowhere);
    const answer = next({ ...request, path, query, ...(body === undefined ? {} : { body }) } as MockRequest);
    // It names the ticket as it was asked for.
    return answer.body === undefined ? answer : { ...answer, body: answer.body.split(nowhere).join(uuid) };
  });

export const choosingDeployments: ChoosingDeployment[] = [
  { name: '422 for the rule', differs: 'status', apply: unprocessableRule },
  { name: 'newest first', differs: 'list-order', apply: newestFirst },
  { name: 'absolute problem types with other titles', differs: 'problem-title, problem-type', apply: absoluteTypes },
  { name: 'uuids case-sensitive', differs: 'uuid-case', apply: caseSensitive },
];
