// The stateful model run: against the kit's mock it agrees with the model; against a deployment that
// remembers removed ids it reports the shortest failing sequence as numbered curl lines, and leaves the
// ticket as it found it.
import { describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { mutants } from './mutants.js';

describe('the stateful model run', () => {
  it('agrees with the kit’s own mock and leaves the state as it was', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const before = JSON.stringify(mock.state());
    const server = await startHttpServer(mock, { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { only: ['stateful_model'], modelSteps: 60 }));
      expect(report.checks.find((c) => c.name === 'stateful_model')?.status).toBe('passed');
      expect(report.exitCode).toBe(0);
      expect(JSON.stringify(mock.state())).toBe(before);
    } finally {
      await server.close();
    }
  });

  it('reports the shortest failing sequence as numbered curl lines', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const before = JSON.stringify(mock.state());
    const remembering = mutants.find((m) => m.name === 'an id removed from a ticket cannot be added to it again')!;
    const server = await startHttpServer(remembering.apply(mock), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { only: ['stateful_model'] }));
      const finding = report.findings.find((f) => f.check === 'stateful_model');
      // The deployment remembers every id removed before (the fixture preflight adds and removes each),
      // so the systematic phase's first sequence fails at its first add, on every seed; the add is
      // followed by the line that undoes it.
      expect(finding?.message).toMatch(
        /^step 4 of the first failing sequence of the systematic phase \(the same on every seed\) answered 409; 40 is free on the ticket, so a 2xx; the sequence:\n# 1\. list the ticket\ncurl .*\n# 2\. get 40\ncurl .*\n# 3\. get 39\ncurl .*\n# 4\. add 40\ncurl -i -X POST .*'\{"ticket_id":"595be628-f6f2-4262-9c10-6389c6c4a5b8","diagnostic_equipment_id":40\}'.*\n# undo:\ncurl -i -X DELETE .*\/595be628-f6f2-4262-9c10-6389c6c4a5b8\/40'$/,
      );
      expect(JSON.stringify(mock.state())).toBe(before);
      expect(mock.state().used.filter((u) => u.ticket_id === exampleTicketId && [39, 40].includes(u.diagnostic_equipment_id))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
