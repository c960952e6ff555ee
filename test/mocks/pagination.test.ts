import { describe, expect, it } from 'vitest';
import { compiledSpec } from '../../src/spec/index.js';
import { adapters, collection, exampleTicket, json, stateOf, unknownTicket, useFreshMock } from '../helpers/behaviour.js';

interface ListBody {
  query: Record<string, unknown>;
  result: Array<{ ticket_id: string; diagnostic_equipment_id: number }>;
  total: number;
}

// The defaults and bounds are read from the document, as the mock reads them.
const listParameters = compiledSpec().operations.find((o) => o.operationId === 'listUsedDiagnosticEquipment')!.queryParameters;
const limitSchema = listParameters.find((p) => p.name === 'limit')!.schema as { default: number; maximum: number };
const offsetSchema = listParameters.find((p) => p.name === 'offset')!.schema as { default: number };

describe.each(adapters)('pagination ($name)', ({ make }) => {
  const driver = useFreshMock(make);
  const list = async (query: string) => {
    const reply = await driver.send('GET', `${collection}${query}`);
    expect(reply.status, reply.text).toBe(200);
    return json(reply.text) as ListBody;
  };
  const keys = (body: ListBody) => body.result.map((r) => `${r.ticket_id}/${r.diagnostic_equipment_id}`);

  it('applies and echoes the default limit and offset', async () => {
    const state = await stateOf(driver);
    const body = await list('');
    expect(body.query).toEqual({ limit: limitSchema.default, offset: offsetSchema.default });
    expect(body.total).toBe(state.used.length);
    expect(state.used.length).toBeGreaterThan(limitSchema.default);
    expect(body.result).toHaveLength(limitSchema.default);
  });

  it('returns pages that add up to the whole list, in a stable order', async () => {
    const state = await stateOf(driver);
    const whole = await list(`?limit=${limitSchema.maximum}`);
    expect(keys(whole)).toEqual(state.used.map((u) => `${u.ticket_id}/${u.diagnostic_equipment_id}`));
    const walked: string[] = [];
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await list(`?limit=7&offset=${offset}`);
      expect(page.query).toEqual({ limit: 7, offset });
      expect(page.total).toBe(whole.total);
      walked.push(...keys(page));
    }
    expect(walked).toEqual(keys(whole));
    expect(keys(await list(`?limit=${limitSchema.maximum}`))).toEqual(keys(whole));
  });

  it('returns no rows but the right total for limit=0', async () => {
    const body = await list('?limit=0');
    expect(body.result).toEqual([]);
    expect(body.total).toBe((await stateOf(driver)).used.length);
    expect(body.query.limit).toBe(0);
  });

  it('returns an empty page past the end', async () => {
    const total = (await stateOf(driver)).used.length;
    const body = await list(`?offset=${total}`);
    expect(body.result).toEqual([]);
    expect(body.total).toBe(total);
  });

  it('filters by ticket_id and echoes it', async () => {
    const state = await stateOf(driver);
    const expected = state.used.filter((u) => u.ticket_id === exampleTicket);
    expect(expected.length).toBeGreaterThan(limitSchema.default);
    const first = await list(`?ticket_id=${exampleTicket}`);
    expect(first.query).toEqual({ limit: limitSchema.default, offset: 0, ticket_id: exampleTicket });
    expect(first.total).toBe(expected.length);
    const second = await list(`?ticket_id=${exampleTicket}&offset=${limitSchema.default}`);
    expect([...keys(first), ...keys(second)]).toEqual(expected.map((u) => `${u.ticket_id}/${u.diagnostic_equipment_id}`));
  });

  it('gives an empty list for a ticket that has no records or does not exist', async () => {
    const body = await list(`?ticket_id=${unknownTicket}`);
    expect(body).toEqual({ query: { limit: limitSchema.default, offset: 0, ticket_id: unknownTicket }, result: [], total: 0 });
  });

  it('accepts the documented bounds', async () => {
    expect((await list(`?limit=${limitSchema.maximum}`)).query.limit).toBe(limitSchema.maximum);
    expect((await list('?limit=0&offset=0')).result).toEqual([]);
  });

  it.each(['9007199254740993', '9223372036854775807'])('echoes the int64 offset %s exactly, without rounding', async (offset) => {
    const reply = await driver.send('GET', `${collection}?offset=${offset}`);
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`"offset":${offset}`);
    expect((json(reply.text) as ListBody).result).toEqual([]);
  });

  it('rejects an offset beyond int64 clearly', async () => {
    const reply = await driver.send('GET', `${collection}?offset=9223372036854775808`);
    expect(reply.status).toBe(400);
    expect(json(reply.text)).toMatchObject({ violations: [{ field: 'offset', message: 'must match format "int64"' }] });
  });
});
