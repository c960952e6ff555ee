// What only the node:http adapter meets: raw sockets, odd request targets, clients that vanish.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';

let running: RunningServer;
const mock = createMock();

beforeAll(async () => {
  running = await startHttpServer(mock, { port: 0 });
});
afterAll(() => running.close());

/** Sends raw bytes and returns everything the server writes back before closing or a pause. */
function raw(bytes: string, endAfterWrite = false): Promise<string> {
  const { port } = new URL(running.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, 1500);
    socket.on('data', (d) => (received += d.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', reject);
    socket.write(bytes);
    if (endAfterWrite) socket.end();
  });
}

const auth = 'Authorization: Bearer t\r\nX-Api-Key: k\r\n';

describe('node:http adapter edges', () => {
  it('treats a target starting with // as a path, not a host', async () => {
    const reply = await raw(`GET //v2/tickets/used-diagnostic-equipment HTTP/1.1\r\nHost: localhost\r\n${auth}Connection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    expect(reply).toContain('application/problem+json');
  });

  it('serves an absolute-form target', async () => {
    const reply = await raw(`GET http://anything/v2/tickets/used-diagnostic-equipment?limit=1 HTTP/1.1\r\nHost: localhost\r\n${auth}Connection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toContain('"limit":1');
  });

  it('refuses a declared oversized body at once, without reading it', async () => {
    const reply = await raw(
      `POST /v2/tickets/used-diagnostic-equipment HTTP/1.1\r\nHost: localhost\r\n${auth}Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/connection: close/i);
  });

  it('survives a client that leaves mid-body, and keeps its state', async () => {
    const before = mock.state();
    await raw(
      `POST /v2/tickets/used-diagnostic-equipment HTTP/1.1\r\nHost: localhost\r\n${auth}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ticket_id":`,
      true,
    );
    expect(mock.state()).toEqual(before);
    const reply = await fetch(`${running.url}/v2/tickets/used-diagnostic-equipment?limit=1`, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } });
    expect(reply.status).toBe(200);
  });

  it('answers a malformed request line with a 400 problem and keeps serving', async () => {
    const reply = await raw('NOT A REQUEST\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(reply).toContain('content-type: application/problem+json');
    expect(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).toMatchObject({
      type: '/problems/violations',
      status: 400,
      violations: [{ field: 'request' }],
    });
    const after = await fetch(`${running.url}/__admin/state`);
    expect(after.status).toBe(200);
  });

  it('answers oversized headers with a 431 problem', async () => {
    const reply = await raw(`GET /v2/tickets/used-diagnostic-equipment HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431/);
    expect(reply).toContain('"status":431');
  });
});

// A connection closed after an unread body lingers so the client can read the answer (no reset while
// it is still sending), but for a bounded time: a client that never stops sending is cut off.
describe('the linger after an unread body', () => {
  it('answers a client that keeps sending, then closes the connection within the linger bound', async () => {
    const server = await startHttpServer(createMock({ admin: false }), { port: 0 });
    try {
      const { port } = new URL(server.url);
      const outcome = await new Promise<{ statusLine: string; closedAfterAnswerMs: number }>((resolve, reject) => {
        // Half-open allowed: the client keeps sending after the server's FIN, as an uploading client does.
        const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let received = '';
        let answeredAt: number | undefined;
        let stop = false;
        const pump = () => {
          while (!stop && socket.write(chunk));
          if (!stop) socket.once('drain', pump);
        };
        socket.on('data', (d: Buffer) => {
          received += d.toString('latin1');
          answeredAt ??= received.includes('\r\n\r\n') ? performance.now() : undefined;
        });
        const done = () => {
          stop = true;
          if (answeredAt === undefined) reject(new Error(`closed without an answer: ${JSON.stringify(received)}`));
          else resolve({ statusLine: received.split('\r\n')[0]!, closedAfterAnswerMs: performance.now() - answeredAt });
        };
        socket.on('close', done);
        socket.on('error', () => undefined);
        // Declares far more than it will ever send: only the server can end this exchange.
        socket.write(`PUT /__admin/state HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${1024 ** 4}\r\n\r\n`);
        pump();
      });
      expect(outcome.statusLine).toBe('HTTP/1.1 404 Not Found');
      // The linger is 1 s; well under the test's own timeout, so a connection left open fails here.
      expect(outcome.closedAfterAnswerMs).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  }, 15_000);
});
