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
  /** A client must finish sending its headers within this (default 10 s): slow-loris clients are cut off. */
  headersTimeoutMs?: number;
  /** …and its whole request within this (default 30 s). */
  requestTimeoutMs?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

type Body = { bytes?: Uint8Array; tooLarge: boolean; timedOut?: boolean };

/** Thrown when the client goes away before its body is complete: there is no one left to answer. */
class ClientGone extends Error {}

const noBody: Body = { tooLarge: false };

function readBody(request: IncomingMessage, limit: number, timeoutMs: number): Promise<Body> | Body {
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3): answer at once
  // instead of waiting a turn of the event loop for the stream's end.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) {
    request.resume();
    return noBody;
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return { tooLarge: true };
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (body: Body) => {
      settled = true;
      clearTimeout(timer);
      resolve(body);
    };
    // Node's requestTimeout does not cover a body that stops arriving once the request is dispatched.
    timer = setTimeout(() => !settled && settle({ tooLarge: false, timedOut: true }), timeoutMs);
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
    const gone = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new ClientGone());
    };
    request.on('close', gone);
    request.on('error', gone);
  });
}

const emptyQuery = '';

/** Splits "/path?query" without a URL object (the common case); absolute-form targets are parsed. */
function parseTarget(target: string): { path: string; query: URLSearchParams } | undefined {
  if (target.startsWith('/')) {
    const mark = target.indexOf('?');
    return mark < 0 ? { path: target, query: new URLSearchParams(emptyQuery) } : { path: target.slice(0, mark), query: new URLSearchParams(target.slice(mark + 1)) };
  }
  try {
    const url = new URL(target);
    return { path: url.pathname, query: url.searchParams };
  } catch {
    return undefined;
  }
}

// Node gives header names in lower case and every value as a string but set-cookie's (an array, and
// never sent by a client to this API): the object is used as it is, without a copy per request.
function headersOf(request: IncomingMessage): Record<string, string> {
  const cookies = request.headers['set-cookie'];
  if (cookies === undefined) return request.headers as Record<string, string>;
  return { ...(request.headers as Record<string, string>), 'set-cookie': cookies.join(', ') };
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
  const bodyTimeoutMs = options.requestTimeoutMs ?? 30_000;
  function answer(response: ServerResponse, result: MockResponse, closeAfter: boolean): void {
    const wait = pickDelay(options.delay);
    if (wait > 0) setTimeout(() => !response.destroyed && write(response, result, closeAfter), wait);
    else if (!response.destroyed) write(response, result, closeAfter);
  }

  function handle(request: IncomingMessage, target: { path: string; query: URLSearchParams }, body: Body): MockResponse {
    return mock.handle({
      method: (request.method ?? 'GET').toUpperCase(),
      path: target.path,
      query: target.query,
      headers: headersOf(request),
      body: body.bytes,
      bodyTooLarge: body.tooLarge,
    });
  }

  // Synchronous whenever the request has no body to stream (every GET and DELETE): no promise, no
  // extra turn of the event loop on the hot path.
  return (request: IncomingMessage, response: ServerResponse): void => {
    try {
      serve(request, response);
    } catch (error) {
      // A bug must not take a team's dev server down: answer 500 and keep serving.
      console.error('ude-kit mock: unexpected error', error);
      answer(response, problemResponse(internalError()), false);
    }
  };

  function serve(request: IncomingMessage, response: ServerResponse): void {
    const target = parseTarget(request.url ?? '/');
    if (target === undefined) {
      request.resume();
      answer(response, problemResponse(violations([{ field: 'url', message: 'is not a valid request target' }])), false);
      return;
    }
    const body = readBody(request, mock.bodyLimit(target.path), bodyTimeoutMs);
    if (!(body instanceof Promise)) {
      answer(response, handle(request, target, body), body.tooLarge);
      return;
    }
    body.then(
      (read) =>
        read.timedOut === true
          ? answer(response, problemResponse(requestTimeout()), true)
          : answer(response, handle(request, target, read), read.tooLarge),
      (error: unknown) => {
        if (error instanceof ClientGone) return;
        console.error('ude-kit mock: could not read the request', error);
        answer(response, problemResponse(internalError()), false);
      },
    );
  }
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
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  // Node checks those timeouts only every connectionsCheckingInterval (30 s by default), which would let
  // a slow client hold a socket far longer than the timeout says.
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(1_000, headersTimeout / 4)) }, listener);
  server.on('clientError', answerClientError);
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
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
