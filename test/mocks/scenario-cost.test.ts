// Generation bounded by work: a scenario's cost is reckoned over its whole `extends` chain before anything
// is generated, and refused past the bounds with its figures; draws cost what they draw, not the
// catalogue, and keep giving what faker's arrayElements gave under the same seed.
import { Faker } from '@faker-js/faker';
import { faker } from '@faker-js/faker/locale/base';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDeck } from '../../mocks/state/deck.js';
import { provideFaker } from '../../mocks/state/faker-slot.js';
import { defaultStateEntriesAtMost } from '../../mocks/state/default-state.js';
import { chainCost, costViolations, type ChainLink } from '../../mocks/state/scenario-cost.js';
import { resolveScenario, type ScenarioDocument, type ScenarioLookup } from '../../mocks/state/scenario.js';
import { generationLimits } from '../../mocks/state/scenario-schema.js';
import { shippedScenarioSource } from '../../mocks/state/scenario-source-node.js';
import { adapters, json, stateOf } from '../helpers/behaviour.js';

const ticket = 'aaaaaaaa-0000-4000-8000-000000000001';
const seeded = (seed: number) => {
  const made = new Faker({ locale: faker.rawDefinitions });
  made.seed(seed);
  return made;
};
const violations = (document: unknown, lookup?: ScenarioLookup) => {
  const result = resolveScenario(document, lookup);
  return result.ok ? [] : result.violations;
};
/** A lookup over named documents, each extending the one before it. */
const chainOf = (files: Record<string, ScenarioDocument>): ScenarioLookup => (name) => files[name];
/** A catalogue of `size` explicit entries and one ticket, for files that draw from it. */
const bigCatalog = (size: number): ScenarioDocument => ({
  description: 'a big catalogue',
  tickets: [{ id: ticket, status: 'In Progress' }],
  catalog: Array.from({ length: size }, (_, i) => ({ diagnostic_equipment_id: i + 1, name: `Tool ${i}`, version: null })),
});

afterEach(() => provideFaker(faker));

describe('a deck', () => {
  it('draws what faker’s arrayElements draws under the same seed, for every size and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (seed, size, wanted) => {
        const count = Math.min(size, wanted);
        const list = Array.from({ length: size }, (_, i) => i);
        expect(createDeck(size).draw(seeded(seed), count)).toEqual(seeded(seed).helpers.arrayElements(list, count));
      }),
    );
  });

  it('draws a few from two billion positions without making them, and never one twice', () => {
    const deck = createDeck(2 ** 31 - 1);
    const picked = [...deck.draw(seeded(1), 5), ...deck.draw(seeded(2), 5)];
    expect(new Set(picked).size).toBe(10);
    expect(deck.size).toBe(2 ** 31 - 11);
  });

  it('ignores the last position taken out a second time', () => {
    const deck = createDeck(6);
    deck.remove(5);
    deck.remove(5);
    expect(deck.size).toBe(5);
    expect(deck.draw(seeded(3), 5).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws nothing for a count of 0 or less, and nothing from an empty deck, leaving the deck as it was', () => {
    const deck = createDeck(4);
    expect(deck.draw(seeded(5), 0)).toEqual([]);
    expect(deck.draw(seeded(5), -2)).toEqual([]);
    expect(deck.size).toBe(4);
    expect(deck.draw(seeded(5), 4).sort()).toEqual([0, 1, 2, 3]);
    expect(deck.draw(seeded(5), 1)).toEqual([]);
    expect(deck.size).toBe(0);
  });

  it('makes the random calls arrayElements makes, so a draw leaves faker where arrayElements left it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (seed, size, wanted) => {
        const count = Math.min(size, wanted);
        const list = Array.from({ length: size }, (_, i) => i);
        const mine = seeded(seed);
        const theirs = seeded(seed);
        createDeck(size).draw(mine, count);
        theirs.helpers.arrayElements(list, count);
        expect(mine.number.int(1e9)).toBe(theirs.number.int(1e9));
      }),
    );
  });

  it('never draws a position taken out, and ignores one taken out twice', () => {
    const deck = createDeck(6);
    for (const position of [0, 2, 4, 2]) deck.remove(position);
    expect(deck.size).toBe(3);
    expect(deck.draw(seeded(3), 3).sort()).toEqual([1, 3, 5]);
    expect(deck.size).toBe(0);
  });
});

describe('the cost of a chain, before any work', () => {
  // Without faker, generating anything throws: a refusal here proves no file of the chain was generated.
  const withoutFaker = () => provideFaker(undefined);

  it('refuses a chain whose generated records add up past the bound, naming each file’s share', () => {
    withoutFaker();
    const spec = { seed: 1, catalog: 100, tickets: 8_000, usedPerTicket: [100, 100] as [number, number] };
    const lookup = chainOf({ mid: { description: 'mid', extends: 'base', generate: spec }, base: { description: 'base', generate: spec } });
    expect(violations({ description: 'top', extends: 'mid', generate: spec }, lookup)).toContainEqual({
      field: '/generate',
      message: `would generate up to 2,400,000 records (tickets × usedPerTicket max + usedOn, over the extends chain: base 800,000 + mid 800,000 + this file 800,000); a scenario may generate at most ${generationLimits.records.toLocaleString('en-US')}`,
    });
  });

  it('names the file of the chain where the total first passes the bound', () => {
    withoutFaker();
    const lookup = chainOf({ base: { description: 'base', generate: { seed: 1, tickets: 500_000, usedPerTicket: [5, 5] } } });
    expect(violations({ description: 'top', extends: 'base' }, lookup).map((v) => v.field)).toEqual(['base: /generate', 'base: /generate']);
  });

  it('refuses a chain whose work adds up past the bound though it generates no record, with the figures', () => {
    withoutFaker();
    const files: Record<string, ScenarioDocument> = {};
    for (let i = 1; i <= 2; i++) files[`f${i}`] = { description: `f${i}`, ...(i < 2 ? { extends: `f${i + 1}` } : {}), generate: { seed: i, tickets: 375_000 } };
    const found = violations({ description: 'top', extends: 'f1', generate: { seed: 9, tickets: 1 } }, chainOf(files));
    expect(found).toHaveLength(1);
    expect(found[0]!.field).toBe('/generate');
    expect(found[0]!.message).toMatch(/^would take 3,000,004 units of work to build \(a record or catalogue entry made, drawn or read is one, a ticket 4: f2: tickets × \(4 \+ usedPerTicket max\) = 375,000 × 4 = 1,500,000; f1: /);
    expect(found[0]!.message).toMatch(/this file: tickets × \(4 \+ usedPerTicket max\) = 1 × 4 = 4\); a scenario may take at most 3,000,000$/);
  });

  it('counts every usedOn entry, those of count 0 too, and the records and catalogue read to place them', () => {
    const usedOn = Array.from({ length: 20_000 }, () => ({ ticket_id: ticket, count: 0 }));
    const base: ScenarioDocument = { description: 'base', tickets: [{ id: ticket, status: 'Open' }], generate: { seed: 1, catalog: 10, tickets: 100, usedPerTicket: [2, 2] } };
    // base: catalogue 10 + tickets 100 × (4 + 2) + 1 ticket written (4); top: 200 records and 10 entries read + 20,000 entries.
    expect(chainCost([{ prefix: 'base: ', scenario: base }, { prefix: '', scenario: { description: 'top', generate: { seed: 1, usedOn } } }])).toEqual({ records: 200, work: 614 + 20_210 });
  });
});

describe('the cost of each file, term by term', () => {
  const d = defaultStateEntriesAtMost;
  const entry = (id: number) => ({ diagnostic_equipment_id: id, name: `Tool ${id}`, version: null });
  // root: preset d; catalogue 0 read + 5 made; tickets 3 × (4 + 2); usedOn (d + 6 records + 5 entries read,
  // 2 entries, 2 records); written 2 tickets × 4 + 3 entries + 4 records. mid: catalogue 8 read + 7 made;
  // usedOn (d + 12 records + 15 entries read, 1 entry, 1 record). top: 1 ticket written.
  const chain = [
    {
      prefix: 'root: ',
      scenario: {
        description: 'root',
        generate: { seed: 1, preset: 'default', catalog: 5, tickets: 3, usedPerTicket: [1, 2], usedOn: [{ ticket_id: ticket, count: 2 }, { ticket_id: ticket, count: 0 }] },
        tickets: [{ id: ticket, status: 'In Progress' }, { id: 'aaaaaaaa-0000-4000-8000-000000000002', status: 'Open' }],
        catalog: [entry(101), entry(102), entry(103)],
        used: [1, 2, 3, 4].map((id) => ({ ticket_id: ticket, diagnostic_equipment_id: id })),
      },
    },
    { prefix: 'mid: ', scenario: { description: 'mid', generate: { seed: 2, catalog: 7, usedOn: [{ ticket_id: ticket, count: 1 }] } } },
    { prefix: '', scenario: { description: 'top', tickets: [{ id: 'aaaaaaaa-0000-4000-8000-000000000003', status: 'Open' }] } },
  ] as const satisfies ReadonlyArray<{ prefix: string; scenario: ScenarioDocument }>;

  it('adds up what each file makes, draws and reads, over what the files before it left', () => {
    expect(chainCost(chain)).toEqual({ records: 9, work: d + 5 + 18 + (d + 15) + 15 + 15 + (d + 29) + 4 });
  });

  it('says a work refusal term by term, leaving out a file that costs nothing, at the file where the total passes', () => {
    const heavy = { prefix: 'heavy: ', scenario: { description: 'heavy', generate: { seed: 3, tickets: 749_999 } } };
    const empty = { prefix: 'empty: ', name: 'empty', scenario: { description: 'empty' } };
    const found = costViolations([{ ...heavy, name: 'heavy' }, empty, { prefix: '', scenario: { description: 'top', tickets: [{ id: ticket, status: 'Open' }, { id: 'aaaaaaaa-0000-4000-8000-000000000002', status: 'Open' }] } }]);
    expect(found).toEqual([
      {
        // The running total passes at the top file, which generates nothing: its extends brought it there.
        field: '/extends',
        message:
          'would take 3,000,004 units of work to build (a record or catalogue entry made, drawn or read is one, a ticket 4: heavy: tickets × (4 + usedPerTicket max) = 749,999 × 4 = 2,999,996; this file: entries written in the file (a ticket 4) 8); a scenario may take at most 3,000,000',
      },
    ]);
  });

  it('refuses nothing at exactly the bounds, and names one file alone without a chain', () => {
    const atRecords: ChainLink = { prefix: '', scenario: { description: 'at', generate: { seed: 1, tickets: 2_000, usedPerTicket: [1_000, 1_000] } } };
    expect(chainCost([atRecords]).records).toBe(generationLimits.records);
    expect(costViolations([atRecords])).toEqual([]);
    const atWork = { prefix: '', scenario: { description: 'at', generate: { seed: 1, tickets: generationLimits.work / 4 } } };
    expect(chainCost([atWork]).work).toBe(generationLimits.work);
    expect(costViolations([atWork])).toEqual([]);
    const over: ChainLink = { prefix: '', scenario: { description: 'over', generate: { seed: 1, tickets: 2_001, usedPerTicket: [1_000, 1_000] } } };
    const empty = { prefix: 'empty: ', name: 'empty', scenario: { description: 'empty' } };
    expect(costViolations([empty, over]).map((v) => v.message)).toEqual([
      `would generate up to 2,001,000 records (tickets × usedPerTicket max + usedOn); a scenario may generate at most ${generationLimits.records.toLocaleString('en-US')}`,
    ]);
  });
});

describe('draws that cost what they draw', () => {
  // Each of these copied or filtered the whole catalogue once per ticket or per entry: tens of seconds.
  it('gives 40,000 tickets a record each from a catalogue of 40,000', { timeout: 10_000 }, () => {
    const result = resolveScenario({ description: 'wide', extends: 'big', generate: { seed: 1, tickets: 40_000, usedPerTicket: [1, 1] } }, chainOf({ big: bigCatalog(40_000) }));
    expect(result.ok && result.state.used.length).toBe(40_000);
  });

  it('takes 40,000 usedOn entries, of count 0 and 1, on a ticket of a catalogue of 40,000', { timeout: 10_000 }, () => {
    const usedOn = Array.from({ length: 40_000 }, (_, i) => ({ ticket_id: ticket, count: i % 2 }));
    const result = resolveScenario({ description: 'many entries', extends: 'big', generate: { seed: 1, usedOn } }, chainOf({ big: bigCatalog(40_000) }));
    const ids = result.ok ? result.state.used.map((u) => u.diagnostic_equipment_id) : [];
    expect(ids).toHaveLength(20_000);
    expect(new Set(ids).size).toBe(20_000);
  });

  it('draws on a ticket only what is still free on it, across entries and what it already holds', () => {
    const base: ScenarioDocument = { ...bigCatalog(10), used: [1, 2, 3].map((id) => ({ ticket_id: ticket, diagnostic_equipment_id: id })) };
    const usedOn = [3, 0, 4].map((count) => ({ ticket_id: ticket, count }));
    const result = resolveScenario({ description: 'fill', extends: 'base', generate: { seed: 4, usedOn } }, chainOf({ base }));
    const ids = result.ok ? result.state.used.map((u) => u.diagnostic_equipment_id).sort((a, b) => a - b) : [];
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const over = violations({ description: 'over', extends: 'base', generate: { seed: 4, usedOn: [{ ticket_id: ticket, count: 5 }, { ticket_id: ticket, count: 3 }] } }, chainOf({ base }));
    expect(over).toEqual([{ field: '/generate/usedOn/1/count', message: `asks for 3 records, but only 2 catalogue entries are free on ticket ${ticket}` }]);
  });
});

describe.each(adapters)('POST /__admin/scenarios/load past the bounds ($name)', ({ make }) => {
  const driver = make();
  afterAll(() => driver.stop());

  it('answers 400 with the chain’s figures and changes nothing, for an upload extending a shipped scenario', async () => {
    await driver.start({ scenarios: shippedScenarioSource() });
    const before = await stateOf(driver);
    // `large` generates 100,000 records: with 1,901,000 more the chain passes 2,000,000, though this file alone does not.
    const scenario = { description: 'on top of large', extends: 'large', generate: { seed: 1, catalog: 1_000, tickets: 1_901, usedPerTicket: [1_000, 1_000] } };
    const reply = await driver.send('POST', '/__admin/scenarios/load', { json: { scenario } });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((json(reply.text) as { violations: unknown[] }).violations).toEqual([
      { field: '/generate', message: 'would generate up to 2,001,000 records (tickets × usedPerTicket max + usedOn, over the extends chain: large 100,000 + this file 1,901,000); a scenario may generate at most 2,000,000' },
    ]);
    expect(await stateOf(driver)).toEqual(before);
  });
});
