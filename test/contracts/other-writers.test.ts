// A shared deployment has other writers: write_side_effects cannot tell their writes from a side effect
// of the suite's, so what it sees while the total also moves without the suite is a warning, never an
// error (and the run exits 0); on a quiet deployment the same movement is an error. And the rule that a
// refusal names its broken field holds for recorded traffic too.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHarContract } from '../../contracts/har/har-run.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { runContract } from '../../contracts/runner.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { wrap } from './mutants.js';

const collection = '/v2/tickets/used-diagnostic-equipment';

/** Another client that, every `every` requests, adds or removes one record on the last ticket the walk would watch last. */
function withAnotherWriter(mock: Mock, every: number): Mock {
  const state = mock.state();
  const ticket = state.tickets.filter((t) => t.status === 'In Progress').at(-1)!.id;
  const free = state.catalog.map((c) => c.diagnostic_equipment_id).filter((id) => !state.used.some((u) => u.ticket_id === ticket && u.diagnostic_equipment_id === id));
  let seen = 0;
  let added: number[] = [];
  return wrap(mock, (request, next) => {
    if (++seen % every === 0) {
      const id = free[added.length % free.length]!;
      if (added.includes(id)) {
        next({ method: 'DELETE', path: `${collection}/${ticket}/${id}`, query: new URLSearchParams(), headers: request.headers });
        added = added.filter((a) => a !== id);
      } else {
        next({ method: 'POST', path: collection, query: new URLSearchParams(), headers: { ...request.headers, 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: id })) });
        added.push(id);
      }
    }
    return next(request);
  });
}

const run = (mock: Mock) => runContract(selfTestOptions('http://ude-kit.in-process', { fetch: inProcessFetch(mock), only: ['write_side_effects'] }));

describe('write_side_effects on a deployment with other writers', () => {
  it('moves seen while the suite wrote nothing: warnings that say so, exit 0', async () => {
    const report = await run(withAnotherWriter(createMock({ auth: selfTestCredentials }), 2));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.severity)).toEqual(report.findings.map(() => 'warning'));
    expect(report.findings.every((f) => /other writers/.test(f.message))).toBe(true);
    expect(report.exitCode).toBe(0);
  });

  it('the same kind of movement on a quiet deployment, from the suite’s own write: an error', async () => {
    // Another record added with each add of the suite's: the total moves by 2, and nothing else writes.
    const mock = createMock({ auth: selfTestCredentials });
    const doubled = wrap(mock, (request, next) => {
      const response = next(request);
      if (request.method === 'POST' && response.status === 201) {
        const state = mock.state();
        const ticket = state.tickets.filter((t) => t.status === 'In Progress').at(-1)!.id;
        const id = state.catalog.find((c) => !state.used.some((u) => u.ticket_id === ticket && u.diagnostic_equipment_id === c.diagnostic_equipment_id))!.diagnostic_equipment_id;
        next({ ...request, body: new TextEncoder().encode(JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: id })) });
      }
      return response;
    });
    const report = await run(doubled);
    expect(report.findings.some((f) => f.severity === 'error' && f.message === 'the unfiltered total moved by 2 after an add of one record')).toBe(true);
    expect(report.exitCode).toBe(1);
  });
});

describe('refusal_names_field over recorded traffic', () => {
  it('a recorded 400 that does not name the broken field is a finding at its entry', async () => {
    const entry = (violations: unknown) => ({
      startedDateTime: '2026-12-04T10:00:00.000Z',
      request: { method: 'GET', url: `https://api.example.test${collection}?limit=5000&offset=-3`, headers: [{ name: 'Authorization', value: 'Bearer t' }, { name: 'X-Api-Key', value: 'k' }] },
      response: {
        status: 400,
        headers: [{ name: 'Content-Type', value: 'application/problem+json' }],
        content: { mimeType: 'application/problem+json', text: JSON.stringify({ type: '/problems/violations', title: 'Bad request', status: 400, detail: 'x', violations }) },
      },
    });
    const dir = await mkdtemp(join(tmpdir(), 'ude-kit-refusal-'));
    const file = join(dir, 'refusals.har');
    const named = [{ field: 'limit', message: 'too large' }, { field: 'query.offset', message: 'negative' }];
    await writeFile(file, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry(named), entry([{ field: 'limit', message: 'too large' }])] } }));
    const report = await runHarContract({ files: [file] });
    const findings = report.findings.filter((f) => f.check === 'refusal_names_field');
    expect(findings.map((f) => f.message)).toEqual(['the refusal does not name the broken field offset in violations — entry 1 of ' + file + ' (2026-12-04T10:00:00.000Z)']);
    expect(report.exitCode).toBe(1);
  });
});
