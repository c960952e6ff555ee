// The journal's search and its copy-as-curl, pure (no DOM): what QA finds a request by, and the
// command that sends it again. Credentials stay redacted: a curl names them as shell variables.
import type { JournalEntry } from '../../mocks/core/journal.js';
import { shellQuoted } from '../text/shell-quote.js';

export interface JournalFilter {
  /** Anywhere: method, path, query, status, operation, body preview. */
  text: string;
  path: string;
  /** `409`, or a class such as `4xx`. */
  status: string;
  /** A ticket id (or part of one) in the path, the query or the body. */
  ticket: string;
  method: string;
  operation: string;
  /** Whether admin actions are shown. */
  admin: boolean;
}

export const noFilter: JournalFilter = { text: '', path: '', status: '', ticket: '', method: '', operation: '', admin: true };

const has = (haystack: string, needle: string) => needle === '' || haystack.toLowerCase().includes(needle.trim().toLowerCase());

export function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  const status = filter.status.trim().toLowerCase();
  const target = `${entry.path}?${entry.query}`;
  return (
    (filter.admin || entry.admin !== true) &&
    (filter.method === '' || entry.method === filter.method) &&
    (filter.operation === '' || entry.operation === filter.operation) &&
    (status === '' || (status.endsWith('xx') ? String(entry.status)[0] === status[0] : String(entry.status) === status)) &&
    has(entry.path, filter.path) &&
    has(`${target} ${entry.body ?? ''}`, filter.ticket) &&
    has(`${entry.method} ${target} ${entry.status} ${entry.operation ?? ''} ${entry.body ?? ''}`, filter.text)
  );
}

/** Headers a client sets itself (or that would garble the output), left out of a copied command. */
const leftOut = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding', 'keep-alive']);
/** `x-api-key` → `X_API_KEY`: the shell variable a redacted header's value is read from. */
export const variableOf = (header: string) => header.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export function curlOf(entry: Pick<JournalEntry, 'method' | 'path' | 'query' | 'headers' | 'body'>, origin: string, redacted = '[redacted]'): string {
  const parts = ['curl'];
  if (entry.method !== 'GET') parts.push('-X', entry.method);
  parts.push(shellQuoted(`${origin}${entry.path}${entry.query === '' ? '' : `?${entry.query}`}`));
  for (const [name, value] of Object.entries(entry.headers)) {
    if (leftOut.has(name.toLowerCase())) continue;
    // Double quotes for these alone: the shell puts the tester's own credential in.
    parts.push('-H', value === redacted ? `"${name}: $${variableOf(name)}"` : shellQuoted(`${name}: ${value}`));
  }
  if (entry.body !== undefined) parts.push('--data-raw', shellQuoted(entry.body));
  return parts.join(' ');
}
