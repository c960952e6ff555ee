// A profile makes the fake answer with a deployment's choices where the document is silent; each choice
// applied through both adapters, and every way a profile can be wrong refused at its path.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../../mocks/core/profile-schema.js';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { createMock } from '../../mocks/core/mock.js';
import { InvalidProfileError, profileViolations, statusRefusal, type Profile } from '../../mocks/core/profile.js';
import { compiledSpec } from '../../src/spec/index.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { adapters, collection, json, stateOf, useFreshMock } from '../helpers/behaviour.js';

const fieldsOf = (candidate: unknown) => profileViolations(candidate).map((v) => v.field);
const schemaAccepts = new Ajv({ strict: false }).compile(profileSchema());

describe('a profile is checked, each refusal at its path', () => {
  it('accepts the smallest profile and one that sets every choice', () => {
    expect(profileViolations({ version: 1 })).toEqual([]);
    const full: Profile = {
      $schema: './profile.schema.json',
      version: 1,
      description: 'staging',
      refusals: { 'ticket-not-in-progress': { status: 422, type: 'https://api.example.com/problems/closed', title: 'Closed' } },
      listOrder: 'newest-first',
      uuidCase: 'exact',
    };
    expect(profileViolations(full)).toEqual([]);
    expect([schemaAccepts({ version: 1 }), schemaAccepts(full)]).toEqual([true, true]);
  });

  it.each([
    ['not an object', [], ['/']],
    ['no version', {}, ['/version']],
    ['another version', { version: 2 }, ['/version']],
    ['an unknown setting', { version: 1, order: 'x' }, ['/order']],
    ['an unknown list order', { version: 1, listOrder: 'random' }, ['/listOrder']],
    ['an unknown uuid case', { version: 1, uuidCase: 'upper' }, ['/uuidCase']],
    ['an empty description', { version: 1, description: '' }, ['/description']],
    ['refusals not an object', { version: 1, refusals: [] }, ['/refusals']],
    ['an unknown refusal', { version: 1, refusals: { 'route-not-found': { status: 404 } } }, ['/refusals/route-not-found']],
    ['a refusal not an object', { version: 1, refusals: { 'ticket-not-found': 404 } }, ['/refusals/ticket-not-found']],
    ['an unknown refusal setting', { version: 1, refusals: { 'ticket-not-found': { detail: 'x' } } }, ['/refusals/ticket-not-found/detail']],
    ['a status as text', { version: 1, refusals: { 'ticket-not-found': { status: '404' } } }, ['/refusals/ticket-not-found/status']],
    ['a success status', { version: 1, refusals: { 'ticket-not-found': { status: 200 } } }, ['/refusals/ticket-not-found/status']],
    ['a fractional status', { version: 1, refusals: { 'ticket-not-found': { status: 404.5 } } }, ['/refusals/ticket-not-found/status']],
    ['a type not a string', { version: 1, refusals: { 'ticket-not-found': { type: 1 } } }, ['/refusals/ticket-not-found/type']],
    ['an empty title', { version: 1, refusals: { 'ticket-not-found': { title: '' } } }, ['/refusals/ticket-not-found/title']],
    ['an endless title', { version: 1, refusals: { 'ticket-not-found': { title: 'x'.repeat(2001) } } }, ['/refusals/ticket-not-found/title']],
  ])('refuses %s, as the schema editors read does', (_name, candidate, fields) => {
    expect(fieldsOf(candidate)).toEqual(fields);
    expect(schemaAccepts(candidate)).toBe(false);
  });

  it('reports every problem at once', () => {
    expect(fieldsOf({ version: 0, listOrder: 1, refusals: { 'ticket-not-found': { status: 999, title: 3 } } })).toEqual([
      '/version',
      '/listOrder',
      '/refusals/ticket-not-found/status',
      '/refusals/ticket-not-found/title',
    ]);
  });

  it('allows a status only where every operation answering the refusal documents it with a problem body', () => {
    // The kit's document answers any error status as a problem (`default`): a copy that documents only
    // 409 for remove shows the check reads the document, and names the operation that refuses.
    const spec = compiledSpec();
    const narrowed = {
      document: spec.document,
      operations: spec.operations.map((o) =>
        o.operationId === 'removeUsedDiagnosticEquipment' ? { ...o, operation: { ...o.operation, responses: { '204': o.operation.responses['204']!, '409': o.operation.responses.default! } } } : o,
      ),
    };
    expect(statusRefusal('ticket-not-in-progress', 409, narrowed)).toBeUndefined();
    expect(statusRefusal('ticket-not-in-progress', 422, narrowed)).toBe('is not a status the document allows removeUsedDiagnosticEquipment to answer with a problem');
    expect(statusRefusal('ticket-not-in-progress', 422)).toBeUndefined();
    expect(profileViolations({ version: 1, refusals: { 'ticket-not-in-progress': { status: 422 } } })).toEqual([]);
    expect(profileViolations({ version: 1, refusals: { 'ticket-not-in-progress': { status: 600 } } })).toEqual([
      { field: '/refusals/ticket-not-in-progress/status', message: 'must be an error status, an integer from 400 to 599' },
    ]);
  });

  it('makes createMock and createHandlers throw a typed error with the violations', () => {
    const bad = { version: 1, listOrder: 'random' } as unknown as Profile;
    expect(() => createMock({ profile: bad })).toThrow(InvalidProfileError);
    try {
      createHandlers({ profile: bad });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidProfileError);
      expect((error as InvalidProfileError).violations).toEqual([{ field: '/listOrder', message: 'must be "insertion" or "newest-first", not "random"' }]);
      expect((error as Error).message).toBe('invalid profile: /listOrder must be "insertion" or "newest-first", not "random"');
    }
  });
});

const ruleProfile: Profile = {
  version: 1,
  refusals: {
    'ticket-not-in-progress': { status: 422, type: 'https://api.example.com/problems/ticket-closed', title: 'Ticket is closed' },
    'ticket-not-found': { type: 'https://api.example.com/problems/no-ticket', title: 'No such ticket' },
  },
};

describe.each(adapters)("a profile's choices, through the $name", ({ make }) => {
  const driver = useFreshMock(make);

  it("answers the rule and an unknown ticket with the profile's status, type and title, keeping the detail", async () => {
    await driver.start({ profile: ruleProfile });
    const state = await stateOf(driver);
    const entry = state.catalog[0]!;
    const refused = await driver.send('POST', collection, { json: { ticket_id: closedTicketId, diagnostic_equipment_id: entry.diagnostic_equipment_id } });
    expect(refused.status).toBe(422);
    expect(json(refused.text)).toMatchObject({ type: 'https://api.example.com/problems/ticket-closed', title: 'Ticket is closed', status: 422 });
    expect((json(refused.text) as { detail: string }).detail).toContain(closedTicketId);
    const unknown = await driver.send('GET', `${collection}/00000000-0000-4000-8000-000000000000/${entry.diagnostic_equipment_id}`);
    expect([unknown.status, json(unknown.text)]).toMatchObject([404, { type: 'https://api.example.com/problems/no-ticket', title: 'No such ticket', status: 404 }]);
    // A refusal the profile leaves alone keeps the mock's own words.
    const notUsed = await driver.send('GET', `${collection}/${exampleTicketId}/999999`);
    expect(json(notUsed.text)).toMatchObject({ type: '/problems/used-diagnostic-equipment-not-found', status: 404 });
  });

  it('words bad input and missing credentials as the profile says, wherever the mock refuses them', async () => {
    const words = { type: 'https://api.example.com/problems/invalid', title: 'Invalid request' };
    const route = { 'not-found': { type: 'https://api.example.com/problems/no-route', title: 'No route' }, 'method-not-allowed': { type: 'https://api.example.com/problems/no-method', title: 'No method' } };
    await driver.start({ profile: { version: 1, refusals: { violations: words, unauthorized: { status: 403, type: 'https://api.example.com/problems/denied', title: 'Denied' }, ...route } } });
    // A bad query, a bad body, a path segment that is no valid escape: three places the mock refuses input.
    const query = await driver.send('GET', `${collection}?limit=-1`);
    const body = await driver.send('POST', collection, { json: { ticket_id: 'not-a-uuid' } });
    const segment = await driver.send('GET', `${collection}/%zz/1`);
    for (const refused of [query, body, segment]) expect([refused.status, json(refused.text)]).toMatchObject([400, { ...words, status: 400, violations: expect.any(Array) }]);
    const anonymous = await driver.send('GET', collection, { anonymous: true });
    expect([anonymous.status, json(anonymous.text)]).toMatchObject([403, { type: 'https://api.example.com/problems/denied', title: 'Denied', status: 403 }]);
    // Paths and methods the document does not have.
    const put = await driver.send('PUT', collection, { json: {} });
    expect([put.status, json(put.text)]).toMatchObject([405, { ...route['method-not-allowed'], status: 405 }]);
    const nowhere = await driver.send('GET', `${collection}/x/1/more`);
    expect([nowhere.status, json(nowhere.text)]).toMatchObject([404, { ...route['not-found'], status: 404 }]);
  });

  it('lists newest first, in pages that still partition the list', async () => {
    await driver.start({ profile: { version: 1, listOrder: 'newest-first' } });
    const stored = (await stateOf(driver)).used;
    const walked: unknown[] = [];
    for (let offset = 0; offset < stored.length; offset += 7) {
      const page = json((await driver.send('GET', `${collection}?limit=7&offset=${offset}`)).text) as { result: Array<{ ticket_id: string; diagnostic_equipment_id: number }>; total: number };
      expect(page.total).toBe(stored.length);
      walked.push(...page.result.map((r) => ({ ticket_id: r.ticket_id, diagnostic_equipment_id: r.diagnostic_equipment_id })));
    }
    expect(stored.length).toBeGreaterThan(7);
    expect(walked).toEqual([...stored].reverse());
  });

  it('treats a uuid in another case as an unknown ticket when uuids are exact', async () => {
    await driver.start({ profile: { version: 1, uuidCase: 'exact' } });
    const upper = exampleTicketId.toUpperCase();
    const state = await stateOf(driver);
    const usedId = state.used.find((u) => u.ticket_id === exampleTicketId)!.diagnostic_equipment_id;
    expect((await driver.send('GET', `${collection}/${exampleTicketId}/${usedId}`)).status).toBe(200);
    const read = await driver.send('GET', `${collection}/${upper}/${usedId}`);
    expect([read.status, (json(read.text) as { type: string }).type]).toEqual([404, '/problems/ticket-not-found']);
    const filtered = json((await driver.send('GET', `${collection}?ticket_id=${upper}`)).text) as { total: number };
    expect(filtered.total).toBe(0);
    const added = await driver.send('POST', collection, { json: { ticket_id: upper, diagnostic_equipment_id: usedId } });
    expect(added.status).toBe(404);
  });

  it("keeps the mock's own choices without a profile", async () => {
    await driver.start();
    const stored = (await stateOf(driver)).used;
    const first = json((await driver.send('GET', `${collection}?limit=1`)).text) as { result: Array<{ ticket_id: string }> };
    expect(first.result[0]!.ticket_id).toBe(stored[0]!.ticket_id);
    const usedId = stored.find((u) => u.ticket_id === exampleTicketId)!.diagnostic_equipment_id;
    expect((await driver.send('GET', `${collection}/${exampleTicketId.toUpperCase()}/${usedId}`)).status).toBe(200);
  });
});
