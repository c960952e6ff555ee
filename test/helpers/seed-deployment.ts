// A "deployment" for `seed --via-api`: a kit mock without the admin API, served over node:http, holding
// the tickets and catalogue it is given (and only the records it is given), behind credentials.
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { loadScenario } from '../../mocks/state/scenario-files.js';
import type { StateDocument } from '../../mocks/state/state-document.js';

export const seedCredentials = ['--api-key', 'seed-key', '--token', 'seed-token'];

export const loaded = (name: string): StateDocument => {
  const result = loadScenario(name);
  if (!result.ok) throw new Error(`scenario ${name} does not load`);
  return result.state;
};

export async function startDeployment(state: StateDocument) {
  const target = createMock({ admin: false, auth: { apiKey: 'seed-key', token: 'seed-token' }, state });
  const server = await startHttpServer(target, { port: 0 });
  return { target, server };
}
