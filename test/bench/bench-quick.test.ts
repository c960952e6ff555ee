// `npm run bench -- --quick` runs every part of the benchmark briefly, so the script cannot rot. It
// asserts that each part ran and produced sane results, never how fast anything was.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  requestsPerSecond: number;
  cpuMicrosPerRequest?: number;
  requests: number;
  non2xx: number;
  errors: number;
}

describe('the benchmark in quick mode', () => {
  it('measures the kit, Prism and the ceiling, two scales and the contract suite, and writes its files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ude-kit-bench-'));
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(printed).toContain('| scenario | ude-kit req/s | Prism req/s | ceiling req/s |');
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as {
      throughput: Array<{ scenario: string; kit: Run; prism: Run; ceiling: Run }>;
      scale: Record<'small' | 'large', { records: number; heapBytesPerRecord: number; startupMs: number; roundTrip: { records: number; same: boolean } }>;
      contract: { exitCode: number; requests: number };
      targets: Record<string, boolean>;
      browser: { bundle: { initialGzipBytes: number; lazyBytes: number; byPackage: Record<string, number> }; chromiumCreateHandlersMs: { runs: number[] }; chromiumPlainMswMs: { runs: number[] }; chromiumMswAloneMs: { runs: number[] }; chromiumThreadMs: Record<'createHandlers' | 'plainMsw' | 'mswAlone', { median: number }>; chromiumStartupRatio: Record<'threadTime' | 'wallTime', { perRound: number[]; medianOfRounds: number }>; chromiumDevLayout: { ratio: { perRound: number[] } }; chromiumFirstStackMs: { runs: number[] }; chromiumCreateAfterStackMs: { runs: number[] }; nodeImportAndCreateMs: { median: number }; nodeMswImportMs: { median: number } };
      seed: { scenario: string; records: number; added: number; refused: number; skipped: number; acceptable: number; seedingMs: number; peakRssMb: number; exitCode: number | null };
      seedThroughput: { median: { records: number; added: number; exitCode: number | null; concurrency: number }; capacity: { requestsPerSecond: number } };
    };
    expect(results.throughput.map((r) => r.scenario)).toEqual(['GET one', 'GET list (25 rows)', 'GET list by ticket', 'write mix (POST+DELETE)']);
    for (const row of results.throughput) {
      for (const target of [row.kit, row.prism, row.ceiling]) {
        expect(target.requests).toBeGreaterThan(0);
        expect(target.errors).toBe(0);
      }
      // Every request the kit answered was a success: the write mix really adds and removes; the
      // ceiling repeats the kit's own answers (201 and 204 for the write mix), so it has none either.
      expect(row.kit.non2xx, row.scenario).toBe(0);
      expect(row.ceiling.non2xx, row.scenario).toBe(0);
      // The server's CPU time was read for each target.
      for (const target of [row.kit, row.prism, row.ceiling]) expect(target.cpuMicrosPerRequest, row.scenario).toBeGreaterThanOrEqual(0);
    }
    expect(results.scale.small.records).toBe(1_000);
    expect(results.scale.large.records).toBe(20_000);
    expect(results.scale.large.heapBytesPerRecord).toBeGreaterThan(0);
    expect(results.contract).toMatchObject({ exitCode: 0 });
    expect(Object.keys(results.targets)).toHaveLength(19);
    // The seeding section ran the CLI over the API: every record the rule allows was added.
    // (The default state has Closed tickets: the first record of each is refused, the others skipped,
    // and seed exits 1 for them.)
    expect(results.seed).toMatchObject({ scenario: 'default', added: results.seed.acceptable, records: results.seed.added + results.seed.refused + results.seed.skipped });
    expect(results.seed.added).toBeGreaterThan(0);
    expect(results.seed.refused).toBeGreaterThan(0);
    expect(results.seed.skipped).toBeGreaterThan(0);
    // Then into a target where every ticket is In Progress: every record added, beside the target's capacity.
    expect(results.seedThroughput.median).toMatchObject({ added: results.seedThroughput.median.records, exitCode: 0 });
    expect(results.seedThroughput.median.concurrency).toBeGreaterThan(0);
    expect(results.seedThroughput.capacity.requestsPerSecond).toBeGreaterThan(0);
    expect(results.seed.exitCode).toBe(1);
    expect(results.seed.peakRssMb).toBeGreaterThan(10);
    // The browser section ran: a bundle with the kit's code and no faker up front, and times measured.
    expect(results.browser.bundle.initialGzipBytes).toBeGreaterThan(1000);
    expect(results.browser.bundle.byPackage['ude-kit']).toBeGreaterThan(0);
    expect(results.browser.bundle.byPackage['@faker-js/faker']).toBeGreaterThan(0);
    expect(results.browser.bundle.lazyBytes).toBeGreaterThan(0);
    expect(results.browser.chromiumCreateHandlersMs.runs).toHaveLength(1);
    // The start-up ratio's baseline ran on the same page (and on a page with msw alone), with each
    // page's main-thread CPU time read from Chromium's trace, and the ratio was checked.
    expect(results.browser.chromiumPlainMswMs.runs).toHaveLength(1);
    expect(results.browser.chromiumMswAloneMs.runs).toHaveLength(1);
    for (const call of ['createHandlers', 'plainMsw', 'mswAlone'] as const) expect(results.browser.chromiumThreadMs[call].median, call).toBeGreaterThan(0);
    expect(results.browser.chromiumStartupRatio.threadTime.perRound).toHaveLength(1);
    expect(results.browser.chromiumStartupRatio.threadTime.medianOfRounds).toBeGreaterThan(0);
    expect(results.browser.chromiumDevLayout.ratio.perRound).toHaveLength(1);
    expect(Object.keys(results.targets).some((name) => name.startsWith("createHandlers ≤ 1.5× msw's first plain handler"))).toBe(true);
    // The fresh page's figure split in two on a second page: its first stack trace, then createHandlers().
    expect(results.browser.chromiumFirstStackMs.runs).toHaveLength(1);
    expect(results.browser.chromiumCreateAfterStackMs.runs).toHaveLength(1);
    expect(results.browser.nodeImportAndCreateMs.median).toBeGreaterThan(0);
    // msw's own import was timed too, in a process of its own.
    expect(results.browser.nodeMswImportMs.median).toBeGreaterThan(0);
    expect(results.scale.large.roundTrip).toMatchObject({ records: 20_000, same: true });
    expect(await readFile(join(out, 'chart.svg'), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*GET one[\s\S]*<\/svg>\n$/);
  }, 300_000); // about a minute alone on two cores; give a loaded machine room
});
