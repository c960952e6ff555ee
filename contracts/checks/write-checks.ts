// The write checks, on the fixtures the user gave: the record lifecycle on an In Progress ticket, and
// the 'In Progress' rule on a ticket that is not. They check the rule and the problem format, not
// which 4xx status a deployment chose.
import { behaviourCheckNames } from '../check-names.js';
import type { Finding } from '../findings.js';
import type { LabelledExchange } from '../http-client.js';
import type { Ledger } from '../ledger.js';
import { rowKey, specValues, type ListBody } from '../spec-values.js';
import { bodyOf, byLabel, findingFor, FixtureProblem, isProblem, missingFixture, outcome, statusOf, type BehaviourCheck, type CheckContext, type Send } from './check.js';

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const is4xx = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

export function writeNotRunReason(context: CheckContext, ticket: 'ticket' | 'closedTicket'): string | undefined {
  if (context.readOnly) return '--read-only: no writes';
  return missingFixture(context, ticket) ?? missingFixture(context, 'equipment');
}

/**
 * The first --equipment id not yet used on the ticket (GET one answers 404), probed in order; failing
 * that, the first whose answer says nothing either way (not a record, not a 404: a drifted deployment),
 * so the check runs and reports what it meets. Undefined only when every id is certainly used.
 */
async function unusedEquipment(send: Send, context: CheckContext, ticketId: string): Promise<number | undefined> {
  const values = specValues(context.spec);
  let unclear: number | undefined;
  for (const id of context.fixtures.equipment) {
    const probe = await send(`is ${id} unused`, 'GET', values.oneTarget(ticketId, id));
    if (statusOf(probe) === 404) return id;
    const record = bodyOf(probe) as { diagnostic_equipment_id?: unknown } | undefined;
    if (!(statusOf(probe) === 200 && record?.diagnostic_equipment_id === id)) unclear ??= id;
  }
  return unclear;
}

const allUsed = (context: CheckContext, ticketId: string) =>
  new FixtureProblem(`every --equipment id (${context.fixtures.equipment.join(', ')}) is already used on ticket ${ticketId}; give one that is not`);

const listTarget = (context: CheckContext, ticketId: string) => {
  const values = specValues(context.spec);
  return `${values.collection}?ticket_id=${encodeURIComponent(ticketId)}&limit=${values.limit.max ?? 1000}`;
};

function rowsOf(exchange: LabelledExchange | undefined): string[] | undefined {
  if (statusOf(exchange) !== 200) return undefined;
  const body = bodyOf(exchange) as ListBody | undefined;
  return Array.isArray(body?.result) ? body.result.map(rowKey) : undefined;
}

function addedRecord(exchange: LabelledExchange): { ticketId: string; equipmentId: number } {
  const body = JSON.parse(exchange.request.body ?? '{}') as { ticket_id: string; diagnostic_equipment_id: number };
  return { ticketId: body.ticket_id, equipmentId: body.diagnostic_equipment_id };
}

/** What changed between two lists of row keys: rows that appeared and rows that went. */
function difference(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const is = new Set(after);
  return { added: after.filter((k) => !was.has(k)), removed: before.filter((k) => !is.has(k)) };
}

/** Said only of a change: at least one row appeared or went. */
const describeChange = ({ added, removed }: { added: string[]; removed: string[] }) =>
  [added.length > 0 ? `appeared: ${added.join(', ')}` : '', removed.length > 0 ? `went: ${removed.join(', ')}` : ''].filter(Boolean).join('; ');

export const lifecycleCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.lifecycle],
  uses: ['ticket', 'equipment'],
  notRunReason: (context) => writeNotRunReason(context, 'ticket'),
  async probe(send: Send, context: CheckContext, ledger: Ledger) {
    const values = specValues(context.spec);
    const ticketId = context.fixtures.ticket!;
    const equipmentId = await unusedEquipment(send, context, ticketId);
    if (equipmentId === undefined) return allUsed(context, ticketId);
    const record = { ticketId, equipmentId };
    const body = { ticket_id: ticketId, diagnostic_equipment_id: equipmentId };
    await send('list before add', 'GET', listTarget(context, ticketId));
    const add = await send('add', 'POST', values.collection, { json: body });
    // No answer (a timeout) may still have created it; the id was free, so removing it later is safe.
    if (is2xx(statusOf(add)) || statusOf(add) === undefined) ledger.created(record);
    // A 404 names something the deployment does not have: the fixtures, not the behaviour, are wrong.
    if (statusOf(add) === 404) return new FixtureProblem(`adding equipment ${equipmentId} to --ticket ${ticketId} answered 404: the deployment does not know that ticket or that catalogue id`);
    await send('get after add', 'GET', values.oneTarget(ticketId, equipmentId));
    await send('list after add', 'GET', listTarget(context, ticketId));
    if (is2xx(statusOf(await send('add again', 'POST', values.collection, { json: body })))) ledger.created(record);
    await send('list after add again', 'GET', listTarget(context, ticketId));
    if (is2xx(statusOf(await send('remove', 'DELETE', values.oneTarget(ticketId, equipmentId))))) ledger.removed(record);
    await send('get after remove', 'GET', values.oneTarget(ticketId, equipmentId));
    await send('list after remove', 'GET', listTarget(context, ticketId));
  },
  evaluate(exchanges, context) {
    const findings: Finding[] = [];
    const fail = (exchange: LabelledExchange, check: string, expected: unknown, actual: unknown, message: string) =>
      findings.push(findingFor(exchange, { check, expected, actual, message }, context));
    const add = byLabel(exchanges, 'add');
    if (add === undefined) return findings;
    const { ticketId, equipmentId } = addedRecord(add);
    const key = `${ticketId}/${equipmentId}`;
    /** A list the probe read, and how many times it holds the record; undefined when it was not read. */
    const listed = (label: string): { list: LabelledExchange; times: number } | undefined => {
      const list = byLabel(exchanges, label);
      const times = rowsOf(list)?.filter((k) => k === key).length;
      return list === undefined || times === undefined ? undefined : { list, times };
    };

    if (!is2xx(statusOf(add))) fail(add, 'ensure_resource_availability', '2xx: the record is created', outcome(add), 'a valid add on an In Progress ticket was refused');
    else {
      const created = bodyOf(add) as { ticket_id?: unknown; diagnostic_equipment_id?: unknown } | undefined;
      if (created?.ticket_id !== ticketId || created?.diagnostic_equipment_id !== equipmentId)
        fail(add, 'ensure_resource_availability', { ticket_id: ticketId, diagnostic_equipment_id: equipmentId }, created, 'the created record does not carry the identifiers that were sent');
      const get = byLabel(exchanges, 'get after add');
      if (get !== undefined && statusOf(get) !== 200) fail(get, 'ensure_resource_availability', 200, outcome(get), 'the record just created cannot be read back');
      const afterAdd = listed('list after add');
      if (afterAdd !== undefined && afterAdd.times !== 1) fail(afterAdd.list, 'ensure_resource_availability', 1, afterAdd.times, 'the record just created is not in the list exactly once');
    }

    const again = byLabel(exchanges, 'add again');
    if (again !== undefined && is2xx(statusOf(add))) {
      if (!is4xx(statusOf(again)) || !isProblem(again)) fail(again, 'duplicate_add_refused', '4xx application/problem+json', outcome(again), 'adding the same equipment to the same ticket twice was not refused');
      const afterAgain = listed('list after add again');
      if (afterAgain !== undefined && afterAgain.times !== 1) {
        const message = afterAgain.times === 0 ? 'the refused second add took the record out of the list' : 'the list holds the record more than once';
        fail(afterAgain.list, 'duplicate_add_refused', 1, afterAgain.times, message);
      }
    }

    // Locality: each write changes exactly its own record on the ticket, and a refused one changes nothing.
    // A list that could not be read is reported here, once; the counts above judge only lists that were.
    const before = rowsOf(byLabel(exchanges, 'list before add'));
    const locality = (label: string, expected: string[], what: string) => {
      const exchange = byLabel(exchanges, label);
      const rows = rowsOf(exchange);
      if (exchange === undefined) return;
      if (rows === undefined) {
        fail(exchange, 'write_locality', 200, outcome(exchange), `the ticket's records could not be read ${what}, so what the write changed is unknown`);
        return;
      }
      const change = difference(expected, rows);
      if (change.added.length > 0 || change.removed.length > 0)
        fail(exchange, 'write_locality', `the ticket's records ${what}: ${expected.length} rows`, describeChange(change), `a write changed more on the ticket than its own record (${describeChange(change)})`);
    };
    if (before === undefined) {
      const exchange = byLabel(exchanges, 'list before add');
      if (exchange !== undefined) fail(exchange, 'write_locality', 200, outcome(exchange), "the ticket's records could not be read before the writes, so what they changed is unknown");
    } else if (is2xx(statusOf(add))) {
      locality('list after add', [...before, key], 'after the add');
      locality('list after add again', [...before, key], 'after the refused second add');
      if (is2xx(statusOf(byLabel(exchanges, 'remove')))) locality('list after remove', before, 'after the remove');
    } else {
      locality('list after add', before, 'after a refused add');
    }

    const remove = byLabel(exchanges, 'remove');
    if (remove !== undefined && is2xx(statusOf(add))) {
      if (!is2xx(statusOf(remove))) fail(remove, 'use_after_free', '2xx', outcome(remove), 'the record the suite created could not be removed');
      else {
        const get = byLabel(exchanges, 'get after remove');
        if (get !== undefined && statusOf(get) !== 404) fail(get, 'use_after_free', 404, outcome(get), 'a removed record can still be read');
        const afterRemove = listed('list after remove');
        if (afterRemove !== undefined && afterRemove.times !== 0) fail(afterRemove.list, 'use_after_free', 0, afterRemove.times, 'a removed record is still in the list');
      }
    }
    return findings;
  },
};

function ruleRefusal(exchange: LabelledExchange, check: string, action: string, context: CheckContext): Finding[] {
  const status = statusOf(exchange);
  if (is4xx(status) && isProblem(exchange)) return [];
  return [
    findingFor(
      exchange,
      {
        check,
        expected: "a 4xx application/problem+json refusal: changes are only allowed on an 'In Progress' ticket",
        actual: outcome(exchange),
        // What the preflight cannot tell apart, said both ways (docs/contract-testing.md): the fixture, or the rule.
        message: is4xx(status)
          ? `${action} was refused, but not as application/problem+json`
          : `${action} on a ticket that is not In Progress was not refused: --closed-ticket may be In Progress after all (then give one that is not), or the deployment ignores the rule`,
      },
      context,
    ),
  ];
}

function unchanged(exchanges: LabelledExchange[], check: string, context: CheckContext): Finding[] {
  const before = rowsOf(byLabel(exchanges, 'closed list before'));
  const afterExchange = byLabel(exchanges, 'closed list after');
  const after = rowsOf(afterExchange);
  if (before === undefined || after === undefined || afterExchange === undefined) return [];
  if (JSON.stringify([...before].sort()) === JSON.stringify([...after].sort())) return [];
  return [findingFor(afterExchange, { check, expected: before, actual: after, message: 'the closed ticket\'s records changed although the change was refused' }, context)];
}

export const inProgressAddCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.inProgressAdd],
  uses: ['closedTicket', 'equipment'],
  notRunReason: (context) => writeNotRunReason(context, 'closedTicket'),
  async probe(send, context, ledger) {
    const values = specValues(context.spec);
    const ticketId = context.fixtures.closedTicket!;
    await send('closed list before', 'GET', listTarget(context, ticketId));
    const equipmentId = await unusedEquipment(send, context, ticketId);
    if (equipmentId === undefined) return allUsed(context, ticketId);
    const add = await send('add to closed', 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: equipmentId } });
    if (is2xx(statusOf(add))) ledger.created({ ticketId, equipmentId });
    // A 404 is a refusal, but not the rule's: the ticket or the id is unknown, and the rule went untested.
    if (statusOf(add) === 404) return new FixtureProblem(`adding equipment ${equipmentId} to --closed-ticket ${ticketId} answered 404: the deployment does not know that ticket or that catalogue id`);
    await send('closed list after', 'GET', listTarget(context, ticketId));
  },
  evaluate(exchanges, context) {
    const add = byLabel(exchanges, 'add to closed');
    if (add === undefined) return [];
    return [...ruleRefusal(add, 'in_progress_rule_add', 'an add', context), ...(is2xx(statusOf(add)) ? [] : unchanged(exchanges, 'in_progress_rule_add', context))];
  },
};

export const inProgressRemoveCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.inProgressRemove],
  uses: ['closedTicket', 'equipment'],
  notRunReason(context) {
    const reason = writeNotRunReason(context, 'closedTicket');
    if (reason !== undefined) return reason;
    return context.fixtures.probeRemoveRule
      ? undefined
      : 'needs --probe-remove-rule: it sends DELETE for a record of --closed-ticket that the suite did not create (a deployment that breaks the rule would remove it)';
  },
  async probe(send, context) {
    const values = specValues(context.spec);
    const ticketId = context.fixtures.closedTicket!;
    const before = await send('closed list before', 'GET', listTarget(context, ticketId));
    const first = (bodyOf(before) as ListBody | undefined)?.result?.[0];
    if (typeof first?.diagnostic_equipment_id !== 'number') return `ticket ${ticketId} has no used equipment to try removing`;
    const remove = await send('remove from closed', 'DELETE', values.oneTarget(ticketId, first.diagnostic_equipment_id));
    if (is2xx(statusOf(remove))) {
      // The deployment broke the rule and removed a record the suite did not create: put it back.
      await send('restore wrongly removed', 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: first.diagnostic_equipment_id } });
    }
    await send('closed list after', 'GET', listTarget(context, ticketId));
  },
  evaluate(exchanges, context) {
    const remove = byLabel(exchanges, 'remove from closed');
    if (remove === undefined) return [];
    const findings = ruleRefusal(remove, 'in_progress_rule_remove', 'a remove', context);
    const restore = byLabel(exchanges, 'restore wrongly removed');
    if (restore !== undefined) {
      const restored = is2xx(statusOf(restore));
      findings.push(
        findingFor(
          restore,
          {
            check: 'in_progress_rule_remove',
            expected: 'the record untouched',
            actual: restored ? 'removed, then restored by the suite' : `removed; restoring it failed (${String(outcome(restore))})`,
            message: restored ? 'the deployment removed a record from a closed ticket; the suite added it back' : 'the deployment removed a record from a closed ticket and it could not be restored: add it back by hand',
          },
          context,
        ),
      );
      return findings;
    }
    return [...findings, ...unchanged(exchanges, 'in_progress_rule_remove', context)];
  },
};
