// Issue 30, red team: `contract --compare-mock` against deployments that answer to hurt the comparison
// (members that cannot be made a string, titles of megabytes, a priming page of millions of rows,
// characters no XML may hold). Whatever they answer, the drift checks run as they would without the
// comparison, the report stays bounded, and the comparison either holds or says why it does not.
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { runContract } from '../../contracts/runner.js';
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

  it('says why it does not compare when the priming walk meets a page of millions of rows', async () => {
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
      const answer = next(request);
      if (!isList(request) || request.query.get('offset') !== '0' || request.query.get('limit') !== '1000') return answer;
      return { ...answer, body: `{"query":{"limit":1000,"offset":0},"total":1000000000,"result":[${'0,'.repeat(3_000_000)}0]}` };
    });
    const report = await served(deployment, (url) => runContract(selfTestOptions(url, { compareMock: {}, maxBodyBytes: 16 * 1024 * 1024 })));
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
