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

// A cached piece is copied into every page that names it: kept as one flat string, not as the slice
// or the concatenation that made it, which join would have to walk on every request.
const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

function tailOf(store: UsedEquipmentStore, texts: RowTexts, ticketId: string, equipmentId: number): string {
  let tail = texts.tails.get(equipmentId);
  if (tail === undefined) {
    const { name, version } = view(store, ticketId, equipmentId);
    // '{"diagnostic_equipment_id":…,"name":…,"version":…}' without its '{': the record's last three fields.
    tail = flat(JSON.stringify({ diagnostic_equipment_id: equipmentId, name, version }).slice(1));
    texts.tails.set(equipmentId, tail);
  }
  return tail;
}

function openingOf(texts: RowTexts, ticketId: string): string {
  let opening = texts.openings.get(ticketId);
  // Stryker disable next-line ConditionalExpression: a cache of text made from the id alone; made again, it is the same text
  if (opening === undefined) {
    opening = flat(`{"ticket_id":${JSON.stringify(ticketId)},`);
    texts.openings.set(ticketId, opening);
  }
  return opening;
}

export function listUsedEquipment(store: UsedEquipmentStore, { query }: OperationInput): OperationResult {
  const ticketId = query.ticket_id as string | undefined;
  const limit = query.limit as number;
  const offset = query.offset as number | bigint;
  const { rows, total } = pageOf(store.list(ticketId), limit, offset);
  let texts = rowTexts.get(store);
  if (texts === undefined) rowTexts.set(store, (texts = { tails: new Map(), openings: new Map() }));
  // The whole body as pieces in an array of its final size, joined once: join writes one flat string
  // (`+` would leave a tree of pieces to walk again), and a growing array would be copied as it grows.
  // Each record is `opening + tail` (byte for byte what `toJson(view(…))` gives; the list's test holds
  // it to that), records are parted by ','.
  // Stryker disable next-line all: the size only spares the array its growth; any other joins the same text (a hole joins as '', a write past the end extends it)
  const pieces = new Array<string>(6 + rows.length * 3 - (rows.length > 0 ? 1 : 0));
  pieces[0] = '{"query":';
  pieces[1] = toJson(query);
  pieces[2] = ',"result":[';
  let at = 3;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) pieces[at++] = ',';
    const row = rows[i]!;
    pieces[at++] = openingOf(texts, row.ticket_id);
    pieces[at++] = tailOf(store, texts, row.ticket_id, row.diagnostic_equipment_id);
  }
  pieces[at++] = '],"total":';
  pieces[at++] = toJson(total);
  pieces[at] = '}';
  // Written again from the same pieces when the journal is read (see `bodyAgain`): the closure holds
  // those strings only, not the store, which a load may since have replaced.
  const write = () => pieces.join('');
  const response = jsonResponse(200, write());
  response.bodyAgain = write;
  return response;
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
