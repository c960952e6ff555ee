// The mock's whole state as one plain document: what GET /__admin/state returns, what PUT
// /__admin/state accepts, what scenarios hold. Field schemas are the OpenAPI document's own.
import { schemaRef } from '../../src/spec/registry-schema.js';
import { precompiledSource } from '../../src/spec/validators.js';
import { validators as stateRequest } from '../../src/spec/generated/validators/state-document.request.js';
import { validators as stateFirstError } from '../../src/spec/generated/validators/state-document.firstError.js';
import type { components } from '../../src/spec/generated/types.js';
import type { Violation } from '../core/problems.js';
import { ViolationCollector } from '../core/violation-collector.js';
import { cappedValidator, type CappedValidator } from './capped-validation.js';

type Record_ = components['schemas']['UsedDiagnosticEquipment'];

export interface Ticket {
  id: Record_['ticket_id'];
  /** Free text; only the 'In Progress' status allows changes. */
  status: string;
}

export type CatalogEntry = Pick<Record_, 'diagnostic_equipment_id' | 'name' | 'version'>;
export type UsedReference = Pick<Record_, 'ticket_id' | 'diagnostic_equipment_id'>;

export interface StateDocument {
  tickets: Ticket[];
  catalog: CatalogEntry[];
  /** In list order: the order GET /v2/tickets/used-diagnostic-equipment returns them. */
  used: UsedReference[];
}

const field = (name: string) => schemaRef(`UsedDiagnosticEquipment/properties/${name}`);

const closedObject = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

export const ticketStatusSchema = { type: 'string', minLength: 1 };

export const stateDocumentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tickets', 'catalog', 'used'],
  properties: {
    // Lets a saved state name its JSON Schema, for editor completion.
    $schema: { type: 'string' },
    tickets: { type: 'array', items: closedObject({ id: field('ticket_id'), status: ticketStatusSchema }) },
    catalog: {
      type: 'array',
      items: closedObject({
        diagnostic_equipment_id: field('diagnostic_equipment_id'),
        name: field('name'),
        version: field('version'),
      }),
    },
    used: {
      type: 'array',
      items: closedObject({ ticket_id: field('ticket_id'), diagnostic_equipment_id: field('diagnostic_equipment_id') }),
    },
  },
};

let validateShape: CappedValidator | undefined;

/** A ticket id as the state keeps it: uuids are the same in any case (RFC 9562), held in lower case. */
export const ticketKey = (id: string) => id.toLowerCase();

function crossReferenceViolations(document: StateDocument, violations: ViolationCollector): void {
  const tickets = new Map<string, number>();
  document.tickets.forEach((ticket, index) => {
    const first = tickets.get(ticketKey(ticket.id));
    if (first !== undefined) violations.addLazily(() => ({ field: `/tickets/${index}/id`, message: `duplicates /tickets/${first}/id (${ticket.id})` }));
    else tickets.set(ticketKey(ticket.id), index);
  });
  const catalog = new Map<number, number>();
  document.catalog.forEach((entry, index) => {
    const first = catalog.get(entry.diagnostic_equipment_id);
    if (first !== undefined)
      violations.addLazily(() => ({
        field: `/catalog/${index}/diagnostic_equipment_id`,
        message: `duplicates /catalog/${first}/diagnostic_equipment_id (${entry.diagnostic_equipment_id})`,
      }));
    else catalog.set(entry.diagnostic_equipment_id, index);
  });
  // Per ticket, then per equipment id: no key string is built for each of a million records.
  const used = new Map<string, Map<number, number>>();
  document.used.forEach((reference, index) => {
    const ticket = ticketKey(reference.ticket_id);
    if (!tickets.has(ticket))
      violations.addLazily(() => ({ field: `/used/${index}/ticket_id`, message: `no ticket ${reference.ticket_id} in /tickets` }));
    if (!catalog.has(reference.diagnostic_equipment_id))
      violations.addLazily(() => ({
        field: `/used/${index}/diagnostic_equipment_id`,
        message: `no diagnostic equipment ${reference.diagnostic_equipment_id} in /catalog`,
      }));
    let onTicket = used.get(ticket);
    if (onTicket === undefined) used.set(ticket, (onTicket = new Map()));
    const first = onTicket.get(reference.diagnostic_equipment_id);
    if (first !== undefined) violations.addLazily(() => ({ field: `/used/${index}`, message: `duplicates /used/${first}` }));
    else onTicket.set(reference.diagnostic_equipment_id, index);
  });
}

/**
 * The problems of a candidate state, by JSON pointer: the first 100, then one line that counts the
 * rest (a hostile document may hold millions). An empty list means it can be loaded.
 */
export function stateDocumentViolations(candidate: unknown): Violation[] {
  validateShape ??= cappedValidator('state document', stateDocumentSchema, precompiledSource('state document', { ...stateRequest, ...stateFirstError }));
  const found = validateShape(candidate);
  // Cross references are only meaningful between well-formed entries.
  if (found.empty) crossReferenceViolations(candidate as StateDocument, found);
  return found.list();
}
