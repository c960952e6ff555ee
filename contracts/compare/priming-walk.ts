// The walk that primes the fake of a comparison: the deployment's whole list, page by page at the
// largest limit, read once before the suite's first write. A list longer than the walk reads cannot
// be held to a fake that knows only part of it: the comparison says so and does not run.
import { maxWalkPages } from '../checks/list-walk.js';
import type { Client } from '../http-client.js';
import { parsedBody } from '../parsed-body.js';
import type { SpecValues } from '../spec-values.js';

export async function primingWalk(send: Client['send'], values: SpecValues): Promise<{ rows: unknown[]; whole: boolean }> {
  const size = values.limit.max ?? values.limit.default ?? 25;
  const rows: unknown[] = [];
  for (let page = 0; page < maxWalkPages; page++) {
    const exchange = await send(`compare: prime the fake, page ${page + 1}`, 'GET', `${values.collection}?limit=${size}&offset=${rows.length}`);
    const parsed = exchange.response?.status === 200 ? parsedBody(exchange.response) : undefined;
    const body = parsed?.kind === 'json' ? (parsed.value as { result?: unknown; total?: unknown }) : undefined;
    if (!Array.isArray(body?.result) || typeof body.total !== 'number') return { rows, whole: false };
    rows.push(...(body.result as unknown[]));
    if (rows.length >= body.total || body.result.length === 0) return { rows, whole: rows.length >= body.total };
  }
  return { rows, whole: false };
}
