// Adapter C: the mock as a `fetch` function, in the same process and without a socket. The contract
// suite takes a fetch, so it can drive a mock directly (its own tests run the drift collection so, and a
// comparison against a fake needs no port). Like the other adapters it only converts: one normalised
// request in (header names in lower case, the path as it arrived, the query parsed once), the core's
// answer out as a web Response.
import type { MockRequest } from '../core/exchange.js';
import type { Mock } from '../core/mock.js';
import { normalisedHeaders } from './web-headers.js';

export function inProcessFetch(mock: Mock): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const head = { method: request.method.toUpperCase(), path: url.pathname, query: url.searchParams, headers: normalisedHeaders(request.headers) };
    const refused = mock.screen(head);
    const bytes = refused === undefined && request.body !== null ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const plain: MockRequest = { ...head, body: bytes !== undefined && bytes.byteLength > 0 ? bytes : undefined };
    const answer = refused ?? mock.handle(plain);
    if (answer.delayMs !== undefined && answer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    // As fetch rejects on a dropped connection.
    if (answer.networkError === true) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'the mock dropped the connection (an injected fault)' } });
    const empty = answer.status === 204 || answer.status === 304 || head.method === 'HEAD';
    return new Response(empty ? null : (answer.body ?? null), { status: answer.status, headers: answer.headers });
  };
}
