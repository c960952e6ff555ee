// --replay-writes: the recorded session's ids moved onto the write fixtures, so its writes touch only
// what the user gave. Every distinct recorded ticket uuid becomes --ticket (spelt in the case it was
// recorded in: a uuid in capitals still asks how uuids in capitals are read); each distinct recorded
// equipment id a write names becomes the next --equipment, in order of first appearance. The recorded answer is
// rewritten the same way, so the two answers compare on the same ids. Pure, apart from the mapping it
// builds as entries come.
import type { SpecValues } from '../spec-values.js';
import type { ReplayEntry } from './replay-entry.js';

export interface WriteFixtures {
  ticket: string;
  equipment: readonly number[];
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The member that names a catalogue id in a request body and in a record (as the document spells it). */
const equipmentMember = /("diagnostic_equipment_id"\s*:\s*)(-?\d{1,20})(?![\d.eE])/g;
const integer = /^-?\d{1,20}$/;
const reads = new Set(['GET', 'HEAD']);
const keyOf = (digits: string) => BigInt(digits).toString();

export function createIdRewriter(values: SpecValues, fixtures: WriteFixtures) {
  const tickets = new Set<string>();
  const equipment = new Map<string, number>();
  const idParameter = values.one.pathParameters.find((p) => p.schema.type === 'integer')?.name;
  const ticketParameter = values.one.pathParameters.find((p) => p.schema.format === 'uuid')?.name;
  /** The fixture ticket in the recorded uuid's case. */
  const ticketFor = (recorded: string) => (recorded === recorded.toLowerCase() ? fixtures.ticket.toLowerCase() : fixtures.ticket.toUpperCase());
  const rewriteTickets = (text: string) => text.replace(uuid, (found) => (tickets.has(found.toLowerCase()) ? ticketFor(found) : found));
  const rewriteEquipment = (text: string) => text.replace(equipmentMember, (whole, member: string, digits: string) => {
    const fixture = equipment.get(keyOf(digits));
    return fixture === undefined ? whole : `${member}${fixture}`;
  });

  /** Moves each record (an object naming a recorded ticket and a claimed id) onto the fixtures, in place; whether any moved. */
  const moveRecords = (value: unknown, depth: number): boolean => {
    // An answer of the document nests records two levels down (a list's rows): deeper is not a record.
    if (typeof value !== 'object' || value === null || depth > 4) return false;
    if (Array.isArray(value)) return value.map((item) => moveRecords(item, depth + 1)).some(Boolean);
    const record = value as Record<string, unknown>;
    const [ticket, id] = [record.ticket_id, record.diagnostic_equipment_id];
    const fixture = typeof id === 'number' && Number.isSafeInteger(id) ? equipment.get(String(id)) : undefined;
    if (typeof ticket === 'string' && tickets.has(ticket.toLowerCase()) && fixture !== undefined) {
      record.ticket_id = ticketFor(ticket);
      record.diagnostic_equipment_id = fixture;
      return true;
    }
    return Object.values(record).map((member) => moveRecords(member, depth + 1)).some(Boolean);
  };

  /** Maps an equipment id seen for the first time to the next fixture; false when none is left. */
  const claim = (digits: string): boolean => {
    const key = keyOf(digits);
    if (equipment.has(key)) return true;
    const next = fixtures.equipment[equipment.size];
    if (next === undefined) return false;
    equipment.set(key, next);
    return true;
  };

  return {
    /** The entry on the fixtures, or why it cannot be replayed on them. */
    request(entry: ReplayEntry): { entry: ReplayEntry } | { skip: string } {
      const [path = '', query] = splitTarget(entry.target);
      for (const found of `${path} ${query ?? ''} ${entry.body ?? ''}`.match(uuid) ?? []) tickets.add(found.toLowerCase());
      const pathId = idParameter === undefined ? undefined : entry.pathValues.get(idParameter);
      const ids = [...(pathId !== undefined && integer.test(pathId) ? [pathId] : []), ...[...(entry.body ?? '').matchAll(equipmentMember)].map((m) => m[2]!)];
      // Only writes claim a fixture: a read of a record the replayed writes did not make would read
      // another record on --ticket (or none), which says nothing about the recorded one.
      if (reads.has(entry.method)) {
        if (ids.some((id) => !equipment.has(keyOf(id)))) return { skip: 'a read of a record the replayed writes did not make, not replayed (on --ticket it would be another record)' };
      } else if (!ids.every(claim)) return { skip: `more distinct equipment ids written than --equipment given (${fixtures.equipment.length}): a write naming one past them, not replayed` };
      let newPath = path;
      const pathValues = new Map(entry.pathValues);
      const pathTicket = ticketParameter === undefined ? undefined : entry.pathValues.get(ticketParameter);
      if (pathTicket !== undefined && pathId !== undefined) {
        const ticket = rewriteTickets(pathTicket);
        const id = integer.test(pathId) ? String(equipment.get(keyOf(pathId))) : pathId;
        newPath = values.oneTarget(ticket, id);
        pathValues.set(ticketParameter!, ticket).set(idParameter!, id);
      }
      const target = `${newPath}${query === undefined ? '' : `?${rewriteTickets(query)}`}`;
      const body = entry.body === undefined ? undefined : rewriteEquipment(rewriteTickets(entry.body));
      return { entry: { ...entry, target, pathValues, ...(body === undefined ? {} : { body }) } };
    },
    /**
     * A recorded answer's body with the records the replayed writes made moved onto the fixtures (a
     * record, or a row of a list); the recorded ticket's other records stay as they were recorded.
     */
    answer(bodyText: string): string {
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        return bodyText;
      }
      return moveRecords(body, 0) ? JSON.stringify(body) : bodyText;
    },
  };
}

function splitTarget(target: string): [string, string | undefined] {
  const at = target.indexOf('?');
  return at < 0 ? [target, undefined] : [target.slice(0, at), target.slice(at + 1)];
}
