// A bounded journal of recent requests, newest last, for GET /__admin/requests. Credentials are
// redacted before anything is stored, so no secret can leak through it.
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

const bodyPreviewBytes = 4096;
const lenient = new TextDecoder('utf-8');

export function createJournal(capacity: number, secretHeaders: string[]) {
  const secrets = new Set(['authorization', 'proxy-authorization', 'cookie', ...secretHeaders.map((h) => h.toLowerCase())]);
  let entries: JournalEntry[] = [];
  let nextId = 1;

  return {
    record(request: MockRequest, status: number, now: Date): void {
      if (capacity <= 0) return;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = secrets.has(name) ? '[redacted]' : value;
      const entry: JournalEntry = {
        id: nextId++,
        time: now.toISOString(),
        method: request.method,
        path: request.path,
        query: request.query.toString(),
        headers,
        status,
      };
      if (request.body !== undefined && request.body.byteLength > 0) {
        entry.body = lenient.decode(request.body.subarray(0, bodyPreviewBytes));
      }
      entries.push(entry);
      // Trim in batches so recording stays O(1) amortised under sustained load.
      if (entries.length > capacity * 2) entries = entries.slice(-capacity);
    },
    list(): JournalEntry[] {
      return entries.slice(-capacity);
    },
    clear(): void {
      entries = [];
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
