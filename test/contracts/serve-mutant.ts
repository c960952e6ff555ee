// A drift mutant as the suite meets it: the kit's mock with the mutant's change, served over HTTP (behind
// the mutant's gateway layers when it has any), or driven in the same process through the in-process
// adapter, about five times faster: the drift collection runs there, whole, on every seed.
import type { ContractOptions, ContractReport } from '../../contracts/runner.js';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { startGateway } from '../helpers/gateway.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import type { Mutant } from './mutant-kit.js';

export async function serveMutant(mutant: Mutant): Promise<{ url: string; mock: Mock; close(): Promise<void> }> {
  const mock = mutant.apply(createMock({ auth: selfTestCredentials }));
  const server = await startHttpServer(mock, { port: 0 });
  if (mutant.gateway === undefined) return { url: server.url, mock, close: () => server.close() };
  const gateway = await startGateway(server.url, mutant.gateway);
  return {
    url: gateway.url,
    mock,
    close: async () => {
      await gateway.close();
      await server.close();
    },
  };
}

/** The suite against a fresh mutant: in-process, unless its drift lives in a gateway (HTTP then). */
export async function runAgainst(mutant: Mutant, overrides: Partial<ContractOptions> = {}): Promise<ContractReport> {
  if (mutant.gateway !== undefined) {
    const server = await serveMutant(mutant);
    try {
      return await runContract(selfTestOptions(server.url, overrides));
    } finally {
      await server.close();
    }
  }
  const mock = mutant.apply(createMock({ auth: selfTestCredentials }));
  return runContract(selfTestOptions('http://ude-kit.in-process', { fetch: inProcessFetch(mock), ...overrides }));
}
