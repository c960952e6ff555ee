import { afterAll, describe, expect, it } from 'vitest';
import { adapters, collection, exampleTicket, json } from '../helpers/behaviour.js';
import { credentials } from '../helpers/drivers.js';

const one = `${collection}/${exampleTicket}/12`;

describe.each(adapters)('auth ($name)', ({ make }) => {
  const driver = make();
  afterAll(() => driver.stop());

  it.each([
    ['no credentials', {}],
    ['only the bearer token', { authorization: credentials.authorization }],
    ['only the API key', { 'x-api-key': credentials['x-api-key'] }],
    ['an empty bearer token', { authorization: 'Bearer ', 'x-api-key': 'k' }],
    ['a Basic instead of a Bearer token', { authorization: 'Basic dTpw', 'x-api-key': 'k' }],
  ])('refuses %s with 401, WWW-Authenticate and a problem', async (_name, headers) => {
    await driver.start();
    for (const [method, path] of [['GET', collection], ['GET', one], ['DELETE', one], ['POST', collection]] as const) {
      const reply = await driver.send(method, path, { anonymous: true, headers, json: method === 'POST' ? {} : undefined });
      expect(reply.status, `${method} ${path}`).toBe(401);
      expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(json(reply.text)).toMatchObject({ type: '/problems/unauthorized', status: 401 });
    }
  });

  it('accepts any non-empty credentials by default', async () => {
    await driver.start();
    const reply = await driver.send('GET', one, { anonymous: true, headers: { authorization: 'bearer x', 'x-api-key': 'y' } });
    expect(reply.status).toBe(200);
  });

  it('accepts only the configured key and token when they are set', async () => {
    await driver.start({ auth: { apiKey: 'right-key', token: 'right-token' } });
    const right = { authorization: 'Bearer right-token', 'x-api-key': 'right-key' };
    expect((await driver.send('GET', one, { anonymous: true, headers: right })).status).toBe(200);
    const wrongKey = await driver.send('GET', one, { anonymous: true, headers: { ...right, 'x-api-key': 'wrong' } });
    expect(wrongKey.status).toBe(401);
    expect(json(wrongKey.text)).toMatchObject({ detail: 'The API key is not valid.' });
    const wrongToken = await driver.send('GET', one, { anonymous: true, headers: { ...right, authorization: 'Bearer wrong' } });
    expect(wrongToken.status).toBe(401);
    expect(json(wrongToken.text)).toMatchObject({ detail: 'The access token is not valid.' });
  });

  it('serves requests without credentials when auth is off', async () => {
    await driver.start({ auth: { mode: 'off' } });
    expect((await driver.send('GET', one, { anonymous: true })).status).toBe(200);
  });

  it('checks credentials before input, so a bad request without them is a 401', async () => {
    await driver.start();
    expect((await driver.send('GET', `${collection}?limit=abc`, { anonymous: true })).status).toBe(401);
  });
});

describe.each(adapters)('CORS ($name)', ({ make }) => {
  const driver = make();
  afterAll(() => driver.stop());
  const origin = 'http://localhost:5173';

  it('answers a preflight for the collection and for one record', async () => {
    await driver.start();
    for (const [path, methods] of [[collection, 'GET, POST, HEAD, OPTIONS'], [one, 'GET, DELETE, HEAD, OPTIONS']] as const) {
      const reply = await driver.send('OPTIONS', path, {
        anonymous: true,
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, x-api-key, content-type' },
      });
      expect(reply.status).toBe(204);
      expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
      expect(reply.headers.get('access-control-allow-methods')).toBe(methods);
      expect(reply.headers.get('access-control-allow-headers')).toBe('authorization, x-api-key, content-type');
    }
  });

  it('lets a page on another origin read answers and errors, including WWW-Authenticate', async () => {
    await driver.start();
    const ok = await driver.send('GET', one, { headers: { origin } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const refused = await driver.send('GET', one, { anonymous: true, headers: { origin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    expect(refused.headers.get('access-control-expose-headers')).toContain('www-authenticate');
  });
});
