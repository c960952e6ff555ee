// Prism 5.14 as an independent validator of the mock's traffic: no violation for the mock as it is,
// and violations for a drifted one (so a green run means Prism looked).
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { runThroughPrism } from '../../contracts/prism/prism-proxy.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

async function throughPrism(mock: Mock) {
  const server = await startHttpServer(mock, { port: 0 });
  try {
    const { baseUrl: _baseUrl, ...options } = selfTestOptions(server.url);
    return await runThroughPrism(server.url, options);
  } finally {
    await server.close();
  }
}

describe('the mock behind prism proxy --errors', () => {
  it('draws no violation from Prism while the suite drives it', async () => {
    const { report, violations } = await throughPrism(createMock({ auth: selfTestCredentials }));
    expect(violations).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.requests).toBeGreaterThan(20);
  }, 60_000);

  it('draws violations from Prism when a response drifts', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const drifted: Mock = { ...mock, handle: (request) => { const r = mock.handle(request); return r.status === 200 ? { ...r, body: r.body?.replace(/"total":\d+/, '"total":"many"') } : r; } };
    const { violations } = await throughPrism(drifted);
    expect(violations.length).toBeGreaterThan(0);
  }, 60_000);
});
