// The four operations of the API over the store. Each takes validated input and returns a response;
// the 'In Progress' rule is asked, never restated.
import { toJson } from '../json.js';
import { emptyResponse, jsonResponse, type MockResponse } from '../exchange.js';
import { allowsEquipmentChanges, inProgressStatus } from '../in-progress-rule.js';
import type { OperationInput } from '../input.js';
import { pageOf } from '../pagination.js';
import {
  diagnosticEquipmentNotFound,
  equipmentAlreadyUsed,
  ticketNotFound,
  ticketNotInProgress,
  usedEquipmentNotFound,
  type ProblemResult,
} from '../problems.js';
import type { UsedEquipmentStore } from '../../state/store.js';
import type { components } from '../../../src/spec/index.js';

type UsedDiagnosticEquipment = components['schemas']['UsedDiagnosticEquipment'];
export type OperationResult = MockResponse | ProblemResult;

function view(store: UsedEquipmentStore, ticketId: string, equipmentId: number): UsedDiagnosticEquipment {
  const entry = store.catalogEntry(equipmentId);
  // A stored record always names a catalogue entry: the store is only fed checked documents and adds.
  // Were that broken, the mock answers 500 (its catch-all) rather than a record with a made-up name.
  if (entry === undefined) throw new Error(`record ${ticketId}/${equipmentId} names no catalogue entry`);
  return { ticket_id: ticketId, diagnostic_equipment_id: equipmentId, name: entry.name, version: entry.version };
}

// A list page's rows, written from cached JSON texts: each catalogue entry's last three fields and each
// ticket's opening, joined; making and stringifying 25 objects per request was most of the list's cost.
// The caches belong to one store (a loaded state is a new store, so they never outlive what they
// describe) and are bounded by its catalogue and its tickets.
interface RowTexts {
  tails: Map<number, string>;
  openings: Map<string, string>;
}
const rowTexts = new WeakMap<UsedEquipmentStore, RowTexts>();

/**
 * One record as JSON in two pieces, `opening + tail`, pushed onto `pieces`: byte for byte what
 * `toJson(view(…))` gives (the list's test holds it to that).
 */
function pushRecordJson(store: UsedEquipmentStore, texts: RowTexts, ticketId: string, equipmentId: number, pieces: string[]): void {
  let tail = texts.tails.get(equipmentId);
  if (tail === undefined) {
    const { name, version } = view(store, ticketId, equipmentId);
    // '{"diagnostic_equipment_id":…,"name":…,"version":…}' without its '{': the record's last three fields.
    tail = JSON.stringify({ diagnostic_equipment_id: equipmentId, name, version }).slice(1);
    texts.tails.set(equipmentId, tail);
  }
  let opening = texts.openings.get(ticketId);
  if (opening === undefined) {
    opening = `{"ticket_id":${JSON.stringify(ticketId)},`;
    texts.openings.set(ticketId, opening);
  }
  pieces.push(opening, tail);
}

export function listUsedEquipment(store: UsedEquipmentStore, { query }: OperationInput): OperationResult {
  const ticketId = query.ticket_id as string | undefined;
  const limit = query.limit as number;
  const offset = query.offset as number | bigint;
  const page = pageOf(store.list(ticketId), limit, offset);
  let texts = rowTexts.get(store);
  if (texts === undefined) rowTexts.set(store, (texts = { tails: new Map(), openings: new Map() }));
  // The whole body as pieces, joined once: join writes one flat string, where `+` leaves a tree of
  // pieces and a join of joined rows copies every row twice.
  const pieces: string[] = ['{"query":', toJson(query), ',"result":['];
  for (let i = 0; i < page.rows.length; i++) {
    if (i > 0) pieces.push(',');
    const row = page.rows[i]!;
    pushRecordJson(store, texts, row.ticket_id, row.diagnostic_equipment_id, pieces);
  }
  pieces.push('],"total":', toJson(page.total), '}');
  // Written again from the same pieces when the journal is read (see `bodyAgain`): the closure holds
  // those strings only, not the store, which a load may since have replaced.
  const write = () => pieces.join('');
  return { ...jsonResponse(200, write()), bodyAgain: write };
}

type Identifiers = { ticketId: string; equipmentId: number };

function fromBody(input: OperationInput): Identifiers {
  const body = input.body as components['schemas']['NewUsedDiagnosticEquipment'];
  return { ticketId: body.ticket_id, equipmentId: body.diagnostic_equipment_id };
}

function fromPath(input: OperationInput): Identifiers {
  return { ticketId: input.path['ticket-id'] as string, equipmentId: input.path['diagnostic-equipment-id'] as number };
}

export function addUsedEquipment(store: UsedEquipmentStore, input: OperationInput): OperationResult {
  const { ticketId, equipmentId } = fromBody(input);
  const ticket = store.ticket(ticketId);
  if (ticket === undefined) return ticketNotFound(ticketId);
  if (store.catalogEntry(equipmentId) === undefined) return diagnosticEquipmentNotFound(equipmentId);
  if (!allowsEquipmentChanges(ticket)) return ticketNotInProgress(ticketId, ticket.status, inProgressStatus);
  if (store.isUsed(ticketId, equipmentId)) return equipmentAlreadyUsed(ticketId, equipmentId);
  store.add(ticketId, equipmentId);
  return jsonResponse(201, toJson(view(store, ticketId, equipmentId)));
}

export function getUsedEquipment(store: UsedEquipmentStore, input: OperationInput): OperationResult {
  const { ticketId, equipmentId } = fromPath(input);
  if (store.ticket(ticketId) === undefined) return ticketNotFound(ticketId);
  if (!store.isUsed(ticketId, equipmentId)) return usedEquipmentNotFound(ticketId, equipmentId);
  return jsonResponse(200, toJson(view(store, ticketId, equipmentId)));
}

export function removeUsedEquipment(store: UsedEquipmentStore, input: OperationInput): OperationResult {
  const { ticketId, equipmentId } = fromPath(input);
  const ticket = store.ticket(ticketId);
  if (ticket === undefined) return ticketNotFound(ticketId);
  if (!store.isUsed(ticketId, equipmentId)) return usedEquipmentNotFound(ticketId, equipmentId);
  if (!allowsEquipmentChanges(ticket)) return ticketNotInProgress(ticketId, ticket.status, inProgressStatus);
  store.remove(ticketId, equipmentId);
  return emptyResponse(204);
}

/** The operations by the document's operationIds: a new operation in the document needs one here. */
export const operationHandlers: Record<string, (store: UsedEquipmentStore, input: OperationInput) => OperationResult> = {
  listUsedDiagnosticEquipment: listUsedEquipment,
  addUsedDiagnosticEquipment: addUsedEquipment,
  getUsedDiagnosticEquipment: getUsedEquipment,
  removeUsedDiagnosticEquipment: removeUsedEquipment,
};
