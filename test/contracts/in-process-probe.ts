// One check's probe against a mock in this process (the suite's own client over the mock's core, no
// socket), then its evaluation of what the probe sent: the way the runner runs a check, small enough to
// do once per rule. The mock may be bent (wrap, in mutant-kit.ts) to give the one answer a rule is for.
import type { BehaviourCheck, CheckContext, Fixtures, Send } from '../../contracts/checks/check.js';
import { createClient, type LabelledExchange } from '../../contracts/http-client.js';
import { createLedger } from '../../contracts/ledger.js';
import type { Finding } from '../../contracts/findings.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { compiledSpec } from '../../src/spec/index.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

export const spec = compiledSpec();
export const baseUrl = 'http://ude-kit.in-process';
const options = selfTestOptions(baseUrl);
/** The self-test's fixtures: the example ticket (In Progress), the closed ticket, ids 40 and 39, 99999 unknown. */
export const fixtures: Fixtures = options.fixtures;
export const context: CheckContext = { spec, fixtures, readOnly: false, baseUrl, apiKeyHeader: 'X-Api-Key', generation: { seed: options.seed!, maxCases: 5 } };

export interface ProbeRun {
  /** What the probe returned: undefined, or why it could not run. */
  result: unknown;
  exchanges: LabelledExchange[];
  findings: Finding[];
  /** The ledger after the probe: what it left on the deployment, by its own account. */
  outstanding: string[];
  /** The mock's records ("ticket/id") that appeared or went during the probe. */
  appeared: string[];
  went: string[];
}

const keysOf = (state: StateDocument) => new Set(state.used.map((u) => `${u.ticket_id}/${u.diagnostic_equipment_id}`));

/** The suite's client sending to `deployment` in this process, and every exchange it sent, in order. */
export function inProcessSend(deployment: Mock): { send: Send; exchanges: LabelledExchange[] } {
  const client = createClient({ baseUrl, timeoutMs: 5_000, retries: 0, credentials: { ...selfTestCredentials, apiKeyHeader: context.apiKeyHeader }, spec, fetch: inProcessFetch(deployment) });
  const exchanges: LabelledExchange[] = [];
  const send: Send = async (...args) => {
    const exchange = await client.send(...args);
    exchanges.push(exchange);
    return exchange;
  };
  return { send, exchanges };
}

/** Runs `check`'s probe against `deployment` (the mock, or a bend of it), and evaluates what it sent. */
export async function probeAndEvaluate(check: BehaviourCheck, mock: Mock, deployment: Mock = mock, changes: Partial<CheckContext> = {}): Promise<ProbeRun> {
  const run = { ...context, ...changes };
  const { send, exchanges } = inProcessSend(deployment);
  const ledger = createLedger();
  const before = keysOf(mock.state());
  const result = await check.probe(send, run, ledger);
  const after = keysOf(mock.state());
  return {
    result,
    exchanges,
    findings: check.evaluate(exchanges, run),
    outstanding: ledger.outstanding().map((r) => `${r.ticketId}/${r.equipmentId}`),
    appeared: [...after].filter((k) => !before.has(k)),
    went: [...before].filter((k) => !after.has(k)),
  };
}

/** A finding's parts a rule decides (the rest, the curl line and the operation, follow from the exchange). */
export const summary = (findings: Finding[]) =>
  findings.map((f) => ({ check: f.check, severity: f.severity, pointer: f.pointer, expected: f.expected, actual: f.actual.value, message: f.message, target: f.request.target, occurrences: f.occurrences }));

/** The kit's mock with the self-test's credentials, its default state changed by `change` first. */
export function mockWith(change: (state: StateDocument) => void = () => undefined): Mock {
  const state = createMock().state();
  change(state);
  return createMock({ auth: selfTestCredentials, state });
}

/** The default state with more In Progress tickets, each holding the catalogue, until the list holds `rows` rows. */
export const withRows = (rows: number) =>
  mockWith((state) => {
    for (let t = 0; state.used.length < rows; t++) {
      const id = `cccccccc-0000-4000-8000-${String(t).padStart(12, '0')}`;
      state.tickets.push({ id, status: 'In Progress' });
      for (const { diagnostic_equipment_id } of state.catalog.slice(0, rows - state.used.length)) state.used.push({ ticket_id: id, diagnostic_equipment_id });
    }
  });
