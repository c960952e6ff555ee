// Issue 30: `contract --compare-mock` against deployments that choose otherwise where the document is
// silent. For each, the comparison names exactly that difference, the contract verdict stays clean, and
// the profile it writes makes the fake answer the same way: a second comparison finds nothing.
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { profileViolations } from '../../mocks/core/profile.js';
import { runContract } from '../../contracts/runner.js';
import { choosingDeployments } from './choosing-deployments.js';
import { maxWalkPages } from '../../contracts/checks/list-walk.js';
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

  it('finds no difference from the kit’s own mock on any seed, whatever catalogue ids the generated inputs name', async () => {
    // Seeds that once named a catalogue id on no record (the walk never met it): the fake answered 404.
    const seeds = [2019349122, 1493838395, 1381626699, 1, 2, 3];
    const found = await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const all = [];
      for (const seed of seeds) all.push((await runContract(selfTestOptions(url, { compareMock: {}, seed, only: ['generated_positive_inputs', 'generated_negative_inputs', 'stateful_model'] }))).comparison!.differences.map((d) => `${seed}: ${d.kind} ${d.name}: ${d.message}`));
      return all.flat();
    });
    expect(found).toEqual([]);
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

  it('tells a uuid read case-sensitively from a refusal worded otherwise, when a deployment does both', async () => {
    const [, , absolute, caseSensitive] = choosingDeployments;
    await served(caseSensitive!.apply(absolute!.apply(createMock({ auth: selfTestCredentials }))), async (url) => {
      const first = await runContract(selfTestOptions(url, { compareMock: {} }));
      expect(kindsOf(first)).toBe('problem-title, problem-type, uuid-case');
      // Every request naming a uuid in capitals that one side took for another ticket is filed as that.
      for (const d of first.comparison!.differences.filter((d) => d.kind !== 'uuid-case')) expect(`${d.name} ${d.request.target}`).not.toMatch(/595BE628/);
      const again = await runContract(selfTestOptions(url, { compareMock: { profile: first.comparison!.profile! } }));
      expect(again.comparison!.differences).toEqual([]);
    });
  });

  it('gives the same differences and the same profile on every seed', async () => {
    for (const deployment of [choosingDeployments[2]!, choosingDeployments[3]!]) {
      const runs = await served(deployment.apply(createMock({ auth: selfTestCredentials })), async (url) => {
        const found = [];
        for (const seed of [1, 2, 3]) found.push((await runContract(selfTestOptions(url, { compareMock: {}, seed }))).comparison!);
        return found;
      });
      expect(runs.map((c) => [...new Set(c.differences.map((d) => d.kind))].sort().join(', '))).toEqual(Array(3).fill(deployment.differs));
      expect(runs.map((c) => c.profile)).toEqual(Array(3).fill(runs[0]!.profile));
    }
  });

  it('names a wrong fixture, and reports no difference from it', async () => {
    // The "closed" ticket is one the deployment does not have: the preflight says so, before the fake is
    // started, which would otherwise hold it as a Closed ticket and differ on every answer about it.
    const swapped = (overrides: Partial<Parameters<typeof selfTestOptions>[1]>) => {
      const options = selfTestOptions('', overrides);
      return { ...options, fixtures: { ...options.fixtures, closedTicket: '00000000-0000-4000-8000-000000000abc' } };
    };
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const stopped = await runContract({ ...swapped({ compareMock: {}, failOnDifference: true }), baseUrl: url });
      expect(stopped.exitCode).toBe(2);
      expect(stopped.comparison).toMatchObject({ differences: [], notCompared: expect.stringMatching(/^the run stopped: the fixtures cannot be used: .*--closed-ticket/) });
      const without = await runContract({ ...swapped({ compareMock: {}, failOnDifference: true, allowNotRun: true }), baseUrl: url });
      expect(without.comparison).toMatchObject({ differences: [] });
      expect(without.comparison!.notCompared).toBeUndefined();
      expect(without.exitCode).toBe(0);
    });
  });

  it('compares on the fixture tickets when the list is longer than the priming walk reads, and only there', async () => {
    // More records than 20 pages of 1,000: other tickets, each with every catalogue id of the default state.
    const state = createMock().state();
    const ids = state.catalog.map((entry) => entry.diagnostic_equipment_id);
    const extra = Array.from({ length: Math.ceil((maxWalkPages * 1000 + 1) / ids.length) }, (_, i) => `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const big = { ...state, tickets: [...state.tickets, ...extra.map((id) => ({ id, status: 'In Progress' }))], used: [...state.used, ...extra.flatMap((ticket) => ids.map((id) => ({ ticket_id: ticket, diagnostic_equipment_id: id })))] };
    expect(big.used.length).toBeGreaterThan(maxWalkPages * 1000);
    const [rule, newest] = [choosingDeployments[0]!, choosingDeployments[1]!];
    for (const [deployment, expected] of [[createMock({ auth: selfTestCredentials, state: big }), ''], [rule.apply(createMock({ auth: selfTestCredentials, state: big })), rule.differs], [newest.apply(createMock({ auth: selfTestCredentials, state: big })), newest.differs]] as const) {
      const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {}, only: ['in_progress_rule_add', 'pagination_limit_offset', 'ensure_resource_availability', 'stateful_model'] })));
      expect(report.comparison!.notCompared).toBeUndefined();
      expect(kindsOf(report)).toBe(expected);
      expect(report.comparison!.notes).toContainEqual(expect.stringMatching(/^\d+ answers about the whole list, or about tickets other than --ticket and --closed-ticket, not compared/));
      expect(report.comparison!.compared).toBeGreaterThan(20);
    }
  }, 60_000);

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
