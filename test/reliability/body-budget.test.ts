// One body limit per request bounds one upload, not eight at once (eight 250 MB state uploads reached
// 2.68 GB): the server holds at most `bodyBytesInFlight` bytes of bodies across connections, refuses
// what does not fit with 503 and Retry-After, and gives the bytes back however a request ends. Here the
// budget is 64 KiB and the uploads 40 KiB, so two at once do not fit.
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerOptions, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock, type MockOptions } from '../../mocks/core/mock.js';

const budget = 64 * 1024;
const state = '{"tickets":[],"catalog":[],"used":[]}';
/** An empty state document padded with spaces to `bytes`: valid JSON, loaded with 200. */
const stateOf = (bytes: number) => state + ' '.repeat(bytes - state.length);

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close({ graceMs: 0 });
  running = undefined;
});

async function serve(options: HttpServerOptions = {}, mockOptions: MockOptions = {}): Promise<RunningServer> {
  running = await startHttpServer(createMock(mockOptions), { port: 0, bodyBytesInFlight: budget, ...options });
  return running;
}

/** The server's side of the next request it is given: resolves once the listener has run for it. */
const nextRequest = (server: RunningServer) => new Promise<IncomingMessage>((resolve) => server.server.once('request', resolve));

interface Upload {
  socket: Socket;
  /** Everything the server wrote back, once it closes the connection or ends its answer. */
  reply: Promise<string>;
}

/** Starts a PUT of the admin state on a raw socket: its head and the first `sent` bytes of `body`. */
function startUpload(url: string, body: string, sent: number, options: { chunked?: boolean } = {}): Upload {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  let text = '';
  const reply = new Promise<string>((resolve) => {
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text)?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) resolve(text);
    });
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
  const framing = options.chunked === true ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.length}`;
  const first = body.slice(0, sent);
  socket.write(`PUT /__admin/state HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`);
  socket.write(options.chunked === true ? `${first.length.toString(16)}\r\n${first}\r\n` : first);
  return { socket, reply };
}

const put = (url: string, body: string) => fetch(`${url}/__admin/state`, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });

describe('the bytes of bodies held at once', () => {
  it('refuses a body that does not fit beside one being read with a 503 problem and Retry-After, and takes it once that one is done', async () => {
    const server = await serve();
    const dispatched = nextRequest(server);
    const body = stateOf(40 * 1024);
    const first = startUpload(server.url, body, 1024);
    await dispatched;

    const refused = await put(server.url, body);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ type: '/problems/server-busy', status: 503 });
    // A body small enough to fit beside it is still read.
    expect((await put(server.url, stateOf(20 * 1024))).status).toBe(200);

    first.socket.write(body.slice(1024));
    expect(await first.reply).toMatch(/^HTTP\/1\.1 200/);
    expect((await put(server.url, body)).status).toBe(200);
  });

  it('counts the chunks of a body without a length as they come, and refuses it when they pass the budget', async () => {
    const server = await serve();
    const dispatched = nextRequest(server);
    const first = startUpload(server.url, stateOf(40 * 1024), 1024);
    await dispatched;
    const chunk = ' '.repeat(8 * 1024);
    const second = startUpload(server.url, `${state}${chunk}`, state.length + chunk.length, { chunked: true });
    for (let i = 0; i < 5; i++) second.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const reply = await second.reply;
    expect(reply).toMatch(/^HTTP\/1\.1 503/);
    expect(reply).toContain('retry-after: 1');
    expect(reply).toContain('connection: close');
    first.socket.destroy();
  });

  it('gives the bytes back when an upload is aborted, with or without a length, or times out', async () => {
    const server = await serve({ headersTimeoutMs: 200, requestTimeoutMs: 300 });
    const body = stateOf(60 * 1024);
    for (const chunked of [false, true]) {
      const dispatched = nextRequest(server);
      const upload = startUpload(server.url, body, 30 * 1024, { chunked });
      const request = await dispatched;
      // Held: a body of 40 KiB does not fit beside it (a body without a length, once its bytes are read).
      while (request.socket.bytesRead < 30 * 1024) await new Promise((resolve) => setImmediate(resolve));
      expect((await put(server.url, stateOf(40 * 1024))).status).toBe(503);
      const closed = new Promise((resolve) => request.once('close', resolve));
      upload.socket.destroy();
      await closed;
      expect((await put(server.url, body)).status, chunked ? 'chunked' : 'with a length').toBe(200);
    }
    const stalled = startUpload(server.url, body, 1024);
    expect(await stalled.reply).toMatch(/^HTTP\/1\.1 408/);
    expect((await put(server.url, body)).status).toBe(200);
  });

  it('gives the bytes back when a body is refused as too large or the answer is an error', async () => {
    // Past the admin API's own limit (here set below the budget) is 413; a refused document is 400.
    const server = await serve({}, { maxAdminBodyBytes: 50 * 1024 });
    const dispatched = nextRequest(server);
    const chunk = ' '.repeat(10 * 1024);
    const tooLarge = startUpload(server.url, `${state}${chunk}`, state.length + chunk.length, { chunked: true });
    const request = await dispatched;
    for (let i = 0; i < 3; i++) tooLarge.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    // 40 KiB read and held; the next 20 KiB pass the limit.
    while (request.socket.bytesRead < 40 * 1024) await new Promise((resolve) => setImmediate(resolve));
    tooLarge.socket.write(`${(2 * chunk.length).toString(16)}\r\n${chunk}${chunk}\r\n`);
    expect(await tooLarge.reply).toMatch(/^HTTP\/1\.1 413/);
    expect((await put(server.url, `{"tickets":0${' '.repeat(40 * 1024)}}`)).status).toBe(400);
    expect((await put(server.url, stateOf(50 * 1024))).status).toBe(200);
  });
});
