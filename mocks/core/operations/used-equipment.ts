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
import type { Choices } from '../profile.js';
import type { UsedReference } from '../../state/state-document.js';
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

function textsOf(store: UsedEquipmentStore): RowTexts {
  let texts = rowTexts.get(store);
  if (texts === undefined) rowTexts.set(store, (texts = { tails: new Map(), openings: new Map() }));
  return texts;
}

// A cached piece is copied into every page that names it: kept as one flat string, not as the slice
// or the concatenation that made it, which join would have to walk on every request.
const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/** The record's last three fields as cached text; the store is asked only the first time. */
function tailOf(store: UsedEquipmentStore, texts: RowTexts, row: UsedReference): string {
  let tail = texts.tails.get(row.diagnostic_equipment_id);
  if (tail === undefined) {
    const { name, version } = view(store, row.ticket_id, row.diagnostic_equipment_id);
    // '{"diagnostic_equipment_id":…,"name":…,"version":…}' without its '{': the record's last three fields.
    tail = flat(JSON.stringify({ diagnostic_equipment_id: row.diagnostic_equipment_id, name, version }).slice(1));
    texts.tails.set(row.diagnostic_equipment_id, tail);
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

/**
 * The list body, as pieces in an array of its final size joined once: join writes one flat string
 * (`+` would leave a tree of pieces to walk again), and a growing array would be copied as it grows.
 * Each record is `opening + tail` (byte for byte what `toJson(view(…))` gives; the list's test holds
 * it to that), records are parted by ','.
 */
function writePage(texts: RowTexts, rows: readonly UsedReference[], queryText: string, totalText: string, tail: (row: UsedReference) => string): string {
  // Stryker disable next-line all: the size only spares the array its growth; any other joins the same text (a hole joins as '', a write past the end extends it)
  const pieces = new Array<string>(6 + rows.length * 3 - (rows.length > 0 ? 1 : 0));
  pieces[0] = '{"query":';
  pieces[1] = queryText;
  pieces[2] = ',"result":[';
  let at = 3;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) pieces[at++] = ',';
    const row = rows[i]!;
    pieces[at++] = openingOf(texts, row.ticket_id);
    pieces[at++] = tail(row);
  }
  pieces[at++] = '],"total":';
  pieces[at++] = totalText;
  pieces[at] = '}';
  return pieces.join('');
}

export function listUsedEquipment(store: UsedEquipmentStore, { query }: OperationInput, choices?: Choices): OperationResult {
  const ticketId = query.ticket_id as string | undefined;
  const limit = query.limit as number;
  const offset = query.offset as number | bigint;
  const { rows, total } = pageOf(store.list(ticketId), limit, offset, choices?.listOrder === 'newest-first');
  const texts = textsOf(store);
  const queryText = toJson(query);
  const totalText = toJson(total);
  const response = jsonResponse(200, writePage(texts, rows, queryText, totalText, (row) => tailOf(store, texts, row)));
  response.bodyAgain = writtenAgain(texts, rows, queryText, totalText);
  return response;
}

/**
 * The list body written again when the journal is read. The journal keeps this closure for hundreds of
 * requests, and under load every byte it keeps is copied by the collector (the pieces array it once
 * held cost 4 µs a list request; the body itself, more). So it holds the page's own rows (records never
 * change; a remove or a load only drops them from the store) and the caches, which by now hold every
 * piece of them. Never the store, which a load may since have replaced: made here, not in
 * listUsedEquipment, whose closures share one scope with the store in it.
 */
function writtenAgain(texts: RowTexts, rows: readonly UsedReference[], queryText: string, totalText: string): () => string {
  return () => writePage(texts, rows, queryText, totalText, (row) => texts.tails.get(row.diagnostic_equipment_id)!);
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
export const operationHandlers: Record<string, (store: UsedEquipmentStore, input: OperationInput, choices: Choices) => OperationResult> = {
  listUsedDiagnosticEquipment: listUsedEquipment,
  addUsedDiagnosticEquipment: addUsedEquipment,
  getUsedDiagnosticEquipment: getUsedEquipment,
  removeUsedDiagnosticEquipment: removeUsedEquipment,
};
