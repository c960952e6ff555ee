// Pagination as the document describes it: defaults applied and echoed, limit and offset honoured
// (a walk of small pages equals one big page), limit=0, an empty page past the end, the ticket filter.
import { byLabel, bodyOf, findingFor, statusOf, type BehaviourCheck, type CheckContext } from './check.js';
import { rowKey, specValues, type ListBody } from '../spec-values.js';
import type { LabelledExchange } from '../http-client.js';
import type { Finding } from '../findings.js';
import { behaviourCheckNames } from '../check-names.js';

const walkPageSize = 7;
const walkPages = 3;

function listBody(exchange: LabelledExchange | undefined): ListBody | undefined {
  if (statusOf(exchange) !== 200) return undefined;
  const body = bodyOf(exchange);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as ListBody) : undefined;
}

export const paginationCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.pagination],
  async probe(send, context) {
    const values = specValues(context.spec);
    const first = await send('defaults', 'GET', values.collection);
    await send('big', 'GET', `${values.collection}?limit=${values.limit.max ?? 1000}&offset=0`);
    for (let page = 0; page < walkPages; page++) {
      await send(`page-${page}`, 'GET', `${values.collection}?limit=${walkPageSize}&offset=${page * walkPageSize}`);
    }
    await send('limit-zero', 'GET', `${values.collection}?limit=0`);
    const total = listBody(first)?.total;
    if (typeof total === 'number') await send('past-end', 'GET', `${values.collection}?offset=${total}`);
    const rows = listBody(first)?.result ?? [];
    const ticket = context.fixtures.ticket ?? context.fixtures.closedTicket ?? (typeof rows[0]?.ticket_id === 'string' ? rows[0].ticket_id : undefined);
    if (ticket !== undefined) {
      await send('filter', 'GET', `${values.collection}?ticket_id=${encodeURIComponent(ticket)}&limit=${values.limit.max ?? 1000}`);
    }
  },
  evaluate(exchanges, context) {
    const values = specValues(context.spec);
    const findings: Finding[] = [];
    const fail = (exchange: LabelledExchange, check: string, expected: unknown, actual: unknown, message: string, pointer = '') =>
      findings.push(findingFor(exchange, { check, expected, actual, message, pointer }, context));

    const defaults = byLabel(exchanges, 'defaults');
    const defaultsBody = listBody(defaults);
    if (defaults !== undefined) {
      if (defaultsBody === undefined) {
        fail(defaults, 'pagination_defaults', 200, statusOf(defaults) ?? defaults.error?.message, 'the list without parameters did not answer 200 with a JSON object');
      } else {
        if (defaultsBody.query?.limit !== values.limit.default)
          fail(defaults, 'pagination_defaults', values.limit.default, defaultsBody.query?.limit, 'the default limit is not applied and echoed', '/query/limit');
        if (defaultsBody.query?.offset !== values.offset.default)
          fail(defaults, 'pagination_defaults', values.offset.default, defaultsBody.query?.offset, 'the default offset is not applied and echoed', '/query/offset');
        const count = defaultsBody.result?.length ?? 0;
        if (values.limit.default !== undefined && count > values.limit.default)
          fail(defaults, 'pagination_defaults', `at most ${values.limit.default} rows`, count, 'the default page holds more rows than the default limit', '/result');
        if (typeof defaultsBody.total === 'number' && values.limit.default !== undefined && count !== Math.min(values.limit.default, defaultsBody.total))
          fail(defaults, 'pagination_defaults', Math.min(values.limit.default, defaultsBody.total), count, 'the default page is not full although total says more rows exist', '/result');
      }
    }

    const big = listBody(byLabel(exchanges, 'big'));
    const bigRows = (big?.result ?? []).map(rowKey);
    // Stryker disable next-line EqualityOperator: a page past the last is one the probe did not send, skipped below
    for (let page = 0; page < walkPages; page++) {
      const exchange = byLabel(exchanges, `page-${page}`);
      const body = listBody(exchange);
      if (exchange === undefined || body === undefined || big === undefined) continue;
      const offset = page * walkPageSize;
      if (body.query?.limit !== walkPageSize) fail(exchange, 'pagination_limit_offset', walkPageSize, body.query?.limit, 'the applied limit is not echoed', '/query/limit');
      if (body.query?.offset !== offset) fail(exchange, 'pagination_limit_offset', offset, body.query?.offset, 'the applied offset is not echoed', '/query/offset');
      const expectedRows = bigRows.slice(offset, offset + walkPageSize);
      const gotRows = (body.result ?? []).map(rowKey);
      if (JSON.stringify(gotRows) !== JSON.stringify(expectedRows))
        fail(exchange, 'pagination_limit_offset', expectedRows, gotRows, `the page at offset ${offset} is not rows ${offset}..${offset + walkPageSize - 1} of the whole list`, '/result');
      if (body.total !== big.total) fail(exchange, 'pagination_limit_offset', big.total, body.total, 'total differs between pages of the same list', '/total');
    }

    const zero = byLabel(exchanges, 'limit-zero');
    const zeroBody = listBody(zero);
    if (zero !== undefined && defaultsBody !== undefined) {
      if (zeroBody === undefined) fail(zero, 'pagination_limit_zero', 200, statusOf(zero), 'limit=0 is valid but was not answered with 200');
      else {
        if (zeroBody.result?.length !== 0) fail(zero, 'pagination_limit_zero', 0, zeroBody.result?.length, 'limit=0 returned rows', '/result');
        // Against the list's total only when it gave one: a list without it is the schema check's finding.
        if (typeof defaultsBody.total === 'number' && zeroBody.total !== defaultsBody.total) fail(zero, 'pagination_limit_zero', defaultsBody.total, zeroBody.total, 'limit=0 does not give the total', '/total');
      }
    }

    const pastEnd = byLabel(exchanges, 'past-end');
    const pastEndBody = listBody(pastEnd);
    if (pastEnd !== undefined) {
      if (pastEndBody === undefined) fail(pastEnd, 'pagination_past_end', 200, statusOf(pastEnd), 'an offset at the end is valid but was not answered with 200');
      else if (pastEndBody.result?.length !== 0) fail(pastEnd, 'pagination_past_end', 0, pastEndBody.result?.length, 'an offset at the end returned rows', '/result');
    }

    const filter = byLabel(exchanges, 'filter');
    const filterBody = listBody(filter);
    if (filter !== undefined) {
      const ticket = new URLSearchParams(filter.request.target.split('?')[1]).get('ticket_id');
      if (filterBody === undefined) fail(filter, 'ticket_filter', 200, statusOf(filter), 'the filtered list did not answer 200');
      else {
        const foreign = (filterBody.result ?? []).filter((row) => row.ticket_id !== ticket);
        if (foreign.length > 0) fail(filter, 'ticket_filter', `only rows of ticket ${ticket}`, foreign.length, `${foreign.length} rows of other tickets in the filtered list`, '/result');
        if (filterBody.query?.ticket_id !== ticket) fail(filter, 'ticket_filter', ticket, filterBody.query?.ticket_id, 'the applied ticket_id is not echoed in query', '/query/ticket_id');
        if (big !== undefined && big.total === bigRows.length) {
          const expected = (big.result ?? []).filter((row) => row.ticket_id === ticket).length;
          if (filterBody.total !== expected) fail(filter, 'ticket_filter', expected, filterBody.total, 'the filtered total differs from the rows of that ticket in the whole list', '/total');
        }
      }
    }
    return findings;
  },
};

export type { CheckContext };
