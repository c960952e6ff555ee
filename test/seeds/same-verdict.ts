// The same verdict on every seed: the repository's whole drift collection, and the healthy mock, each
// run by the whole suite under 20 seeds. The verdict — the exit code and the checks that report an
// error — must be the same on all of them, and must name the check each mutant is meant for. A drift
// caught on some seeds only would give the same deployment a red build one day and a green one the next.
// About 2,000 whole runs (each in-process, 70 ms on average): its own leg, `npm run test:seeds`, in two
// shards (shard-*.test.ts) that run side by side on two cores.
import { describe, expect, it } from 'vitest';
import type { ContractReport } from '../../contracts/runner.js';
import { mutants } from '../contracts/mutants.js';
import type { Mutant } from '../contracts/mutant-kit.js';
import { runAgainst } from '../contracts/serve-mutant.js';

/** 20 seeds spread over the range --seed takes; the self-test's own among them. */
export const seeds = [20261129, ...Array.from({ length: 19 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 1) % 2 ** 31)];

const verdictOf = (report: ContractReport) => ({
  exitCode: report.exitCode,
  failing: [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.check))].sort(),
});

const healthy: Mutant = { name: 'the kit’s own mock (no drift)', caughtBy: [], apply: (mock) => mock };

/** The tests of one shard: every `of`-th deployment of the collection, from the `shard`-th (1-based). */
export function sameVerdictEverySeed(shard: number, of: number): void {
  const deployments = [healthy, ...mutants].filter((_m, index) => index % of === shard - 1);

  describe(`the same verdict on every seed (shard ${shard} of ${of}: ${deployments.length} deployments)`, () => {
    it('uses 20 distinct seeds', () => {
      expect(new Set(seeds).size).toBe(20);
      expect(seeds.every((seed) => Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31)).toBe(true);
    });

    it.each(deployments.map((m) => [m.name, m] as const))('%s', async (_name, mutant) => {
      const bySeed = new Map<string, number[]>();
      for (const seed of seeds) {
        const verdict = JSON.stringify(verdictOf(await runAgainst(mutant, { seed })));
        bySeed.set(verdict, [...(bySeed.get(verdict) ?? []), seed]);
      }
      // One verdict; when not, each one with the seeds that gave it, for `--seed` to reproduce.
      expect([...bySeed].map(([verdict, on]) => `${verdict} on ${on.length} seeds (${on.slice(0, 3).join(', ')}…)`)).toHaveLength(1);
      const { exitCode, failing } = JSON.parse([...bySeed.keys()][0]!) as ReturnType<typeof verdictOf>;
      if (mutant.caughtBy.length === 0 || mutant.warningOnly === true) expect({ exitCode, failing }).toEqual({ exitCode: 0, failing: [] });
      else {
        expect(exitCode).toBe(1);
        expect(failing).toEqual(expect.arrayContaining(mutant.caughtBy));
      }
    });
  });
}
