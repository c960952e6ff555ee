// Issue 30: `contract --compare-mock` against deployments that choose otherwise where the document is
// silent. For each, the comparison names exactly that difference, the contract verdict stays clean, and
// the profile it writes makes the fake answer the same way: a second comparison finds nothing.
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { profileViolations } from '../../mocks/core/profile.js';
import { runContract } from '../../contracts/runner.js';
import { choosingDeployments } from './choosing-deployments.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

async function served<T>(deployment: ReturnType<typeof createMock>, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startHttpServer(deployment, { port: 0 });
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

const kindsOf = (report: Awaited<ReturnType<typeof runContract>>) => [...new Set(report.comparison!.differences.map((d) => d.kind))].sort().join(', ');

describe('contract --compare-mock', () => {
  it('finds no difference between the fake and the kit’s own mock, on every request the suite sends', async () => {
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    expect(report.comparison).toMatchObject({ differences: [], omitted: 0 });
    expect(report.comparison!.notCompared).toBeUndefined();
    // Every answered request after the priming walk was compared: the suite sends hundreds.
    expect(report.comparison!.compared).toBeGreaterThan(300);
    expect(report.exitCode).toBe(0);
  });

  it.each(choosingDeployments)('names only the choice of a deployment with $name, and its profile makes the fake match', async ({ apply, differs }) => {
    await served(apply(createMock({ auth: selfTestCredentials })), async (url) => {
      const first = await runContract(selfTestOptions(url, { compareMock: {}, failOnDifference: true }));
      expect(kindsOf(first)).toBe(differs);
      // It honours the document: no drift, only the difference, which --fail-on-difference makes a failure.
      expect(first.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(first.exitCode).toBe(1);
      const profile = first.comparison!.profile!;
      expect(profileViolations(profile)).toEqual([]);
      const again = await runContract(selfTestOptions(url, { compareMock: { profile }, failOnDifference: true }));
      expect(again.comparison!.differences).toEqual([]);
      expect(again.exitCode).toBe(0);
    });
  });

  it('reports each difference with both answers and a curl for each side, the fake’s at ude-kit mock', async () => {
    const [rule] = choosingDeployments;
    const report = await served(rule!.apply(createMock({ auth: selfTestCredentials })), (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    const difference = report.comparison!.differences.find((d) => d.operation === 'addUsedDiagnosticEquipment')!;
    expect(difference).toMatchObject({ kind: 'status', refusal: 'ticket-not-in-progress', deployment: { status: 422, value: 422 }, fake: { status: 409, value: 409 } });
    expect(difference.deployment.curl).toContain(report.baseUrl);
    expect(difference.fake.curl).toContain('http://127.0.0.1:4010/v2/tickets/used-diagnostic-equipment');
    // Without --fail-on-difference a difference does not change the verdict.
    expect(report.exitCode).toBe(0);
  });
});
