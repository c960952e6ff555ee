// A front-end session recorded by the kit's own mock (GET /__admin/requests?format=har after reads and
// writes over HTTP), saved to a file for --replay, and the helpers the replay tests share.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import type { Har } from '../../mocks/core/har.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { selfTestCredentials } from './contract-fixtures.js';

export const collection = '/v2/tickets/used-diagnostic-equipment';
export const ownHeaders = { authorization: `Bearer ${selfTestCredentials.token}`, 'x-api-key': selfTestCredentials.apiKey };

/** Serves a deployment for the time of `use`. */
export async function served<T>(deployment: Mock, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startHttpServer(deployment, { port: 0 });
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

/** What a front-end does on a ticket page, recorded by the mock: reads (one in capitals, one of an unknown record), an add and the lists after it, a refusal of the rule, a bad add, a remove. */
export async function recordSession(): Promise<Har> {
  return served(createMock({ auth: selfTestCredentials }), async (url) => {
    const send = (method: string, target: string, body?: unknown) =>
      fetch(`${url}${target}`, { method, headers: { ...ownHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const steps: Array<[string, string, unknown?]> = [
      ['GET', `${collection}?limit=3`],
      ['GET', `${collection}?ticket_id=${exampleTicketId}&limit=50`],
      ['GET', `${collection}/${exampleTicketId}/12`],
      ['GET', `${collection}/${exampleTicketId.toUpperCase()}/12`],
      ['GET', `${collection}/${exampleTicketId}/99999`],
      ['POST', collection, { ticket_id: exampleTicketId, diagnostic_equipment_id: 40 }],
      ['GET', `${collection}/${exampleTicketId}/40`],
      ['GET', `${collection}?limit=100`],
      ['POST', collection, { ticket_id: closedTicketId, diagnostic_equipment_id: 40 }],
      ['POST', collection, { ticket_id: exampleTicketId, diagnostic_equipment_id: 'forty' }],
      ['DELETE', `${collection}/${exampleTicketId}/40`],
      ['GET', `${collection}?ticket_id=${exampleTicketId}&limit=50`],
    ];
    for (const [method, target, body] of steps) await (await send(method, target, body)).text();
    return (await (await fetch(`${url}/__admin/requests?format=har`)).json()) as Har;
  });
}

let dir: string | undefined;
/** Writes a HAR (or any text) to a fresh temporary file. */
export async function saved(name: string, content: unknown): Promise<string> {
  dir ??= await mkdtemp(join(tmpdir(), 'ude-kit-replay-'));
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The deployment's whole state, to see a replay left it as it was. */
export async function stateOf(url: string): Promise<unknown> {
  return (await fetch(`${url}/__admin/state`)).json();
}
