// Generality must not turn into false positives: the kit's own mock and deployments that differ from it
// in ways HTTP and the document allow give no error-level finding, exit 0, and run every check — each
// variation alone, and all of them at once (a real deployment differs in several ways together).
import { describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import type { MockResponse } from '../../mocks/core/exchange.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { charsetOnAnswers, closeEveryConnection, gzipAnswers, startGateway, throttleEvery, type GatewayLayer } from '../helpers/gateway.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { mapBody, wrap } from './mutants.js';

const collection = '/v2/tickets/used-diagnostic-equipment';
type Json = Record<string, unknown>;

interface Variation {
  name: string;
  mock?: (mock: Mock) => Mock;
  gateway?: GatewayLayer[];
}

const withBody = (response: MockResponse, change: (body: Json) => Json): MockResponse => (response.status === 200 ? mapBody(response, change) : response);
const isProblem = (response: MockResponse) => response.headers['content-type'] === 'application/problem+json' && response.body !== undefined;

/** JSON text with whitespace between its tokens, numbers kept digit for digit (an int64 offset past 2^53). */
function prettyPrinted(text: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === '}' || c === ']') out += `\n${'  '.repeat(--depth)}`;
    out += c === ':' ? ': ' : c;
    if (c === '{' || c === '[') out += `\n${'  '.repeat(++depth)}`;
    if (c === ',') out += `\n${'  '.repeat(depth)}`;
  }
  return `${out}\n`;
}

/** Rows in another stable order, and the page the request asked for cut from it. */
const reordered = (order: (rows: Array<{ diagnostic_equipment_id: number; ticket_id: string }>) => typeof rows) => (mock: Mock) =>
  wrap(mock, (request, next) => {
    if (request.method !== 'GET' || request.path !== collection) return next(request);
    const asked = next(request);
    if (asked.status !== 200 || asked.body === undefined) return asked;
    const whole = new URLSearchParams(request.query);
    whole.set('limit', '1000');
    whole.set('offset', '0');
    const all = JSON.parse(next({ ...request, query: whole }).body!) as { result: Array<{ diagnostic_equipment_id: number; ticket_id: string }> };
    const page = JSON.parse(asked.body) as { query: { limit: number; offset: number }; result: unknown[] };
    if (page.query.offset > Number.MAX_SAFE_INTEGER) return asked;
    return { ...asked, body: JSON.stringify({ ...page, result: order(all.result).slice(page.query.offset, page.query.offset + page.query.limit) }) };
  });

const variations: Variation[] = [
  { name: 'rows in another stable order (by equipment id, descending)', mock: reordered((rows) => [...rows].sort((a, b) => b.diagnostic_equipment_id - a.diagnostic_equipment_id || a.ticket_id.localeCompare(b.ticket_id))) },
  { name: 'newest first', mock: reordered((rows) => [...rows].reverse()) },
  { name: 'undocumented properties on every record (warnings only)', mock: (mock) => wrap(mock, (request, next) => withBody(next(request), (body) => (Array.isArray(body.result) ? { ...body, result: (body.result as Json[]).map((r) => ({ ...r, serial: 'S-1' })) } : 'ticket_id' in body ? { ...body, serial: 'S-1' } : body))) },
  { name: 'version null on every record', mock: (mock) => wrap(mock, (request, next) => withBody(next(request), (body) => (Array.isArray(body.result) ? { ...body, result: (body.result as Json[]).map((r) => ({ ...r, version: null })) } : 'ticket_id' in body ? { ...body, version: null } : body))) },
  { name: 'pretty-printed JSON', mock: (mock) => wrap(mock, (request, next) => { const r = next(request); return r.body === undefined ? r : { ...r, body: prettyPrinted(r.body) }; }) },
  {
    name: 'problem members the document does not list (instance, code)',
    mock: (mock) => wrap(mock, (request, next) => { const r = next(request); return isProblem(r) ? mapBody(r, (b) => ({ ...b, instance: `urn:uuid:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, code: `E${String(b.status)}` })) : r; }),
  },
  {
    name: 'absolute problem type URIs, other titles',
    mock: (mock) => wrap(mock, (request, next) => { const r = next(request); return isProblem(r) ? mapBody(r, (b) => ({ ...b, type: `https://api.example.com${String(b.type)}`, title: `${String(b.title)} (see type)` })) : r; }),
  },
  { name: '; charset=utf-8 on every media type', gateway: [charsetOnAnswers] },
  { name: 'gzip', gateway: [gzipAnswers] },
  { name: 'Connection: close on every answer', gateway: [closeEveryConnection] },
  { name: '1 request in 25 throttled with 429 and Retry-After', gateway: [throttleEvery(25, '0')] },
];

const all: Variation = {
  name: 'all of them at once',
  mock: (mock) => variations.reduce((current, v) => v.mock?.(current) ?? current, mock),
  gateway: variations.flatMap((v) => v.gateway ?? []),
};

describe('legitimate variations of the API', () => {
  it.each([{ name: 'the kit’s own mock' }, ...variations, all].map((v) => [v.name, v] as const))('%s: no error finding, exit 0, every check run', async (_name, variation) => {
    const mock = createMock({ auth: selfTestCredentials });
    const server = await startHttpServer(variation.mock?.(mock) ?? mock, { port: 0 });
    const gateway = variation.gateway === undefined ? undefined : await startGateway(server.url, variation.gateway);
    try {
      const report = await runContract(selfTestOptions(gateway?.url ?? server.url));
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.request.method} ${f.request.target} ${f.pointer}: ${f.message}`);
      expect(errors).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(report.checks.filter((c) => c.status === 'not-run').map((c) => `${c.name}: ${c.reason ?? ''}`)).toEqual([]);
    } finally {
      await gateway?.close();
      await server.close();
    }
  });

  it('the variations reach the wire: gzip, charset and closed connections are seen by a client', async () => {
    const server = await startHttpServer(createMock({ auth: { mode: 'off' } }), { port: 0 });
    const gateway = await startGateway(server.url, [gzipAnswers, charsetOnAnswers, closeEveryConnection]);
    try {
      const { request } = await import('undici');
      const answer = await request(`${gateway.url}${collection}`, { headers: { 'accept-encoding': 'gzip' } });
      await answer.body.arrayBuffer();
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.headers.connection).toBe('close');
    } finally {
      await gateway.close();
      await server.close();
    }
  });
});
