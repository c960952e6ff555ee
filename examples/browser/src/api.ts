// The app's API client, typed by the kit's generated types. It knows nothing about the mock: in
// production the same calls reach the real API.
import type { components } from 'ude-kit/types';

export type UsedEquipment = components['schemas']['UsedDiagnosticEquipment'];
export type Page = components['schemas']['UsedDiagnosticEquipmentList'];
export type Problem = components['schemas']['Problem'];

const base = '/v2/tickets/used-diagnostic-equipment';
const headers = { authorization: 'Bearer example-token', 'x-api-key': 'example-key' };

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

async function call<T>(path: string, init: RequestInit = {}): Promise<Result<T>> {
  const response = await fetch(path, { ...init, headers: { ...headers, ...init.headers } });
  if (response.ok) return { ok: true, value: (response.status === 204 ? undefined : await response.json()) as T };
  return { ok: false, problem: (await response.json()) as Problem };
}

export const listUsed = (ticketId: string, limit: number, offset: number) =>
  call<Page>(`${base}?ticket_id=${ticketId}&limit=${limit}&offset=${offset}`);

export const addUsed = (ticketId: string, equipmentId: number) =>
  call<UsedEquipment>(base, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticket_id: ticketId, diagnostic_equipment_id: equipmentId }),
  });

export const removeUsed = (ticketId: string, equipmentId: number) => call<void>(`${base}/${ticketId}/${equipmentId}`, { method: 'DELETE' });
