// The plain request and response the core speaks. Adapters convert to and from them once.

export interface MockRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The path as it arrived, still percent-encoded, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw body bytes, or undefined when the request had none. */
  body?: Uint8Array | undefined;
  /** Set by an adapter that stopped reading a body past the mock's `bodyLimit`. */
  bodyTooLarge?: boolean;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** The serialised body, or undefined for an empty one. */
  body?: string | undefined;
  /**
   * Writes `body` again, byte for byte, from what it was made of. The journal keeps this instead of the
   * body: a list page's rows are already held by the state, and a copy of every page answered is not
   * (1,000 pages of 1,000 rows held 129 MB; their pieces, 18 MB).
   */
  bodyAgain?: () => string;
  /** An injected fault: wait this long before answering (the adapter waits; the core never does). */
  delayMs?: number;
  /** An injected fault: close the connection without an answer. */
  networkError?: boolean;
  /** The id of the injected fault that shaped this answer, for the journal. */
  fault?: number;
}

export function jsonResponse(status: number, body: string, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): MockResponse {
  return { status, headers };
}
