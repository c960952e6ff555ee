// Seeding at scale: `ude-kit seed --via-api` (the compiled CLI, as users run it) puts a shipped
// scenario's records into a running kit mock that holds its tickets and catalogue but no records,
// through the public API. Measures the wall time from spawn to exit, the records a second and the
// seeder's peak memory, and checks the mock ends with what the API would accept.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../mocks/state/scenario-files.js';
import { allowsEquipmentChanges } from '../mocks/core/in-progress-rule.js';
import { startKit } from './servers.js';

const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const peakProbe = fileURLToPath(new URL('../test/helpers/report-peak-rss.mjs', import.meta.url));

export interface SeedFigures {
  scenario: string;
  records: number;
  wallMs: number;
  seedingMs: number;
  recordsPerSecond: number;
  peakRssMb: number;
  added: number;
  refused: number;
  /** Records not sent: their ticket refused an earlier one for the whole ticket. */
  skipped: number;
  /** Records on In Progress tickets: what the API accepts, so what `added` must equal. */
  acceptable: number;
  /** Requests the seeder kept in flight at the end (chosen from the answer times unless fixed). */
  concurrency: number;
  /** Requests sent: the preflight, one list read per ticket (more for a ticket past a page), the adds. */
  requests: number;
  exitCode: number | null;
}

export async function seedBench(scenario: string, options: { allInProgress?: boolean; concurrency?: number } = {}): Promise<SeedFigures> {
  const resolved = loadScenario(scenario);
  if (!resolved.ok) throw new Error(`scenario ${scenario} does not load`);
  const { state } = resolved;
  const empty = join(mkdtempSync(join(tmpdir(), 'ude-kit-bench-seed-')), 'no-records.json');
  // Every ticket In Progress: each record is one add the target takes, the throughput figure; as it
  // is, the Closed tickets refuse their first record and skip the rest.
  const tickets = options.allInProgress === true ? state.tickets.map((t) => ({ ...t, status: 'In Progress' as const })) : state.tickets;
  writeFileSync(empty, JSON.stringify({ description: `bench: ${scenario} without its records`, tickets, catalog: state.catalog, used: [] }));
  const inProgress = new Set(tickets.filter(allowsEquipmentChanges).map((t) => t.id));
  const acceptable = state.used.filter((u) => inProgress.has(u.ticket_id)).length;
  const collection = '/v2/tickets/used-diagnostic-equipment';
  const kit = await startKit(empty, collection, ['--api-key', 'bench-key', '--token', 'bench-token']);
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', peakProbe, cli, 'seed', '--scenario', scenario, '--target', kit.url, '--via-api', '--json', '--api-key', 'bench-key', '--token', 'bench-token', ...(options.concurrency === undefined ? [] : ['--concurrency', String(options.concurrency)])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const wallMs = performance.now() - started;
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { durationMs?: number; added?: number; refused?: number; skipped?: number; concurrency?: number };
    const peakKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
    if (summary.durationMs === undefined) throw new Error(`seed printed no summary (exit ${exitCode}): ${stderr}`);
    return {
      scenario,
      records: state.used.length,
      wallMs,
      seedingMs: summary.durationMs,
      recordsPerSecond: (state.used.length * 1000) / summary.durationMs,
      peakRssMb: peakKb / 1024,
      added: summary.added ?? 0,
      refused: summary.refused ?? 0,
      skipped: summary.skipped ?? 0,
      acceptable,
      concurrency: summary.concurrency ?? 0,
      requests: 1 + new Set(state.used.map((u) => u.ticket_id)).size + (summary.added ?? 0) + (summary.refused ?? 0),
      exitCode,
    };
  } finally {
    await kit.stop();
  }
}
