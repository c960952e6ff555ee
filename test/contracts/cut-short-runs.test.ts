// A run cut short (the deployment stopped answering after k requests) or missing one answer (a request
// that was never sent) gives no drift finding: each check judges only what it received. Mutation testing
// found the guards of missing answers untested: switched off, a check reported drift from nothing, or
// threw on an answer that was never there. The answers here are a healthy mock's, so any finding is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import type { CheckContext } from '../../contracts/checks/check.js';
import { createClient, type LabelledExchange } from '../../contracts/http-client.js';
import { createLedger } from '../../contracts/ledger.js';
import { behaviourChecks } from '../../contracts/registry.js';
import { compiledSpec } from '../../src/spec/index.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { selfTestCredentials } from './contract-fixtures.js';

const spec = compiledSpec();
const servers: Array<Awaited<ReturnType<typeof startHttpServer>>> = [];
afterAll(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** What one check's probe sends to a fresh healthy mock, and the context it ran in. */
async function healthyRun(check: (typeof behaviourChecks)[number]): Promise<{ exchanges: LabelledExchange[]; context: CheckContext }> {
  const server = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
  servers.push(server);
  const client = createClient({ baseUrl: server.url, timeoutMs: 5_000, credentials: { ...selfTestCredentials, apiKeyHeader: 'X-Api-Key' }, spec });
  const context: CheckContext = {
    spec,
    fixtures: { ticket: exampleTicketId, closedTicket: closedTicketId, equipment: [40, 39], probeRemoveRule: true },
    readOnly: false,
    baseUrl: server.url,
    apiKeyHeader: 'X-Api-Key',
    generation: { seed: 20261201, maxCases: 6, modelSteps: 12 },
  };
  await check.probe(client.send, context, createLedger());
  return { exchanges: client.exchanges, context };
}

describe('a check judges only the answers it received', () => {
  const runs = new Map<string, { exchanges: LabelledExchange[]; context: CheckContext }>();
  beforeAll(async () => {
    for (const check of behaviourChecks) runs.set(check.names.join(), await healthyRun(check));
  });

  it.each(behaviourChecks.map((c) => [c.names.join(', '), c] as const))('%s: no finding from a run cut short, at any point', (_names, check) => {
    const { exchanges, context } = runs.get(check.names.join())!;
    expect(exchanges.length).toBeGreaterThan(0);
    for (let k = 0; k <= exchanges.length; k++) {
      expect(check.evaluate(exchanges.slice(0, k), context), `cut after ${k} of ${exchanges.length}`).toEqual([]);
    }
  });

  it.each(behaviourChecks.map((c) => [c.names.join(', '), c] as const))('%s: no finding when any one answer is missing', (_names, check) => {
    const { exchanges, context } = runs.get(check.names.join())!;
    exchanges.forEach((missing, i) => {
      expect(check.evaluate(exchanges.filter((_e, j) => j !== i), context), `without ${missing.label}`).toEqual([]);
    });
  });
});
