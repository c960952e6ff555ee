// A bounded journal of recent API requests (and admin writes, marked), newest last, for GET /__admin/requests. Recording only
// keeps references and a timestamp, because it runs on every request; formatting and redaction happen
// when the journal is read, so no secret ever leaves it.
import type { MockRequest, MockResponse } from './exchange.js';
import { harOf, type Har, type HarSource } from './har.js';
import { looksLikeCredential, redactedBody } from '../../src/text/credential-names.js';

export { looksLikeCredential };

type Recordable = Omit<MockRequest, 'bodyTooLarge'> & { bodyCut?: boolean };

export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The body as text, cut to a few KiB; bytes that are not UTF-8 become U+FFFD. */
  body?: string;
  /** 0 when an injected fault closed the connection without an answer. */
  status: number;
  /** The injected fault that shaped the answer (mock.inject, POST /__admin/faults). */
  fault?: { id: number; networkError?: boolean; delayMs?: number };
  /** The document's operationId the request was routed to, when it was. */
  operation?: string;
  /** An admin call (a write under /__admin): the console shows them on demand; HAR leaves them out. */
  admin?: true;
  /** The request body was longer than the preview in `body`. */
  bodyCut?: true;
}

/** One entry with the answer too (GET /__admin/requests/{id}): what the console expands. */
export interface JournalDetail extends JournalEntry {
  response: { headers: Record<string, string>; body?: string; bodyCut: boolean };
}

interface Recorded {
  id: number;
  at: number;
  request: Recordable;
  /** The answer as it was sent (a reference: the core built it anyway); a body that can be written again is not kept. */
  response: MockResponse;
  /** Whether the kept body was cut at `responseKeptChars` when recorded. */
  responseCut: boolean;
  admin: boolean;
}

const bodyPreviewBytes = 4096;
/** The most of a response body kept for the HAR export: a full page of 1000 records fits. */
const responseKeptChars = 256 * 1024;
const lenient = new TextDecoder('utf-8');
// V8 makes a slice of a long string a view that keeps the whole string alive: a cut that is meant to
// bound memory has to be a copy (a JSON round trip gives one, exactly).
const copyOf = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
export const redacted = '[redacted]';

// A header, query parameter or body field whose name looks like a credential (X-Auth, Api-Key,
// ?access_token=, ?sig=, Set-Cookie, "password", "client_secret"…): the list `contract --har` masks too.
const contentTypeOf = (headers: Record<string, string>): string | undefined =>
  Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];

function redactedQuery(query: URLSearchParams): string {
  const copy = new URLSearchParams();
  for (const [name, value] of query) copy.append(name, looksLikeCredential(name) ? redacted : value);
  return copy.toString();
}

/** Which operation a method and path name, if any: looked up when the journal is read, never on record. */
export type OperationOf = (method: string, path: string) => string | undefined;

export function createJournal(capacity: number, secretHeaders: string[], operationOf: OperationOf = () => undefined) {
  const secrets = new Set(secretHeaders.map((h) => h.toLowerCase()));
  const isSecret = (name: string) => secrets.has(name) || looksLikeCredential(name);
  let entries: Recorded[] = [];
  let nextId = 1;

  const redactedHeaders = (headers: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = isSecret(name) ? redacted : value;
    return out;
  };

  function format({ id, at, request, response, admin }: Recorded): JournalEntry {
    const entry: JournalEntry = { id, time: new Date(at).toISOString(), method: request.method, path: request.path, query: redactedQuery(request.query), headers: redactedHeaders(request.headers), status: response.status };
    // A body's credential fields are hidden as its headers are: the preview may be cut, the fields are found all the same.
    if (request.body !== undefined && request.body.byteLength > 0) entry.body = redactedBody(lenient.decode(request.body.subarray(0, bodyPreviewBytes)), contentTypeOf(request.headers), redacted);
    if (request.bodyCut === true) entry.bodyCut = true;
    if (admin) entry.admin = true;
    const operation = admin ? undefined : operationOf(request.method === 'HEAD' ? 'GET' : request.method, request.path);
    if (operation !== undefined) entry.operation = operation;
    if (response.fault !== undefined) {
      entry.fault = { id: response.fault, ...(response.networkError === true ? { networkError: true } : {}), ...(response.delayMs === undefined ? {} : { delayMs: response.delayMs }) };
    }
    return entry;
  }

  /** The answer's body as sent, cut past `responseKeptChars`. */
  function responseBody({ response, responseCut }: Recorded): { body?: string; cut: boolean } {
    const body = response.bodyAgain?.() ?? response.body;
    if (body === undefined) return { cut: false };
    return body.length > responseKeptChars ? { body: body.slice(0, responseKeptChars), cut: true } : { body, cut: responseCut };
  }

  function harSource(recorded: Recorded): HarSource {
    const entry = format(recorded);
    const { body, cut } = responseBody(recorded);
    return {
      time: entry.time,
      method: entry.method,
      path: entry.path,
      query: entry.query,
      requestHeaders: entry.headers,
      requestBody: entry.body,
      requestBodyCut: (recorded.request.bodyCut ?? false),
      status: recorded.response.status,
      responseHeaders: redactedHeaders(recorded.response.headers),
      responseBody: body,
      responseBodyCut: cut,
    };
  }

  return {
    /** Keeps a request and its answer; `admin` marks an admin call (shown by the console, left out of HAR). */
    record(request: Recordable, response: MockResponse, at: number, admin = false): void {
      if (capacity <= 0) return;
      // A large body is not kept whole: only the preview is ever shown.
      const cut = request.body !== undefined && request.body.byteLength > bodyPreviewBytes;
      const kept = cut ? { ...request, body: request.body!.slice(0, bodyPreviewBytes), bodyCut: true } : request;
      const written = response.bodyAgain !== undefined ? { ...response, body: undefined } : response;
      const tooLong = written.body !== undefined && written.body.length > responseKeptChars;
      entries.push({ id: nextId++, at, request: kept, response: tooLong ? { ...written, body: copyOf(written.body!.slice(0, responseKeptChars)) } : written, responseCut: tooLong, admin });
      // Trim in batches so recording stays O(1) amortised under sustained load.
      if (entries.length > capacity * 2) entries = entries.slice(-capacity);
    },
    /** The entries kept, oldest first; with `after`, only those with a greater id (for polling). */
    list(after = 0): JournalEntry[] {
      return entries
        .slice(-capacity)
        .filter((recorded) => recorded.id > after)
        .map(format);
    },
    detail(id: number): JournalDetail | undefined {
      const recorded = entries.slice(-capacity).find((candidate) => candidate.id === id);
      if (recorded === undefined) return undefined;
      const { body, cut } = responseBody(recorded);
      return {
        ...format(recorded),
        response: { headers: redactedHeaders(recorded.response.headers), ...(body === undefined ? {} : { body }), bodyCut: cut },
      };
    },
    /** The API entries as HAR 1.2, with the answers the mock gave: a HAR replays against the API, which has no /__admin. */
    har(creatorVersion: string): Har {
      return harOf(
        entries
          .slice(-capacity)
          .filter((recorded) => !recorded.admin)
          .map(harSource),
        creatorVersion,
      );
    },
    clear(): void {
      entries = [];
    },
    /** How many entries are held, trimmed ones not yet dropped included: never more than twice the capacity. */
    held(): number {
      return entries.length;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
