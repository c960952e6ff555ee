// `npm run contract:prism`: the kit's mock behind `prism proxy --errors`, driven by the contract suite.
// Exit 0 when Prism reports no violation and the suite finds no error-level drift.
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { runThroughPrism } from './prism-proxy.js';

const credentials = { apiKey: 'prism-proxy-key', token: 'prism-proxy-token' };
const mock = createMock({ auth: credentials });
const server = await startHttpServer(mock, { port: 0 });
try {
  const { report, violations, prismUrl } = await runThroughPrism(server.url, {
    credentials,
    fixtures: { ticket: exampleTicketId, closedTicket: closedTicketId, equipment: [40, 39], probeRemoveRule: true },
    readOnly: false,
    timeoutMs: 10_000,
  });
  console.log(`prism proxy ${prismUrl} → ${server.url}: ${report.requests} requests, ${violations.length} violations reported by Prism, suite exit ${report.exitCode}`);
  for (const line of violations) console.log(`  ${line}`);
  process.exitCode = violations.length === 0 && report.exitCode === 0 ? 0 : 1;
} finally {
  await server.close();
}
