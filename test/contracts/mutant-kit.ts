// What a drift mutant is, and the small tools that make one: each wraps the kit's mock's handle() and
// changes what it answers. Shared by the mutant collections (mutants.ts and its companions).
import type { Mock } from '../../mocks/core/mock.js';
import type { MockRequest, MockResponse } from '../../mocks/core/exchange.js';
import { selfTestCredentials } from './contract-fixtures.js';
import type { GatewayLayer } from '../helpers/gateway.js';

export const validHeaders = { authorization: `Bearer ${selfTestCredentials.token}`, 'x-api-key': selfTestCredentials.apiKey };

export interface Mutant {
  name: string;
  caughtBy: string[];
  /** Drift the document allows: reported as a warning, so the run still exits 0. */
  warningOnly?: boolean;
  apply(mock: Mock): Mock;
  /** Drift only the HTTP layer can show (header names as spelt): a gateway in front of the mock. */
  gateway?: GatewayLayer[];
}

export type Json = Record<string, unknown>;
export const collection = '/v2/tickets/used-diagnostic-equipment';
export const isRecordPath = (path: string) => path.startsWith(`${collection}/`);
export const isList = (request: MockRequest) => request.method === 'GET' && request.path === collection;

export function wrap(mock: Mock, around: (request: MockRequest, next: (request: MockRequest) => MockResponse) => MockResponse): Mock {
  // Every request goes through handle(), which refuses what screen() would: the deviation sees them all.
  return { ...mock, screen: () => undefined, handle: (request) => around(request, mock.handle) };
}

export function withQuery(request: MockRequest, change: (query: URLSearchParams) => void): MockRequest {
  const query = new URLSearchParams(request.query);
  change(query);
  return { ...request, query };
}

export function mapBody(response: MockResponse, change: (body: Json) => Json): MockResponse {
  if (response.body === undefined || !response.headers['content-type']?.includes('json')) return response;
  // JSON.parse would round an int64 offset past 2^53: the harness must not add drift of its own.
  const exact = /"offset":(\d{16,})/.exec(response.body)?.[1];
  const text = JSON.stringify(change(JSON.parse(response.body) as Json));
  return { ...response, body: exact === undefined ? text : text.replace(/"offset":[\d.e+]+/, `"offset":${exact}`) };
}

/** Applies a change to every record in a success body: the record itself, or each row of a list. */
export function mapRecords(response: MockResponse, change: (record: Json) => Json): MockResponse {
  if (response.status >= 300) return response;
  return mapBody(response, (body) =>
    Array.isArray(body.result) ? { ...body, result: (body.result as Json[]).map(change) } : 'ticket_id' in body ? change(body) : body,
  );
}

export const recordMutant = (name: string, caughtBy: string[], change: (record: Json) => Json): Mutant => ({
  name,
  caughtBy,
  apply: (mock) => wrap(mock, (request, next) => mapRecords(next(request), change)),
});

/** The API ignores a query parameter but echoes what was asked, as a careless implementation would. */
export const ignoredParameter = (name: string, parameter: string, caughtBy: string[]): Mutant => ({
  name,
  caughtBy,
  apply: (mock) =>
    wrap(mock, (request, next) => {
      if (!isList(request) || !request.query.has(parameter)) return next(request);
      const asked = request.query.get(parameter)!;
      const response = next(withQuery(request, (q) => q.delete(parameter)));
      return mapBody(response, (body) => ({ ...body, query: { ...(body.query as Json), [parameter]: /^\d+$/.test(asked) ? Number(asked) : asked } }));
    }),
});

export const isOne = (request: MockRequest) => request.method === 'GET' && isRecordPath(request.path);

export const problem = (status: number) => ({ status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/violations', title: 'Bad request', status, detail: 'x', violations: [] }) });
/** Changes the list's successful answers only: a problem answer has no page to drift. */
export const listOnly = (change: (request: MockRequest, response: MockResponse) => MockResponse) => (mock: Mock) =>
  wrap(mock, (request, next) => {
    const response = next(request);
    return isList(request) && response.status === 200 ? change(request, response) : response;
  });
export const bodyField = (request: MockRequest): Json => (request.body === undefined ? {} : (JSON.parse(new TextDecoder().decode(request.body)) as Json));

