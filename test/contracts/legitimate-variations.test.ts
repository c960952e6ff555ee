// Generality must not turn into false positives: the kit's own mock and three deployments that differ
// from it in ways the document allows give no error-level finding and exit 0.
import { describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import type { MockResponse } from '../../mocks/core/exchange.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { mapBody, wrap } from './mutants.js';

const collection = '/v2/tickets/used-diagnostic-equipment';
type Json = Record<string, unknown>;

const withBody = (response: MockResponse, change: (body: Json) => Json): MockResponse => (response.status === 200 ? mapBody(response, change) : response);

const variations: Array<[string, (mock: Mock) => Mock]> = [
  ['the kit’s own mock', (mock) => mock],
  [
    'rows in another stable order (by equipment id, descending)',
    (mock) =>
      wrap(mock, (request, next) => {
        if (request.method !== 'GET' || request.path !== collection) return next(request);
        const asked = next(request);
        if (asked.status !== 200 || asked.body === undefined) return asked;
        // The whole list in the other order, then the page the request asked for.
        const whole = new URLSearchParams(request.query);
        whole.set('limit', '1000');
        whole.set('offset', '0');
        const all = JSON.parse(next({ ...request, query: whole }).body!) as { result: Array<{ diagnostic_equipment_id: number; ticket_id: string }> };
        const sorted = [...all.result].sort((a, b) => b.diagnostic_equipment_id - a.diagnostic_equipment_id || a.ticket_id.localeCompare(b.ticket_id));
        const page = JSON.parse(asked.body) as { query: { limit: number; offset: number }; result: unknown[] };
        if (page.query.offset > Number.MAX_SAFE_INTEGER) return asked;
        return { ...asked, body: JSON.stringify({ ...page, result: sorted.slice(page.query.offset, page.query.offset + page.query.limit) }) };
      }),
  ],
  ['undocumented properties on every record (warnings only)', (mock) => wrap(mock, (request, next) => withBody(next(request), (body) => (Array.isArray(body.result) ? { ...body, result: (body.result as Json[]).map((r) => ({ ...r, serial: 'S-1' })) } : 'ticket_id' in body ? { ...body, serial: 'S-1' } : body)))],
  ['version null on every record', (mock) => wrap(mock, (request, next) => withBody(next(request), (body) => (Array.isArray(body.result) ? { ...body, result: (body.result as Json[]).map((r) => ({ ...r, version: null })) } : 'ticket_id' in body ? { ...body, version: null } : body)))],
];

describe('legitimate variations of the API', () => {
  it.each(variations)('%s: no error finding, exit 0', async (_name, vary) => {
    const server = await startHttpServer(vary(createMock({ auth: selfTestCredentials })), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url));
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.request.target} ${f.pointer}: ${f.message}`);
      expect(errors).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(report.summary.notRun).toBe(0);
    } finally {
      await server.close();
    }
  });
});
