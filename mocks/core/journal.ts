// A bounded journal of recent API requests, newest last, for GET /__admin/requests. Recording only
// keeps references and a timestamp, because it runs on every request; formatting and redaction happen
// when the journal is read, so no secret ever leaves it.
import type { MockRequest } from './exchange.js';

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
  request: MockRequest;
  status: number;
}

const bodyPreviewBytes = 4096;
const lenient = new TextDecoder('utf-8');

export function createJournal(capacity: number, secretHeaders: string[]) {
  const secrets = new Set(['authorization', 'proxy-authorization', 'cookie', ...secretHeaders.map((h) => h.toLowerCase())]);
  let entries: Recorded[] = [];
  let nextId = 1;

  function format({ id, at, request, status }: Recorded): JournalEntry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = secrets.has(name) ? '[redacted]' : value;
    const entry: JournalEntry = { id, time: new Date(at).toISOString(), method: request.method, path: request.path, query: request.query.toString(), headers, status };
    if (request.body !== undefined && request.body.byteLength > 0) entry.body = lenient.decode(request.body.subarray(0, bodyPreviewBytes));
    return entry;
  }

  return {
    record(request: MockRequest, status: number, at: number): void {
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
