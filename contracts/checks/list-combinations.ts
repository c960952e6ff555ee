// The list's parameters together, not one at a time: a pairwise covering array of ticket_id × limit ×
// offset, with the values that matter for each (no filter, the fixture ticket, a ticket with no rows;
// limit at its minimum, one more, below and above the filtered count, the default, the maximum; offset
// at its minimum, one more, inside, at and past the end, the format's largest value). The fixture ticket
// is first made to hold at least three rows (free --equipment ids added, removed after), so that the
// filtered cases have pages to get wrong. Pages are then held to each other (metamorphic relations):
//   - every combination of valid values is answered as the same query without paging is;
//   - `total` does not depend on limit and offset;
//   - a page equals the matching slice of the same query walked at the largest limit;
//   - the rows of a walk filtered by a ticket are exactly that ticket's rows in the unfiltered walk.
// Each page is also held to the invariants (list_arithmetic, query_echo) as every answer is.
import { behaviourCheckNames } from '../check-names.js';
import { pairwise } from '../covering-array.js';
import type { Finding } from '../findings.js';
import { freshUuid } from '../fresh-uuid.js';
import type { LabelledExchange } from '../http-client.js';
import { rowKey, specValues, type ListBody, type SpecValues } from '../spec-values.js';
import { bodyOf, findingFor, outcome, removeAgain, statusOf, type BehaviourCheck, type CheckContext } from './check.js';
import { maxWalkPages } from './list-walk.js';

const ticketLevels = ['none', 'fixture', 'empty'] as const;
const limitLevels = ['default', 'minimum', 'one more', 'below the count', 'above the count', 'maximum'] as const;
const offsetLevels = ['default', 'minimum', 'one more', 'inside', 'at the end', 'past the end', 'format maximum'] as const;
type TicketLevel = (typeof ticketLevels)[number];

/** The rows every filtered case needs, so that a second page and a limit below the count exist. */
export const fixtureRows = 3;
const referenceLabel = (level: TicketLevel, page: number) => `combinations: reference ${level} page ${page}`;
const caseLabel = 'combinations: case';

const listOf = (exchange: LabelledExchange | undefined): ListBody | undefined => {
  const body = bodyOf(exchange);
  return statusOf(exchange) === 200 && typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as ListBody) : undefined;
};
const pageSize = (values: SpecValues) => values.limit.max ?? values.limit.default ?? 25;
const key = (row: { ticket_id?: unknown; diagnostic_equipment_id?: unknown }) => rowKey(row).toLowerCase();

/** The concrete limit and offset a level stands for, given the rows the query holds (undefined: left out). */
function resolved(values: SpecValues, count: number, limit: (typeof limitLevels)[number], offset: (typeof offsetLevels)[number]) {
  const max = pageSize(values);
  const min = values.limit.min;
  const limits: Record<typeof limit, number | undefined> = {
    default: undefined,
    minimum: min,
    'one more': min + 1,
    'below the count': Math.min(max, Math.max(min + 1, count - 1)),
    'above the count': Math.min(max, count + 1),
    maximum: max,
  };
  const low = values.offset.min;
  const offsets: Record<typeof offset, string | undefined> = {
    default: undefined,
    minimum: String(low),
    'one more': String(low + 1),
    inside: String(Math.max(low, Math.floor(count / 2))),
    'at the end': String(count),
    'past the end': String(count + 1),
    'format maximum': values.offset.formatMax ?? String(Number.MAX_SAFE_INTEGER),
  };
  return { limit: limits[limit], offset: offsets[offset] };
}

function target(values: SpecValues, ticket: string | undefined, limit: number | undefined, offset: string | undefined): string {
  const query = new URLSearchParams();
  if (ticket !== undefined) query.set('ticket_id', ticket);
  if (limit !== undefined) query.set('limit', String(limit));
  if (offset !== undefined) query.set('offset', offset);
  const search = query.toString();
  return search === '' ? values.collection : `${values.collection}?${search}`;
}

class LimitIgnored extends Error {}

export const listCombinationsCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.listCombinations],
  uses: ['ticket', 'equipment'],
  async probe(send, context, ledger) {
    const values = specValues(context.spec);
    const size = pageSize(values);
    const given = context.fixtures.ticket;
    // A ticket with records to page through: the fixture, made to hold enough rows when the suite may write.
    const added: number[] = [];
    if (given !== undefined && !context.readOnly) {
      let count = listOf(await send('combinations: the ticket’s rows', 'GET', target(values, given, size, undefined)))?.total;
      for (const id of context.fixtures.equipment) {
        if (typeof count !== 'number' || count >= fixtureRows) break;
        if (statusOf(await send(`combinations: is ${id} free`, 'GET', values.oneTarget(given, id))) !== 404) continue;
        const add = await send(`combinations: add ${id} so the ticket has ${fixtureRows} rows`, 'POST', values.collection, { json: { ticket_id: given, diagnostic_equipment_id: id } });
        if (statusOf(add) === undefined || (statusOf(add)! >= 200 && statusOf(add)! < 300)) {
          ledger.created({ ticketId: given, equipmentId: id });
          added.push(id);
          count++;
        }
      }
    }
    /**
     * Sends one list request; throws when the answer holds more rows than it asked for. Such a list
     * ignores limit (list_arithmetic reports it): no page can be compared with another, and a deployment
     * answering every page with its whole list must not make the check hold dozens of them at once.
     */
    const list = async (label: string, limit: number | undefined, url: string) => {
      const exchange = await send(label, 'GET', url);
      const rows = listOf(exchange)?.result?.length ?? 0;
      if (rows > (limit ?? values.limit.default ?? size)) throw new LimitIgnored(`the list answered ${rows} rows where the limit was ${limit ?? `left to its default (${values.limit.default})`}: it ignores limit, so its pages cannot be compared (list_arithmetic reports it)`);
      return exchange;
    };
    try {
      /** Walks a query at the largest limit (bounded), and gives the rows it holds. */
      const walk = async (level: TicketLevel, ticket: string | undefined) => {
        const first = await list(referenceLabel(level, 1), size, target(values, ticket, size, String(values.offset.min)));
        const total = listOf(first)?.total;
        const rows = [...(listOf(first)?.result ?? [])];
        const pages = typeof total === 'number' ? Math.min(maxWalkPages, Math.ceil(total / size)) : 1;
        for (let page = 2; page <= pages; page++) rows.push(...(listOf(await list(referenceLabel(level, page), size, target(values, ticket, size, String((page - 1) * size))))?.result ?? []));
        // The count the cases are made from: a whole number of rows, whatever total the deployment gave
        // (a negative or fractional one would make limits and offsets the document forbids).
        const count = typeof total === 'number' && Number.isFinite(total) ? Math.max(0, Math.floor(total)) : rows.length;
        return { total: count, rows };
      };
      const unfiltered = await walk('none', undefined);
      const fixture = given ?? (typeof unfiltered.rows[0]?.ticket_id === 'string' ? unfiltered.rows[0].ticket_id : undefined);
      const tickets: Record<TicketLevel, string | undefined> = { none: undefined, fixture, empty: freshUuid(context.generation.seed, 0) };
      const counts: Record<TicketLevel, number> = { none: unfiltered.total, fixture: fixture === undefined ? 0 : (await walk('fixture', fixture)).total, empty: (await walk('empty', tickets.empty)).total };
      const levels = fixture === undefined ? ticketLevels.filter((l) => l !== 'fixture') : [...ticketLevels];
      for (const [t = 0, l = 0, o = 0] of pairwise([levels.length, limitLevels.length, offsetLevels.length])) {
        const level = levels[t]!;
        const { limit, offset } = resolved(values, counts[level], limitLevels[l]!, offsetLevels[o]!);
        await list(`${caseLabel} ${level}: limit ${limitLevels[l]}, offset ${offsetLevels[o]}`, limit, target(values, tickets[level], limit, offset));
      }
    } catch (error) {
      if (error instanceof LimitIgnored) return error.message;
      throw error;
    } finally {
      for (const id of added) await removeAgain(send, context, ledger, { ticketId: given!, equipmentId: id }, `combinations: ${id}`);
    }
  },
  evaluate(exchanges, context) {
    const values = specValues(context.spec);
    const findings: Finding[] = [];
    /** One finding per relation and ticket, from the first case that breaks it, counting the rest. */
    const broken = new Map<string, { exchange: LabelledExchange; expected: unknown; actual: unknown; message: string; pointer: string; count: number }>();
    const fail = (relation: string, exchange: LabelledExchange, expected: unknown, actual: unknown, message: string, pointer = '') => {
      const seen = broken.get(relation);
      if (seen === undefined) broken.set(relation, { exchange, expected, actual, message, pointer, count: 1 });
      else seen.count++;
    };
    const walked = new Map<TicketLevel, { exchange: LabelledExchange; status: number; total: unknown; rows: string[]; complete: boolean }>();
    for (const level of ticketLevels) {
      const pages = exchanges.filter((e) => e.label.startsWith(`combinations: reference ${level} page `));
      const first = pages[0];
      const status = statusOf(first);
      if (first === undefined || status === undefined) continue;
      const total = listOf(first)?.total;
      const rows: string[] = [];
      let whole = true;
      for (const page of pages) {
        const result = listOf(page)?.result;
        if (!Array.isArray(result)) whole = false;
        else if (whole) rows.push(...result.map(key));
      }
      walked.set(level, { exchange: first, status, total, rows, complete: whole && typeof total === 'number' && rows.length === total });
    }

    for (const exchange of exchanges.filter((e) => e.label.startsWith(caseLabel))) {
      const level = exchange.label.slice(caseLabel.length + 1).split(':')[0] as TicketLevel;
      const reference = walked.get(level);
      const status = statusOf(exchange);
      if (reference === undefined || status === undefined) continue;
      const query = new URLSearchParams(exchange.request.target.split('?')[1]);
      const asked = [...query].map(([name, value]) => `${name}=${value}`).join('&') || 'no parameters';
      if (status !== (reference.status === 200 ? 200 : reference.status)) {
        fail(`status ${level}`, exchange, reference.status, outcome(exchange), `valid parameters together (${asked}) were answered ${String(outcome(exchange))}, where the same query walked at the largest limit was answered ${reference.status}`);
        continue;
      }
      const body = listOf(exchange);
      if (body === undefined || reference.status !== 200) continue;
      if (typeof reference.total === 'number' && body.total !== reference.total)
        fail(`total ${level}`, exchange, reference.total, body.total, `total changed with limit and offset (${asked}): ${String(body.total)}, where the same query without them gives ${reference.total}`, '/total');
      const limit = Number(query.get('limit') ?? values.limit.default);
      const offset = BigInt(query.get('offset') ?? values.offset.default ?? 0);
      const got = Array.isArray(body.result) ? body.result.map(key) : undefined;
      // The slice is known where the walk read that far, or read everything there is.
      const known = reference.complete || offset + BigInt(limit) <= BigInt(reference.rows.length);
      if (got === undefined || !known || Number.isNaN(limit)) continue;
      const expected = offset >= BigInt(reference.rows.length) ? [] : reference.rows.slice(Number(offset), Number(offset) + limit);
      if (JSON.stringify(got) !== JSON.stringify(expected))
        fail(`slice ${level}`, exchange, expected, got, `the page for ${asked} is not the matching slice of the same query walked at the largest limit`, '/result');
    }

    // A filtered walk holds exactly the filtered ticket's rows of the unfiltered walk.
    const all = walked.get('none');
    const fixture = walked.get('fixture');
    const ticket = fixture === undefined ? undefined : new URLSearchParams(fixture.exchange.request.target.split('?')[1]).get('ticket_id')?.toLowerCase();
    if (all?.complete === true && fixture?.complete === true && ticket !== undefined) {
      const theirs = all.rows.filter((row) => row.startsWith(`${ticket}/`));
      const missing = theirs.filter((row) => !fixture.rows.includes(row));
      const extra = fixture.rows.filter((row) => !theirs.includes(row));
      if (missing.length > 0 || extra.length > 0)
        fail('union', fixture.exchange, `the ${theirs.length} rows of ticket ${ticket} in the unfiltered list`, { missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, `walking the list filtered by ticket_id gives other rows than that ticket's rows in the unfiltered list (${missing.length} missing, ${extra.length} not in it)`, '/result');
    }
    for (const { exchange, expected, actual, message, pointer, count } of broken.values()) {
      findings.push(findingFor(exchange, { check: 'pagination_combinations', expected, actual, message, pointer, occurrences: count }, context));
    }
    return findings;
  },
};

export type { CheckContext };
