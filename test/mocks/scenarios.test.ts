// The shipped scenarios, loaded as QA load them, each checked for what its one-liner promises; and
// bad scenarios refused with every problem by path.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { generateDefaultState } from '../../mocks/state/default-state.js';
import { loadScenario, readScenarioFile, scenarioPath, shippedScenarios, shippedScenariosDir } from '../../mocks/state/scenario-files.js';
import { resolveScenario } from '../../mocks/state/scenario.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { httpDriver } from '../helpers/drivers.js';
import { collection, exampleTicket, json, stateOf } from '../helpers/behaviour.js';

const closedTicket = 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11';
const load = (name: string): StateDocument => {
  const result = loadScenario(name);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  return result.state;
};
const counts = (state: StateDocument) => [state.tickets.length, state.catalog.length, state.used.length];

describe('shipped scenarios', () => {
  it('are the seven the README lists, each with a one-line description', () => {
    const list = shippedScenarios();
    expect(list.map((s) => s.name)).toEqual(['catalog-edge-cases', 'closed-ticket', 'default', 'empty', 'large', 'many-pages', 'single-ticket']);
    for (const s of list) expect(s.description).toMatch(/^[^\n]{20,200}$/);
  });

  it('validate against the written scenario.schema.json, as an editor would read it', async () => {
    const schema = JSON.parse(await readFile(join(shippedScenariosDir, 'scenario.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    (addFormatsModule as unknown as typeof addFormatsModule.default)(ajv);
    const validate = ajv.compile(schema);
    for (const { name } of shippedScenarios()) {
      const file = JSON.parse(await readFile(join(shippedScenariosDir, `${name}.json`), 'utf8')) as { $schema?: string };
      expect(file.$schema).toBe('./scenario.schema.json');
      expect(validate(file), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ description: 'x', catalog: [{ diagnostic_equipment_id: 1, name: 'a', version: '' }] })).toBe(false);
  });

  it('default is the mock start state', () => {
    expect(load('default')).toEqual(generateDefaultState());
  });

  it('give the same state every time (same file, same seed)', () => {
    for (const name of ['default', 'many-pages', 'catalog-edge-cases']) expect(JSON.stringify(load(name))).toBe(JSON.stringify(load(name)));
  });

  it('large has 100,000 records on 10,000 tickets with the weighted statuses', () => {
    const state = load('large');
    expect(counts(state)).toEqual([10_000, 200, 100_000]);
    const share = (status: string) => state.tickets.filter((t) => t.status === status).length / state.tickets.length;
    expect(share('In Progress')).toBeCloseTo(0.6, 1);
    expect(share('Closed')).toBeCloseTo(0.3, 1);
    expect(share('Open')).toBeCloseTo(0.1, 1);
  });
});

describe('shipped scenarios loaded into a running mock through PUT /__admin/state', () => {
  const driver = httpDriver();
  beforeAll(() => driver.start().then(() => undefined));
  afterAll(() => driver.stop());

  async function loadIntoMock(name: string): Promise<StateDocument> {
    const state = load(name);
    const reply = await driver.send('PUT', '/__admin/state', { json: state });
    expect(reply.status).toBe(200);
    expect(json(reply.text)).toEqual({ tickets: state.tickets.length, catalog: state.catalog.length, used: state.used.length });
    expect(await stateOf(driver)).toEqual(state);
    return state;
  }
  const list = async (query: string) => json((await driver.send('GET', `${collection}${query}`)).text) as { result: unknown[]; total: number };

  it('empty: nothing listed, every ticket unknown', async () => {
    await loadIntoMock('empty');
    expect(await list('')).toMatchObject({ result: [], total: 0 });
    expect((await driver.send('GET', `${collection}/${exampleTicket}/12`)).status).toBe(404);
  });

  it("single-ticket: the seed's example, one record, and a free tool to add", async () => {
    await loadIntoMock('single-ticket');
    expect((await list('')).total).toBe(1);
    expect(json((await driver.send('GET', `${collection}/${exampleTicket}/12`)).text)).toMatchObject({ name: 'iCarsoft CR Pro', version: '2.0' });
    expect((await driver.send('POST', collection, { json: { ticket_id: exampleTicket, diagnostic_equipment_id: 13 } })).status).toBe(201);
  });

  it('closed-ticket: adding and removing on the Closed ticket are refused', async () => {
    await loadIntoMock('closed-ticket');
    expect((await driver.send('POST', collection, { json: { ticket_id: closedTicket, diagnostic_equipment_id: 13 } })).status).toBe(409);
    expect((await driver.send('DELETE', `${collection}/${closedTicket}/12`)).status).toBe(409);
    expect((await list(`?ticket_id=${closedTicket}`)).total).toBe(2);
  });

  it('many-pages: 3,255 records on one ticket, 131 pages of 25, the last with 5', async () => {
    await loadIntoMock('many-pages');
    expect((await list(`?ticket_id=${exampleTicket}&limit=0`)).total).toBe(3255);
    expect((await list(`?ticket_id=${exampleTicket}&offset=3250`)).result).toHaveLength(5);
    expect((await list(`?ticket_id=${exampleTicket}&offset=3255`)).result).toHaveLength(0);
    expect((await list('?limit=1000&offset=3000')).result).toHaveLength(255);
  });

  it('catalog-edge-cases: extreme ids, empty and 255-character names, null versions all served and valid', async () => {
    const state = await loadIntoMock('catalog-edge-cases');
    const ticket = state.tickets[0]!.id;
    for (const entry of state.catalog) {
      const reply = await driver.send('GET', `${collection}/${ticket}/${entry.diagnostic_equipment_id}`);
      expect(reply.status).toBe(200);
      expect(json(reply.text)).toEqual({ ticket_id: ticket, ...entry });
    }
    const names = state.catalog.map((e) => e.name);
    expect(names).toContain('');
    expect(names.some((n) => n.length === 255)).toBe(true);
    expect(state.catalog.map((e) => e.diagnostic_equipment_id)).toEqual(expect.arrayContaining([-2147483648, 2147483647]));
  });

  it('large: loads, and pages and filters like any other state', async () => {
    const state = await loadIntoMock('large');
    expect((await list('?limit=0')).total).toBe(100_000);
    const ticket = state.tickets[1234]!.id;
    expect((await list(`?ticket_id=${ticket}`)).total).toBe(10);
    expect((await list('?offset=99990')).result).toHaveLength(10);
  });
});

describe('scenario files written by QA', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ude-kit-scenarios-'));
  });

  it('can extend a shipped scenario and a file next to them, in JSON or YAML', async () => {
    await writeFile(join(dir, 'base.yaml'), `description: a base in YAML\nextends: closed-ticket\ntickets:\n  - { id: 11111111-1111-4111-8111-111111111111, status: Open }\n`);
    await writeFile(
      join(dir, 'child.json'),
      JSON.stringify({ description: 'a child', extends: './base.yaml', generate: { seed: 5, tickets: 3, usedPerTicket: [1, 2], statuses: { 'On Hold': 1 } } }),
    );
    const result = loadScenario(join(dir, 'child.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.tickets.map((t) => t.status)).toEqual(['In Progress', 'Closed', 'Open', 'On Hold', 'On Hold', 'On Hold']);
    expect(result.state.used.length).toBeGreaterThanOrEqual(3 + 3);
    expect(loadScenario(join(dir, 'child.json'))).toEqual(result);
  });

  it.each([
    ['an unknown parent', { description: 'x', extends: 'nope' }, [['/extends', 'no scenario named "nope"']]],
    [
      'schema errors, all of them',
      { description: '', tickets: [{ id: 'x', status: 'Open' }], generate: { seed: -1 }, colour: 'red' },
      // Unknown keys, then the rest of the top level, then the entries of the lists one by one.
      [['/colour', 'is not allowed'], ['/description', 'must NOT have fewer than 1 characters'], ['/generate/seed', 'must be >= 0'], ['/tickets/0/id', 'must match format "uuid"']],
    ],
    [
      'cross-references, by their path in the file',
      {
        description: 'x',
        extends: 'single-ticket',
        catalog: [{ diagnostic_equipment_id: 12, name: 'again', version: null }],
        used: [{ ticket_id: '00000000-0000-4000-8000-000000000000', diagnostic_equipment_id: 13 }],
      },
      [['/catalog/0/diagnostic_equipment_id', 'duplicates single-ticket (extended) (12)'], ['/used/0/ticket_id', 'no ticket 00000000-0000-4000-8000-000000000000 in /tickets']],
    ],
    [
      'generation asking for more than the catalogue holds',
      { description: 'x', extends: 'single-ticket', generate: { seed: 1, tickets: 2, usedPerTicket: [1, 9] } },
      [['/generate/usedPerTicket', 'asks for up to 9 records on a ticket, but the catalogue has 3 entries']],
    ],
  ])('refuses %s', (_name, document, expected) => {
    const result = resolveScenario(document, (name) => (name === 'single-ticket' ? readScenarioFile(scenarioPath(name)) : undefined));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => [v.field, v.message])).toEqual(expected);
  });

  it('refuses a cycle of extends', async () => {
    await writeFile(join(dir, 'a.json'), JSON.stringify({ description: 'a', extends: './b.json' }));
    await writeFile(join(dir, 'b.json'), JSON.stringify({ description: 'b', extends: './a.json' }));
    const result = loadScenario(join(dir, 'a.json'));
    expect(result.ok ? [] : result.violations.map((v) => v.message)).toEqual([expect.stringMatching(/extends itself through/)]);
  });

  it('a mock started from a scenario resets to it', () => {
    const mock = createMock({ state: load('single-ticket') });
    mock.setTicketStatus(exampleTicket, 'Closed');
    mock.reset();
    expect(mock.state()).toEqual(load('single-ticket'));
  });
});
