// What a scenario will cost, reckoned from its files alone before anything is generated, over the whole
// `extends` chain: a chain of three files each within the limits must not add up to three times them,
// and a short file must not ask for minutes of work (20,000 `usedOn` entries of count 0 once took 58 s).
// A unit of work is one record or catalogue entry made, drawn or looked at, and a ticket is
// `unitsPerTicket` of them; each step of generation costs what it does, so the bound on work is a bound
// on the time a load blocks the mock (docs/scenarios.md gives the figures).
import type { Violation } from '../core/problems.js';
import { defaultStateEntriesAtMost } from './default-state.js';
import type { ScenarioDocument } from './scenario.js';
import { generationLimits } from './scenario-schema.js';

/** One file of a chain: its name (none for the file loaded), and how its problems are named ("mid: base: "). */
export interface ChainLink {
  name?: string;
  prefix: string;
  scenario: ScenarioDocument;
}

interface FileCost {
  name: string;
  prefix: string;
  records: number;
  work: number;
  /** The terms of `work` that are not zero, in words with their figures. */
  terms: string[];
}

const figure = (n: number) => n.toLocaleString('en-US');

/**
 * Measured: a ticket costs about four records to make, check and index (its uuid and status from faker,
 * the uuid's format check, the store's index by ticket), and a million of them blocked a load 10 s.
 */
export const unitsPerTicket = 4;

/** The cost of each file, the root of the chain first; the state's size so far is an upper bound. */
function fileCosts(chain: readonly ChainLink[]): FileCost[] {
  // What later files read: the catalogue (new ids follow it) and the records (usedOn places records among them).
  const size = { catalog: 0, used: 0 };
  return chain.map(({ name = 'this file', prefix, scenario }) => {
    const terms: string[] = [];
    let records = 0;
    let work = 0;
    const add = (units: number, words: string) => {
      if (units === 0) return;
      work += units;
      terms.push(`${words} ${figure(units)}`);
    };
    const spec = scenario.generate;
    if (spec !== undefined) {
      if (spec.preset === 'default') {
        add(defaultStateEntriesAtMost, 'preset');
        size.used += defaultStateEntriesAtMost;
      }
      const catalog = spec.catalog ?? 0;
      // New ids follow the highest one there: the catalogue so far is read once.
      if (catalog > 0) add(size.catalog + catalog, `catalogue ${figure(size.catalog)} read + ${figure(catalog)} made =`);
      size.catalog += catalog;
      const tickets = spec.tickets ?? 0;
      const most = spec.usedPerTicket?.[1] ?? 0;
      add(tickets * (unitsPerTicket + most), `tickets × (${unitsPerTicket} + usedPerTicket max) = ${figure(tickets)} × ${figure(unitsPerTicket + most)} =`);
      records += tickets * most;
      size.used += tickets * most;
      const usedOn = spec.usedOn ?? [];
      if (usedOn.length > 0) {
        // What each named ticket already holds is found in one pass over the records and the catalogue.
        const counts = usedOn.reduce((sum, entry) => sum + entry.count, 0);
        add(size.used + size.catalog + usedOn.length + counts, `usedOn (${figure(size.used + size.catalog)} read + ${figure(usedOn.length)} entries + ${figure(counts)} records) =`);
        records += counts;
        size.used += counts;
      }
    }
    const explicit = (scenario.tickets?.length ?? 0) * unitsPerTicket + (scenario.catalog?.length ?? 0) + (scenario.used?.length ?? 0);
    add(explicit, `entries written in the file (a ticket ${unitsPerTicket})`);
    size.catalog += scenario.catalog?.length ?? 0;
    size.used += scenario.used?.length ?? 0;
    return { name, prefix, records, work, terms };
  });
}

/** Where the running total first passes `limit`: that file's `generate` (or, if it has none, its `extends`). */
function fieldWhereOver(chain: readonly ChainLink[], costs: readonly FileCost[], of: (cost: FileCost) => number, limit: number): string {
  let total = 0;
  const index = costs.findIndex((cost) => (total += of(cost)) > limit);
  const link = chain[index]!;
  return `${link.prefix}${link.scenario.generate === undefined ? '/extends' : '/generate'}`;
}

/** How a chain's figures add up, when more than one file contributes: "base 2,000,000 + this file 10". */
function byFile(costs: readonly FileCost[], of: (cost: FileCost) => number): string {
  const parts = costs.filter((cost) => of(cost) > 0).map((cost) => `${cost.name} ${figure(of(cost))}`);
  return parts.length > 1 ? `, over the extends chain: ${parts.join(' + ')}` : '';
}

const totals = (costs: readonly FileCost[]) => ({
  records: costs.reduce((sum, cost) => sum + cost.records, 0),
  work: costs.reduce((sum, cost) => sum + cost.work, 0),
});

/** What the chain (its root first) would generate and cost in all, reckoned from its files alone. */
export const chainCost = (chain: readonly ChainLink[]): { records: number; work: number } => totals(fileCosts(chain));

/** The scenario's refusals for what it would cost (none when it is within the bounds), before any work. */
export function costViolations(chain: readonly ChainLink[]): Violation[] {
  const costs = fileCosts(chain);
  const { records, work } = totals(costs);
  const found: Violation[] = [];
  if (records > generationLimits.records) {
    found.push({
      field: fieldWhereOver(chain, costs, (cost) => cost.records, generationLimits.records),
      message: `would generate up to ${figure(records)} records (tickets × usedPerTicket max + usedOn${byFile(costs, (cost) => cost.records)}); a scenario may generate at most ${figure(generationLimits.records)}`,
    });
  }
  if (work > generationLimits.work) {
    const terms = costs
      .filter((cost) => cost.work > 0)
      .map((cost) => `${cost.name}: ${cost.terms.join(', ')}`)
      .join('; ');
    found.push({
      field: fieldWhereOver(chain, costs, (cost) => cost.work, generationLimits.work),
      message: `would take ${figure(work)} units of work to build (a record or catalogue entry made, drawn or read is one, a ticket ${unitsPerTicket}: ${terms}); a scenario may take at most ${figure(generationLimits.work)}`,
    });
  }
  return found;
}
