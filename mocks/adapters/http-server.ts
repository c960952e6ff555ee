// Adapter B: the mock on node:http. Converts each request to the core's plain shape once, enforces the
// body limit while reading (so a huge upload is never buffered), and writes the core's answer back.
// All socket code lives here; the core never sees a stream.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pickDelay, type DelayRange } from '../core/delay.js';
import type { MockRequest, MockResponse } from '../core/exchange.js';
import type { Mock } from '../core/mock.js';
import { problemResponse } from '../core/response.js';
import { internalError } from '../core/problems.js';

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

function readBody(request: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve({ tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(size === 0 ? { tooLarge: false } : { bytes: Buffer.concat(chunks, size), tooLarge: false });
    });
    request.on('error', reject);
  });
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
    try {
      const url = new URL(request.url ?? '/', 'http://mock.invalid');
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
    } catch (error) {
      console.error('ude-kit mock: could not read the request', error);
      answer = problemResponse(internalError());
    }
    const wait = pickDelay(options.delay);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!response.destroyed) write(response, answer, tooLarge);
  };
}

export async function startHttpServer(mock: Mock, options: HttpServerOptions = {}): Promise<RunningServer> {
  const listener = createRequestListener(mock, options);
  const server = createServer((request, response) => void listener(request, response));
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
