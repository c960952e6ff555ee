// limit/offset paging over an ordered collection. The offset may be a bigint beyond 2^53 (it is an
// int64); any such offset lies past the end of anything held in memory, so the page is empty.

export interface Page<T> {
  rows: T[];
  total: number;
}

export function pageOf<T>(rows: readonly T[], limit: number, offset: number | bigint): Page<T> {
  const start = typeof offset === 'bigint' ? rows.length : Math.min(offset, rows.length);
  return { rows: rows.slice(start, start + limit), total: rows.length };
}
