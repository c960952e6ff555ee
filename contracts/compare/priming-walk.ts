// The walk that primes the fake of a comparison, read once before the suite's first check: the
// deployment's whole list, page by page at the largest limit. A list longer than the walk reads (a
// staging with years of records) is walked for the fixture tickets only, and the fake then answers for
// those: the comparison is held to requests about them (and about tickets the deployment never showed).
import { maxWalkPages } from '../checks/list-walk.js';
import type { Client } from '../http-client.js';
import { parsedBody } from '../parsed-body.js';
import type { SpecValues } from '../spec-values.js';
import { counted } from '../../src/text/counted.js';
import { rowIdentity } from './answer-facets.js';

export type Priming =
  /**
   * `only`: the tickets whose every record `rows` holds, undefined when `rows` is the whole list; `seen`:
   * the rows the whole list's walk read before it gave up (tickets the deployment has).
   */
  | { rows: unknown[]; only?: ReadonlySet<string>; seen?: unknown[]; total: number }
  | { why: string };

/** What of a row the fake is primed with: its identity and its catalogue words, nothing else a deployment put there. */
const primingRow = (row: unknown): unknown => {
  if (typeof row !== 'object' || row === null) return row;
  const { ticket_id, diagnostic_equipment_id, name, version } = row as Record<string, unknown>;
  return { ticket_id, diagnostic_equipment_id, name, version };
};

/**
 * Walks `target(offset)` at `size` a page, at most maxWalkPages pages: its rows, or why it cannot prime
 * the fake. Bounded by what was asked, not by what came: a page longer than the limit is refused unread,
 * and a row met twice (pages that overlap, a list that changed during the walk) ends it.
 */
async function walk(send: Client['send'], what: string, target: (offset: number) => string, size: number): Promise<{ rows: unknown[]; total: number; whole: boolean } | { why: string }> {
  const rows: unknown[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < maxWalkPages; page++) {
    const exchange = await send(`compare: ${what}, page ${page + 1}`, 'GET', target(rows.length));
    const parsed = exchange.response?.status === 200 ? parsedBody(exchange.response) : undefined;
    const body = parsed?.kind === 'json' ? (parsed.value as { result?: unknown; total?: unknown }) : undefined;
    if (!Array.isArray(body?.result) || typeof body.total !== 'number') return { why: `page ${page + 1} of ${what} was not a page of the list (200 with rows and a numeric total)` };
    if (body.result.length > size) return { why: `page ${page + 1} of ${what} held more rows than the limit asked (${body.result.length.toLocaleString('en-US')}, limit ${size})` };
    for (const row of body.result as unknown[]) {
      const identity = rowIdentity(row);
      if (seen.has(identity)) return { why: `${what} showed a row twice (page ${page + 1}): its pages overlap, or it changed during the walk` };
      seen.add(identity);
      rows.push(primingRow(row));
    }
    if (rows.length >= body.total) return { rows, total: body.total, whole: true };
    if (body.result.length === 0) return { why: `${what} ended at ${rows.length.toLocaleString('en-US')} rows, short of the total it gave (${body.total.toLocaleString('en-US')})` };
  }
  return { rows, total: Number.NaN, whole: false };
}

export async function primingWalk(send: Client['send'], values: SpecValues, fixtureTickets: readonly string[]): Promise<Priming> {
  const size = values.limit.max ?? values.limit.default ?? 25;
  const whole = await walk(send, 'the list that primes the fake', (offset) => `${values.collection}?limit=${size}&offset=${offset}`, size);
  if ('why' in whole) return whole;
  if (whole.whole) return { rows: whole.rows, total: whole.total };
  const longer = `the list holds more than the ${counted(maxWalkPages, 'page')} of ${size.toLocaleString('en-US')} the walk that primes the fake reads`;
  const ticketPage = values.ticketPage;
  if (ticketPage === undefined || fixtureTickets.length === 0) return { why: `${longer}, and no --ticket or --closed-ticket to compare on` };
  const rows: unknown[] = [];
  for (const ticket of fixtureTickets) {
    const own = await walk(send, `the records of ${ticket} that prime the fake`, (offset) => ticketPage(ticket, offset, size), size);
    if ('why' in own) return own;
    if (!own.whole) return { why: `${longer}, nor those of ${ticket}` };
    rows.push(...own.rows);
  }
  return { rows, only: new Set(fixtureTickets.map((ticket) => ticket.toLowerCase())), seen: whole.rows, total: whole.total };
}
