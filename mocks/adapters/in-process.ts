// Adapter C: the mock as a `fetch` function, in the same process and without a socket. The contract
// suite takes a fetch, so it can drive a mock directly (its own tests run the drift collection so, and a
// comparison against a fake needs no port). Like the other adapters it only converts, through the same
// web-request conversion as the MSW adapter; a Request it is given is read as it is (not copied into
// another Request, which would hide what the environment's Request does).
import type { Mock } from '../core/mock.js';
import { answerWebRequest, webRequestHead } from './web-request.js';

export function inProcessFetch(mock: Mock): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    const head = webRequestHead(request, url, url.pathname);
    const { answer } = await answerWebRequest(mock, request, head);
    if (answer.delayMs !== undefined && answer.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    // As fetch rejects on a dropped connection.
    if (answer.networkError === true) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'the mock dropped the connection (an injected fault)' } });
    const empty = answer.status === 204 || answer.status === 304 || head.method === 'HEAD';
    return new Response(empty ? null : (answer.body ?? null), { status: answer.status, headers: answer.headers });
  };
}
