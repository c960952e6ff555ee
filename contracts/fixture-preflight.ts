// The write fixtures, tried before any drift check: a wrong --ticket, --closed-ticket or --equipment is
// the user's set-up, not the deployment's drift, and must be named as such (exit 2 with the fix) before
// a single check reports on it. A few requests: each --equipment id is looked up on --ticket and, where
// free, added and removed again; --closed-ticket is asked to take one; --unknown-equipment is looked up.
//
// What the preflight cannot tell apart, it leaves to the checks: a --closed-ticket that takes a write may
// be In Progress after all (a fixture mistake) or a deployment that ignores the rule (drift); the rule
// check reports it, saying both.
import { bodyOf, statusOf, type CheckContext, type Fixtures, type Send } from './checks/check.js';
import type { LabelledExchange } from './http-client.js';
import type { Ledger } from './ledger.js';
import { specValues, type ListBody } from './spec-values.js';
import { quoted } from '../src/text/visible.js';

export type FixtureName = 'ticket' | 'closedTicket' | 'equipment' | 'unknownEquipment';

export interface FixtureFindings {
  /** What is wrong with each fixture, as a sentence that says the fix. */
  problems: Partial<Record<FixtureName, string>>;
  /** --equipment ids the deployment answered 404 for while another id worked: left out of the run. */
  unknownIds: number[];
}

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const is4xx = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

/** "409 "Ticket not in progress"": the status, and the problem's title when the answer has one. */
export function answered(exchange: LabelledExchange): string {
  const status = statusOf(exchange);
  if (status === undefined) return `no answer (${exchange.error?.message ?? 'not sent'})`;
  const title = (bodyOf(exchange) as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title.trim() !== '' ? `${status} ${quoted(title, 60)}` : String(status);
}

export async function checkFixtures(send: Send, context: CheckContext, ledger: Ledger, needed: ReadonlySet<FixtureName>): Promise<FixtureFindings> {
  const values = specValues(context.spec);
  const { ticket, closedTicket, equipment, unknownEquipment } = context.fixtures;
  const found: FixtureFindings = { problems: {}, unknownIds: [] };
  const one = (ticketId: string, id: number) => values.oneTarget(ticketId, id);
  /** Whether the record is there: GET one answers it (an answer naming another record says nothing). */
  const isUsed = async (label: string, ticketId: string, id: number) => {
    const lookup = await send(label, 'GET', one(ticketId, id));
    return statusOf(lookup) === 200 && (bodyOf(lookup) as { diagnostic_equipment_id?: unknown } | undefined)?.diagnostic_equipment_id === id;
  };
  /**
   * Adds a record and removes it again; the add's exchange. The removal is read back: a record the
   * deployment kept stays in the ledger, for the cleanup to try again and report.
   */
  let removalsHold = true;
  const tryWrite = async (label: string, ticketId: string, id: number): Promise<LabelledExchange> => {
    const add = await send(`preflight: ${label}`, 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: id } });
    if (is2xx(statusOf(add)) || statusOf(add) === undefined) {
      ledger.created({ ticketId, equipmentId: id });
      const undo = await send('preflight: undo', 'DELETE', one(ticketId, id));
      if (is2xx(statusOf(undo)) && !(await isUsed('preflight: undone?', ticketId, id))) ledger.removed({ ticketId, equipmentId: id });
      // A remove that did not take is the deployment's drift, for the checks to report with an id still
      // free: the preflight writes no more.
      else removalsHold = false;
    }
    return add;
  };
  const hasRows = async (ticketId: string) => {
    const list = await send('preflight: the ticket’s records', 'GET', `${values.collection}?${new URLSearchParams({ ticket_id: ticketId, limit: '1' })}`);
    const rows = (bodyOf(list) as ListBody | undefined)?.result;
    return statusOf(list) === 200 && Array.isArray(rows) && rows.length > 0;
  };

  let knownId: number | undefined;
  let ticketRefusal: LabelledExchange | undefined;
  let swapped = false;
  if (ticket !== undefined && (needed.has('ticket') || needed.has('equipment')) && equipment.length > 0) {
    const used: number[] = [];
    const unknown: Array<{ id: number; add: LabelledExchange }> = [];
    for (const id of equipment) {
      if (await isUsed(`preflight: is ${id} free on --ticket`, ticket, id)) {
        used.push(id);
        continue;
      }
      if (!removalsHold) continue;
      const add = await tryWrite(`--ticket takes ${id}`, ticket, id);
      const status = statusOf(add);
      // Refused credentials say nothing of the fixtures: the run reports them on its own.
      if (status === 401 || status === 403) return found;
      if (is2xx(status)) knownId ??= id;
      else if (status === 404) unknown.push({ id, add });
      else if (is4xx(status)) {
        ticketRefusal = add;
        break;
      } else break;
    }
    if (ticketRefusal !== undefined) {
      // A ticket that refuses a write: not In Progress. If the closed ticket takes one, the two were swapped.
      const id = ticketRefusal.request.body === undefined ? equipment[0]! : (JSON.parse(ticketRefusal.request.body) as { diagnostic_equipment_id: number }).diagnostic_equipment_id;
      swapped = closedTicket !== undefined && !(await isUsed(`preflight: is ${id} free on --closed-ticket`, closedTicket, id)) && is2xx(statusOf(await tryWrite(`--closed-ticket takes ${id}`, closedTicket, id)));
      found.problems.ticket = swapped
        ? `--ticket ${ticket} refused a write (adding equipment ${id} answered ${answered(ticketRefusal)}) and --closed-ticket ${closedTicket} took one: the two look swapped; pass --ticket ${closedTicket} --closed-ticket ${ticket}`
        : `--ticket ${ticket} refused a write (adding equipment ${id} answered ${answered(ticketRefusal)}): give an In Progress ticket the suite may add to and remove from`;
    } else if (knownId === undefined && unknown.length > 0) {
      const first = unknown[0]!;
      // A ticket with records exists: then it is the ids the catalogue lacks.
      const ticketExists = await hasRows(ticket);
      found.problems[ticketExists ? 'equipment' : 'ticket'] = ticketExists
        ? `no --equipment id is in the deployment's catalogue (adding ${unknown.map((u) => u.id).join(', ')} to --ticket ${ticket} answered ${answered(first.add)}): give ids its catalogue has`
        : `adding equipment ${first.id} to --ticket ${ticket} answered ${answered(first.add)}: the deployment does not know that ticket, or that catalogue id; give a ticket it has (and ids its catalogue has)`;
    } else if (unknown.length > 0) {
      found.unknownIds = unknown.map((u) => u.id);
      found.problems.equipment = `--equipment ${found.unknownIds.join(', ')} ${found.unknownIds.length === 1 ? 'is' : 'are'} not in the deployment's catalogue (adding to --ticket ${ticket} answered ${answered(unknown[0]!.add)}, while ${knownId} was taken): give ids its catalogue has, or leave ${found.unknownIds.length === 1 ? 'it' : 'them'} out`;
    } else if (knownId === undefined && used.length === equipment.length) {
      found.problems.equipment = `every --equipment id (${equipment.join(', ')}) is already used on ticket ${ticket}; give one that is not`;
    }
  }

  // After a swap the closed ticket has been tried already (it took a write).
  if (closedTicket !== undefined && needed.has('closedTicket') && equipment.length > 0 && !swapped) {
    let tried = false;
    for (const id of knownId === undefined ? equipment : [knownId, ...equipment.filter((e) => e !== knownId)]) {
      if (await isUsed(`preflight: is ${id} free on --closed-ticket`, closedTicket, id)) continue;
      tried = true;
      const add = await tryWrite(`--closed-ticket refuses ${id}`, closedTicket, id);
      if (statusOf(add) === 401 || statusOf(add) === 403) return found;
      if (statusOf(add) === 404) {
        found.problems.closedTicket =
          id === knownId
            ? `--closed-ticket ${closedTicket} is not known to the deployment (adding equipment ${id}, which --ticket took, answered ${answered(add)}): give a ticket it has that is not In Progress`
            : `adding equipment ${id} to --closed-ticket ${closedTicket} answered ${answered(add)}: the deployment does not know that ticket, or that catalogue id`;
      }
      break;
    }
    if (!tried) found.problems.closedTicket = `every --equipment id (${equipment.join(', ')}) is already used on --closed-ticket ${closedTicket}, so the rule cannot be tried with one; give one that is not`;
  }

  if (unknownEquipment !== undefined && needed.has('unknownEquipment') && ticket !== undefined) {
    // The ticket's list, not GET one: a GET one that makes up a record for any id is drift, for the check
    // to report; a record in the list is one the deployment has.
    const list = await send('preflight: is --unknown-equipment used on --ticket', 'GET', `${values.collection}?${new URLSearchParams({ ticket_id: ticket, limit: String(values.limit.max ?? values.limit.default ?? 25) })}`);
    const rows = (bodyOf(list) as ListBody | undefined)?.result;
    if (statusOf(list) === 200 && Array.isArray(rows) && rows.some((row) => row.diagnostic_equipment_id === unknownEquipment)) found.problems.unknownEquipment = `--unknown-equipment ${unknownEquipment} is used on ticket ${ticket}, so the catalogue has it: give an id it does not have`;
  }
  return found;
}

/**
 * The fixtures a run goes on with under --allow-not-run: each broken one left out (its checks then say
 * why they did not run), except catalogue ids of which only some are unknown: those are dropped, the
 * others kept.
 */
export function withoutBroken(fixtures: Fixtures, found: FixtureFindings): Fixtures {
  const usable: Fixtures = { ...fixtures, equipment: fixtures.equipment.filter((id) => !found.unknownIds.includes(id)) };
  for (const name of Object.keys(found.problems) as FixtureName[]) {
    if (name === 'equipment') usable.equipment = found.unknownIds.length > 0 ? usable.equipment : [];
    else usable[name] = undefined;
  }
  return usable;
}

