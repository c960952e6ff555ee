// Set-up mistakes are found first and named: before any drift check, a few requests try each write
// fixture, and a wrong one is exit 2 with the fix (or, with --allow-not-run, the checks that need it are
// not run, and say why) — never a drift finding, never a check's progress line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract, type CheckResult } from '../../contracts/runner.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

const fixtures = selfTestOptions('').fixtures;
const unknownTicket = 'dddddddd-0000-4000-8000-00000000000d';
let mock: Mock;
let running: RunningServer;
beforeAll(async () => {
  mock = createMock({ auth: selfTestCredentials });
  running = await startHttpServer(mock, { port: 0 });
});
afterAll(() => running.close());

/** A run, with the progress lines it printed and the state it left. */
async function run(overrides: Parameters<typeof selfTestOptions>[1]) {
  const before = mock.state();
  const progress: CheckResult[] = [];
  const report = await runContract(selfTestOptions(running.url, { ...overrides, onProgress: (result) => progress.push(result) }));
  expect(mock.state(), 'the preflight removes what it added').toEqual(before);
  return { report, progress };
}

describe('the fixture preflight', () => {
  it('--ticket and --closed-ticket swapped: exit 2 within a few requests, saying so with the fix, no finding, no check line', async () => {
    const { report, progress } = await run({ fixtures: { ...fixtures, ticket: closedTicketId, closedTicket: exampleTicketId } });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toBe(
      `the fixtures cannot be used: --ticket ${closedTicketId} refused a write (adding equipment 40 answered 409 "Ticket not in progress") and --closed-ticket ${exampleTicketId} took one: the two look swapped; pass --ticket ${exampleTicketId} --closed-ticket ${closedTicketId} (or pass --allow-not-run to run without them)`,
    );
    // The reachability probe; the run watch's reads before any write (a walk page, the total twice, three
    // other tickets); the preflight's seven (40 free on each ticket, the refused add, the swapped ticket's
    // add, its removal and the read-back): not the ~190 requests after which such a mistake used to show.
    expect(report.requests).toBe(14);
    expect(report.findings).toEqual([]);
    expect(progress).toEqual([]);
    expect(report.checks.every((c) => c.status === 'not-run')).toBe(true);
  });

  it('a --ticket that is not In Progress (and no swap): exit 2, give an In Progress ticket', async () => {
    const { report } = await run({ fixtures: { ...fixtures, ticket: closedTicketId, closedTicket: undefined } });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(new RegExp(`^the fixtures cannot be used: --ticket ${closedTicketId} refused a write \\(adding equipment 40 answered 409 "Ticket not in progress"\\): give an In Progress ticket`));
  });

  it('an unknown --ticket with --allow-not-run: the write checks say why they did not run, no error finding, exit 0', async () => {
    const { report, progress } = await run({ allowNotRun: true, fixtures: { ...fixtures, ticket: unknownTicket } });
    const why = `adding equipment 40 to --ticket ${unknownTicket} answered 404 "Ticket not found": the deployment does not know that ticket, or that catalogue id; give a ticket it has (and ids its catalogue has)`;
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.checks.find((c) => c.name === 'stateful_model')).toMatchObject({ status: 'not-run', reason: why });
    expect(report.checks.find((c) => c.name === 'ensure_resource_availability')).toMatchObject({ status: 'not-run', reason: why });
    // The closed ticket is fine: the rule is still checked with it.
    expect(report.checks.find((c) => c.name === 'in_progress_rule_add')).toMatchObject({ status: 'passed' });
    expect(report.notices).toEqual([`not used (--allow-not-run): ${why}`]);
    expect(progress.filter((p) => p.status === 'failed')).toEqual([]);
  });

  it('an unknown --ticket without --allow-not-run: exit 2 before any check', async () => {
    const { report, progress } = await run({ fixtures: { ...fixtures, ticket: unknownTicket } });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/^the fixtures cannot be used: adding equipment 40 to --ticket dddddddd-0000-4000-8000-00000000000d answered 404/);
    expect(progress).toEqual([]);
  });

  it('an --equipment id the catalogue lacks, beside one it has: exit 2 naming it; with --allow-not-run the run uses the other', async () => {
    const refused = await run({ fixtures: { ...fixtures, equipment: [99_999, 40] } });
    expect(refused.report.exitCode).toBe(2);
    expect(refused.report.reason).toBe(
      `the fixtures cannot be used: --equipment 99999 is not in the deployment's catalogue (adding to --ticket ${exampleTicketId} answered 404 "Diagnostic equipment not found", while 40 was taken): give ids its catalogue has, or leave it out (or pass --allow-not-run to run without them)`,
    );
    const allowed = await run({ allowNotRun: true, fixtures: { ...fixtures, equipment: [99_999, 40] } });
    expect(allowed.report.exitCode).toBe(0);
    expect(allowed.report.summary.notRun).toBe(0);
    expect(allowed.report.notices).toEqual([expect.stringMatching(/^not used \(--allow-not-run\): --equipment 99999 is not in the deployment's catalogue/) as string]);
  });

  it('no --equipment id in the catalogue, on a ticket that exists: says it is the ids', async () => {
    const { report } = await run({ fixtures: { ...fixtures, equipment: [99_998, 99_999] } });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(new RegExp(`^the fixtures cannot be used: no --equipment id is in the deployment's catalogue \\(adding 99998, 99999 to --ticket ${exampleTicketId} answered 404 "Diagnostic equipment not found"\\): give ids its catalogue has`));
  });

  it('--read-only with write fixtures: says they are ignored, and writes nothing', async () => {
    const { report } = await run({ readOnly: true });
    expect(report.exitCode).toBe(0);
    expect(report.notices).toEqual(['--read-only: nothing is written; the fixtures given (--ticket, --closed-ticket, --equipment, --unknown-equipment) are only read']);
  });

  it('no credentials given at all: says so, not "refused the credentials"', async () => {
    const report = await runContract(selfTestOptions(running.url, { credentials: {} }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toBe(`no credentials were given, and ${running.url} requires them (401): pass --api-key and --token (or --token-url with --client-id and --client-secret), or set UDE_KIT_API_KEY and UDE_KIT_TOKEN`);
  });
});
