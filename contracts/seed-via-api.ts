// Seeding a real deployment through its public API: each used record of a scenario is added with POST
// where it is not there yet. Tickets and the catalogue cannot be created through this API, so they must
// exist already (and the tickets be In Progress). Nothing is ever deleted. Uses the suite's client.
import { compiledSpec } from '../src/spec/index.js';
import { apiKeyHeaderOf } from '../src/spec/security.js';
import type { StateDocument } from '../mocks/state/state-document.js';
import type { Credentials } from './credentials.js';
import { createClient, type LabelledExchange } from './http-client.js';
import { specValues } from './spec-values.js';

export type SeedOutcome = 'added' | 'already there' | 'would add' | 'refused';

export interface SeedStep {
  ticketId: string;
  equipmentId: number;
  outcome: SeedOutcome;
  /** Why a record was refused: the status and the problem's title and detail. */
  reason?: string;
}

export interface SeedReport {
  steps: SeedStep[];
  /** Set when seeding stopped: the deployment stopped answering. */
  stopped?: string;
}

function why(exchange: LabelledExchange): string {
  if (exchange.response === undefined) return exchange.error?.message ?? 'no answer';
  try {
    const problem = JSON.parse(exchange.response.bodyText) as { title?: string; detail?: string };
    return [String(exchange.response.status), problem.title, problem.detail].filter(Boolean).join(' ');
  } catch {
    return String(exchange.response.status);
  }
}

export async function seedViaApi(options: {
  baseUrl: string;
  credentials: Omit<Credentials, 'apiKeyHeader'> & { apiKeyHeader?: string | undefined };
  state: StateDocument;
  dryRun: boolean;
  timeoutMs: number;
  onStep?: (step: SeedStep) => void;
}): Promise<SeedReport> {
  const spec = compiledSpec();
  const values = specValues(spec);
  const credentials: Credentials = { ...options.credentials, apiKeyHeader: options.credentials.apiKeyHeader ?? apiKeyHeaderOf(spec.document) };
  const client = createClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, credentials, spec });
  const steps: SeedStep[] = [];
  let failuresInARow = 0;
  const record = (step: SeedStep) => {
    steps.push(step);
    options.onStep?.(step);
  };
  for (const used of options.state.used) {
    const base = { ticketId: used.ticket_id, equipmentId: used.diagnostic_equipment_id };
    const existing = await client.send('exists', 'GET', values.oneTarget(used.ticket_id, used.diagnostic_equipment_id));
    failuresInARow = existing.error === undefined ? 0 : failuresInARow + 1;
    if (failuresInARow >= 3) return { steps, stopped: `${client.baseUrl} stopped answering (${existing.error?.message ?? 'no answer'})` };
    if (existing.response?.status === 200) {
      record({ ...base, outcome: 'already there' });
      continue;
    }
    if (existing.response?.status !== 404) {
      record({ ...base, outcome: 'refused', reason: `could not check it: ${why(existing)}` });
      continue;
    }
    if (options.dryRun) {
      record({ ...base, outcome: 'would add' });
      continue;
    }
    const added = await client.send('add', 'POST', values.collection, { json: used });
    const status = added.response?.status;
    record(status !== undefined && status >= 200 && status < 300 ? { ...base, outcome: 'added' } : { ...base, outcome: 'refused', reason: why(added) });
  }
  return { steps };
}
