// Generated hostile input: random methods, paths, query strings, headers and bodies (invalid UTF-8,
// deep or huge JSON, __proto__ keys, numbers past 2^63, empty and repeated parameters, wrong content
// types). Never a 5xx, never a changed state from a refused request, no prototype pollution, and the
// server still answers afterwards.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';

const collection = '/v2/tickets/used-diagnostic-equipment';
const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
export const hostileRuns = { core: 3000, http: 300, seed: 4711 };

const segment = fc.oneof(
  fc.constantFrom(ticket, '12', '2147483648', '-1', '1e3', '%', '%E0%A4%A', '%00', '..', '', '__proto__', 'constructor', 'x'.repeat(3000)),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
);
const path = fc.oneof(
  fc.constant(collection),
  fc.tuple(segment, segment).map(([a, b]) => `${collection}/${a}/${b}`),
  fc.array(segment, { maxLength: 5 }).map((parts) => `${collection}/${parts.join('/')}`),
  fc.array(segment, { maxLength: 3 }).map((parts) => `/__admin/${parts.join('/')}`),
  fc.constantFrom('/__admin/state', '/__admin/reset', '/__admin/requests', `/__admin/tickets/${ticket}`, '/', '//', '/v2'),
);
const number = fc.oneof(fc.constantFrom('9223372036854775808', '99999999999999999999999', '-0', '0x10', '1e400', 'NaN', ''), fc.integer().map(String));
const query = fc
  .array(fc.tuple(fc.constantFrom('limit', 'offset', 'ticket_id', '__proto__', 'constructor', 'limit[]', ''), fc.oneof(number, fc.string({ maxLength: 40 }), fc.constant(ticket))), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
const jsonBody = fc.oneof(
  fc.constant(`{"ticket_id":"${ticket}","diagnostic_equipment_id":40}`),
  fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  fc.constant(`{"ticket_id":"${ticket}","diagnostic_equipment_id":99999999999999999999999}`),
  fc.integer({ min: 1, max: 20000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 20000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.constant(JSON.stringify({ tickets: [], catalog: [], used: [], __proto__: 1 })),
  fc.json(),
  fc.string({ maxLength: 200 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  jsonBody.map((text) => new TextEncoder().encode(text)),
  fc.uint8Array({ maxLength: 300 }),
  fc.constant(new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])),
);
const headers = fc.record(
  {
    authorization: fc.constantFrom('Bearer t', '', 'Bearer', 'Basic x', 'Bearer \u0000'),
    'x-api-key': fc.constantFrom('k', '', ' '),
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/problem+json', '', 'application/json;;;'),
    origin: fc.constantFrom('http://localhost:5173', 'null', '*'),
  },
  { requiredKeys: [] },
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'FOO');

describe('generated hostile requests against the core', () => {
  it(`never fail with 5xx, change state when refused, or pollute prototypes (${hostileRuns.core} requests)`, () => {
    const mock = createMock({ journalSize: 50 });
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
    fc.assert(
      fc.property(method, path, query, headers, body, (m, p, q, h, b) => {
        const before = JSON.stringify(mock.state());
        const response = mock.handle({ method: m, path: p, query: new URLSearchParams(q), headers: h, body: b });
        expect(response.status).toBeLessThan(500);
        if (response.body !== undefined && /json/.test(response.headers['content-type'] ?? '')) expect(() => JSON.parse(response.body!)).not.toThrow();
        if (response.status >= 400) expect(JSON.stringify(mock.state())).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeKeys);
        mock.reset();
      }),
      { numRuns: hostileRuns.core, seed: hostileRuns.seed },
    );
  });
});

describe('generated hostile bytes against the node:http server', () => {
  let running: RunningServer;
  const mock = createMock({ journalSize: 50 });
  beforeAll(async () => {
    running = await startHttpServer(mock, { port: 0, headersTimeoutMs: 2000, requestTimeoutMs: 3000 });
  });
  afterAll(() => running.close());

  function raw(bytes: Uint8Array): Promise<string> {
    const { port } = new URL(running.url);
    return new Promise((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let received = '';
      const timer = setTimeout(() => socket.destroy(), 4000);
      socket.on('data', (d) => (received += d.toString('latin1')));
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(received);
      });
      socket.on('error', () => undefined);
      socket.end(bytes);
    });
  }

  it(`answers every one without a 5xx and keeps serving (${hostileRuns.http} requests)`, async () => {
    const request = fc.tuple(method, path, query, headers, fc.option(fc.uint8Array({ maxLength: 200 }), { nil: undefined }), body).map(([m, p, q, h, junk, b]) => {
      const head = [`${m} ${p}${q ? `?${q}` : ''} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...Object.entries(h).map(([k, v]) => `${k}: ${v}`)];
      if (b !== undefined) head.push(`Content-Length: ${b.byteLength}`);
      const text = new TextEncoder().encode(`${head.join('\r\n')}\r\n\r\n`);
      // Sometimes raw junk goes in the header block instead of a header line.
      const prefix = junk === undefined ? text : new Uint8Array([...text.slice(0, text.length - 2), ...junk, 13, 10, 13, 10]);
      return { method: m, bytes: b === undefined ? prefix : new Uint8Array([...prefix, ...b]) };
    });
    const samples = fc.sample(request, { numRuns: hostileRuns.http, seed: hostileRuns.seed });
    let refusedWrites = 0;
    for (const { method: m, bytes } of samples) {
      const before = JSON.stringify(mock.state());
      const reply = await raw(bytes);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      // Every request gets an answer: a closed socket without one is a failure, not "status 0".
      expect(status, `no answer to ${new TextDecoder().decode(bytes.slice(0, 120))}`).toBeGreaterThanOrEqual(100);
      expect(status, reply.slice(0, 200)).toBeLessThan(500);
      // A refused request changes nothing: checked for each one, whatever the others did.
      if (status >= 400) {
        expect(JSON.stringify(mock.state())).toBe(before);
        if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) refusedWrites++;
      }
    }
    // The sample must exercise the state check on writes, or it proves nothing.
    expect(refusedWrites).toBeGreaterThan(hostileRuns.http / 10);
    const after = await fetch(`${running.url}${collection}/${ticket}/12`, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } });
    expect([200, 404]).toContain(after.status);
  }, 120_000);
});
