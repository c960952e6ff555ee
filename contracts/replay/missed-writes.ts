// Reads that depend on a recorded write the replay did not send: the recorded answer shows a record
// that write made (or lacks one it removed), so the deployment's answer cannot match it and the pair
// says nothing about the deployment's choices. Such reads are still judged against the document, but
// not compared. Pure.
import type { SpecValues } from '../spec-values.js';
import type { ReplayEntry } from './replay-entry.js';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const is2xx = (status: number) => status >= 200 && status < 300;

export function createMissedWrites(values: SpecValues) {
  const records = new Set<string>();
  const tickets = new Set<string>();
  const ticketFilter = values.list.queryParameters.find((p) => p.schema.format === 'uuid')?.name;
  const [ticketParameter, idParameter] = [values.one.pathParameters.find((p) => p.schema.format === 'uuid')?.name, values.one.pathParameters.find((p) => p.schema.type === 'integer')?.name];
  const key = (ticket: string, id: string) => `${ticket.toLowerCase()}/${id}`;
  const pathRecord = (entry: ReplayEntry) => {
    const ticket = ticketParameter === undefined ? undefined : entry.pathValues.get(ticketParameter);
    const id = idParameter === undefined ? undefined : entry.pathValues.get(idParameter);
    return ticket === undefined || id === undefined ? undefined : { ticket, id };
  };
  const bodyRecord = (entry: ReplayEntry) => {
    try {
      const body = JSON.parse(entry.body ?? '') as { ticket_id?: unknown; diagnostic_equipment_id?: unknown };
      return typeof body.ticket_id === 'string' && body.diagnostic_equipment_id !== undefined ? { ticket: body.ticket_id, id: String(body.diagnostic_equipment_id) } : undefined;
    } catch {
      return undefined;
    }
  };
  const filteredTicket = (entry: ReplayEntry) => (ticketFilter === undefined ? undefined : new URLSearchParams(entry.target.split('?')[1] ?? '').get(ticketFilter) ?? undefined);
  let any = false;

  return {
    /** A recorded write the replay did not send; one that was refused changed nothing. */
    missed(entry: ReplayEntry): void {
      if (!is2xx(entry.recorded.status)) return;
      any = true;
      const record = pathRecord(entry) ?? bodyRecord(entry);
      if (record === undefined) return;
      records.add(key(record.ticket, record.id));
      tickets.add(record.ticket.toLowerCase());
    },
    /** Whether a read's recorded answer may show what a missed write did. */
    dependsOnMissed(entry: ReplayEntry): boolean {
      if (!any) return false;
      const record = pathRecord(entry);
      if (record !== undefined) return records.has(key(record.ticket, record.id));
      const ticket = filteredTicket(entry);
      // A list of every ticket holds any record a missed write made.
      return ticket === undefined || !uuid.test(ticket) ? true : tickets.has(ticket.toLowerCase());
    },
  };
}
