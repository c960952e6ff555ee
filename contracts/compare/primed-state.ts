// The fake's start state for a comparison, from what the run saw of the deployment: the walk of its
// list (rows in the order it gave them), the fixture tickets (In Progress, and not) and catalogue ids.
// A fake that lists newest first is given the rows reversed, so that it lists them as the deployment
// did: only what the run changes afterwards can show the two orders apart. Pure.
import type { Fixtures } from '../checks/check.js';
import type { CatalogEntry, StateDocument, Ticket } from '../../mocks/state/state-document.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A status that is not 'In Progress', for the fixture that must refuse writes. */
export const closedStatus = 'Closed';
export const inProgressStatus = 'In Progress';

/** The catalogue ids the state holds with words of the fake's own (no row showed the deployment's). */
export function invented(state: StateDocument, rows: readonly unknown[]): Set<number> {
  const shown = new Set(rows.map((row) => (isObject(row) ? row.diagnostic_equipment_id : undefined)));
  return new Set(state.catalog.map((entry) => entry.diagnostic_equipment_id).filter((id) => !shown.has(id)));
}

export function primedState(rows: readonly unknown[], fixtures: Fixtures, listOrder: 'insertion' | 'newest-first'): StateDocument {
  const tickets = new Map<string, Ticket>();
  const catalog = new Map<number, CatalogEntry>();
  const used = new Map<string, { ticket_id: string; diagnostic_equipment_id: number }>();
  const catalogEntry = (id: number, row?: Record<string, unknown>): CatalogEntry => ({
    diagnostic_equipment_id: id,
    // The fake's own words where the deployment gave none it can hold: names are never compared.
    name: typeof row?.name === 'string' && row.name.length > 0 ? row.name : `equipment ${id}`,
    version: typeof row?.version === 'string' || row?.version === null ? row.version : null,
  });
  for (const row of rows) {
    if (!isObject(row) || typeof row.ticket_id !== 'string' || typeof row.diagnostic_equipment_id !== 'number') continue;
    const ticketId = row.ticket_id;
    const id = row.diagnostic_equipment_id;
    if (!tickets.has(ticketId)) tickets.set(ticketId, { id: ticketId, status: inProgressStatus });
    if (!catalog.has(id)) catalog.set(id, catalogEntry(id, row));
    used.set(`${ticketId}/${id}`, { ticket_id: ticketId, diagnostic_equipment_id: id });
  }
  if (fixtures.ticket !== undefined) tickets.set(fixtures.ticket, { id: fixtures.ticket, status: inProgressStatus });
  if (fixtures.closedTicket !== undefined) tickets.set(fixtures.closedTicket, { id: fixtures.closedTicket, status: closedStatus });
  for (const id of fixtures.equipment) if (!catalog.has(id)) catalog.set(id, catalogEntry(id));
  const inOrder = [...used.values()];
  return { tickets: [...tickets.values()], catalog: [...catalog.values()], used: listOrder === 'newest-first' ? inOrder.reverse() : inOrder };
}
