// Adapter B: the mock on node:http. Converts each request to the core's plain shape once, asks the core
// whether the body is worth reading at all, enforces the body limit while reading (so a huge upload is
// never buffered), answers the requests of one connection in the order they came, and writes the core's
// answer back. All socket code lives here; the core never sees a stream.
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import { pickDelay, type DelayRange } from '../core/delay.js';
import type { MockRequest, MockResponse } from '../core/exchange.js';
import type { Mock } from '../core/mock.js';
import { normalisedHeaders } from './web-headers.js';
import { problemResponse } from '../core/response.js';
import { hostAllowed } from '../core/origins.js';
import { createBodyBudget, defaultBodyBytesInFlight, type BodyBudget } from './body-budget.js';
import type { ConsoleFiles } from './console-files.js';
import {
  expectationFailed,
  headersTooLarge,
  hostNotAllowed,
  internalError,
  malformedRequest,
  requestTimeout,
  serverBusy,
  violations,
  type ProblemResult,
} from '../core/problems.js';

export interface HttpServerOptions {
  port?: number;
  /** Defaults to 127.0.0.1: a mock is not for the whole network unless you say so. */
  host?: string;
  delay?: DelayRange | undefined;
  /** A client must finish sending its headers within this (default 10 s): slow-loris clients are cut off. */
  headersTimeoutMs?: number;
  /** …and its whole request within this (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * Host names answered besides localhost, *.localhost and IP literals (DNS rebinding cannot forge
   * those); others get 403. `'any'` turns the check off. Default: none.
   */
  allowedHosts?: readonly string[] | 'any';
  /** Serves the admin console at /__admin/ui/ (console-files.ts); the CLI passes it when the admin API is on. */
  console?: ConsoleFiles | undefined;
  /**
   * Bytes of request bodies held at once across all connections (default 512 MiB, body-budget.ts);
   * a body that does not fit gets 503 with Retry-After.
   */
  bodyBytesInFlight?: number;
}

/** The timeouts a server runs with when the options name none. */
export const defaultTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 } as const;

/** How long `close()` lets requests in flight finish before it cuts their connections. */
export const closeGraceMs = 5_000;

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`, default 5 s), then closes. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * A request's body as read: its bytes, or why not. `held` bytes of the server's body budget stay
 * reserved for it until the caller has answered; every other outcome has already given them back.
 */
type Body = { bytes?: Uint8Array; tooLarge: boolean; timedOut?: boolean; busy?: boolean; held: number };

/** Thrown when the client goes away before its body is complete: there is no one left to answer. */
class ClientGone extends Error {}

const noBody: Body = { tooLarge: false, held: 0 };

/** Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 §6.3). */
const hasBody = (request: IncomingMessage) => request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;

function readBody(request: IncomingMessage, limit: number, timeoutMs: number, budget: BodyBudget): Promise<Body> | Body {
  // No body: answer at once instead of waiting a turn of the event loop for the stream's end.
  if (!hasBody(request)) {
    request.resume();
    return noBody;
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return { tooLarge: true, held: 0 };
  }
  // With a declared length the whole buffer is allocated at once, so it is reserved at once.
  const known = Number.isFinite(declared) && declared > 0;
  if (known && !budget.reserve(declared)) return { tooLarge: false, busy: true, held: 0 };
  return new Promise((resolve, reject) => {
    // With a declared length the bytes go straight into one buffer: no list of chunks to concatenate,
    // which would hold a large body twice.
    const into = known ? Buffer.allocUnsafe(declared) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let held = known ? declared : 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (body: Omit<Body, 'held'>, keep = false) => {
      settled = true;
      clearTimeout(timer);
      chunks.length = 0;
      if (!keep) budget.release(held);
      resolve({ ...body, held: keep ? held : 0 });
    };
    // Node's requestTimeout does not cover a body that stops arriving once the request is dispatched.
    timer = setTimeout(() => !settled && settle({ tooLarge: false, timedOut: true }), timeoutMs);
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (size + chunk.length > limit) return settle({ tooLarge: true });
      if (into !== undefined) chunk.copy(into, size);
      else if (budget.reserve(chunk.length)) {
        held += chunk.length;
        chunks.push(chunk);
      } else return settle({ tooLarge: false, busy: true });
      size += chunk.length;
    });
    request.on('end', () => {
      if (settled) return;
      if (size === 0) settle({ tooLarge: false });
      else settle({ bytes: into !== undefined ? into.subarray(0, size) : Buffer.concat(chunks, size), tooLarge: false }, true);
    });
    // Without this an aborted upload would leave the promise (and its chunks and bytes) pending forever.
    const gone = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      budget.release(held);
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

// Read from the raw header lines by the same rule as the web adapters': Node's own `request.headers`
// keeps the first of a repeated Content-Type, Authorization or Host and drops the rest, where a web
// Headers joins them, so the same request was read two ways. Joined here too, a repeated singleton
// reaches the core as the comma list it is (and is refused as one) on every adapter.
function headersOf(request: IncomingMessage): Record<string, string> {
  const raw = request.rawHeaders;
  return normalisedHeaders({ forEach: (callback) => { for (let i = 0; i + 1 < raw.length; i += 2) callback(raw[i + 1]!, raw[i]!); } });
}

/** What a client refused for a full body budget is told to wait: an upload in flight takes seconds. */
const busyRetryAfterSeconds = 1;

/** How long a connection closed after an unread body keeps reading (and dropping) what still arrives. */
const lingerMs = 1_000;

/**
 * Closes a connection whose request body was not read without resetting it. The client may still be
 * sending: a socket closed while data arrives answers with a TCP reset, which can discard our answer
 * before the client has read it (seen under load: a 250 MB upload got no 404 at all). So the answer
 * goes, then a FIN, then whatever still arrives is read and dropped for up to `lingerMs`.
 */
function lingerOnClose(socket: Socket | null): void {
  if (socket === null) return;
  // Node's server ends a `connection: close` exchange with destroySoon(): end, then destroy at once.
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    this.resume();
    setTimeout(() => this.destroy(), lingerMs).unref();
  };
}

function write(response: ServerResponse, answer: MockResponse, closeAfter: boolean): void {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.body !== undefined) headers['content-length'] = Buffer.byteLength(answer.body);
  // After an unread body the connection cannot be reused: say so instead of hanging.
  if (closeAfter) {
    headers.connection = 'close';
    lingerOnClose(response.socket);
  }
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

// Requests on one connection (HTTP/1.1 pipelining) must change the state in the order they came: a
// GET that arrives behind a POST whose body is still streaming waits for that POST.
const pending = new WeakMap<Socket, Promise<void>>();

export function createRequestListener(mock: Mock, options: HttpServerOptions = {}) {
  const bodyTimeoutMs = options.requestTimeoutMs ?? defaultTimeouts.requestTimeoutMs;
  const allowedHost = hostCheck(options.allowedHosts ?? []);
  const budget = createBodyBudget(options.bodyBytesInFlight ?? defaultBodyBytesInFlight);
  function answer(response: ServerResponse, result: MockResponse, closeAfter: boolean): void {
    const wait = pickDelay(options.delay) + (result.delayMs ?? 0);
    // An injected network error: the connection closes without an answer.
    const send = () => (result.networkError === true ? response.socket?.destroy() : write(response, result, closeAfter));
    if (wait > 0) setTimeout(() => !response.destroyed && send(), wait);
    else if (!response.destroyed) send();
  }

  /** Answers without reading the body; a connection whose body was not read is closed after it. */
  function answerUnread(request: IncomingMessage, response: ServerResponse, result: MockResponse): void {
    const unread = hasBody(request);
    if (unread) request.resume();
    answer(response, result, unread);
  }

  function serveSafely(request: IncomingMessage, response: ServerResponse): Promise<void> | void {
    try {
      return serve(request, response);
    } catch (error) {
      // A bug must not take a team's dev server down: answer 500 and keep serving.
      console.error('ude-kit mock: unexpected error', error);
      answer(response, problemResponse(internalError()), false);
    }
  }

  /** Holds the connection's later requests until this one is done. */
  function track(socket: Socket, done: Promise<void>): void {
    const settled = done.catch(() => undefined);
    pending.set(socket, settled);
    void settled.then(() => {
      if (pending.get(socket) === settled) pending.delete(socket);
    });
  }

  // Synchronous whenever the request has no body to stream (every GET and DELETE) and nothing is
  // pending on its connection: no promise, no closure, no extra turn of the event loop on the hot path.
  return (request: IncomingMessage, response: ServerResponse): void => {
    const before = pending.get(request.socket);
    if (before !== undefined) {
      track(request.socket, before.then(() => serveSafely(request, response)));
      return;
    }
    const done = serveSafely(request, response);
    if (done !== undefined) track(request.socket, done);
  };

  function serve(request: IncomingMessage, response: ServerResponse): Promise<void> | void {
    const problem = headProblem(request, allowedHost);
    if (problem !== undefined) return answerUnread(request, response, problemResponse(problem));
    const target = parseTarget(request.url ?? '/');
    if (target === undefined) {
      return answerUnread(request, response, problemResponse(violations([{ field: 'url', message: 'is not a valid request target' }])));
    }
    const file = options.console?.((request.method ?? 'GET').toUpperCase(), target.path);
    if (file !== undefined) {
      const unread = hasBody(request);
      if (unread) request.resume();
      const headers: Record<string, string | number> = { ...file.headers, 'content-length': file.body === undefined ? 0 : Buffer.byteLength(file.body) };
      if (unread) headers.connection = 'close';
      response.writeHead(file.status, headers);
      response.end(file.body);
      return;
    }
    const plain: MockRequest = { method: (request.method ?? 'GET').toUpperCase(), path: target.path, query: target.query, headers: headersOf(request) };
    // Route, origin, credentials and the admin token are decided before a byte of a body is read. A
    // request without one goes straight to handle(), which decides the same: one routing, not two.
    if (hasBody(request)) {
      const refused = mock.screen(plain);
      if (refused !== undefined) return answerUnread(request, response, refused);
    }
    const body = readBody(request, mock.bodyLimit(target.path), bodyTimeoutMs, budget);
    if (!(body instanceof Promise)) {
      if (body.busy === true) return answerUnread(request, response, problemResponse(serverBusy(busyRetryAfterSeconds)));
      // No body, or one declared larger than the limit (not read).
      if (body.tooLarge) plain.bodyTooLarge = true;
      answer(response, mock.handle(plain), body.tooLarge);
      return;
    }
    return body.then(
      (read) => {
        if (read.timedOut === true) return answer(response, problemResponse(requestTimeout()), true);
        if (read.busy === true) return answer(response, problemResponse(serverBusy(busyRetryAfterSeconds)), true);
        plain.body = read.bytes;
        plain.bodyTooLarge = read.tooLarge;
        try {
          answer(response, mock.handle(plain), read.tooLarge);
        } finally {
          // handle() is synchronous: once it has answered, nothing of the body is needed any more.
          budget.release(read.held);
        }
      },
      (error: unknown) => {
        if (error instanceof ClientGone) return;
        console.error('ude-kit mock: could not read the request', error);
        answer(response, problemResponse(internalError()), false);
      },
    );
  }
}

/** What HTTP itself refuses before the mock sees a request: a missing or foreign Host. */
function headProblem(request: IncomingMessage, allowedHost: (host: string | undefined) => boolean): ProblemResult | undefined {
  const host = request.headers.host;
  // HTTP/1.1 requires Host (RFC 9112 §3.2); Node would answer a bare 400 without a word.
  if (host === undefined && request.httpVersion === '1.1') return violations([{ field: 'Host', message: 'is required (HTTP/1.1)' }]);
  // Node keeps the first of two Host lines; which one names the server is anyone's guess (RFC 9112 §3.2).
  if ((request.headersDistinct.host?.length ?? 0) > 1) return violations([{ field: 'Host', message: 'must be given once (RFC 9112)' }]);
  if (!allowedHost(host)) return hostNotAllowed(host ?? '');
  return undefined;
}

/** hostAllowed, remembering the few Host values a server sees again and again (bounded: a client may send any). */
function hostCheck(allowedHosts: readonly string[] | 'any'): (host: string | undefined) => boolean {
  const approved = new Set<string>();
  return (host) => {
    if (host !== undefined && approved.has(host)) return true;
    const allowed = hostAllowed(host, allowedHosts);
    if (allowed && host !== undefined && approved.size < 32) approved.add(host);
    return allowed;
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

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

export async function startHttpServer(mock: Mock, options: HttpServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const headersTimeout = options.headersTimeoutMs ?? defaultTimeouts.headersTimeoutMs;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? defaultTimeouts.requestTimeoutMs, headersTimeout);
  // Host names are checked while the mock is only for this machine; bound to a network address it is
  // meant to be reached by names nobody can list here, unless the options list them.
  const allowedHosts = options.allowedHosts ?? (isLoopback(host) ? [] : 'any');
  const listener = createRequestListener(mock, { ...options, allowedHosts, requestTimeoutMs: requestTimeout });
  // Node checks those timeouts only every connectionsCheckingInterval (30 s by default), which would let
  // a slow client hold a socket far longer than the timeout says. Host is checked by the listener, so
  // a request without one gets a problem, not Node's bare 400.
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(1_000, headersTimeout / 4)), requireHostHeader: false }, listener);
  server.on('clientError', answerClientError);
  // Node answers an Expect it does not know with a bare 417; say it in the API's problem format.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    write(response, problemResponse(expectationFailed(String(request.headers.expect))), true);
  });
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  server.keepAliveTimeout = 5_000;
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
    async close({ graceMs = closeGraceMs } = {}) {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // A connection whose request is still being answered is busy; once answered it is idle and closed.
      const open = () => new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count ?? 0)));
      const deadline = Date.now() + graceMs;
      server.closeIdleConnections();
      while ((await open()) > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections();
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
