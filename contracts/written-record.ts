// The record a write names: an add's body, or a remove's path. Read the same way by the fake beside a
// comparison (to follow the deployment's writes) and by a replay (to know what it added and may remove).
import type { SpecValues } from './spec-values.js';

export interface WrittenRecord {
  ticket: string;
  id: number;
}

export function writtenRecord(values: SpecValues, operationId: string | undefined, body: string | undefined, pathValues: ReadonlyMap<string, string> | undefined): WrittenRecord | undefined {
  if (operationId === values.add.operationId) {
    try {
      const parsed = JSON.parse(body ?? '') as { ticket_id?: unknown; diagnostic_equipment_id?: unknown };
      return typeof parsed.ticket_id === 'string' && typeof parsed.diagnostic_equipment_id === 'number' ? { ticket: parsed.ticket_id, id: parsed.diagnostic_equipment_id } : undefined;
    } catch {
      return undefined;
    }
  }
  if (operationId !== values.remove.operationId || pathValues === undefined) return undefined;
  const ticket = values.remove.pathParameters.find((p) => p.schema.format === 'uuid');
  const equipment = values.remove.pathParameters.find((p) => p.schema.type === 'integer');
  const [ticketId, id] = [ticket && pathValues.get(ticket.name), equipment && pathValues.get(equipment.name)];
  return ticketId === undefined || id === undefined || !/^\d+$/.test(id) ? undefined : { ticket: ticketId, id: Number(id) };
}
