// The suite against the kit's own mock: green over real HTTP and in-process through MSW, and the mock's
// state afterwards is exactly what it was (the suite cleans up after itself).
import { setupServer } from 'msw/node';
import { unhandledIsAnError } from '../helpers/msw-version.js';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { runContract } from '../../contracts/runner.js';
import { checkNames } from '../../contracts/check-names.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { closedTicketId } from '../../mocks/state/default-state.js';

const collection = '/v2/tickets/used-diagnostic-equipment';

describe('the contract suite against the kit mock', () => {
  it('is green over HTTP, runs every check, and leaves the state as it found it', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const before = mock.state();
    const server = await startHttpServer(mock, { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url));
      expect(report.findings).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(report.summary.notRun).toBe(0);
      expect(report.checks.map((c) => c.name)).toEqual(checkNames.filter((n) => n !== 'cleanup'));
      expect(report.requests).toBeGreaterThan(30);
      expect(mock.state()).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it('is green in-process through MSW setupServer', async () => {
    const { handlers, mock } = createHandlers({ baseUrl: 'http://ude-kit.test', auth: selfTestCredentials });
    const before = mock.state();
    const server = setupServer(...handlers);
    server.listen(unhandledIsAnError);
    try {
      const report = await runContract(selfTestOptions('http://ude-kit.test'));
      expect(report.findings).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(mock.state()).toEqual(before);
    } finally {
      server.close();
    }
  });

  it('sends only GET requests with --read-only, and reports the write checks as not run', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const server = await startHttpServer(mock, { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { readOnly: true }));
      expect(report.exitCode).toBe(0);
      const methods = new Set(mock.requests().map((r) => r.method));
      expect([...methods]).toEqual(['GET']);
      const notRun = report.checks.filter((c) => c.status === 'not-run').map((c) => [c.name, c.reason]);
      expect(notRun).toEqual(
        [
          ...['ensure_resource_availability', 'duplicate_add_refused', 'use_after_free', 'write_locality', 'write_side_effects', 'in_progress_rule_add', 'in_progress_rule_remove'].map((n) => [n, '--read-only: no writes']),
          ['stateful_model', '--read-only: the model run writes'],
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('says why the write checks did not run without fixtures, instead of passing them', async () => {
    const server = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { fixtures: { equipment: [], probeRemoveRule: false } }));
      const reasons = Object.fromEntries(report.checks.filter((c) => c.status === 'not-run').map((c) => [c.name, c.reason]));
      expect(reasons.use_after_free).toMatch(/needs --ticket/);
      expect(reasons.in_progress_rule_add).toMatch(/needs --closed-ticket/);
      expect(report.exitCode).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('runs only the selected checks', async () => {
    const server = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { only: ['ignored_auth', 'not_a_server_error'] }));
      expect(report.checks.map((c) => c.name)).toEqual(['not_a_server_error', 'ignored_auth']);
      expect(report.requests).toBe(6);
    } finally {
      await server.close();
    }
  });

  it('cleans up what it created when a check fails midway, and never deletes anything else', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const before = mock.state();
    // A deployment that accepts a duplicate add: the suite's record is stored, the second claimed.
    const broken = {
      ...mock,
      handle: (request: Parameters<typeof mock.handle>[0]) => {
        const response = mock.handle(request);
        return request.method === 'POST' && response.status === 409 && response.body?.includes('already-used')
          ? { status: 201, headers: { 'content-type': 'application/json' }, body: '{"ticket_id":"595be628-f6f2-4262-9c10-6389c6c4a5b8","diagnostic_equipment_id":40,"name":"x","version":null}' }
          : response;
      },
    };
    const server = await startHttpServer(broken, { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url));
      expect(report.exitCode).toBe(1);
      expect(report.findings.map((f) => f.check)).toContain('duplicate_add_refused');
      expect(mock.state()).toEqual(before);
      // Every DELETE is of a record the suite created itself (a POST the mock really answered 201, its
      // path in any equivalent spelling), or names something that does not exist (the unknown-reference
      // probes: it can remove nothing), or is the one --probe-remove-rule tries on the closed ticket.
      const journal = mock.requests();
      const state = mock.state();
      const tickets = new Set(state.tickets.map((t) => t.id));
      const catalogue = new Set(state.catalog.map((c) => c.diagnostic_equipment_id));
      const created = new Set(
        journal.filter((r) => r.method === 'POST' && r.status === 201).map((r) => {
          const body = JSON.parse(r.body ?? '{}') as { ticket_id: string; diagnostic_equipment_id: number };
          return `${body.ticket_id.toLowerCase()}/${body.diagnostic_equipment_id}`;
        }),
      );
      const deletes = journal.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').slice(-2).map(decodeURIComponent));
      expect(deletes.length).toBeGreaterThan(0);
      const unexplained = deletes.filter(([ticket = '', id = '']) => {
        const named = `${ticket.toLowerCase()}/${id}`;
        return !created.has(named) && tickets.has(ticket.toLowerCase()) && catalogue.has(Number(id)) && ticket !== closedTicketId;
      });
      expect(unexplained).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
