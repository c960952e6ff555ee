// Shared arrangement for the behaviour tables: each table runs once per adapter, with a fresh mock per
// test, arranged through the admin API exactly as a user would.
import { afterAll, beforeEach } from 'vitest';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { httpDriver, mswDriver, type Driver } from './drivers.js';

export const adapters: Array<{ name: string; make: () => Driver }> = [
  { name: 'node:http server', make: httpDriver },
  { name: 'MSW setupServer', make: mswDriver },
];

export const collection = '/v2/tickets/used-diagnostic-equipment';
export const exampleTicket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
export const unknownTicket = '00000000-0000-4000-8000-000000000000';

/** Starts a fresh default mock before each test and stops it after the table. */
export function useFreshMock(makeDriver: () => Driver): Driver {
  const driver = makeDriver();
  beforeEach(async () => {
    await driver.start();
  });
  afterAll(async () => {
    await driver.stop();
  });
  return driver;
}

export async function stateOf(driver: Driver): Promise<StateDocument> {
  const reply = await driver.send('GET', '/__admin/state');
  return JSON.parse(reply.text) as StateDocument;
}

export async function setStatus(driver: Driver, ticketId: string, status: string): Promise<void> {
  const reply = await driver.send('PATCH', `/__admin/tickets/${ticketId}`, { json: { status } });
  if (reply.status !== 200) throw new Error(`could not set status: ${reply.text}`);
}

/** A catalogue entry not yet used on the ticket, to add in a test. */
export function unusedEquipment(state: StateDocument, ticketId: string): StateDocument['catalog'][number] {
  const used = new Set(state.used.filter((u) => u.ticket_id === ticketId).map((u) => u.diagnostic_equipment_id));
  const entry = state.catalog.find((e) => !used.has(e.diagnostic_equipment_id));
  if (entry === undefined) throw new Error('every catalogue entry is used on this ticket');
  return entry;
}

export const json = (text: string): unknown => JSON.parse(text);
