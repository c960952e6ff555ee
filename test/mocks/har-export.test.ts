// The journal as HAR 1.2: what a front-end team hands to tools that read HAR. Every entry has the
// fields HAR 1.2 requires, the answers the mock gave (which validate against the document), and no
// credential in the clear.
import { describe, expect, it } from 'vitest';
import type { Har } from '../../mocks/core/har.js';
import { createMock } from '../../mocks/core/mock.js';
import { compiledSpec } from '../../src/spec/index.js';
import { checkResponse } from '../../src/spec/response-validation.js';
import { createRouter } from '../../src/spec/router.js';
import { adapters, collection, exampleTicket, useFreshMock } from '../helpers/behaviour.js';

const secretHeaders = { authorization: 'Bearer secret-token-1', 'x-api-key': 'secret-key-2', cookie: 'sid=secret-3' };

function expectCleanHar(har: Har): void {
  const router = createRouter(compiledSpec().operations);
  expect(har.log.version).toBe('1.2');
  expect(har.log.creator.name).toBe('ude-kit');
  expect(JSON.stringify(har)).not.toMatch(/secret-(token-1|key-2|3)/);
  for (const entry of har.log.entries) {
    expect(entry).toMatchObject({ startedDateTime: expect.any(String) as string, time: expect.any(Number) as number, cache: {}, timings: { send: 0, wait: 0, receive: 0 } });
    expect(entry.request).toMatchObject({ method: expect.any(String) as string, url: expect.stringMatching(/^http:\/\//) as string, httpVersion: 'HTTP/1.1', cookies: [], headersSize: -1 });
    expect(entry.response).toMatchObject({ status: expect.any(Number) as number, httpVersion: 'HTTP/1.1', redirectURL: '', headersSize: -1 });
    const url = new URL(entry.request.url);
    const match = router.match(entry.request.method, url.pathname);
    if (match.kind !== 'operation') continue;
    const issues = checkResponse(match.operation, { status: entry.response.status, contentType: entry.response.content.mimeType || undefined, bodyText: entry.response.content.text ?? '' });
    expect(issues, `${entry.request.method} ${entry.request.url}`).toEqual([]);
  }
}

describe.each(adapters)('the journal as HAR ($name)', ({ make }) => {
  const driver = useFreshMock(make);

  it('GET /__admin/requests?format=har gives every exchange, redacted, with the answers as sent', async () => {
    await driver.send('GET', `${collection}?limit=2`, { headers: secretHeaders });
    await driver.send('GET', `${collection}/${exampleTicket}/12`, { headers: secretHeaders });
    await driver.send('POST', collection, { json: { ticket_id: exampleTicket, diagnostic_equipment_id: 40 }, headers: secretHeaders });
    await driver.send('DELETE', `${collection}/${exampleTicket}/40`, { headers: secretHeaders });
    await driver.send('GET', `${collection}/${exampleTicket}/40`, { headers: secretHeaders });
    await driver.send('GET', `${collection}?limit=x`, { headers: secretHeaders });
    const reply = await driver.send('GET', '/__admin/requests?format=har');
    expect(reply.status).toBe(200);
    const har = JSON.parse(reply.text) as Har;
    expect(har.log.entries.map((e) => `${e.request.method} ${e.response.status}`)).toEqual(['GET 200', 'GET 200', 'POST 201', 'DELETE 204', 'GET 404', 'GET 400']);
    const post = har.log.entries[2]!;
    expect(post.request.postData).toEqual({ mimeType: 'application/json', text: JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: 40 }) });
    expect(post.request.headers).toContainEqual({ name: 'authorization', value: '[redacted]' });
    expect(har.log.entries[0]!.request.queryString).toEqual([{ name: 'limit', value: '2' }]);
    expect(JSON.parse(har.log.entries[0]!.response.content.text!)).toMatchObject({ query: { limit: 2, offset: 0 } });
    expectCleanHar(har);
  });

  it('refuses an unknown format', async () => {
    const reply = await driver.send('GET', '/__admin/requests?format=xml');
    expect(reply.status).toBe(400);
  });
});

describe('mock.requests({ format: "har" })', () => {
  it('gives the same HAR in process, and cuts a large answer with a comment', () => {
    const mock = createMock({ maxBodyBytes: 1024 * 1024 });
    const state = mock.state();
    const ticket = 'ba5eba11-0000-4000-8000-000000001000';
    const extra = Array.from({ length: 1000 }, (_, i) => ({ diagnostic_equipment_id: 100_000 + i, name: 'n'.repeat(255), version: 'v'.repeat(255) }));
    mock.load({ tickets: [...state.tickets, { id: ticket, status: 'Open' }], catalog: [...state.catalog, ...extra], used: extra.map((e) => ({ ticket_id: ticket, diagnostic_equipment_id: e.diagnostic_equipment_id })) });
    mock.handle({ method: 'GET', path: collection, query: new URLSearchParams('limit=1000'), headers: { ...secretHeaders, host: 'localhost:4010' } });
    const har = mock.requests({ format: 'har' });
    expect(har.log.entries).toHaveLength(1);
    const [entry] = har.log.entries;
    expect(entry!.request.url).toBe('http://localhost:4010/v2/tickets/used-diagnostic-equipment?limit=1000');
    expect(entry!.response.content.text!.length).toBe(256 * 1024);
    expect(entry!.comment).toBe("ude-kit journal: response body cut at the journal's limit");
    expect(JSON.stringify(har)).not.toMatch(/secret-/);
  });
});
