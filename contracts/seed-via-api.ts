// Seeding a real deployment through its public API: each used record of a scenario is added with POST
// where it is not there yet. Tickets and the catalogue cannot be created through this API, so they must
// exist already (and the tickets be In Progress). Nothing is ever deleted. Uses the suite's client.
//
// First the contract command's preflight (one GET: reachable, credentials taken, base URL not holding
// the API's path), so a mistake costs one request and is named with its fix. Then tickets are taken by
// `concurrency` workers at once; for each, its records already there are read a page at a time from
// the list (one request for many records, not one per record), then the missing ones are added in the
// scenario's order, so each ticket's list reads as the scenario does. A refusal that applies to the
// whole ticket (not In Progress, unknown) ends the ticket: its other records are skipped, not sent.
// Every record gets exactly one outcome; only counts and the first record of each distinct refusal are
// kept here (onStep gives each record's outcome to whoever wants a list).
import { compiledSpec } from '../src/spec/index.js';
import { apiKeyHeaderOf } from '../src/spec/security.js';
import type { StateDocument } from '../mocks/state/state-document.js';
import type { Credentials } from './credentials.js';
import { createClient, type LabelledExchange } from './http-client.js';
import { preflightReason } from './preflight.js';
import { specValues, type ListBody } from './spec-values.js';
import { Agent } from 'undici';
import { createConcurrencyLimit } from './concurrency-limit.js';
import { defaultSeedConcurrency, maxChosenConcurrency, minChosenConcurrency } from './seed-defaults.js';
import { refusalOf, refusesWholeTicket } from './seed-refusals.js';

export type SeedOutcome = 'added' | 'already there' | 'would add' | 'refused' | 'skipped' | 'not tried';
export const seedOutcomes: readonly SeedOutcome[] = ['added', 'already there', 'would add', 'refused', 'skipped', 'not tried'];

export interface SeedStep {
  ticketId: string;
  equipmentId: number;
  outcome: SeedOutcome;
  /** Why a record was not added: the answer (status, the problem's title and detail), or why it was not sent. */
  reason?: string;
  /** The refusal applied to the whole ticket: its other records are skipped. */
  ticketRefused?: true;
}

/** One kind of refusal (same status and title), how often, and the first record it happened to. */
export interface SeedProblem {
  reason: string;
  count: number;
  example: { ticketId: string; equipmentId: number };
}

/** What a dry run cannot know without writing, with counts: the API shows no ticket and no status. */
export interface DryRunUnknowns {
  /** Tickets with records there (so they exist) that would get more: their status decides (409 if not In Progress). */
  statusUnknown: { tickets: number; records: number };
  /** Tickets with no records there: whether they exist at all (404 if not), and their status. */
  existenceUnknown: { tickets: number; records: number };
}

export type SeedStopKind = 'preflight' | 'unauthorized' | 'unreachable' | 'interrupted';

export interface SeedReport {
  records: number;
  counts: Record<SeedOutcome, number>;
  /** Distinct refusals, at most `maxProblemKinds` of them (the rest are counted in `counts.refused`). */
  problems: SeedProblem[];
  /** Tickets that refused a record for the whole ticket (their other records skipped). */
  ticketsRefused: number;
  /** Set on a dry run. */
  unknowns?: DryRunUnknowns;
  /** Set when seeding stopped early: the preflight failed, credentials refused, the deployment stopped answering, or the run was interrupted. */
  stopped?: { kind: SeedStopKind; message: string };
  /** Requests in flight at the end: the --concurrency given, or the one chosen from the answer times. */
  concurrency: number;
  durationMs: number;
}

const maxProblemKinds = 50;
/** Transport failures in a row after which the deployment is taken as gone. */
const maxFailuresInARow = 3;

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

const notSent: Record<Exclude<SeedStopKind, 'preflight'>, string> = {
  unauthorized: 'not sent: the credentials were refused',
  unreachable: 'not sent: the target stopped answering',
  interrupted: 'not sent: the run was interrupted',
};

export async function seedViaApi(options: {
  baseUrl: string;
  credentials: Omit<Credentials, 'apiKeyHeader'> & { apiKeyHeader?: string | undefined };
  state: StateDocument;
  dryRun: boolean;
  /** The most one request may take, its head and body in all. */
  timeoutMs: number;
  /** Largest answer read, in bytes (default: the client's). */
  maxBodyBytes?: number;
  /** Requests in flight, fixed (default: chosen from the target's answer times, from 16 within 2-64). */
  concurrency?: number;
  /** Extra attempts for the reads (GET) after a dropped connection or a 502/503/504; POST is never repeated. */
  retries?: number;
  /** The option that names the base URL, for the preflight's fix ("use --target …"). */
  urlOption?: string;
  /** Aborting it stops the run: requests in flight finish, no new one starts, the rest is "not tried". */
  signal?: AbortSignal;
  /** Each record's outcome as it is decided (a record not added with its reason). */
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
  const tickets = [...byTicket(options.state.used)];
  const fixed = options.concurrency !== undefined;
  const limit = createConcurrencyLimit({ initial: options.concurrency ?? defaultSeedConcurrency, bounds: fixed ? { min: options.concurrency!, max: options.concurrency! } : { min: minChosenConcurrency, max: maxChosenConcurrency }, adaptive: !fixed });
  // One ticket a worker; as many workers as requests may be in flight, the limit gating them.
  const workers = Math.max(1, Math.min(fixed ? options.concurrency! : maxChosenConcurrency, tickets.length));
  // Connections kept alive between requests, one per worker at most, closed when the run ends.
  const agent = new Agent({ connections: workers, keepAliveTimeout: 30_000 });
  const client = createClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, credentials, spec, retries: options.retries ?? 2, keepExchanges: false, transport: 'undici', dispatcher: agent, ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }) });
  let stopped: SeedReport['stopped'];
  const halted = () => {
    if (options.signal?.aborted === true) stopped ??= { kind: 'interrupted', message: 'interrupted' };
    return stopped !== undefined;
  };
  /** Sends within the limit, and tells it how long the answer took; undefined when the run stopped while it waited its turn. */
  const send = async (...args: Parameters<typeof client.send>): Promise<LabelledExchange | undefined> => {
    await limit.acquire();
    if (halted()) {
      limit.release(undefined);
      return undefined;
    }
    let exchange: LabelledExchange | undefined;
    try {
      exchange = await client.send(...args);
      return exchange;
    } finally {
      limit.release(exchange?.response?.durationMs);
    }
  };
  const counts = Object.fromEntries(seedOutcomes.map((outcome) => [outcome, 0])) as Record<SeedOutcome, number>;
  const problems = new Map<string, SeedProblem>();
  const unknowns: DryRunUnknowns = { statusUnknown: { tickets: 0, records: 0 }, existenceUnknown: { tickets: 0, records: 0 } };
  let ticketsRefused = 0;
  let failuresInARow = 0;
  const report = async (): Promise<SeedReport> => {
    // In-flight requests are done by now: the kept-alive connections can go, and the process end promptly.
    await agent.close().catch(() => undefined);
    return {
      records: options.state.used.length,
      counts,
      problems: [...problems.values()],
      ticketsRefused,
      ...(options.dryRun ? { unknowns } : {}),
      ...(stopped === undefined ? {} : { stopped }),
      concurrency: limit.limit,
      durationMs: performance.now() - started,
    };
  };

  const credentialsGiven = credentials.token !== undefined || credentials.apiKey !== undefined;
  // Not gated: the run's first request, alone in flight; an interrupt during it stops the workers at once.
  const first = await client.send('reachability', 'GET', values.collection);
  const unusable = preflightReason(first, client.baseUrl, values.collection, credentialsGiven, { option: options.urlOption ?? '--target', who: 'the seeder', before: 'before any record was sent' });
  if (unusable !== undefined) {
    stopped = { kind: 'preflight', message: unusable };
    return report();
  }

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

  /**
   * Stops every worker on refused credentials or a deployment that stopped answering. True when this
   * exchange's own answer cannot be used (refused credentials, or no answer while the run stops); an
   * answer that came back after another worker stopped the run, or after an interrupt, still counts.
   */
  const mustStop = (exchange: LabelledExchange): boolean => {
    const status = exchange.response?.status;
    const credentialsRefused = status === 401 || status === 403;
    if (credentialsRefused) stopped ??= { kind: 'unauthorized', message: `${client.baseUrl} refused the credentials (${refusalOf(exchange).text}); nothing more was sent` };
    failuresInARow = exchange.error === undefined ? 0 : failuresInARow + 1;
    if (failuresInARow >= maxFailuresInARow) stopped ??= { kind: 'unreachable', message: `${client.baseUrl} stopped answering (${exchange.error?.message ?? 'no answer'})` };
    return credentialsRefused || (exchange.error !== undefined && stopped !== undefined && stopped.kind !== 'interrupted');
  };

  /** The ids of a ticket's records already there, read a page at a time; undefined when the run stopped. */
  async function existing(ticketId: string): Promise<{ ids: Set<number> } | { refused: LabelledExchange } | undefined> {
    const ids = new Set<number>();
    for (let offset = 0; ; ) {
      if (halted()) return undefined;
      const page = await send('exists', 'GET', ticketPage!(ticketId, offset, values.limit.max));
      if (page === undefined || mustStop(page)) return undefined;
      if (page.response?.status !== 200) return { refused: page };
      let body: ListBody;
      try {
        body = JSON.parse(page.response.bodyText) as ListBody;
      } catch {
        return { refused: page };
      }
      const rows = Array.isArray(body?.result) ? body.result : [];
      for (const row of rows) if (typeof row?.diagnostic_equipment_id === 'number') ids.add(row.diagnostic_equipment_id);
      offset += rows.length;
      if (rows.length === 0 || typeof body.total !== 'number' || offset >= body.total) return { ids };
    }
  }

  /** Decides every record of a ticket from `from` on with one outcome and reason. */
  const decideRest = (ticketId: string, wanted: number[], from: number, outcome: SeedOutcome, reason: string, kind?: string) => {
    for (let i = from; i < wanted.length; i++) decide({ ticketId, equipmentId: wanted[i]!, outcome, reason }, kind);
  };
  const stopReason = () => (stopped === undefined || stopped.kind === 'preflight' ? notSent.interrupted : notSent[stopped.kind]);

  async function seedTicket(ticketId: string, wanted: number[]): Promise<void> {
    const found = await existing(ticketId);
    if (found === undefined) return decideRest(ticketId, wanted, 0, 'not tried', stopReason());
    if ('refused' in found) {
      const reason = refusalOf(found.refused);
      return decideRest(ticketId, wanted, 0, 'refused', `could not check it: ${reason.text}`, `could not check: ${reason.kind}`);
    }
    let ticketKnown = found.ids.size > 0;
    const toAdd = wanted.filter((id) => !found.ids.has(id)).length;
    if (options.dryRun && toAdd > 0) {
      const unknown = ticketKnown ? unknowns.statusUnknown : unknowns.existenceUnknown;
      unknown.tickets++;
      unknown.records += toAdd;
    }
    const dryReason = ticketKnown
      ? 'a dry run: not sent; the ticket exists, but whether it is In Progress cannot be read without writing'
      : 'a dry run: not sent; the ticket has no records there, so whether it exists (and is In Progress) cannot be read without writing';
    for (let i = 0; i < wanted.length; i++) {
      const equipmentId = wanted[i]!;
      const base = { ticketId, equipmentId };
      if (found.ids.has(equipmentId)) {
        decide({ ...base, outcome: 'already there' });
        continue;
      }
      if (options.dryRun) {
        decide({ ...base, outcome: 'would add', reason: dryReason });
        continue;
      }
      if (halted()) return decideRest(ticketId, wanted, i, 'not tried', stopReason());
      const added = await send('add', 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: equipmentId } });
      if (added === undefined) return decideRest(ticketId, wanted, i, 'not tried', stopReason());
      if (mustStop(added)) {
        // Sent and not answered, or refused for the credentials: a rerun finds out whether it is there.
        decide({ ...base, outcome: 'not tried', reason: stopReason() });
        return decideRest(ticketId, wanted, i + 1, 'not tried', stopReason());
      }
      const status = added.response?.status;
      if (status !== undefined && status >= 200 && status < 300) {
        ticketKnown = true;
        decide({ ...base, outcome: 'added' });
        continue;
      }
      const refusal = refusalOf(added);
      const wholeTicket = refusesWholeTicket(refusal, ticketKnown);
      decide({ ...base, outcome: 'refused', reason: refusal.text, ...(wholeTicket ? { ticketRefused: true as const } : {}) }, refusal.kind);
      if (wholeTicket) {
        ticketsRefused++;
        // Not sent: the ticket said no for all of them; the report lists them with the first refusal.
        return decideRest(ticketId, wanted, i + 1, 'skipped', `skipped: the ticket refused ${equipmentId} (${refusal.text}), so its other records were not sent`);
      }
    }
  }

  let next = 0;
  const worker = async () => {
    while (!halted() && next < tickets.length) {
      const [ticketId, wanted] = tickets[next++]!;
      await seedTicket(ticketId, wanted);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  // Tickets no worker took (the run stopped): every record not tried, so the counts add up.
  for (; next < tickets.length; next++) {
    const [ticketId, wanted] = tickets[next]!;
    decideRest(ticketId, wanted, 0, 'not tried', stopReason());
  }
  return report();
}
