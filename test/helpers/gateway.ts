// A gateway in front of a deployment, as real ones stand in front of real APIs: it forwards each
// request to the upstream over HTTP and may answer by itself first (a 429 from a rate limiter) or
// change the answer on its way back (gzip, a charset parameter, Connection: close). Tests use it for
// what only the HTTP layer can show; the drift mutants change the mock's own answers instead.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';

export interface GatewayAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface GatewayRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Header names as the client spelt them (`headers` has them in lower case). */
  rawHeaderNames: string[];
  body: Buffer;
  /** 1 for the first request the gateway received. */
  index: number;
}

export interface GatewayLayer {
  /** An answer given by the gateway itself, without asking the upstream. */
  before?(request: GatewayRequest): GatewayAnswer | undefined;
  /** The upstream's answer, changed on its way back. */
  after?(answer: GatewayAnswer, request: GatewayRequest): GatewayAnswer;
}

export interface Gateway {
  url: string;
  /** Requests the gateway received, and those it answered by itself. */
  received: () => number;
  answeredItself: () => number;
  close(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) if (value !== undefined && !hopByHop.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

export async function startGateway(upstream: string, layers: GatewayLayer[]): Promise<Gateway> {
  let received = 0;
  let itself = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const incoming: GatewayRequest = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: headersOf(req),
          rawHeaderNames: req.rawHeaders.filter((_, i) => i % 2 === 0),
          body: Buffer.concat(chunks),
          index: ++received,
        };
        let answer: GatewayAnswer | undefined;
        for (const layer of layers) answer ??= layer.before?.(incoming);
        if (answer !== undefined) itself++;
        else {
          const upstreamAnswer = await request(`${upstream}${incoming.url}`, {
            method: incoming.method as 'GET',
            headers: { ...incoming.headers, 'accept-encoding': 'identity' },
            body: incoming.body.length > 0 ? incoming.body : null,
          });
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(upstreamAnswer.headers)) if (value !== undefined && !hopByHop.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          answer = { status: upstreamAnswer.statusCode, headers, body: Buffer.from(await upstreamAnswer.body.arrayBuffer()) };
          for (const layer of layers) if (layer.after !== undefined) answer = layer.after(answer, incoming);
        }
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
        res.end(answer.body);
      })().catch((error: unknown) => {
        res.writeHead(502).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    answeredItself: () => itself,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A rate limiter that refuses every `every`-th request with 429 and Retry-After (seconds), before the upstream sees it. */
export const throttleEvery = (every: number, retryAfter = '0', status = 429): GatewayLayer => ({
  before: (request) =>
    request.index % every === 0
      ? { status, headers: { 'content-type': 'application/problem+json', 'retry-after': retryAfter }, body: Buffer.from(JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status })) }
      : undefined,
});

/** Answers compressed with gzip, as a gateway does for a client that accepts it. */
export const gzipAnswers: GatewayLayer = {
  after: (answer, request) =>
    answer.body.length > 0 && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') ? { ...answer, headers: { ...answer.headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }, body: gzipSync(answer.body) } : answer,
};

/** `; charset=utf-8` on every media type. */
export const charsetOnAnswers: GatewayLayer = {
  after: (answer) => {
    const type = answer.headers['content-type'];
    return type === undefined || type.includes('charset') ? answer : { ...answer, headers: { ...answer.headers, 'content-type': `${type}; charset=utf-8` } };
  },
};

/** `Connection: close` on every answer: each request needs a new connection. */
export const closeEveryConnection: GatewayLayer = {
  after: (answer) => ({ ...answer, headers: { ...answer.headers, connection: 'close' } }),
};
