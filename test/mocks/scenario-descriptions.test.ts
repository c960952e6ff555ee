// A scenario's one-liner is what QA reads before loading it (`ude-kit scenarios`, docs/scenarios.md):
// where it gives figures, they are the state's own.
import { describe, expect, it } from 'vitest';
import { loadScenario, shippedScenarios } from '../../mocks/state/scenario-files.js';

describe('shipped scenario descriptions', () => {
  it.each(shippedScenarios().map((s) => [s.name, s.description] as const))('%s: its figures are the state’s', (name, description) => {
    const result = loadScenario(name);
    if (!result.ok) throw new Error(`${name} does not load`);
    const { tickets } = result.state;
    const count = (pattern: RegExp) => Number(pattern.exec(description)?.[1]?.replace(/,/g, '') ?? Number.NaN);
    const byStatus = (status: string) => tickets.filter((t) => t.status === status).length;
    const stated = count(/\b([\d,]+) tickets\b/);
    if (!Number.isNaN(stated)) expect(tickets.length).toBe(stated);
    for (const status of ['In Progress', 'Closed', 'Open']) {
      const inStatus = count(new RegExp(`\\b(\\d+) ${status}\\b`));
      if (!Number.isNaN(inStatus)) expect(byStatus(status), status).toBe(inStatus);
    }
  });
});
