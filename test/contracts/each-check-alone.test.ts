// Each behaviour check catches its drift on its own: for every drift mutant (mutants.ts) that names a
// behaviour check, the suite is run with only that check's rules, and those rules must report it. The
// whole-suite run (mutants.test.ts) passes when any named check fires; this one would fail if a check
// leaned on another's requests or findings. Each check alone also finds nothing on the healthy mock.
// Scoped runs are quick, so mutation testing (vitest.mutation.config.ts) keeps this file. The findings
// themselves are kept in __snapshots__/each-check-alone.test.ts.snap, read when they were written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { behaviourChecks } from '../../contracts/registry.js';
import { runContract } from '../../contracts/runner.js';
import { mutants } from './mutants.js';
import { runAgainst } from './serve-mutant.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

const behaviourNames = new Set(behaviourChecks.flatMap((c) => c.names));
const owned = mutants.map((m) => ({ mutant: m, names: m.caughtBy.filter((n) => behaviourNames.has(n)) })).filter((o) => o.names.length > 0);

describe('each behaviour check on its own', () => {
  let healthy: Awaited<ReturnType<typeof startHttpServer>>;
  beforeAll(async () => {
    healthy = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
  });
  afterAll(() => healthy.close());

  it('covers most drift mutants that name a behaviour check', () => {
    expect(owned.length).toBeGreaterThanOrEqual(20);
  });

  it.each(behaviourChecks.map((c) => [c.names.join(', '), c] as const))('%s: runs, and finds nothing on the healthy mock', async (_names, check) => {
    const report = await runContract(selfTestOptions(healthy.url, { only: check.names }));
    expect(report.findings).toEqual([]);
    expect(report.checks.filter((c) => check.names.includes(c.name)).map((c) => [c.name, c.status])).toEqual(check.names.map((n) => [n, 'passed']));
  });

  it.each(owned.map((o) => [o.mutant.name, o] as const))('catches alone: %s', async (_name, { mutant, names }) => {
    {
      const report = await runAgainst(mutant, { only: names });
      const found = report.findings.filter((f) => names.includes(f.check));
      expect(found.map((f) => f.check), `${mutant.name}: ${JSON.stringify(report.findings.map((f) => `${f.check}: ${f.message}`))}`).not.toEqual([]);
      expect(found.some((f) => f.severity === (mutant.warningOnly === true ? 'warning' : 'error'))).toBe(true);
      // What each finding says, pinned for review: the place, what was expected, what came, the message.
      // A change to any of them shows in the snapshot's diff (the request and curl line are left out:
      // they carry the server's random port, which messages show as PORT).
      const said = found.map((f) => ({ check: f.check, severity: f.severity, operation: f.operation, pointer: f.pointer, expected: f.expected, actual: f.actual.value, message: f.message }));
      expect(JSON.parse(JSON.stringify(said).replaceAll(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:PORT')) as unknown).toMatchSnapshot();
    }
  });
});
