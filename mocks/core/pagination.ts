// limit/offset paging over an ordered collection. The offset may be a bigint beyond 2^53 (it is an
// int64); any such offset lies past the end of anything held in memory, so the page is empty.

export interface Page<T> {
  rows: T[];
  total: number;
}

export function pageOf<T>(rows: readonly T[], limit: number, offset: number | bigint, newestFirst = false): Page<T> {
  const start = typeof offset === 'bigint' ? rows.length : Math.min(offset, rows.length);
  if (!newestFirst) return { rows: rows.slice(start, start + limit), total: rows.length };
  // The same pages counted from the end: only the page is copied and reversed, never the whole list.
  const end = rows.length - start;
  return { rows: rows.slice(Math.max(0, end - limit), end).reverse(), total: rows.length };
}
