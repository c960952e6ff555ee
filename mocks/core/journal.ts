// A bounded journal of recent API requests, newest last, for GET /__admin/requests. Recording only
// keeps references and a timestamp, because it runs on every request; formatting and redaction happen
// when the journal is read, so no secret ever leaves it.
import type { MockRequest } from './exchange.js';

type Recordable = Omit<MockRequest, 'bodyTooLarge'>;

export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The body as text, cut to a few KiB; bytes that are not UTF-8 become U+FFFD. */
  body?: string;
  status: number;
}

interface Recorded {
  id: number;
  at: number;
  request: Recordable;
  status: number;
}

const bodyPreviewBytes = 4096;
const lenient = new TextDecoder('utf-8');
export const redacted = '[redacted]';

// A header or query parameter whose name looks like a credential: X-Auth-Token, Api-Key, ?api_key=,
// ?access_token=, Set-Cookie, Proxy-Authorization, client_secret, password… Erring towards hiding.
const credentialName = /token|key|secret|passw(or)?d|cookie|authori[sz]ation|session|credential/i;

export function looksLikeCredential(name: string): boolean {
  return credentialName.test(name);
}

function redactedQuery(query: URLSearchParams): string {
  let secret = false;
  for (const name of query.keys()) if (looksLikeCredential(name)) secret = true;
  if (!secret) return query.toString();
  const copy = new URLSearchParams();
  for (const [name, value] of query) copy.append(name, looksLikeCredential(name) ? redacted : value);
  return copy.toString();
}

export function createJournal(capacity: number, secretHeaders: string[]) {
  const secrets = new Set(secretHeaders.map((h) => h.toLowerCase()));
  const isSecret = (name: string) => secrets.has(name) || looksLikeCredential(name);
  let entries: Recorded[] = [];
  let nextId = 1;

  function format({ id, at, request, status }: Recorded): JournalEntry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = isSecret(name) ? redacted : value;
    const entry: JournalEntry = { id, time: new Date(at).toISOString(), method: request.method, path: request.path, query: redactedQuery(request.query), headers, status };
    if (request.body !== undefined && request.body.byteLength > 0) entry.body = lenient.decode(request.body.subarray(0, bodyPreviewBytes));
    return entry;
  }

  return {
    record(request: Recordable, status: number, at: number): void {
      if (capacity <= 0) return;
      // A large body is not kept whole: only the preview is ever shown.
      const kept = request.body !== undefined && request.body.byteLength > bodyPreviewBytes ? { ...request, body: request.body.slice(0, bodyPreviewBytes) } : request;
      entries.push({ id: nextId++, at, request: kept, status });
      // Trim in batches so recording stays O(1) amortised under sustained load.
      if (entries.length > capacity * 2) entries = entries.slice(-capacity);
    },
    list(): JournalEntry[] {
      return entries.slice(-capacity).map(format);
    },
    clear(): void {
      entries = [];
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
