// Paging for the admin API's read-only listings (tickets, catalogue): the console asks for a page at a
// time, so a state of 100,000 tickets never travels whole to draw one screen.
import type { Violation } from '../problems.js';

/** The admin listings' own bound; the API's list keeps the document's. */
export const adminPage = { defaultLimit: 50, maxLimit: 500 } as const;

export type PageQuery = { offset: number; limit: number; search: string | undefined };

function integer(query: URLSearchParams, name: string, min: number, max: number, fallback: number, found: Violation[]): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) found.push({ field: name, message: `must be an integer from ${min} to ${max}` });
  return value;
}

/** `offset`, `limit` and `q` (a case-insensitive search) from a listing's query, or why not. */
export function pageQuery(query: URLSearchParams): { ok: true; page: PageQuery } | { ok: false; violations: Violation[] } {
  const found: Violation[] = [];
  const offset = integer(query, 'offset', 0, Number.MAX_SAFE_INTEGER, 0, found);
  const limit = integer(query, 'limit', 1, adminPage.maxLimit, adminPage.defaultLimit, found);
  const search = query.get('q')?.trim().toLowerCase();
  if (found.length > 0) return { ok: false, violations: found };
  return { ok: true, page: { offset, limit, search: search === '' ? undefined : search } };
}

/** One page of the items that pass `keep`, and how many pass in all (one walk, no copy of the rest). */
export function pageOf<T>(items: Iterable<T>, keep: (item: T) => boolean, { offset, limit }: PageQuery): { total: number; items: T[] } {
  const page: T[] = [];
  let total = 0;
  for (const item of items) {
    if (!keep(item)) continue;
    if (total >= offset && page.length < limit) page.push(item);
    total++;
  }
  return { total, items: page };
}
