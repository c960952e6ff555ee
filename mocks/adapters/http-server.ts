// Adapter B: the mock on node:http. Converts each request to the core's plain shape once, enforces the
// body limit while reading (so a huge upload is never buffered), and writes the core's answer back.
// All socket code lives here; the core never sees a stream.
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { pickDelay, type DelayRange } from '../core/delay.js';
import type { MockRequest, MockResponse } from '../core/exchange.js';
import type { Mock } from '../core/mock.js';
import { problemResponse } from '../core/response.js';
import { headersTooLarge, internalError, malformedRequest, requestTimeout, violations, type ProblemResult } from '../core/problems.js';

export interface HttpServerOptions {
  port?: number;
  /** Defaults to 127.0.0.1: a mock is not for the whole network unless you say so. */
  host?: string;
  delay?: DelayRange | undefined;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

type Body = { bytes?: Uint8Array; tooLarge: boolean };

/** Thrown when the client goes away before its body is complete: there is no one left to answer. */
class ClientGone extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: Body) => {
      settled = true;
      resolve(body);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) settle(size === 0 ? { tooLarge: false } : { bytes: Buffer.concat(chunks, size), tooLarge: false });
    });
    // Without this an aborted upload would leave the promise (and its chunks) pending forever.
    request.on('close', () => {
      if (!settled) reject(new ClientGone());
    });
    request.on('error', () => {
      if (!settled) reject(new ClientGone());
    });
  });
}

/** Origin-form targets ("/path?query") are the norm; absolute-form ("http://host/path") is allowed too. */
function parseTarget(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://mock.invalid${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function write(response: ServerResponse, answer: MockResponse, closeAfter: boolean): void {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.body !== undefined) headers['content-length'] = Buffer.byteLength(answer.body);
  // After an unread oversized body the connection cannot be reused: say so instead of hanging.
  if (closeAfter) headers.connection = 'close';
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

export function createRequestListener(mock: Mock, options: HttpServerOptions = {}) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let answer: MockResponse;
    let tooLarge = false;
    const url = parseTarget(request.url ?? '/');
    try {
      if (url === undefined) {
        request.resume();
        answer = problemResponse(violations([{ field: 'url', message: 'is not a valid request target' }]));
      } else {
        const body = await readBody(request, mock.bodyLimit(url.pathname));
        tooLarge = body.tooLarge;
        const plain: MockRequest = {
          method: (request.method ?? 'GET').toUpperCase(),
          path: url.pathname,
          query: url.searchParams,
          headers: headersOf(request),
          body: body.bytes,
          bodyTooLarge: body.tooLarge,
        };
        answer = mock.handle(plain);
      }
    } catch (error) {
      if (error instanceof ClientGone) return;
      console.error('ude-kit mock: could not read the request', error);
      answer = problemResponse(internalError());
    }
    const wait = pickDelay(options.delay);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!response.destroyed) write(response, answer, tooLarge);
  };
}

// A request Node's parser rejects never reaches the listener; answer it in the API's problem format
// too, instead of Node's bare "400 Bad Request".
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const result: ProblemResult =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? headersTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? requestTimeout()
        : malformedRequest(error.code ?? 'unreadable');
  const answer = problemResponse(result);
  const body = answer.body ?? '';
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
    ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

export async function startHttpServer(mock: Mock, options: HttpServerOptions = {}): Promise<RunningServer> {
  const listener = createRequestListener(mock, options);
  const server = createServer((request, response) => void listener(request, response));
  server.on('clientError', answerClientError);
  // Bounded waits for headers and bodies, so a slow or stalled client cannot hold a socket forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
