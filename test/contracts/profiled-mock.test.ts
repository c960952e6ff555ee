// Issue 30's premise: a deployment that chooses otherwise where the document is silent still honours
// it. The contract suite against the mock under each single-choice profile reports no drift.
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import type { Profile } from '../../mocks/core/profile.js';
import { runContract } from '../../contracts/runner.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

const profiles: Array<[string, Profile]> = [
  ['422 for the rule', { version: 1, refusals: { 'ticket-not-in-progress': { status: 422 } } }],
  ['newest first', { version: 1, listOrder: 'newest-first' }],
  [
    'absolute problem types with other titles',
    {
      version: 1,
      refusals: {
        'ticket-not-found': { type: 'https://api.example.com/problems/no-ticket', title: 'No such ticket' },
        'diagnostic-equipment-not-found': { type: 'https://api.example.com/problems/no-equipment', title: 'No such equipment' },
        'used-diagnostic-equipment-not-found': { type: 'https://api.example.com/problems/not-used', title: 'Not used' },
        'diagnostic-equipment-already-used': { type: 'https://api.example.com/problems/used', title: 'Used already' },
        'ticket-not-in-progress': { type: 'https://api.example.com/problems/closed', title: 'Closed' },
      },
    },
  ],
];

describe('the contract suite against the mock under a profile', () => {
  it.each(profiles)('reports no drift for %s', async (_name, profile) => {
    const mock = createMock({ auth: selfTestCredentials, profile });
    const server = await startHttpServer(mock, { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url));
      expect(report.findings).toEqual([]);
      expect(report.exitCode).toBe(0);
    } finally {
      await server.close();
    }
  });

  // RFC 9562 §4 reads uuids in any case, but the document does not say so: a case-sensitive deployment
  // honours it (issue 30). The suite warns (`equivalent_forms`), and the verdict stays clean.
  it('only warns of the uuid in capitals for uuids case-sensitive, and passes', async () => {
    const mock = createMock({ auth: selfTestCredentials, profile: { version: 1, uuidCase: 'exact' } });
    const server = await startHttpServer(mock, { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url));
      expect(report.findings.length).toBeGreaterThan(0);
      for (const finding of report.findings) {
        expect([finding.check, finding.severity, finding.message]).toEqual(['equivalent_forms', 'warning', expect.stringContaining('the ticket uuid in capitals')]);
      }
      expect(report.exitCode).toBe(0);
    } finally {
      await server.close();
    }
  });
});
