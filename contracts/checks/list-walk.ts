// The whole list, walked page by page at the largest limit: exactly `total` distinct rows, none twice,
// none missing. A list too long to walk in a bounded number of pages says so (not run, and why).
import { behaviourCheckNames } from '../check-names.js';
import type { Finding } from '../findings.js';
import { rowKey, specValues, type ListBody } from '../spec-values.js';
import { bodyOf, findingFor, statusOf, type BehaviourCheck } from './check.js';

/** The most pages the walk reads: at the document's largest limit (1000), lists of up to 20,000 rows. */
export const maxWalkPages = 20;

const listOf = (body: unknown): ListBody | undefined => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as ListBody) : undefined);

export const listWalkCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.listWalk],
  async probe(send, context) {
    const values = specValues(context.spec);
    const size = values.limit.max ?? values.limit.default ?? 25;
    const first = await send('walk page 1', 'GET', `${values.collection}?limit=${size}&offset=0`);
    const total = listOf(bodyOf(first))?.total;
    if (statusOf(first) !== 200 || typeof total !== 'number') return 'the first page did not answer 200 with a numeric total';
    const pages = Math.ceil(total / size);
    if (pages > maxWalkPages) return `the list holds ${total} rows, more than the ${maxWalkPages} pages of ${size} the walk reads`;
    for (let page = 1; page < pages; page++) await send(`walk page ${page + 1}`, 'GET', `${values.collection}?limit=${size}&offset=${page * size}`);
  },
  // The runner gives each check the exchanges it sent: here, the walk's pages in order.
  evaluate(pages, context): Finding[] {
    const total = listOf(bodyOf(pages[0]))?.total;
    if (typeof total !== 'number') return [];
    const seen = new Map<string, number>();
    for (const page of pages) for (const row of listOf(bodyOf(page))?.result ?? []) seen.set(rowKey(row), (seen.get(rowKey(row)) ?? 0) + 1);
    const twice = [...seen].filter(([, count]) => count > 1).map(([key]) => key);
    const last = pages.at(-1)!;
    const findings: Finding[] = [];
    if (seen.size !== total)
      findings.push(findingFor(last, { check: 'pagination_walk', pointer: '/result', expected: `${total} distinct rows (total)`, actual: seen.size, message: `walking all ${pages.length} pages gave ${seen.size} distinct rows, but total says ${total}` }, context));
    if (twice.length > 0)
      findings.push(findingFor(last, { check: 'pagination_walk', pointer: '/result', expected: 'each row on one page only', actual: twice.slice(0, 5), message: `${twice.length} ${twice.length === 1 ? 'row appears' : 'rows appear'} on more than one page of the walk` }, context));
    return findings;
  },
};
