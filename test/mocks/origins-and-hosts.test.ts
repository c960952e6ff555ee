// A local dev server is attack surface: a page the developer has open on any site can send requests to
// 127.0.0.1, and a public name can be re-bound to it. Only loopback origins (and those named) get CORS;
// the admin API refuses other origins outright and writes without application/json; Host names that are
// not loopback are refused.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock, type MockOptions } from '../../mocks/core/mock.js';
import { createOriginPolicy, hostAllowed, normaliseOrigin } from '../../mocks/core/origins.js';
import { collection, exampleTicket } from '../helpers/behaviour.js';
import { credentials } from '../helpers/drivers.js';
import { rawExchange, lastBody } from '../helpers/raw-http.js';

const foreign = 'https://evil.example';
const one = `${collection}/${exampleTicket}/12`;

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(options: MockOptions = {}, http: Parameters<typeof startHttpServer>[1] = {}): Promise<{ mock: Mock; url: string }> {
  const mock = createMock(options);
  running = await startHttpServer(mock, { port: 0, ...http });
  return { mock, url: running.url };
}

const accessControl = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('the origin policy', () => {
  it.each([
    ['http://localhost:5173', 'echo'],
    ['http://127.0.0.1:3000', 'echo'],
    ['http://[::1]:8080', 'echo'],
    ['https://localhost', 'echo'],
    ['http://app.localhost:5173', 'echo'],
    ['https://evil.example', undefined],
    ['http://localhost.evil.example', undefined],
    ['http://127.0.0.1.evil.example:80', undefined],
    ['null', undefined],
    ['file://', undefined],
  ])('grants %s → %s by default', (origin, grant) => {
    expect(createOriginPolicy().grant(origin)).toBe(grant);
    expect(createOriginPolicy().adminAllowed(origin)).toBe(grant === 'echo');
  });

  it('adds named origins, and lets * read the API but never the admin API', () => {
    const policy = createOriginPolicy(['http://app.test:8080', '*']);
    expect(policy.grant('http://app.test:8080')).toBe('echo');
    expect(policy.adminAllowed('http://app.test:8080')).toBe(true);
    expect(policy.grant(foreign)).toBe('wildcard');
    expect(policy.adminAllowed(foreign)).toBe(false);
    expect(normaliseOrigin('HTTP://App.Test:80/')).toBe('http://app.test');
    expect(normaliseOrigin('http://app.test/path')).toBeUndefined();
  });

  it.each([
    ['localhost:4010', true],
    ['127.0.0.1', true],
    ['[::1]:4010', true],
    ['app.localhost:5173', true],
    ['10.1.2.3:4010', true],
    ['evil.example', false],
    ['evil.example:4010', false],
    ['localhost.evil.example', false],
    ['', false],
  ])('Host %s is answered: %s', (host, allowed) => {
    expect(hostAllowed(host, [])).toBe(allowed);
  });
});

describe('CORS over HTTP', () => {
  it('echoes a loopback origin with credentials, and gives another origin no CORS header at all', async () => {
    const { url } = await serve();
    const allowed = await fetch(`${url}${one}`, { headers: { ...credentials, origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('vary')).toBe('Origin');

    const refused = await fetch(`${url}${one}`, { headers: { ...credentials, origin: foreign } });
    expect(refused.status).toBe(200);
    expect(accessControl(refused.headers)).toEqual([]);
    const preflight = await fetch(`${url}${collection}`, {
      method: 'OPTIONS',
      headers: { origin: foreign, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(accessControl(preflight.headers)).toEqual([]);
  });

  it('grants a named origin, and * without credentials', async () => {
    const { url } = await serve({ corsOrigins: ['http://app.test:8080', '*'] });
    const named = await fetch(`${url}${one}`, { headers: { ...credentials, origin: 'http://app.test:8080' } });
    expect(named.headers.get('access-control-allow-origin')).toBe('http://app.test:8080');
    const any = await fetch(`${url}${one}`, { headers: { ...credentials, origin: foreign } });
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
    expect(any.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

// `--cors-origin '*'` is for reading: a page of any site may read the API, and may not change it. Before,
// the preflight granted it every method and a page of another site added (201) and removed (204) records.
describe("--cors-origin '*' lets any page read, not write", () => {
  const add = { ticket_id: exampleTicket, diagnostic_equipment_id: 40 };

  it('names only the reading methods to a preflight of another origin, and every method to a named one', async () => {
    const { url } = await serve({ corsOrigins: ['http://app.test:8080', '*'] });
    const ask = (origin: string, method: string, path: string) =>
      fetch(`${url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, x-api-key, content-type' } });
    const write = await ask(foreign, 'POST', collection);
    expect(write.status).toBe(204);
    expect(write.headers.get('access-control-allow-origin')).toBe('*');
    expect(write.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect((await ask(foreign, 'DELETE', one)).headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    const named = await ask('http://app.test:8080', 'POST', collection);
    expect(named.headers.get('access-control-allow-methods')).toBe('GET, POST, HEAD, OPTIONS');
  });

  it('refuses a write sent anyway with a 403 problem, and changes nothing; a read and a named page still work', async () => {
    const { mock, url } = await serve({ corsOrigins: ['http://app.test:8080', '*'] });
    const state = JSON.stringify(mock.state());
    const headers = { ...credentials, 'content-type': 'application/json' };
    const posted = await fetch(`${url}${collection}`, { method: 'POST', body: JSON.stringify(add), headers: { ...headers, origin: foreign } });
    expect(posted.status).toBe(403);
    expect(await posted.json()).toMatchObject({ type: '/problems/origin-not-allowed', status: 403, detail: expect.stringContaining("--cors-origin '*' lets any page read, not write") as string });
    const deleted = await fetch(`${url}${one}`, { method: 'DELETE', headers: { ...headers, origin: foreign } });
    expect(deleted.status).toBe(403);
    expect(JSON.stringify(mock.state())).toBe(state);

    const read = await fetch(`${url}${one}`, { headers: { ...credentials, origin: foreign } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${url}${one}`, { method: 'HEAD', headers: { ...credentials, origin: foreign } })).status).toBe(200);
    expect((await fetch(`${url}${collection}`, { method: 'POST', body: JSON.stringify(add), headers: { ...headers, origin: 'http://app.test:8080' } })).status).toBe(201);
    expect((await fetch(`${url}${one}`, { method: 'DELETE', headers: { ...headers, origin: 'http://localhost:5173' } })).status).toBe(204);
  });

  it('refuses the writes of an origin with no grant at all the same way, and takes a write without Origin', async () => {
    const { mock, url } = await serve();
    const headers = { ...credentials, 'content-type': 'application/json' };
    const posted = await fetch(`${url}${collection}`, { method: 'POST', body: JSON.stringify(add), headers: { ...headers, origin: foreign } });
    expect(posted.status).toBe(403);
    expect(accessControl(posted.headers)).toEqual([]);
    expect(mock.state().used.some((u) => u.ticket_id === add.ticket_id && u.diagnostic_equipment_id === add.diagnostic_equipment_id)).toBe(false);
    expect((await fetch(`${url}${collection}`, { method: 'POST', body: JSON.stringify(add), headers })).status).toBe(201);
  });
});

describe('the admin API against other origins', () => {
  const attacks: Array<[string, string, string, RequestInit]> = [
    ['reads the journal', 'GET', '/__admin/requests', {}],
    ['reads the state', 'GET', '/__admin/state', {}],
    ['replaces the state', 'PUT', '/__admin/state', { body: JSON.stringify({ tickets: [], catalog: [], used: [] }), headers: { 'content-type': 'application/json' } }],
    ['resets as a no-cors form post', 'POST', '/__admin/reset', { body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
    ['clears the journal', 'DELETE', '/__admin/requests', { headers: { 'content-type': 'application/json' } }],
    ['asks for a preflight', 'OPTIONS', '/__admin/state', { headers: { 'access-control-request-method': 'PUT' } }],
  ];

  it.each(attacks)('refuses a page of another origin that %s, and changes nothing', async (_name, method, path, init) => {
    const { mock, url } = await serve();
    await fetch(`${url}${one}`, { headers: { ...credentials, 'x-session-token': 's3cret' } });
    const state = JSON.stringify(mock.state());
    const journal = mock.requests().length;
    const reply = await fetch(`${url}${path}`, { ...init, method, headers: { ...(init.headers as Record<string, string>), origin: foreign } });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(await reply.json()).toMatchObject({ type: '/problems/origin-not-allowed', status: 403 });
    expect(accessControl(reply.headers)).toEqual([]);
    expect(JSON.stringify(mock.state())).toBe(state);
    expect(mock.requests()).toHaveLength(journal);
  });

  it('still serves an allowed origin, which must send writes as application/json', async () => {
    const { mock, url } = await serve();
    const origin = 'http://localhost:5173';
    mock.setTicketStatus(exampleTicket, 'Closed');
    const form = await fetch(`${url}/__admin/reset`, { method: 'POST', body: 'x=1', headers: { origin, 'content-type': 'text/plain' } });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ type: '/problems/unsupported-media-type' });
    expect(mock.state().tickets.find((t) => t.id === exampleTicket)?.status).toBe('Closed');
    const reset = await fetch(`${url}/__admin/reset`, { method: 'POST', headers: { origin, 'content-type': 'application/json' } });
    expect(reset.status).toBe(200);
    expect(reset.headers.get('access-control-allow-origin')).toBe(origin);
    expect(mock.state().tickets.find((t) => t.id === exampleTicket)?.status).toBe('In Progress');
  });

  it('refuses every admin write without application/json, whatever the origin', async () => {
    const { url } = await serve();
    for (const [method, path] of [['POST', '/__admin/reset'], ['DELETE', '/__admin/requests'], ['PUT', '/__admin/state'], ['PATCH', `/__admin/tickets/${exampleTicket}`]]) {
      const reply = await fetch(`${url}${path}`, { method: method!, body: method === 'PUT' || method === 'PATCH' ? '{}' : undefined });
      expect(reply.status, `${method} ${path}`).toBe(415);
    }
  });
});

describe('Host names (DNS rebinding)', () => {
  it('answers loopback names and IP literals, refuses other names with a 403 problem, API and admin alike', async () => {
    const { url } = await serve();
    for (const host of ['localhost', 'localhost:9', '127.0.0.1:4010', '[::1]', 'app.localhost']) {
      const reply = await rawExchange(url, [`GET ${one} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer t\r\nX-Api-Key: k\r\nConnection: close\r\n\r\n`]);
      expect(reply.statuses, host).toEqual([200]);
    }
    for (const path of [one, '/__admin/state']) {
      const reply = await rawExchange(url, [`GET ${path} HTTP/1.1\r\nHost: rebind.evil.example:4010\r\nAuthorization: Bearer t\r\nX-Api-Key: k\r\nConnection: close\r\n\r\n`]);
      expect(reply.statuses).toEqual([403]);
      expect(reply.text).toContain('content-type: application/problem+json');
      expect(JSON.parse(lastBody(reply))).toMatchObject({ type: '/problems/host-not-allowed', status: 403 });
    }
  });

  it('answers a name given with --allowed-host, and any name with all', async () => {
    const named = await serve({}, { allowedHosts: ['dev.test'] });
    expect((await rawExchange(named.url, [`GET /__admin/state HTTP/1.1\r\nHost: dev.test:4010\r\nConnection: close\r\n\r\n`])).statuses).toEqual([200]);
    expect((await rawExchange(named.url, [`GET /__admin/state HTTP/1.1\r\nHost: other.test\r\nConnection: close\r\n\r\n`])).statuses).toEqual([403]);
    await running?.close();
    const any = await serve({}, { allowedHosts: 'any' });
    expect((await rawExchange(any.url, [`GET /__admin/state HTTP/1.1\r\nHost: other.test\r\nConnection: close\r\n\r\n`])).statuses).toEqual([200]);
  });

  it('answers a request without Host with a problem (HTTP/1.1) or serves it (HTTP/1.0)', async () => {
    const { url } = await serve();
    const eleven = await rawExchange(url, [`GET ${one} HTTP/1.1\r\nAuthorization: Bearer t\r\nX-Api-Key: k\r\n\r\n`], { idleMs: 300 });
    expect(eleven.statuses).toEqual([400]);
    expect(JSON.parse(lastBody(eleven))).toMatchObject({ type: '/problems/violations', violations: [{ field: 'Host' }] });
    const ten = await rawExchange(url, [`GET ${one} HTTP/1.0\r\nAuthorization: Bearer t\r\nX-Api-Key: k\r\n\r\n`], { idleMs: 300 });
    expect(ten.statuses).toEqual([200]);
  });
});

describe('the MSW adapter', () => {
  let mock: Mock;
  beforeAll(async () => {
    const { createHandlers } = await import('../../mocks/adapters/msw.js');
    mock = createHandlers().mock;
  });

  it('answers every origin: a service worker serves only its own pages', () => {
    const reply = mock.handle({ method: 'GET', path: '/__admin/state', query: new URLSearchParams(), headers: { origin: 'https://my-app.example' } });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe('https://my-app.example');
  });
});

// The patterns read whole values: mutation testing showed each could lose an anchor unnoticed, and an
// unanchored one grants a page of another site (or a re-bound DNS name) what only loopback may have.
describe('origins and Host names are read whole', () => {
  it('grants no origin that only starts or ends like a loopback one', () => {
    const policy = createOriginPolicy();
    for (const origin of ['http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'http://evil.example#http://localhost:4010', 'http://evil.example/http://[::1]']) {
      expect([origin, policy.grant(origin), policy.adminAllowed(origin)]).toEqual([origin, undefined, false]);
    }
    expect(policy.grant('http://app.localhost:5173')).toBe('echo');
  });

  it('answers no Host that only starts or ends like a loopback name or an IP literal', () => {
    for (const host of ['evil.example:x:localhost', 'localhost:80:evil.example', '1.2.3.4.evil.example', 'evil.1.2.3.4', 'evil.example:4010:127.0.0.1']) {
      expect([host, hostAllowed(host, [])]).toEqual([host, false]);
    }
    expect(hostAllowed('10.20.30.40:4010', [])).toBe(true);
  });
});
