// HTTP as RFC 9110/9112 has it: pipelined requests change the state in the order they came, HEAD
// wherever GET, Allow naming HEAD and OPTIONS, every answer the server makes itself in problem+json,
// credentials redacted in the journal by their look, defaults that bound slow clients, and a stop that
// lets requests in flight finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeGraceMs, defaultTimeouts, startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { adapters, collection, exampleTicket } from '../helpers/behaviour.js';
import { rawExchange, lastBody } from '../helpers/raw-http.js';

const auth = 'Authorization: Bearer t\r\nX-Api-Key: k\r\n';
const one = (id: number) => `${collection}/${exampleTicket}/${id}`;

describe('pipelined requests on one connection', () => {
  let running: RunningServer;
  const mock = createMock();
  beforeAll(async () => {
    running = await startHttpServer(mock, { port: 0 });
  });
  afterAll(() => running.close());

  const body = JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: 40 });
  const post = `POST ${collection} HTTP/1.1\r\nHost: localhost\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  const get = `GET ${one(40)} HTTP/1.1\r\nHost: localhost\r\n${auth}\r\n`;
  const remove = `DELETE ${one(40)} HTTP/1.1\r\nHost: localhost\r\n${auth}\r\n`;
  const lastGet = `GET ${one(40)} HTTP/1.1\r\nHost: localhost\r\n${auth}Connection: close\r\n\r\n`;

  it.each([
    ['in one write', [post + body + get + remove + lastGet], 0],
    ['with the POST body split over several writes', [post, body.slice(0, 10), body.slice(10, 30), body.slice(30) + get + remove + lastGet], 40],
    ['with every request in its own write', [post + body.slice(0, 5), body.slice(5) + get, remove, lastGet], 40],
  ])('are answered and applied in order, %s', async (_name, parts, gapMs) => {
    mock.reset();
    const reply = await rawExchange(running.url, parts, { gapMs });
    expect(reply.statuses).toEqual([201, 200, 204, 404]);
    expect(mock.state().used.some((u) => u.ticket_id === exampleTicket && u.diagnostic_equipment_id === 40)).toBe(false);
  });
});

describe.each(adapters)('HEAD and Allow ($name)', ({ make }) => {
  const driver = make();
  beforeAll(() => driver.start());
  afterAll(() => driver.stop());

  it.each([collection, `${collection}?limit=3`, one(12), '/__admin/state'])('HEAD %s gives GET’s status and headers without a body', async (path) => {
    const get = await driver.send('GET', path);
    const head = await driver.send('HEAD', path);
    expect(head.status).toBe(get.status);
    expect(head.text).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(Number(head.headers.get('content-length'))).toBe(new TextEncoder().encode(get.text).byteLength);
  });

  it('names HEAD and OPTIONS in Allow', async () => {
    const reply = await driver.send('DELETE', collection);
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
  });
});

describe.each(adapters)('journal redaction ($name)', ({ make }) => {
  const driver = make();
  beforeAll(() => driver.start());
  afterAll(() => driver.stop());

  it('hides every header and query parameter whose name looks like a credential', async () => {
    const secrets = {
      'x-auth-token': 'secret-1',
      'api-key': 'secret-2',
      'x-session-token': 'secret-3',
      cookie: 'sid=secret-4',
      'set-cookie': 'sid=secret-5',
      'proxy-authorization': 'Basic secret-6',
      'x-client-secret': 'secret-7',
      'x-password': 'secret-8',
    };
    await driver.send('GET', `${collection}?limit=1&api_key=secret-9&access_token=secret-10&Password=secret-11`, { headers: secrets });
    const journal = JSON.parse((await driver.send('GET', '/__admin/requests')).text) as { requests: Array<{ headers: Record<string, string>; query: string }> };
    const entry = journal.requests.at(-1)!;
    const text = JSON.stringify(entry);
    for (let i = 1; i <= 11; i++) expect(text).not.toContain(`secret-${i}`);
    for (const name of Object.keys(secrets)) expect(entry.headers[name]).toBe('[redacted]');
    expect(entry.headers.authorization).toBe('[redacted]');
    expect(entry.headers['x-api-key']).toBe('[redacted]');
    expect(new URLSearchParams(entry.query).get('limit')).toBe('1');
    expect(new URLSearchParams(entry.query).get('api_key')).toBe('[redacted]');
  });
});

describe('answers the server makes itself', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startHttpServer(createMock(), { port: 0 });
  });
  afterAll(() => running.close());

  it('refuses an Expect it cannot meet with a 417 problem, and still takes 100-continue', async () => {
    const teapot = await rawExchange(running.url, [`GET ${one(12)} HTTP/1.1\r\nHost: localhost\r\n${auth}Expect: teapot\r\n\r\n`], { idleMs: 300 });
    expect(teapot.statuses).toEqual([417]);
    expect(teapot.text).toContain('content-type: application/problem+json');
    expect(JSON.parse(lastBody(teapot))).toMatchObject({ type: '/problems/expectation-failed', status: 417 });
    const body = JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: 39 });
    const proceed = await rawExchange(running.url, [`POST ${collection} HTTP/1.1\r\nHost: localhost\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`, body], { gapMs: 50 });
    expect(proceed.statuses).toEqual([100, 201]);
  });

  it('runs with bounded defaults: 10 s for headers, 30 s for a whole request', () => {
    expect(defaultTimeouts).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    expect(running.server.headersTimeout).toBe(10_000);
    expect(running.server.requestTimeout).toBe(30_000);
    expect(closeGraceMs).toBe(5_000);
  });
});

