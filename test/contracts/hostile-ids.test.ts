// Identifiers and counts a deployment makes up are data, never syntax: a ticket id it lists that holds
// URL syntax ("&", "#", "/") stays one value in every request the probes build from it, and a total it
// gives that is negative or fractional does not turn into requests the document forbids.
import { describe, expect, it } from 'vitest';
import type { CheckContext, Send } from '../../contracts/checks/check.js';
import { equivalentFormsCheck } from '../../contracts/checks/equivalent-forms.js';
import { listCombinationsCheck } from '../../contracts/checks/list-combinations.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { createLedger } from '../../contracts/ledger.js';
import { specValues } from '../../contracts/spec-values.js';
import { compiledSpec } from '../../src/spec/index.js';

const spec = compiledSpec();
const values = specValues(spec);
const context: CheckContext = { spec, fixtures: { equipment: [], probeRemoveRule: false }, readOnly: true, baseUrl: 'https://h', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
const hostile = 'a&limit=1000#x/../y?z';

/** A deployment whose list always answers `body`; records are 404. */
function answering(body: unknown): { send: Send; sent: LabelledExchange[] } {
  const sent: LabelledExchange[] = [];
  const send: Send = async (label, method, target) => {
    const list = target.split('?')[0] === values.collection;
    const exchange: LabelledExchange = {
      label,
      auth: 'both',
      attempts: 1,
      request: { method, target, headers: {} },
      response: { status: list ? 200 : 404, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(list ? body : {}), durationMs: 1 },
    };
    sent.push(exchange);
    return exchange;
  };
  return { send, sent };
}

describe('identifiers a deployment lists', () => {
  it('a ticket id holding URL syntax stays one value in every page and record request of equivalent_forms', async () => {
    const { send, sent } = answering({ query: { limit: 1, offset: 0 }, result: [{ ticket_id: hostile, diagnostic_equipment_id: 12, name: 'x', version: null }], total: 1 });
    await equivalentFormsCheck.probe(send, context, createLedger());
    const pages = sent.filter((e) => e.label.startsWith('forms: a page'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const [path, search] = page.request.target.split('?');
      const query = new URLSearchParams(search);
      expect(path, page.label).toBe(values.collection);
      expect(query.get('ticket_id')?.toLowerCase(), page.label).toBe(hostile.toLowerCase());
      expect([query.getAll('limit'), query.getAll('offset')], page.label).toEqual([['5'], ['1']]);
    }
    const records = sent.filter((e) => e.label.startsWith('forms: a record, '));
    expect(records.length).toBeGreaterThan(3);
    for (const record of records) {
      expect(record.request.target, record.label).not.toMatch(/[#?]/);
      const segments = record.request.target.split('/');
      expect(segments.length, record.label).toBe(values.one.pathTemplate.split('/').length);
      expect(decodeURIComponent(segments.at(-2)!).toLowerCase(), record.label).toBe(hostile.toLowerCase());
    }
  });

  it('a negative or fractional total never makes pagination_combinations send a negative or fractional offset or limit', async () => {
    for (const total of [-7, 2.5, -0.5]) {
      const { send, sent } = answering({ query: { limit: 1000, offset: 0 }, result: [], total });
      await listCombinationsCheck.probe(send, context, createLedger());
      const asked = sent.flatMap((e) => [...new URLSearchParams(e.request.target.split('?')[1])].filter(([name]) => name === 'limit' || name === 'offset').map(([name, value]) => `${name}=${value}`));
      expect(asked.length, String(total)).toBeGreaterThan(20);
      expect(asked.filter((pair) => !/^(limit|offset)=\d+$/.test(pair)), String(total)).toEqual([]);
    }
  });
});
