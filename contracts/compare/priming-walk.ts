// The walk that primes the fake of a comparison: the deployment's whole list, page by page at the
// largest limit, read once before the suite's first write. A list the walk cannot read whole (longer
// than the walk reads, a total its pages never reach, a page longer than asked, a row met twice) cannot
// be held to a fake that knows only part of it: the comparison says why and does not run.
import { maxWalkPages } from '../checks/list-walk.js';
import type { Client } from '../http-client.js';
import { parsedBody } from '../parsed-body.js';
import type { SpecValues } from '../spec-values.js';
import { rowIdentity } from './answer-facets.js';

export interface PrimingWalk {
  rows: unknown[];
  whole: boolean;
  /** Why the walk did not read the whole list, when it did not. */
  why?: string;
}

export async function primingWalk(send: Client['send'], values: SpecValues): Promise<PrimingWalk> {
  const size = values.limit.max ?? values.limit.default ?? 25;
  const rows: unknown[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < maxWalkPages; page++) {
    const exchange = await send(`compare: prime the fake, page ${page + 1}`, 'GET', `${values.collection}?limit=${size}&offset=${rows.length}`);
    const parsed = exchange.response?.status === 200 ? parsedBody(exchange.response) : undefined;
    const body = parsed?.kind === 'json' ? (parsed.value as { result?: unknown; total?: unknown }) : undefined;
    if (!Array.isArray(body?.result) || typeof body.total !== 'number') return { rows, whole: false, why: `page ${page + 1} of the list that primes the fake was not a page of it` };
    // Bounded by what was asked, not by what came: a page of millions of rows is refused unread.
    if (body.result.length > size) return { rows, whole: false, why: `page ${page + 1} of the list that primes the fake held more rows than the limit asked (${body.result.length.toLocaleString('en-US')}, limit ${size})` };
    for (const row of body.result as unknown[]) {
      const identity = rowIdentity(row);
      if (seen.has(identity)) return { rows, whole: false, why: `the list that primes the fake showed a row twice (page ${page + 1}): its pages overlap, or it changed during the walk` };
      seen.add(identity);
      rows.push(row);
    }
    if (rows.length >= body.total) return { rows, whole: true };
    if (body.result.length === 0) return { rows, whole: false, why: `the list that primes the fake ended at ${rows.length.toLocaleString('en-US')} rows, short of the total it gave (${body.total.toLocaleString('en-US')})` };
  }
  return { rows, whole: false, why: `the list is longer than the walk that primes the fake reads (${maxWalkPages} pages of ${size})` };
}
