// The mock's state in memory, indexed for the requests the API makes: a ticket's records, one record,
// and all records in list order. Holds no rules: the core decides what may change.
import { ticketKey, type CatalogEntry, type StateDocument, type Ticket, type UsedReference } from './state-document.js';

interface TicketEntry extends Ticket {
  /** This ticket's records, in list order (the same objects as in the store's list). */
  used: UsedReference[];
}

export class UsedEquipmentStore {
  private readonly tickets = new Map<string, TicketEntry>();
  private readonly catalog = new Map<number, CatalogEntry>();
  /** Every record, in the order the list returns them: insertion order, which is stable. */
  private readonly records: UsedReference[] = [];

  /** Builds a store from a document already checked by `stateDocumentViolations`. */
  static fromDocument(document: StateDocument): UsedEquipmentStore {
    const store = new UsedEquipmentStore();
    // Uuids in lower case, as the core reads them from requests (RFC 9562: the same id in any case).
    for (const ticket of document.tickets) {
      const id = ticketKey(ticket.id);
      store.tickets.set(id, { id, status: ticket.status, used: [] });
    }
    for (const entry of document.catalog) store.catalog.set(entry.diagnostic_equipment_id, { ...entry });
    for (const reference of document.used) store.add(ticketKey(reference.ticket_id), reference.diagnostic_equipment_id);
    return store;
  }

  toDocument(): StateDocument {
    return {
      tickets: [...this.tickets.values()].map(({ id, status }) => ({ id, status })),
      catalog: [...this.catalog.values()].map((entry) => ({ ...entry })),
      used: this.records.map((reference) => ({ ...reference })),
    };
  }

  counts(): { tickets: number; catalog: number; used: number } {
    return { tickets: this.tickets.size, catalog: this.catalog.size, used: this.records.length };
  }

  /** Every ticket with how many records it has, in the document's order (for the admin console). */
  *ticketSummaries(): Iterable<Ticket & { used: number }> {
    for (const { id, status, used } of this.tickets.values()) yield { id, status, used: used.length };
  }

  catalogEntries(): Iterable<CatalogEntry> {
    return this.catalog.values();
  }

  ticket(id: string): Ticket | undefined {
    return this.tickets.get(id);
  }

  catalogEntry(id: number): CatalogEntry | undefined {
    return this.catalog.get(id);
  }

  isUsed(ticketId: string, equipmentId: number): boolean {
    return this.tickets.get(ticketId)?.used.some((r) => r.diagnostic_equipment_id === equipmentId) ?? false;
  }

  /** All records in list order, or one ticket's (empty for a ticket that does not exist). */
  list(ticketId?: string): readonly UsedReference[] {
    if (ticketId === undefined) return this.records;
    return this.tickets.get(ticketId)?.used ?? [];
  }

  add(ticketId: string, equipmentId: number): UsedReference {
    const ticket = this.tickets.get(ticketId);
    if (ticket === undefined) throw new Error(`store.add: no ticket ${ticketId}`);
    const reference = { ticket_id: ticketId, diagnostic_equipment_id: equipmentId };
    ticket.used.push(reference);
    this.records.push(reference);
    return reference;
  }

  remove(ticketId: string, equipmentId: number): boolean {
    const used = this.tickets.get(ticketId)?.used;
    const index = used?.findIndex((r) => r.diagnostic_equipment_id === equipmentId) ?? -1;
    if (used === undefined || index < 0) return false;
    const [reference] = used.splice(index, 1);
    // Searched from the end: the records an app removes are mostly the ones it just added.
    this.records.splice(this.records.lastIndexOf(reference as UsedReference), 1);
    return true;
  }

  /** Adds a ticket checked by the caller (a well-formed one with a new id), last in list order. */
  addTicket(ticket: Ticket): Ticket {
    const id = ticketKey(ticket.id);
    this.tickets.set(id, { id, status: ticket.status, used: [] });
    return { id, status: ticket.status };
  }

  /** Adds a catalogue entry checked by the caller (a well-formed one with a new id). */
  addCatalogEntry(entry: CatalogEntry): CatalogEntry {
    this.catalog.set(entry.diagnostic_equipment_id, { ...entry });
    return { ...entry };
  }

  /** The smallest catalogue id above every one in use, or the smallest free one when that would pass `largest` (the document's). */
  freeCatalogId(largest: number): number {
    let max = 0;
    for (const id of this.catalog.keys()) max = Math.max(max, id);
    if (max < largest) return max + 1;
    let id = 1;
    while (this.catalog.has(id)) id += 1;
    return id;
  }

  setStatus(ticketId: string, status: string): Ticket | undefined {
    const ticket = this.tickets.get(ticketId);
    if (ticket === undefined) return undefined;
    ticket.status = status;
    return { id: ticket.id, status: ticket.status };
  }
}
