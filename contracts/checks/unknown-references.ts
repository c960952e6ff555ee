// References to what does not exist. For each identifier an operation takes, a value that names
// nothing must never be written to or answered with a record:
//   unknown_ticket     a fresh uuid (drawn under --seed) as the list's filter, in GET one, DELETE and
//                      POST: no rows, no record, nothing removed, nothing added
//   unknown_equipment  --unknown-equipment (a catalogue id the deployment does not have; the suite
//                      cannot know one) in GET one, DELETE and POST on --ticket: likewise
// Whatever such a probe creates is removed at once (and by the ledger, at the latest).
import { behaviourCheckNames } from '../check-names.js';
import type { Finding } from '../findings.js';
import { freshUuid } from '../fresh-uuid.js';
import type { LabelledExchange } from '../http-client.js';
import type { Ledger } from '../ledger.js';
import { specValues, type ListBody } from '../spec-values.js';
import { bodyOf, byLabel, findingFor, missingFixture, outcome, removeAgain, statusOf, type BehaviourCheck, type CheckContext, type Send } from './check.js';

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
type ListRow = NonNullable<ListBody['result']>[number];

/** GET one, DELETE, POST (undone at once if it took), and the list of the ticket after it. */
async function probeReferences(send: Send, context: CheckContext, ledger: Ledger, what: string, ticketId: string, equipmentId: number): Promise<void> {
  const values = specValues(context.spec);
  const list = () => send(`${what}: the ticket's list`, 'GET', `${values.collection}?${new URLSearchParams({ ticket_id: ticketId, limit: String(values.limit.max ?? values.limit.default ?? 25) })}`);
  await list();
  await send(`${what}: get one`, 'GET', values.oneTarget(ticketId, equipmentId));
  if (context.readOnly) return;
  await send(`${what}: remove`, 'DELETE', values.oneTarget(ticketId, equipmentId));
  const add = await send(`${what}: add`, 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: equipmentId } });
  if (is2xx(statusOf(add)) || statusOf(add) === undefined) {
    ledger.created({ ticketId, equipmentId });
    await list();
    await removeAgain(send, context, ledger, { ticketId, equipmentId }, what);
  }
}

/** What the answers say about something that does not exist; `hint` follows a finding where the fixture may be the cause. */
function judge(
  exchanges: LabelledExchange[],
  context: CheckContext,
  subject: { check: string; what: string; named: string; isRow: (row: ListRow) => boolean; byTotal: boolean; hint?: string },
): Finding[] {
  const { check, what, named, hint = '' } = subject;
  const findings: Finding[] = [];
  const fail = (label: string, expected: unknown, message: string, actual?: unknown) => {
    const exchange = byLabel(exchanges, label);
    if (exchange !== undefined) findings.push(findingFor(exchange, { check, expected, actual: actual ?? outcome(exchange), message: `${message}${hint}` }, context));
  };
  // Every reading of the list: none may hold a row of the ticket or id that names nothing.
  for (const list of exchanges.filter((e) => e.label === `${what}: the ticket's list`)) {
    const body = bodyOf(list) as ListBody | undefined;
    if (statusOf(list) !== 200 || body === undefined) continue;
    const rows = (body.result ?? []).filter(subject.isRow);
    if (rows.length > 0 || (subject.byTotal && typeof body.total === 'number' && body.total > 0)) {
      findings.push(findingFor(list, { check, pointer: '/result', expected: `no rows of ${named}`, actual: rows.length > 0 ? rows.slice(0, 3) : body.total, message: `the list holds rows of ${named}, which does not exist${hint}` }, context));
      break;
    }
  }
  if (is2xx(statusOf(byLabel(exchanges, `${what}: get one`)))) fail(`${what}: get one`, 'a 4xx refusal (404)', `GET one answered a record of ${named}, which does not exist`);
  if (is2xx(statusOf(byLabel(exchanges, `${what}: remove`)))) fail(`${what}: remove`, 'a 4xx refusal (404)', `DELETE answered success for a record of ${named}, which does not exist`);
  const add = byLabel(exchanges, `${what}: add`);
  const status = statusOf(add);
  if (status !== undefined && (status < 400 || status >= 500)) fail(`${what}: add`, 'a 4xx refusal', status < 400 ? `a write naming ${named}, which does not exist, was accepted (${status}): it created a record` : `a write naming ${named}, which does not exist, failed (${status}) instead of being refused`);
  return findings;
}

export const unknownTicketCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.unknownTicket],
  uses: ['equipment'],
  async probe(send, context, ledger) {
    // A known catalogue id, so that a refusal can only be for the ticket: the first --equipment id.
    const equipmentId = context.fixtures.equipment[0] ?? specValues(context.spec).idRange?.min ?? 1;
    await probeReferences(send, context, ledger, 'unknown ticket', freshUuid(context.generation.seed, 1), equipmentId);
  },
  evaluate(exchanges, context) {
    const add = byLabel(exchanges, 'unknown ticket: add');
    const ticketId = add === undefined ? undefined : (JSON.parse(add.request.body ?? '{}') as { ticket_id?: string }).ticket_id;
    const listed = byLabel(exchanges, "unknown ticket: the ticket's list");
    const named = ticketId ?? new URLSearchParams(listed?.request.target.split('?')[1]).get('ticket_id') ?? 'the ticket';
    // The list is filtered by the ticket: any row, or any total, is one of it.
    return judge(exchanges, context, { check: 'unknown_ticket', what: 'unknown ticket', named: `ticket ${named}`, isRow: () => true, byTotal: true });
  },
};

export const unknownEquipmentCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.unknownEquipment],
  uses: ['ticket', 'unknownEquipment'],
  notRunReason: (context) => missingFixture(context, 'unknownEquipment') ?? missingFixture(context, 'ticket'),
  async probe(send, context, ledger) {
    await probeReferences(send, context, ledger, 'unknown equipment', context.fixtures.ticket!, context.fixtures.unknownEquipment!);
  },
  evaluate(exchanges, context) {
    const id = context.fixtures.unknownEquipment;
    return judge(exchanges, context, {
      check: 'unknown_equipment',
      what: 'unknown equipment',
      named: `catalogue id ${String(id)}`,
      isRow: (row) => row.diagnostic_equipment_id === id,
      byTotal: false,
      hint: ` (if ${String(id)} is in the deployment's catalogue after all, give --unknown-equipment an id that is not)`,
    });
  },
};
