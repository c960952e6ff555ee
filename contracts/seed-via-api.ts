// Seeding a real deployment through its public API: each used record of a scenario is added with POST
// where it is not there yet. Tickets and the catalogue cannot be created through this API, so they must
// exist already (and the tickets be In Progress). Nothing is ever deleted. Uses the suite's client.
//
// At scale: tickets are taken by `concurrency` workers at once; for each, its records already there
// are read a page at a time from the list (one request for many records, not one per record), then
// the missing ones are added in the scenario's order, so each ticket's list reads as the scenario
// does. Only counts and the first record of each distinct refusal are kept, never a result per record.
import { compiledSpec } from '../src/spec/index.js';
import { apiKeyHeaderOf } from '../src/spec/security.js';
import type { StateDocument } from '../mocks/state/state-document.js';
import type { Credentials } from './credentials.js';
import { createClient, type LabelledExchange } from './http-client.js';
import { specValues, type ListBody } from './spec-values.js';
import { defaultSeedConcurrency } from './seed-defaults.js';
import { visibleLine } from '../src/text/visible.js';

export type SeedOutcome = 'added' | 'already there' | 'would add' | 'refused';

export interface SeedStep {
  ticketId: string;
  equipmentId: number;
  outcome: SeedOutcome;
  /** Why a record was refused: the status and the problem's title and detail. */
  reason?: string;
}

/** One kind of refusal (same status and title), how often, and the first record it happened to. */
export interface SeedProblem {
  reason: string;
  count: number;
  example: { ticketId: string; equipmentId: number };
}

export interface SeedReport {
  records: number;
  counts: Record<SeedOutcome, number>;
  /** Distinct refusals, at most `maxProblemKinds` of them (the rest are counted in `counts.refused`). */
  problems: SeedProblem[];
  /** Set when seeding stopped early: the credentials were refused, or the deployment stopped answering. */
  stopped?: { kind: 'unauthorized' | 'unreachable'; message: string };
  durationMs: number;
}

export interface SeedProgress {
  done: number;
  total: number;
  counts: Record<SeedOutcome, number>;
}

const maxProblemKinds = 50;

function why(exchange: LabelledExchange): { kind: string; text: string } {
  if (exchange.response === undefined) {
    const text = exchange.error?.message ?? 'no answer';
    return { kind: text, text };
  }
  const status = String(exchange.response.status);
  try {
    const problem = JSON.parse(exchange.response.bodyText) as { title?: unknown; detail?: unknown };
    // The deployment's words, made visible and cut short: they are printed, and a title is a kind of refusal.
    const words = (value: unknown, max: number) => (typeof value === 'string' && value.trim() !== '' ? visibleLine(value, max) : undefined);
    const title = words(problem.title, 120);
    return { kind: [status, title].filter(Boolean).join(' '), text: [status, title, words(problem.detail, 300)].filter(Boolean).join(' ') };
  } catch {
    return { kind: status, text: status };
  }
}

/** The scenario's records by ticket, each ticket's in the scenario's order. */
function byTicket(used: StateDocument['used']): Map<string, number[]> {
  const tickets = new Map<string, number[]>();
  for (const record of used) {
    const ids = tickets.get(record.ticket_id);
    if (ids === undefined) tickets.set(record.ticket_id, [record.diagnostic_equipment_id]);
    else ids.push(record.diagnostic_equipment_id);
  }
  return tickets;
}

export async function seedViaApi(options: {
  baseUrl: string;
  credentials: Omit<Credentials, 'apiKeyHeader'> & { apiKeyHeader?: string | undefined };
  state: StateDocument;
  dryRun: boolean;
  /** The most one request may take, its head and body in all. */
  timeoutMs: number;
  /** Largest answer read, in bytes (default: the client's). */
  maxBodyBytes?: number;
  /** Tickets seeded at once (default 16). */
  concurrency?: number;
  /** Extra attempts for the reads (GET) after a dropped connection or a 502/503/504; POST is never repeated. */
  retries?: number;
  /** Each record's outcome as it is decided (a refused one with its reason). */
  onStep?: (step: SeedStep) => void;
  /** The first record of each distinct refusal, when it happens. */
  onProblem?: (problem: SeedProblem, reason: string) => void;
}): Promise<SeedReport> {
  const started = performance.now();
  const spec = compiledSpec();
  const values = specValues(spec);
  const ticketPage = values.ticketPage;
  if (ticketPage === undefined) throw new Error('the document’s list has no ticket filter to read a ticket’s records with');
  const credentials: Credentials = { ...options.credentials, apiKeyHeader: options.credentials.apiKeyHeader ?? apiKeyHeaderOf(spec.document) };
  const client = createClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, credentials, spec, retries: options.retries ?? 2, keepExchanges: false, transport: 'undici', ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }) });
  const counts: Record<SeedOutcome, number> = { added: 0, 'already there': 0, 'would add': 0, refused: 0 };
  const problems = new Map<string, SeedProblem>();
  let stopped: SeedReport['stopped'];
  let failuresInARow = 0;

  const decide = (step: SeedStep, kind?: string) => {
    counts[step.outcome]++;
    options.onStep?.(step);
    if (step.outcome !== 'refused' || kind === undefined) return;
    const known = problems.get(kind);
    if (known !== undefined) known.count++;
    else if (problems.size < maxProblemKinds) {
      const problem = { reason: kind, count: 1, example: { ticketId: step.ticketId, equipmentId: step.equipmentId } };
      problems.set(kind, problem);
      options.onProblem?.(problem, step.reason ?? kind);
    }
  };

  /** Stops every worker on refused credentials or a deployment that stopped answering; true when it did. */
  const mustStop = (exchange: LabelledExchange): boolean => {
    const status = exchange.response?.status;
    if (status === 401 || status === 403) {
      stopped ??= { kind: 'unauthorized', message: `${client.baseUrl} refused the credentials (${why(exchange).text}); nothing more was sent` };
    }
    failuresInARow = exchange.error === undefined ? 0 : failuresInARow + 1;
    if (failuresInARow >= 3) stopped ??= { kind: 'unreachable', message: `${client.baseUrl} stopped answering (${exchange.error?.message ?? 'no answer'})` };
    return stopped !== undefined;
  };

  /** The ids of a ticket's records already there, read a page at a time; undefined when it cannot be read. */
  async function existing(ticketId: string): Promise<{ ids: Set<number> } | { refused: LabelledExchange } | undefined> {
    const ids = new Set<number>();
    for (let offset = 0; ; ) {
      const page = await client.send('exists', 'GET', ticketPage!(ticketId, offset, values.limit.max));
      if (mustStop(page)) return undefined;
      if (page.response?.status !== 200) return { refused: page };
      let body: ListBody;
      try {
        body = JSON.parse(page.response.bodyText) as ListBody;
      } catch {
        return { refused: page };
      }
      const rows = body.result ?? [];
      for (const row of rows) if (typeof row.diagnostic_equipment_id === 'number') ids.add(row.diagnostic_equipment_id);
      offset += rows.length;
      if (rows.length === 0 || typeof body.total !== 'number' || offset >= body.total) return { ids };
    }
  }

  async function seedTicket(ticketId: string, wanted: number[]): Promise<void> {
    const found = await existing(ticketId);
    if (found === undefined) return;
    if ('refused' in found) {
      const reason = why(found.refused);
      for (const equipmentId of wanted) decide({ ticketId, equipmentId, outcome: 'refused', reason: `could not check it: ${reason.text}` }, `could not check: ${reason.kind}`);
      return;
    }
    for (const equipmentId of wanted) {
      if (stopped !== undefined) return;
      const base = { ticketId, equipmentId };
      if (found.ids.has(equipmentId)) {
        decide({ ...base, outcome: 'already there' });
        continue;
      }
      if (options.dryRun) {
        decide({ ...base, outcome: 'would add' });
        continue;
      }
      const added = await client.send('add', 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: equipmentId } });
      if (mustStop(added)) return;
      const status = added.response?.status;
      if (status !== undefined && status >= 200 && status < 300) decide({ ...base, outcome: 'added' });
      else {
        const reason = why(added);
        decide({ ...base, outcome: 'refused', reason: reason.text }, reason.kind);
      }
    }
  }

  const tickets = [...byTicket(options.state.used)];
  let next = 0;
  const worker = async () => {
    while (stopped === undefined && next < tickets.length) {
      const [ticketId, wanted] = tickets[next++]!;
      await seedTicket(ticketId, wanted);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? defaultSeedConcurrency, tickets.length)) }, worker));
  return {
    records: options.state.used.length,
    counts,
    problems: [...problems.values()],
    ...(stopped === undefined ? {} : { stopped }),
    durationMs: performance.now() - started,
  };
}
