// --timeout is the most one request may take, head and body in all: a server that sends its head and
// then one byte at a time is given up on at the deadline, by either transport of the suite's client
// (undici's own body timeout restarts at each byte and never would).
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../contracts/http-client.js';
import { compiledSpec } from '../../src/spec/index.js';
import { useLocalServers } from '../helpers/local-servers.js';

const { listen } = useLocalServers();

/** The head at once, then a space every 50 ms for 3 s, then the end. */
const dripping = () =>
  listen(
    createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      const drip = setInterval(() => response.write(' '), 50);
      const end = setTimeout(() => response.end(']'), 3_000);
      response.on('close', () => {
        clearInterval(drip);
        clearTimeout(end);
      });
    }),
  );

describe('the client’s deadline', () => {
  it.each(['undici', 'fetch'] as const)('%s: a body dripped a byte at a time is a timeout', async (transport) => {
    const client = createClient({ baseUrl: await dripping(), timeoutMs: 300, credentials: { apiKeyHeader: 'x-api-key' }, spec: compiledSpec(), transport });
    const exchange = await client.send('drip', 'GET', '/v2/tickets/used-diagnostic-equipment');
    expect(exchange.error).toEqual({ kind: 'timeout', message: 'no answer within the timeout' });
    expect(exchange.response).toBeUndefined();
  });
});
