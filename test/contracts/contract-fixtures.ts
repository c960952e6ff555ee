// The options the suite's self-tests use against the kit's own mock: configured credentials (so a
// wrong one is refused), the default state's In Progress and Closed tickets, free catalogue ids.
import type { ContractOptions } from '../../contracts/runner.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';

export const selfTestCredentials = { apiKey: 'self-test-key', token: 'self-test-token' };

export function selfTestOptions(baseUrl: string, overrides: Partial<ContractOptions> = {}): ContractOptions {
  return {
    baseUrl,
    credentials: selfTestCredentials,
    // 99999: no catalogue id of the default state (ids 1 to 40).
    fixtures: { ticket: exampleTicketId, closedTicket: closedTicketId, equipment: [40, 39], probeRemoveRule: true, unknownEquipment: 99_999 },
    readOnly: false,
    timeoutMs: 5_000,
    // A fixed seed: the kit's own tests send the same generated inputs every run.
    seed: 20261129,
    ...overrides,
  };
}
