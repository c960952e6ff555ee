// The suite is only as good as the drift it catches: each mutant is the mock with one deliberate
// deviation, and the suite must report it through the check the mutant names. Driven in-process (five
// times faster than over a socket; the self-test and the legitimate variations run over HTTP).
import { afterAll, describe, expect, it } from 'vitest';
import { mutants } from './mutants.js';
import { runAgainst } from './serve-mutant.js';

const caught: Array<{ mutant: string; by: string[] }> = [];

afterAll(() => {
  const score = caught.filter((c) => c.by.length > 0).length;
  console.log(
    [
      `Mutation score: ${score}/${mutants.length} drift mutants caught (${((100 * score) / mutants.length).toFixed(0)}%)`,
      ...caught.map((c) => `  ${c.by.length > 0 ? '✓' : '✗'} ${c.mutant.padEnd(48)} ${c.by.join(', ') || 'NOT CAUGHT'}`),
    ].join('\n'),
  );
});

describe('drift mutants', () => {
  it('number at least 90, each named by the one check meant to catch it, each name once', () => {
    expect(mutants.length).toBeGreaterThanOrEqual(90);
    expect(mutants.filter((m) => m.caughtBy.length !== 1).map((m) => m.name)).toEqual([]);
    expect(new Set(mutants.map((m) => m.name)).size).toBe(mutants.length);
  });

  it.each(mutants.map((m) => [m.name, m] as const))('catches: %s', async (_name, mutant) => {
    const report = await runAgainst(mutant);
    const relevant = report.findings.filter((f) => mutant.caughtBy.includes(f.check));
    const by = [...new Set(relevant.map((f) => f.check))];
    caught.push({ mutant: mutant.name, by });
    expect(by, `${mutant.name}: findings were ${JSON.stringify(report.findings.map((f) => `${f.check}: ${f.message}`))}`).not.toEqual([]);
    if (mutant.warningOnly === true) {
      expect(relevant.every((f) => f.severity === 'warning')).toBe(true);
      expect(report.exitCode).toBe(0);
    } else {
      expect(relevant.some((f) => f.severity === 'error')).toBe(true);
      expect(report.exitCode).toBe(1);
    }
  });
});
