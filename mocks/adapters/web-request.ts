// A web Request into the core, and the core's answer out: the one conversion the MSW and the in-process
// adapters share, so neither can read a header, the path or the body its own way. Whatever the
// environment's Request and Headers do (happy-dom's keep the case of header names, a test's look-alike
// may repeat a name), the core gets one normalised request: method in upper case, header names in lower
// case with a repeated name joined once, the query parsed once, the path as it arrived (the router
// decodes each segment once, so an encoded '/' stays inside its segment and a malformed escape is a 400).
import type { MockRequest, MockResponse } from '../core/exchange.js';
import type { Mock, RequestHead } from '../core/mock.js';
import { normalisedHeaders, type HeaderSource } from './web-headers.js';

/** What the adapters read of a Request: the Fetch standard's, or an environment's look-alike. */
export interface WebRequest {
  readonly method: string;
  readonly headers: HeaderSource;
  /** null when the request has no body. */
  readonly body: unknown;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The core's request head: `url` is the request's URL parsed once, `path` the mock-relative path. */
export function webRequestHead(request: WebRequest, url: URL, path: string): RequestHead {
  return { method: request.method.toUpperCase(), path, query: url.searchParams, headers: normalisedHeaders(request.headers) };
}

/** The core's answer, and the request it was given (the body read only when the head alone does not refuse it). */
export async function answerWebRequest(mock: Mock, request: WebRequest, head: RequestHead): Promise<{ plain: MockRequest; answer: MockResponse }> {
  // Refused from its head alone (route, credentials, admin token…): the body is never read. A request
  // without a body is screened by `handle` itself: screening it first would do the work twice.
  const refused = request.body === null ? undefined : mock.screen(head);
  const bytes = refused === undefined && request.body !== null ? new Uint8Array(await request.arrayBuffer()) : undefined;
  const plain: MockRequest = { ...head, body: bytes !== undefined && bytes.byteLength > 0 ? bytes : undefined };
  return { plain, answer: refused ?? mock.handle(plain) };
}
