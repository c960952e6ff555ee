// A write's effects, wherever they can be seen. write_locality watches the written ticket; this check
// watches everything else a write could touch: the records of other tickets (first those holding the
// same equipment id, found in a bounded walk of the unfiltered list) must not change, and the unfiltered
// total must move by exactly the writes made — +1 for an add, −1 for a remove, 0 for a refused add.
// The total is read twice at each moment (before the writes, after each), the other tickets' records
// between the two reads: a deployment whose total moves between two reads with no write of the suite's
// has other writers, and what it shows is then a warning (the suite cannot tell their writes from a side
// effect), not an error. Whether such a writer is seen depends on when it writes; a quiet deployment's
// verdict does not.
//
// Around each of this check's own writes, and around the whole run: the watch below reads the same
// things before the run's first write (the fixture preflight's) and after its cleanup, when every write
// of the suite has been undone. A side effect of any write, whichever check made it, shows there.
import { behaviourCheckNames } from '../check-names.js';
import type { Finding } from '../findings.js';
import type { LabelledExchange } from '../http-client.js';
import { rowKey, specValues, type ListBody } from '../spec-values.js';
import { bodyOf, byLabel, findingFor, statusOf, type BehaviourCheck, type CheckContext, type Send } from './check.js';
import { writeNotRunReason } from './write-checks.js';

/** Pages of the unfiltered list read to find other tickets' records: lists of up to this many pages are searched whole. */
export const sideWalkPages = 3;
/** Other tickets watched around the writes. */
export const watchedTickets = 3;

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const listOf = (exchange: LabelledExchange | undefined) => (statusOf(exchange) === 200 ? (bodyOf(exchange) as ListBody | undefined) : undefined);
const moments = ['before', 'after the add', 'after the remove'] as const;

/**
 * Other tickets than --ticket to watch: those holding one of `ids` first (a write's namesakes), then any
 * others a bounded walk of the unfiltered list met; at most `watchedTickets`.
 */
async function otherTickets(send: Send, context: CheckContext, prefix: string, ids: readonly number[]): Promise<string[]> {
  const values = specValues(context.spec);
  const size = values.limit.max ?? values.limit.default ?? 25;
  const ticket = context.fixtures.ticket?.toLowerCase();
  const holding: string[] = [];
  const others: string[] = [];
  for (let page = 0; page < sideWalkPages; page++) {
    const body = listOf(await send(`${prefix}: walk page ${page + 1}`, 'GET', `${values.collection}?limit=${size}&offset=${page * size}`));
    const rows = body?.result ?? [];
    for (const row of rows.slice(0, size)) {
      if (typeof row.ticket_id !== 'string' || row.ticket_id.toLowerCase() === ticket) continue;
      const list = ids.includes(row.diagnostic_equipment_id as number) ? holding : others;
      if (!list.includes(row.ticket_id)) list.push(row.ticket_id);
    }
    // A page holding more rows than asked: the list ignores limit, and one such page is all the walk reads.
    if (rows.length > size || typeof body?.total !== 'number' || (page + 1) * size >= body.total) break;
  }
  return [...holding, ...others.filter((t) => !holding.includes(t))].slice(0, watchedTickets);
}

/** What a watched ticket's records were and became: a finding when they changed. */
function changedRecords(before: LabelledExchange | undefined, after: LabelledExchange | undefined, context: CheckContext, severity: 'error' | 'warning', describe: (other: string, change: string) => string): Finding | undefined {
  const was = listOf(before)?.result?.map(rowKey);
  const now = listOf(after)?.result?.map(rowKey);
  if (was === undefined || now === undefined || after === undefined) return undefined;
  const went = was.filter((row) => !now.includes(row));
  const appeared = now.filter((row) => !was.includes(row));
  if (went.length === 0 && appeared.length === 0) return undefined;
  const change = [went.length > 0 ? `went: ${went.join(', ')}` : '', appeared.length > 0 ? `appeared: ${appeared.join(', ')}` : ''].filter(Boolean).join('; ');
  const other = new URLSearchParams(after.request.target.split('?')[1]).get('ticket_id') ?? '(another ticket)';
  return findingFor(after, { check: 'write_side_effects', severity, pointer: '/result', expected: `ticket ${other}'s ${was.length} records, unchanged`, actual: change, message: describe(other, change) }, context);
}

/**
 * The run-wide watch: the unfiltered total (twice) and other tickets' records before the run's first
 * write, read again after the cleanup. Labels start "run watch:".
 */
export const runWatch = {
  async before(send: Send, context: CheckContext): Promise<void> {
    const values = specValues(context.spec);
    const size = values.limit.max ?? values.limit.default ?? 25;
    const watched = await otherTickets(send, context, 'run watch', context.fixtures.equipment);
    // The total twice, the other tickets between: a total that moved between them is another writer's.
    await send('run watch: total at the start', 'GET', `${values.collection}?limit=${values.limit.min}`);
    for (const other of watched) await send(`run watch: ${other} at the start`, 'GET', `${values.collection}?${new URLSearchParams({ ticket_id: other, limit: String(size) })}`);
    await send('run watch: total at the start, again', 'GET', `${values.collection}?limit=${values.limit.min}`);
  },
  async after(send: Send, context: CheckContext, started: LabelledExchange[]): Promise<void> {
    const values = specValues(context.spec);
    await send('run watch: total at the end', 'GET', `${values.collection}?limit=${values.limit.min}`);
    // Stryker disable next-line Regex: only the total's second reading has more after ' at the start', and startsWith leaves it out
    for (const exchange of started.filter((e) => / at the start$/.test(e.label) && !e.label.startsWith('run watch: total'))) {
      // Stryker disable next-line Regex: every label here ends with ' at the start' (the filter above)
      await send(exchange.label.replace(/ at the start$/, ' at the end'), exchange.request.method, exchange.request.target);
    }
  },
  /** `left`: records the suite created and could not remove (the cleanup finding names them). */
  evaluate(exchanges: LabelledExchange[], context: CheckContext, left: number): Finding[] {
    const totalOf = (label: string) => listOf(byLabel(exchanges, `run watch: total ${label}`))?.total;
    const [first, base, end] = [totalOf('at the start'), totalOf('at the start, again'), totalOf('at the end')];
    const othersWrite = typeof first === 'number' && typeof base === 'number' && first !== base;
    const severity = othersWrite ? 'warning' : 'error';
    const findings: Finding[] = [];
    const endExchange = byLabel(exchanges, 'run watch: total at the end');
    if (typeof base === 'number' && typeof end === 'number' && endExchange !== undefined && end !== base + left) {
      findings.push(
        findingFor(
          endExchange,
          {
            check: 'write_side_effects',
            severity,
            pointer: '/total',
            expected: base + left,
            actual: end,
            message: `after the run, with every write of the suite's undone${left > 0 ? ` but ${left} it could not remove` : ''}, the unfiltered total is ${end}, not ${base + left}: some write changed more than its own record${othersWrite ? ' — or other writers did: the total also moved while the suite wrote nothing' : ''}`,
          },
          context,
        ),
      );
    }
    // Stryker disable next-line Regex: only the total's second reading has more after ' at the start', and startsWith leaves it out
    for (const start of exchanges.filter((e) => / at the start$/.test(e.label) && !e.label.startsWith('run watch: total'))) {
      // Stryker disable next-line Regex: every label here ends with ' at the start' (the filter above)
      const finding = changedRecords(start, byLabel(exchanges, start.label.replace(/ at the start$/, ' at the end')), context, severity, (other, change) => `after the run, with every write of the suite's undone, the records of ticket ${other} are not what they were (${change}): some write changed another ticket`);
      if (finding !== undefined) findings.push(finding);
    }
    return findings;
  },
};

export const writeSideEffectsCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.writeSideEffects],
  // Stryker disable next-line StringLiteral: either name makes the preflight try --ticket with the --equipment ids, and without both the check does not run
  uses: ['ticket', 'equipment'],
  notRunReason: (context) => writeNotRunReason(context, 'ticket'),
  async probe(send: Send, context, ledger) {
    const values = specValues(context.spec);
    const ticket = context.fixtures.ticket!;
    const size = values.limit.max ?? values.limit.default ?? 25;
    let id: number | undefined;
    for (const candidate of context.fixtures.equipment) {
      if (statusOf(await send(`side effects: is ${candidate} free`, 'GET', values.oneTarget(ticket, candidate))) !== 404) continue;
      id = candidate;
      break;
    }
    if (id === undefined) return 'every --equipment id is already used on --ticket';
    const watched = await otherTickets(send, context, 'side effects', [id]);
    const total = (label: string) => send(`side effects: total ${label}`, 'GET', `${values.collection}?limit=${values.limit.min}`);
    const look = async (moment: (typeof moments)[number]) => {
      for (const other of watched) await send(`side effects: ${other} ${moment}`, 'GET', `${values.collection}?${new URLSearchParams({ ticket_id: other, limit: String(size) })}`);
    };
    /**
     * The total, the other tickets, the total again: with no write of the suite's between the two reads
     * of the total, a difference is another writer's (the window spans the lists, not one gap).
     */
    const observe = async (moment: (typeof moments)[number]) => {
      await total(moment);
      await look(moment);
      await total(`${moment}, again`);
    };
    await observe('before');
    const record = { ticketId: ticket, equipmentId: id };
    const add = await send('side effects: add', 'POST', values.collection, { json: { ticket_id: ticket, diagnostic_equipment_id: id } });
    if (is2xx(statusOf(add)) || statusOf(add) === undefined) ledger.created(record);
    await observe('after the add');
    if (!is2xx(statusOf(add))) return;
    const removed = is2xx(statusOf(await send('side effects: remove', 'DELETE', values.oneTarget(ticket, id))));
    if (removed) ledger.removed(record);
    await observe('after the remove');
  },
  evaluate(exchanges, context) {
    const findings: Finding[] = [];
    const totalOf = (label: string) => listOf(byLabel(exchanges, `side effects: total ${label}`))?.total;
    // The last reading before the writes: what each write is counted from.
    const base = totalOf('before, again');
    if (typeof base !== 'number') return findings;
    // Another writer shows as a total that moved between two reads with no write of the suite's between.
    const othersWrite = moments.some((moment) => {
      const [first, again] = [totalOf(moment), totalOf(`${moment}, again`)];
      return typeof first === 'number' && typeof again === 'number' && first !== again;
    });
    const add = statusOf(byLabel(exchanges, 'side effects: add'));
    const remove = statusOf(byLabel(exchanges, 'side effects: remove'));
    const added = is2xx(add) ? 1 : 0;
    const removed = is2xx(remove) ? 1 : 0;
    for (const [label, expected, writes, answered] of [
      ['after the add', base + added, added === 1 ? 'an add of one record' : 'a refused add', add !== undefined],
      ['after the remove', base + added - removed, 'an add and a remove of the same record', add !== undefined && remove !== undefined],
    ] as const) {
      // A write whose answer is missing may or may not have happened: its total says nothing.
      if (!answered) continue;
      const got = totalOf(label);
      if (typeof got !== 'number' || got === expected) continue;
      const exchange = byLabel(exchanges, `side effects: total ${label}`)!;
      findings.push(
        findingFor(
          exchange,
          {
            check: 'write_side_effects',
            severity: othersWrite ? 'warning' : 'error',
            pointer: '/total',
            expected,
            actual: got,
            message: `the unfiltered total moved by ${got - base} after ${writes}${othersWrite ? ' — but it also moved when the suite wrote nothing: the deployment has other writers, so this may be theirs' : ''}`,
          },
          context,
        ),
      );
    }
    // Other tickets' records: the same before and after each write (the first change is the one to read).
    // The readings of the total ("side effects: total before") are not a watched ticket's.
    const watched = [...new Set(exchanges.filter((e) => !e.label.startsWith('side effects: total')).map((e) => /^side effects: (\S+) before$/.exec(e.label)?.[1]).filter((t): t is string => t !== undefined))];
    for (const other of watched) {
      // Stryker disable next-line MethodExpression: the reading before, compared with itself, shows no change
      for (const moment of moments.slice(1)) {
        const finding = changedRecords(byLabel(exchanges, `side effects: ${other} before`), byLabel(exchanges, `side effects: ${other} ${moment}`), context, othersWrite ? 'warning' : 'error', (name, change) => `a write on ticket ${context.fixtures.ticket ?? '(the fixture)'} changed the records of ticket ${name} ${moment.replace('after', 'by')} (${change})`);
        if (finding === undefined) continue;
        findings.push(finding);
        break;
      }
    }
    return findings;
  },
};
