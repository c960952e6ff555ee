// The states the benchmark runs on, as scenario files (the kit loads them as QA would).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleTicketId } from '../mocks/state/default-state.js';

/** An In Progress ticket with nothing on it, for the write mix; catalogue ids after 40 are free on it. */
export const writeTicketId = 'b0b0b0b0-0000-4000-8000-00000000beef';
export const writePool = { first: 41, size: 200 };

const dir = mkdtempSync(join(tmpdir(), 'ude-kit-bench-'));

function file(name: string, scenario: object): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

/** The default state plus a write ticket and a pool of free tools: every throughput scenario runs on it. */
export const throughputScenario = () =>
  file('throughput', {
    description: 'bench: default state, a write ticket, 200 more tools',
    extends: 'default',
    generate: { seed: 7, catalog: writePool.size },
    tickets: [{ id: writeTicketId, status: 'In Progress' }],
  });

/** `tickets` tickets with 10 records each: 100 → 1,000 records; 100,000 → 1,000,000. */
export const scaleScenario = (tickets: number) =>
  file(`scale-${tickets}`, {
    description: `bench: ${tickets * 10} records`,
    generate: { seed: 1000, catalog: 20, tickets, usedPerTicket: [10, 10] },
  });

export { exampleTicketId };
