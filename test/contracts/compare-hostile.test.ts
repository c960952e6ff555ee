// Issue 30, red team: `contract --compare-mock` against deployments that answer to hurt the comparison
// (members that cannot be made a string, titles of megabytes, a priming page of millions of rows,
// characters no XML may hold). Whatever they answer, the drift checks run as they would without the
// comparison, the report stays bounded, and the comparison either holds or says why it does not.
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { runContract } from '../../contracts/runner.js';
import { createProfileEvidence, maxWays } from '../../contracts/compare/profile-evidence.js';
import { defaultChoices, profileLimits, profileViolations } from '../../mocks/core/profile.js';
import { junitReport } from '../../contracts/reporters/junit.js';
import { prettyReport } from '../../contracts/reporters/pretty.js';
import { isList, mapBody, wrap, type Json } from './mutant-kit.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

async function served<T>(deployment: Mock, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startHttpServer(deployment, { port: 0 });
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

const isProblem = (answer: { headers: Record<string, string> }) => answer.headers['content-type']?.startsWith('application/problem+json') === true;
/** Every problem the deployment answers, changed. */
const problems = (change: (body: Json) => Json) => (mock: Mock) => wrap(mock, (request, next) => {
  const answer = next(request);
  return isProblem(answer) ? mapBody(answer, change) : answer;
});
const statuses = (report: Awaited<ReturnType<typeof runContract>>) => Object.fromEntries(report.checks.map((c) => [c.name, c.status]));

describe('contract --compare-mock against a hostile deployment', () => {
  it('runs every drift check as it would without the comparison, when a member cannot be made a string', async () => {
    // JSON.parse gives {"toString":1} an own toString that is no function: String() of it throws.
    const deployment = problems((body) => ({ ...body, type: { toString: 1 }, violations: [{ field: { toString: 1 }, message: 'x' }] }))(createMock({ auth: selfTestCredentials }));
    const [alone, compared] = await served(deployment, async (url) => [await runContract(selfTestOptions(url)), await runContract(selfTestOptions(url, { compareMock: {} }))]);
    expect(compared.checks.filter((c) => c.reason?.includes('failed while probing'))).toEqual([]);
    expect(statuses(compared)).toEqual(statuses(alone));
    expect(compared.exitCode).toBe(alone.exitCode);
    // And the comparison itself goes on, naming the member as its JSON.
    expect(compared.comparison!.notCompared).toBeUndefined();
    expect(compared.comparison!.differences.find((d) => d.kind === 'violations')?.deployment.value).toEqual(['{"toString":1}']);
  });

  it('keeps each difference short, whatever the size of the words it differs on', async () => {
    let count = 0;
    // Another title on every refusal, each 100,000 characters: a distinct difference each time.
    const deployment = problems((body) => ({ ...body, title: `${count++} ${'x'.repeat(100_000)}` }))(createMock({ auth: selfTestCredentials }));
    const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    const differences = report.comparison!.differences;
    expect(differences.filter((d) => d.kind === 'problem-title').length).toBeGreaterThan(50);
    expect(Math.max(...differences.map((d) => d.message.length))).toBeLessThanOrEqual(400);
    expect(prettyReport(report).length).toBeLessThan(2_000_000);
  });

  it('says why it does not compare when the priming walk meets a page of half a million rows', async () => {
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
      const answer = next(request);
      if (!isList(request) || request.query.get('offset') !== '0' || request.query.get('limit') !== '1000') return answer;
      return { ...answer, body: `{"query":{"limit":1000,"offset":0},"total":1000000000,"result":[${'0,'.repeat(500_000)}0]}` };
    });
    const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    expect(report.comparison!.notCompared).toMatch(/more rows than/);
    expect(report.checks.filter((c) => c.reason?.includes('unexpectedly'))).toEqual([]);
  });

  it('says why it does not compare when the priming walk meets the same row twice', async () => {
    // Every page of the list holds each of its rows twice (and says so in its total).
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
      const answer = next(request);
      return isList(request) && answer.status === 200 ? mapBody(answer, (body) => ({ ...body, total: 2 * (body.total as number), result: (body.result as unknown[]).flatMap((row) => [row, row]) })) : answer;
    });
    const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    expect(report.comparison).toMatchObject({ differences: [], notCompared: expect.stringMatching(/showed a row twice/) });
  });

  it('keeps the status a deployment chose when the words beside it cannot be held, so the fake answers it', async () => {
    // 422 for the rule, with a title longer than a profile holds.
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
      const answer = next(request);
      if (!isProblem(answer) || !answer.body?.includes('/problems/ticket-not-in-progress')) return answer;
      return { ...mapBody(answer, (body) => ({ ...body, status: 422, title: 'closed '.repeat(profileLimits.text) })), status: 422 };
    });
    await served(deployment, async (url) => {
      const first = await runContract(selfTestOptions(url, { compareMock: {} }));
      expect(first.comparison!.profile!.refusals!['ticket-not-in-progress']).toEqual({ status: 422, type: '/problems/ticket-not-in-progress' });
      expect(first.comparison!.notes).toContain(`refusals/ticket-not-in-progress/title left out: the deployment's is not 1 to ${profileLimits.text} characters long; the fake keeps its own`);
      // The fake with that profile answers the rule as the deployment does: only the words still differ.
      const again = await runContract(selfTestOptions(url, { compareMock: { profile: first.comparison!.profile! } }));
      expect([...new Set(again.comparison!.differences.map((d) => d.kind))]).toEqual(['problem-title']);
    });
  });

  it('tells apart a bounded number of ways a refusal is worded, and counts the rest', () => {
    const evidence = createProfileEvidence(defaultChoices);
    const add = { method: 'POST', target: '/v2/tickets/used-diagnostic-equipment', headers: {}, body: '{"ticket_id":"595be628-f6f2-4262-9c10-6389c6c4a5b8","diagnostic_equipment_id":1}' };
    const answer = (title: string) => ({ status: 409, headers: { 'content-type': 'application/problem+json' }, bodyText: JSON.stringify({ type: '/problems/ticket-not-in-progress', title, status: 409, detail: 'd' }), durationMs: 1 });
    // A deployment that words the refusal otherwise on each of 1,000 answers.
    for (let i = 0; i < 1_000; i++) evidence.observe(add, 'addUsedDiagnosticEquipment', answer(`closed, answer ${i}`), answer('Ticket not in progress'));
    expect(evidence.profile('x').notes).toContain(`ticket-not-in-progress: the deployment answered it more than ${maxWays} ways; the profile keeps the most frequent (1 of 1000)`);
  });

  it('writes a profile that validates, however long the base URL its description names', async () => {
    // A deployment behind a gateway path of 2,100 characters.
    const prefix = `/${'gateway/'.repeat(262)}api`;
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => next({ ...request, path: request.path.slice(prefix.length) }));
    const report = await served(deployment, (url) => runContract(selfTestOptions(`${url}${prefix}`, { compareMock: {} })));
    expect(report.comparison!.notCompared).toBeUndefined();
    expect(profileViolations(report.comparison!.profile)).toEqual([]);
  });

  it('says why it does not compare when the list never reaches the total it gives', async () => {
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
      const answer = next(request);
      return isList(request) && answer.status === 200 ? mapBody(answer, (body) => ({ ...body, total: (body.total as number) + 5_000 })) : answer;
    });
    const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    expect(report.comparison).toMatchObject({ differences: [], notCompared: expect.stringMatching(/ended at \d+ rows, short of the total it gave/) });
  });

  it('writes a JUnit report any XML parser reads, whatever characters the deployment’s words hold', async () => {
    const deployment = problems((body) => ({ ...body, title: `closed \uFFFF\uFFFE \u009b31m \u001b[2J \uD800 end` }))(createMock({ auth: selfTestCredentials }));
    const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {} })));
    expect(report.comparison!.differences.some((d) => d.kind === 'problem-title')).toBe(true);
    const xml = junitReport(report);
    // XML 1.0's Char production; C1 controls and DEL are Chars but act on some terminals: shown as text.
    expect(xml.match(/[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu) ?? []).toEqual([]);
    expect(xml).toContain('\\x9b31m');
  });
});
