// The admin calls the console is built on, through both adapters: paged tickets and catalogue with
// their bounds, the journal polled by id and one entry with its answer, and scenarios by name or upload.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminPage } from '../../mocks/core/admin/admin-pages.js';
import { loadScenario, shippedScenarios } from '../../mocks/state/scenario-files.js';
import { shippedScenarioSource } from '../../mocks/state/scenario-source-node.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { adapters, collection, json, stateOf } from '../helpers/behaviour.js';

const statuses = ['In Progress', 'Open', 'Closed'];
/** 120 tickets (more than two default pages), a status each in turn, ticket i with i % 4 records. */
function bigState(): StateDocument {
  const tickets = Array.from({ length: 120 }, (_, i) => ({ id: `${String(i).padStart(8, '0')}-aaaa-4aaa-8aaa-${'a'.repeat(12)}`, status: statuses[i % 3]! }));
  const catalog = Array.from({ length: 7 }, (_, i) => ({ diagnostic_equipment_id: i + 1, name: i % 2 === 0 ? `Autel ${i}` : `Bosch ${i}`, version: i === 3 ? null : `v${i}.0` }));
  const used = tickets.flatMap((t, i) => Array.from({ length: i % 4 }, (_, k) => ({ ticket_id: t.id, diagnostic_equipment_id: k + 1 })));
  return { tickets, catalog, used };
}

type TicketPage = { offset: number; limit: number; total: number; tickets: Array<{ id: string; status: string; used: number }> };

describe.each(adapters)('admin calls for the console ($name)', ({ make }) => {
  const driver = make();
  afterAll(() => driver.stop());
  const get = async <T>(path: string) => {
    const reply = await driver.send('GET', path);
    return { status: reply.status, body: json(reply.text) as T };
  };

  it('pages the tickets with their record counts, in the state’s order, every ticket once', async () => {
    await driver.start({ state: bigState() });
    const state = bigState();
    const seen: TicketPage['tickets'] = [];
    for (let offset = 0; ; offset += adminPage.defaultLimit) {
      const { status, body } = await get<TicketPage>(`/__admin/tickets?offset=${offset}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ offset, limit: adminPage.defaultLimit, total: state.tickets.length });
      if (body.tickets.length === 0) break;
      seen.push(...body.tickets);
    }
    expect(seen).toEqual(state.tickets.map((t, i) => ({ ...t, used: i % 4 })));
  });

  it('filters tickets by status and by a case-insensitive id search, the total counting the matches', async () => {
    await driver.start({ state: bigState() });
    const closed = (await get<TicketPage>('/__admin/tickets?status=Closed&limit=7')).body;
    expect(closed.total).toBe(40);
    expect(closed.tickets).toHaveLength(7);
    expect(closed.tickets.every((t) => t.status === 'Closed')).toBe(true);
    const searched = (await get<TicketPage>('/__admin/tickets?q=00000011-AAAA')).body;
    expect(searched.tickets.map((t) => t.id)).toEqual([`00000011-aaaa-4aaa-8aaa-${'a'.repeat(12)}`]);
    expect(searched.total).toBe(1);
  });

  it('refuses a page outside its bounds with violations naming the parameter', async () => {
    await driver.start();
    for (const [query, field] of [
      [`limit=${adminPage.maxLimit + 1}`, 'limit'],
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=1e3', 'offset'],
      ['limit=abc', 'limit'],
    ] as const) {
      const reply = await driver.send('GET', `/__admin/tickets?${query}`);
      expect(reply.status, query).toBe(400);
      expect((json(reply.text) as { violations: Array<{ field: string }> }).violations.map((v) => v.field), query).toEqual([field]);
    }
    expect((await driver.send('GET', `/__admin/catalog?limit=${adminPage.maxLimit}`)).status).toBe(200);
  });

  it('pages and searches the catalogue by id, name or version', async () => {
    await driver.start({ state: bigState() });
    const all = (await get<{ total: number; catalog: StateDocument['catalog'] }>('/__admin/catalog')).body;
    expect(all.catalog).toEqual(bigState().catalog);
    const autel = (await get<{ total: number; catalog: StateDocument['catalog'] }>('/__admin/catalog?q=autel&limit=2&offset=1')).body;
    expect(autel.total).toBe(4);
    expect(autel.catalog.map((e) => e.diagnostic_equipment_id)).toEqual([3, 5]);
    expect((await get<{ total: number }>('/__admin/catalog?q=v6.0')).body.total).toBe(1);
  });

  it('gives the journal entries after an id, each with its operation, and one entry with the answer it got', async () => {
    await driver.start({ state: bigState() });
    await driver.send('DELETE', '/__admin/requests');
    const ticket = bigState().tickets[1]!.id;
    const first = await driver.send('GET', `${collection}?ticket_id=${ticket}`);
    await driver.send('GET', `${collection}/${ticket}/1`);
    await driver.send('GET', `${collection}/a/b/c`);
    const all = (await get<{ requests: Array<{ id: number; operation?: string }> }>('/__admin/requests')).body.requests;
    expect(all.map((e) => e.operation)).toEqual(['listUsedDiagnosticEquipment', 'getUsedDiagnosticEquipment', undefined]);
    const after = (await get<{ requests: Array<{ id: number }> }>(`/__admin/requests?after=${all[0]!.id}`)).body.requests;
    expect(after.map((e) => e.id)).toEqual([all[1]!.id, all[2]!.id]);
    expect((await get<{ requests: unknown[] }>(`/__admin/requests?after=${all[2]!.id}`)).body.requests).toEqual([]);

    const detail = (await get<{ headers: Record<string, string>; response: { body: string; headers: Record<string, string>; bodyCut: boolean } }>(`/__admin/requests/${all[0]!.id}`)).body;
    expect(detail.response.body).toBe(first.text);
    expect(detail.response.bodyCut).toBe(false);
    expect(detail.response.headers['content-type']).toBe('application/json');
    expect(detail.headers.authorization).toBe('[redacted]');
    expect(detail.headers['x-api-key']).toBe('[redacted]');

    expect((await driver.send('GET', `/__admin/requests/${all[2]!.id + 1000}`)).status).toBe(404);
    expect((await driver.send('GET', '/__admin/requests?after=-1')).status).toBe(400);
  });

  it('says scenarios are not served where no scenario source was given (MSW, createMock)', async () => {
    await driver.start();
    for (const reply of [await driver.send('GET', '/__admin/scenarios'), await driver.send('POST', '/__admin/scenarios/load', { json: { name: 'empty' } })]) {
      expect(reply.status).toBe(404);
      expect((json(reply.text) as { detail: string }).detail).toMatch(/loadScenario/);
    }
  });

  it('lists and loads the shipped scenarios by name, and loads an uploaded scenario', async () => {
    await driver.start({ scenarios: shippedScenarioSource() });
    const listed = (await get<{ scenarios: Array<{ name: string; description: string }> }>('/__admin/scenarios')).body.scenarios;
    expect(listed).toEqual(shippedScenarios());
    const loaded = await driver.send('POST', '/__admin/scenarios/load', { json: { name: 'closed-ticket' } });
    expect(loaded.status).toBe(200);
    const expected = loadScenario('closed-ticket');
    if (!expected.ok) throw new Error('closed-ticket is refused');
    expect(await stateOf(driver)).toEqual(expected.state);
    expect(json(loaded.text)).toEqual({ tickets: expected.state.tickets.length, catalog: expected.state.catalog.length, used: expected.state.used.length });

    const uploaded = await driver.send('POST', '/__admin/scenarios/load', { json: { scenario: { description: 'mine', extends: 'empty', ...bigState() } } });
    expect(uploaded.status).toBe(200);
    expect(await stateOf(driver)).toEqual(bigState());
  });

  it('refuses a bad name, a bad body, a bad upload and an upload that names a file, changing nothing', async () => {
    await driver.start({ scenarios: shippedScenarioSource() });
    const before = await stateOf(driver);
    // A real scenario file on this machine: an upload naming it must not make the mock read it.
    const onDisk = join(mkdtempSync(join(tmpdir(), 'ude-kit-upload-')), 'local.json');
    writeFileSync(onDisk, JSON.stringify({ description: 'on disk', tickets: [] }));
    const cases: Array<[unknown, string]> = [
      [{ name: '../package' }, '/name'],
      [{ name: 'no-such-scenario' }, '/name'],
      [{}, 'body'],
      [{ name: 'empty', scenario: {} }, 'body'],
      [{ scenario: { description: 'x', tickets: [{ id: 'not-a-uuid', status: 'Open' }] } }, '/tickets/0/id'],
      [{ scenario: { description: 'x', extends: onDisk } }, '/extends'],
      [{ scenario: 'not an object' }, ''],
    ];
    for (const [body, field] of cases) {
      const reply = await driver.send('POST', '/__admin/scenarios/load', { json: body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      const found = (json(reply.text) as { violations: Array<{ field: string; message: string }> }).violations;
      expect(found.some((v) => v.field.startsWith(field)), `${JSON.stringify(body)} → ${JSON.stringify(found)}`).toBe(true);
    }
    const extending = await driver.send('POST', '/__admin/scenarios/load', { json: { scenario: { description: 'x', extends: onDisk } } });
    expect(extending.text).toContain('may extend only a shipped scenario');
    expect(await stateOf(driver)).toEqual(before);
  });

  it('says what state is loaded, counts the writes since, and what reset returns to (state/about)', async () => {
    await driver.start({ scenarios: shippedScenarioSource() });
    type About = { loaded: string; loadedAt: string; changes: number; resetTo: string };
    const about = async () => (await get<About>('/__admin/state/about')).body;
    const start = await about();
    expect(start).toMatchObject({ loaded: 'the default state (seed 1)', changes: 0, resetTo: 'the default state (seed 1)' });
    expect(Number.isNaN(Date.parse(start.loadedAt))).toBe(false);

    await driver.send('POST', '/__admin/scenarios/load', { json: { name: 'closed-ticket' } });
    expect(await about()).toMatchObject({ loaded: 'scenario "closed-ticket"', changes: 0 });
    const ticket = (await stateOf(driver)).tickets[0]!.id;
    // Reads and refusals change nothing; a status change and an API write that succeeds each count.
    await driver.send('GET', `${collection}?ticket_id=${ticket}`);
    await driver.send('PATCH', '/__admin/tickets/00000000-0000-4000-8000-000000000000', { json: { status: 'Open' } });
    await driver.send('POST', collection, { json: { ticket_id: ticket, diagnostic_equipment_id: 999_999 } });
    expect((await about()).changes).toBe(0);
    await driver.send('PATCH', `/__admin/tickets/${ticket}`, { json: { status: 'In Progress' } });
    const now = await stateOf(driver);
    const catalogId = now.catalog.find((e) => !now.used.some((u) => u.ticket_id === ticket && u.diagnostic_equipment_id === e.diagnostic_equipment_id))!.diagnostic_equipment_id;
    await driver.send('POST', collection, { json: { ticket_id: ticket, diagnostic_equipment_id: catalogId } });
    expect((await about()).changes).toBe(2);

    await driver.send('POST', '/__admin/scenarios/load', { json: { scenario: { description: 'mine', ...bigState() } } });
    expect((await about()).loaded).toBe('an uploaded scenario');
    // A state put back with what it was (the console's undo), and a plain PUT.
    const restored = await driver.send('PUT', '/__admin/state?loaded=scenario%20%22x%22&changes=3', { json: bigState() });
    expect(restored.status).toBe(200);
    expect(await about()).toMatchObject({ loaded: 'scenario "x"', changes: 3 });
    await driver.send('PUT', '/__admin/state', { json: bigState() });
    expect(await about()).toMatchObject({ loaded: 'a state document (PUT /__admin/state)', changes: 0 });
    for (const query of ['changes=-1', 'changes=x', 'loaded=', `loaded=${'a'.repeat(201)}`]) {
      const refused = await driver.send('PUT', `/__admin/state?${query}`, { json: bigState() });
      expect(refused.status, query).toBe(400);
    }
    await driver.send('POST', '/__admin/reset');
    expect(await about()).toMatchObject({ loaded: 'the default state (seed 1)', changes: 0 });
  });

  it('journals admin writes as admin actions, credentials redacted, and leaves admin reads and HAR to the API', async () => {
    await driver.start();
    await driver.send('DELETE', '/__admin/requests');
    const ticket = (await stateOf(driver)).tickets[0]!.id;
    await driver.send('GET', '/__admin/tickets');
    await driver.send('PATCH', `/__admin/tickets/${ticket}`, { json: { status: 'Open' }, headers: { 'x-admin-token': 'not-in-force' } });
    await driver.send('POST', '/__admin/faults', { json: { operation: '*', status: 503, password: 'hunter2' } });
    await driver.send('GET', `${collection}?ticket_id=${ticket}`);
    type Listed = { requests: Array<{ id: number; method: string; path: string; admin?: true; operation?: string; headers: Record<string, string>; body?: string }> };
    const entries = (await get<Listed>('/__admin/requests')).body.requests;
    expect(entries.map((e) => [e.method, e.path, e.admin])).toEqual([
      ['PATCH', `/__admin/tickets/${ticket}`, true],
      ['POST', '/__admin/faults', true],
      ['GET', collection, undefined],
    ]);
    const [patch, fault] = entries;
    expect(patch!.headers['x-admin-token']).toBe('[redacted]');
    expect(patch!.headers.authorization).toBe('[redacted]');
    expect(patch!.operation).toBeUndefined();
    expect(fault!.body).toContain('[redacted]');
    expect(fault!.body).not.toContain('hunter2');
    expect(JSON.stringify((await get<unknown>(`/__admin/requests/${fault!.id}`)).body)).not.toContain('hunter2');
    const har = (await get<{ log: { entries: Array<{ request: { url: string } }> } }>('/__admin/requests?format=har')).body;
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual([collection]);
  });

  it('creates tickets and catalogue entries, checked as the state document checks them', async () => {
    await driver.start({ state: bigState() });
    const post = async <T>(path: string, body: unknown) => {
      const reply = await driver.send('POST', path, { json: body });
      return { status: reply.status, body: json(reply.text) as T };
    };
    const made = await post<{ id: string; status: string }>('/__admin/tickets', { status: 'In Progress' });
    expect(made.status).toBe(201);
    expect(made.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const named = '11111111-2222-4333-8444-555555555555';
    expect(await post('/__admin/tickets', { id: named, status: 'Closed' })).toEqual({ status: 201, body: { id: named, status: 'Closed' } });
    const again = await post<{ type: string; detail: string }>('/__admin/tickets', { id: named.toUpperCase(), status: 'Open' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/already-exists');
    for (const [body, field] of [[{ id: 'not-a-uuid', status: 'Open' }, '/id'], [{ status: 7 }, '/status'], [[], 'body']] as const) {
      const refused = await post<{ violations: Array<{ field: string }> }>('/__admin/tickets', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.violations.map((v) => v.field), JSON.stringify(body)).toContain(field);
    }

    // The catalogue: the next id when none is given, no version unless one is.
    const entry = await post<{ diagnostic_equipment_id: number; name: string; version: string | null }>('/__admin/catalog', { name: 'Launch X431' });
    expect(entry).toEqual({ status: 201, body: { diagnostic_equipment_id: 8, name: 'Launch X431', version: null } });
    expect((await post('/__admin/catalog', { diagnostic_equipment_id: 3, name: 'Again' })).status).toBe(409);
    expect((await post<{ violations: Array<{ field: string }> }>('/__admin/catalog', { diagnostic_equipment_id: 2 ** 31, name: 'x' })).body.violations.map((v) => v.field)).toEqual(['/diagnostic_equipment_id']);

    // Both are the state's now: listed, and the API takes a record of one on the other.
    const state = await stateOf(driver);
    expect(state.tickets.slice(-2)).toEqual([made.body, { id: named, status: 'Closed' }]);
    expect(state.catalog.at(-1)).toEqual(entry.body);
    expect((await driver.send('POST', collection, { json: { ticket_id: made.body.id, diagnostic_equipment_id: 8 } })).status).toBe(201);
    expect((await get<{ changes: number }>('/__admin/state/about')).body.changes).toBe(4);
    // A ticket made here starts with no records (the one added above is its only one).
    const ofMade = await get<{ total: number }>(`${collection}?ticket_id=${made.body.id}`);
    expect(ofMade.body.total).toBe(1);
    const ofNamed = await get<{ total: number }>(`${collection}?ticket_id=${named}`);
    expect(ofNamed.body.total).toBe(0);

    // Past the largest id the document's format allows, a blank id takes the smallest free one.
    const largest = 2 ** 31 - 1;
    expect((await post('/__admin/catalog', { diagnostic_equipment_id: largest, name: 'Last' })).status).toBe(201);
    const wrapped = await post<{ diagnostic_equipment_id: number }>('/__admin/catalog', { name: 'After the last' });
    expect(wrapped).toEqual({ status: 201, body: expect.objectContaining({ diagnostic_equipment_id: 9 }) as unknown });

    // The admin writes are journalled as such: marked admin, named by no API operation, in order.
    const entries = (await get<{ requests: Array<{ method: string; path: string; admin?: boolean; operation?: string }> }>('/__admin/requests')).body.requests;
    const adminWrites = entries.filter((e) => e.path.startsWith('/__admin/'));
    expect(adminWrites.length).toBeGreaterThanOrEqual(4);
    for (const entry of adminWrites) expect(entry).toMatchObject({ method: 'POST', admin: true });
    expect(adminWrites.filter((e) => e.operation !== undefined)).toEqual([]);
    expect(entries.filter((e) => !e.path.startsWith('/__admin/')).every((e) => e.admin === undefined)).toBe(true);
  });
});

