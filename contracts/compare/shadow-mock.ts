// The fake a comparison runs beside the deployment: an in-process mock (no socket), primed with what
// the run saw, sent each request the deployment was sent, in the same order, with the same headers
// and body. Where a write took on one side and not on the other, the fake is made to follow the
// deployment, so that one difference does not turn every later answer into another.
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { choicesOf, type Profile } from '../../mocks/core/profile.js';
import type { CompiledSpec } from '../../src/spec/index.js';
import { createRouter } from '../../src/spec/router.js';
import { specValues } from '../spec-values.js';
import { writtenRecord, type WrittenRecord } from '../written-record.js';
import type { Fixtures } from '../checks/check.js';
import type { Credentials } from '../credentials.js';
import type { ExchangeRequest, ExchangeResponse } from '../exchange.js';
import { inProgressStatus, invented, primedState } from './primed-state.js';
import { parsedBody } from '../parsed-body.js';

const base = 'http://ude-kit-fake.in-process';
const is2xx = (status: number) => status >= 200 && status < 300;

export interface ShadowOptions {
  spec: CompiledSpec;
  credentials: Credentials;
  fixtures: Fixtures;
  profile?: Profile | undefined;
}

export interface Shadow {
  /** Starts the fake from the rows the walk saw; false (with why) when the state cannot be held. */
  prime(rows: readonly unknown[]): { ok: true } | { ok: false; why: string };
  /** The fake's answer to a request the deployment answered; the fake follows the deployment's writes. */
  answer(request: ExchangeRequest, operationId: string | undefined, deployment: ExchangeResponse): Promise<ExchangeResponse>;
}

export function createShadow(options: ShadowOptions): Shadow {
  const choices = choicesOf(options.profile);
  const router = createRouter(options.spec.operations);
  const values = specValues(options.spec);
  let mock: Mock | undefined;
  let send: typeof fetch | undefined;
  /** Catalogue ids whose name and version the fake made up, until an answer of the deployment shows them. */
  let madeUp = new Set<number>();
  /** The tickets (in lower case) and catalogue ids the fake holds: what an answer can show it lacks. */
  let tickets = new Set<string>();
  let catalog = new Set<number>();

  /**
   * What a success of the deployment shows exists — the records it answers with, their tickets and
   * catalogue entries (an add of an id no row named, a record of a ticket the walk never met) — the fake
   * learns before it answers, with the deployment's words for entries it made up: so that an answer
   * differs only where the two chose differently, never because the fake was not told.
   */
  function learnFrom(deployment: ExchangeResponse): void {
    if (deployment.status >= 300) return;
    const parsed = parsedBody(deployment);
    if (parsed.kind !== 'json' || typeof parsed.value !== 'object' || parsed.value === null) return;
    const body = parsed.value as { result?: unknown };
    const rows = ((Array.isArray(body.result) ? body.result : [body]) as unknown[]).filter(
      (row): row is { ticket_id: string; diagnostic_equipment_id: number; name?: unknown; version?: unknown } =>
        typeof row === 'object' && row !== null && typeof (row as { ticket_id?: unknown }).ticket_id === 'string' && Number.isInteger((row as { diagnostic_equipment_id?: unknown }).diagnostic_equipment_id),
    );
    const news = rows.filter((row) => !tickets.has(row.ticket_id.toLowerCase()) || !catalog.has(row.diagnostic_equipment_id) || madeUp.has(row.diagnostic_equipment_id));
    if (news.length === 0) return;
    const state = mock!.state();
    for (const row of news) {
      if (!tickets.has(row.ticket_id.toLowerCase())) state.tickets.push({ id: row.ticket_id, status: inProgressStatus });
      tickets.add(row.ticket_id.toLowerCase());
      let entry = state.catalog.find((c) => c.diagnostic_equipment_id === row.diagnostic_equipment_id);
      if (entry === undefined) state.catalog.push((entry = { diagnostic_equipment_id: row.diagnostic_equipment_id, name: `equipment ${row.diagnostic_equipment_id}`, version: null }));
      if (typeof row.name === 'string' && row.name.length > 0) entry.name = row.name;
      if (typeof row.version === 'string' || row.version === null) entry.version = row.version;
      catalog.add(row.diagnostic_equipment_id);
      madeUp.delete(row.diagnostic_equipment_id);
    }
    // Refused (words the fake cannot hold, a uuid it cannot read): it answers as it was, and says so in its answer.
    mock!.load(state);
  }

  /** The record a write names (the add's body, or the remove's path). */
  function recordOf(request: ExchangeRequest, operationId: string | undefined): WrittenRecord | undefined {
    const match = router.match(request.method, request.target.split('?')[0] ?? '');
    return writtenRecord(values, operationId, request.body, match.kind === 'operation' ? match.pathValues : undefined);
  }

  /** Makes the fake hold (or not hold) a record, as the deployment's answer says it now does. */
  function follow(record: WrittenRecord, held: boolean): void {
    const state = mock!.state();
    const ticket = record.ticket.toLowerCase();
    const same = (r: { ticket_id: string; diagnostic_equipment_id: number }) => r.ticket_id.toLowerCase() === ticket && r.diagnostic_equipment_id === record.id;
    const used = state.used.filter((r) => !same(r));
    if (held) {
      used.push({ ticket_id: state.tickets.find((t) => t.id.toLowerCase() === ticket)?.id ?? record.ticket, diagnostic_equipment_id: record.id });
      if (!state.tickets.some((t) => t.id.toLowerCase() === ticket)) state.tickets.push({ id: record.ticket, status: inProgressStatus });
      tickets.add(ticket);
      catalog.add(record.id);
      if (!state.catalog.some((c) => c.diagnostic_equipment_id === record.id)) state.catalog.push({ diagnostic_equipment_id: record.id, name: `equipment ${record.id}`, version: null });
    }
    mock!.load({ ...state, used });
  }

  return {
    prime(rows) {
      try {
        const state = primedState(rows, options.fixtures, choices.listOrder);
        madeUp = invented(state, rows);
        tickets = new Set(state.tickets.map((t) => t.id.toLowerCase()));
        catalog = new Set(state.catalog.map((c) => c.diagnostic_equipment_id));
        mock = createMock({
          state,
          auth: { mode: 'required', apiKey: options.credentials.apiKey, token: options.credentials.token },
          admin: false,
          journalSize: 1,
          ...(options.profile === undefined ? {} : { profile: options.profile }),
        });
      } catch (error) {
        return { ok: false, why: `the fake cannot hold what the walk saw (${(error as Error).message.slice(0, 300)})` };
      }
      send = inProcessFetch(mock);
      return { ok: true };
    },
    async answer(request, operationId, deployment) {
      if (mock === undefined || send === undefined) throw new Error('the fake was not primed');
      learnFrom(deployment);
      const response = await send(`${base}${request.target}`, { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const answer: ExchangeResponse = { status: response.status, headers, bodyText: await response.text(), durationMs: 0 };
      const write = operationId === 'addUsedDiagnosticEquipment' || operationId === 'removeUsedDiagnosticEquipment';
      if (write && is2xx(deployment.status) !== is2xx(answer.status)) {
        const record = recordOf(request, operationId);
        const took = is2xx(deployment.status);
        if (record !== undefined) follow(record, operationId === 'addUsedDiagnosticEquipment' ? took : !took);
      }
      return answer;
    },
  };
}
