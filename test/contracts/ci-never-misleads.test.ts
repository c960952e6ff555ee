// A CI run never misleads: a setup problem (credentials, a base URL that holds the API's path, write
// fixtures that cannot be used) is exit 2 with that one reason, not a page of "drift" or a green run
// with checks silently not run; findings show the whole schema they break and are cut at a word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseFindings } from '../../contracts/checks/response-checks.js';
import { type CheckContext } from '../../contracts/checks/check.js';
import { preflightReason } from '../../contracts/preflight.js';
import { cutAtWord } from '../../contracts/reporters/format.js';
import { runContract, type ContractReport } from '../../contracts/runner.js';
import { firstErrors } from '../../src/cli/contract-command.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { compiledSpec } from '../../src/spec/index.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

let running: RunningServer;
beforeAll(async () => {
  running = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
});
afterAll(() => running.close());

const collection = '/v2/tickets/used-diagnostic-equipment';

describe('a base URL that already holds the API path', () => {
  it.each(['/v2', '/v2/', '/v2/tickets', collection])('%s: exit 2, and the URL to use instead', async (suffix) => {
    const report = await runContract(selfTestOptions(`${running.url}${suffix}`));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(new RegExp(`^--base-url already ends with /v2[^ ]*, which the suite adds itself \\(it asked for /v2.*\\); use --base-url ${running.url}$`));
    expect(report.findings).toEqual([]);
  });

  it('is not suspected of a base URL with a prefix of its own', () => {
    const notFound = { label: 'reachability', auth: 'both' as const, attempts: 1, request: { method: 'GET', target: collection, headers: {} }, response: { status: 404, headers: {}, bodyText: '', durationMs: 1 } };
    expect(preflightReason(notFound, 'https://host/api', collection)).toBeUndefined();
    expect(preflightReason(notFound, 'https://host/api/v2', collection)).toBe('--base-url already ends with /v2, which the suite adds itself (it asked for /api/v2/v2/tickets/used-diagnostic-equipment); use --base-url https://host/api');
  });
});

describe('write fixtures that cannot be used', () => {
  it('every --equipment id already used on the ticket: exit 2 saying which', async () => {
    const report = await runContract(selfTestOptions(running.url, { fixtures: { ...selfTestOptions('').fixtures, equipment: [12] } }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/^the fixtures cannot be used: every --equipment id \(12\) is already used on ticket 595be628-f6f2-4262-9c10-6389c6c4a5b8; give one that is not \(or pass --allow-not-run/);
  });

  it('with --allow-not-run: the run goes on, and those checks say why they did not run', async () => {
    const report = await runContract(selfTestOptions(running.url, { allowNotRun: true, fixtures: { ...selfTestOptions('').fixtures, equipment: [12] } }));
    expect(report.exitCode).toBe(0);
    const lifecycle = report.checks.find((c) => c.name === 'ensure_resource_availability');
    expect(lifecycle).toMatchObject({ status: 'not-run', reason: expect.stringMatching(/already used on ticket/) as string });
  });

  it.each([
    ['--ticket', { ticket: '00000000-0000-4000-8000-000000000000' }, /adding equipment 40 to --ticket 00000000-0000-4000-8000-000000000000 answered 404/],
    ['--closed-ticket', { closedTicket: '00000000-0000-4000-8000-000000000000' }, /--closed-ticket 00000000-0000-4000-8000-000000000000 is not known to the deployment \(adding equipment 40, which --ticket took, answered 404 "Ticket not found"\)/],
  ])('an unknown %s: exit 2, not a rule check that passes on a 404', async (_name, fixture, message) => {
    const report = await runContract(selfTestOptions(running.url, { fixtures: { ...selfTestOptions('').fixtures, ...fixture } }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(message);
  });
});

describe('what a finding shows', () => {
  const context: CheckContext = { spec: compiledSpec(), fixtures: { equipment: [], probeRemoveRule: false }, readOnly: true, baseUrl: 'http://h', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
  const record = { ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', diagnostic_equipment_id: 12, name: 'x', version: '' };
  const exchange = (body: unknown) => ({
    label: 'l', auth: 'both' as const, attempts: 1, operationId: 'listUsedDiagnosticEquipment',
    request: { method: 'GET', target: collection, headers: {} },
    response: { status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body), durationMs: 1 },
  });

  it('expected: the whole schema of the place, nullable included, without its documentation', () => {
    const [finding] = responseFindings(exchange({ query: { limit: 25, offset: 0 }, result: [record], total: 1 }), context);
    expect(finding?.pointer).toBe('/result/0/version');
    expect(finding?.expected).toEqual({ type: 'string', nullable: true, minLength: 1, maxLength: 255 });
  });

  it.each([
    ["only allowed on an 'In Progress' ticket and nowhere else", 40, "only allowed on an 'In Progress' ticket…"],
    ['{"type":"string","nullable":true,"minLength":1,"maxLength":255}', 40, '{"type":"string","nullable":true,…'],
    ['x'.repeat(100), 40, `${'x'.repeat(39)}…`],
    ['short enough', 40, 'short enough'],
  ])('cuts %j at a word', (text, max, expected) => {
    expect(cutAtWord(text, max)).toBe(expected);
  });

  it('on stderr: the first three errors under the summary, and how many more', () => {
    const finding = (n: number) => ({ severity: 'error' as const, check: `check_${n}`, operation: 'op', request: { method: 'GET', target: '/' }, pointer: `/p${n}`, expected: 1, actual: { value: 2, type: 'integer' }, message: `message ${n}`, curl: '', occurrences: 1 });
    const report = { findings: [1, 2, 3, 4, 5].map(finding) } as unknown as ContractReport;
    expect(firstErrors(report)).toEqual(['  ✗ check_1 op /p1: message 1', '  ✗ check_2 op /p2: message 2', '  ✗ check_3 op /p3: message 3', '  … 2 more in the report']);
  });
});
