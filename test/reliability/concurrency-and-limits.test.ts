// Under concurrency and at the limits: one winner among simultaneous identical adds, no torn pages
// while writes race reads, an admin API that can be locked, and slow clients that are cut off.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { adapters, collection, exampleTicket } from '../helpers/behaviour.js';

const auth = { authorization: 'Bearer t', 'x-api-key': 'k' };

describe('concurrency over HTTP', () => {
  it('100 simultaneous identical POSTs: exactly one 201, the rest refused, one record stored', async () => {
    const mock = createMock();
    const server = await startHttpServer(mock, { port: 0 });
    try {
      const body = JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: 40 });
      const replies = await Promise.all(
        Array.from({ length: 100 }, () => fetch(`${server.url}${collection}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body })),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(99);
      expect(mock.state().used.filter((u) => u.ticket_id === exampleTicket && u.diagnostic_equipment_id === 40)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('never shows a torn page while adds and removes race lists on one ticket', async () => {
    const mock = createMock();
    const server = await startHttpServer(mock, { port: 0 });
    const pages: Array<{ limit: number; offset: number; body: { result: Array<{ ticket_id: string; diagnostic_equipment_id: number }>; total: number } }> = [];
    try {
      const writer = async (id: number) => {
        for (let round = 0; round < 15; round++) {
          const method = round % 2 === 0 ? 'POST' : 'DELETE';
          const target = method === 'POST' ? collection : `${collection}/${exampleTicket}/${id}`;
          const body = method === 'POST' ? JSON.stringify({ ticket_id: exampleTicket, diagnostic_equipment_id: id }) : undefined;
          const reply = await fetch(`${server.url}${target}`, { method, headers: { ...auth, 'content-type': 'application/json' }, body });
          expect(reply.status).toBeLessThan(500);
        }
      };
      const reader = async (limit: number) => {
        for (let round = 0; round < 20; round++) {
          const offset = (round * 3) % 30;
          const reply = await fetch(`${server.url}${collection}?ticket_id=${exampleTicket}&limit=${limit}&offset=${offset}`, { headers: auth });
          pages.push({ limit, offset, body: (await reply.json()) as (typeof pages)[number]['body'] });
        }
      };
      await Promise.all([...[38, 39, 40].map(writer), ...[5, 7, 25].map(reader)]);
      expect(pages).toHaveLength(60);
      for (const { limit, offset, body } of pages) {
        const keys = body.result.map((r) => r.diagnostic_equipment_id);
        expect(new Set(keys).size).toBe(keys.length);
        expect(body.result.every((r) => r.ticket_id === exampleTicket)).toBe(true);
        expect(body.result.length).toBe(Math.max(0, Math.min(limit, body.total - offset)));
        expect(body.total).toBeGreaterThanOrEqual(28);
        expect(body.total).toBeLessThanOrEqual(31);
      }
    } finally {
      await server.close();
    }
  });
});

describe.each(adapters)('the admin token ($name)', ({ make }) => {
  it('locks the admin API (preflights excepted), leaves the API alone, and never journals the token', async () => {
    const driver = make();
    await driver.start({ adminToken: 'admin-secret-1234' });
    try {
      const refused = await driver.send('GET', '/__admin/state');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain('X-Admin-Token');
      expect((await driver.send('GET', '/__admin/state', { headers: { 'x-admin-token': 'wrong-secret-1234' } })).status).toBe(401);
      expect((await driver.send('OPTIONS', '/__admin/state', { anonymous: true, headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' } })).status).toBe(204);
      expect((await driver.send('GET', '/__admin/state', { headers: { 'x-admin-token': 'admin-secret-1234' } })).status).toBe(200);
      expect((await driver.send('GET', `${collection}/${exampleTicket}/12`, { headers: { 'x-admin-token': 'admin-secret-1234' } })).status).toBe(200);
      const journal = await driver.send('GET', '/__admin/requests', { headers: { 'x-admin-token': 'admin-secret-1234' } });
      expect(journal.text).toContain('x-admin-token');
      expect(journal.text).not.toContain('admin-secret-1234');
    } finally {
      await driver.stop();
    }
  });
});

describe('slow clients', () => {
  it('are cut off once the header timeout passes, and others are still served', async () => {
    const server = await startHttpServer(createMock(), { port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
    try {
      const { port } = new URL(server.url);
      const started = Date.now();
      const outcome = await new Promise<{ closedAfterMs: number; reply: string }>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        let reply = '';
        socket.on('data', (d) => (reply += d.toString()));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve({ closedAfterMs: Date.now() - started, reply }));
        // A slow-loris: one header line, then a byte now and then, never finishing.
        socket.write('GET /v2/tickets/used-diagnostic-equipment HTTP/1.1\r\nHost: localhost\r\n');
        const drip = setInterval(() => socket.writable && socket.write('X-A: b\r\n'), 100);
        socket.on('close', () => clearInterval(drip));
      });
      expect(outcome.closedAfterMs).toBeLessThan(3000);
      expect(outcome.reply).toMatch(/^HTTP\/1\.1 408/);
      expect((await fetch(`${server.url}${collection}`, { headers: auth })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('are cut off when the body never completes', async () => {
    const server = await startHttpServer(createMock(), { port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
    try {
      const { port } = new URL(server.url);
      const started = Date.now();
      let reply = '';
      const closedAfterMs = await new Promise<number>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        socket.on('data', (d) => (reply += d.toString()));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(Date.now() - started));
        socket.write(`POST ${collection} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer t\r\nX-Api-Key: k\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ticket`);
      });
      expect(closedAfterMs).toBeLessThan(3000);
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
      expect(reply).toContain('/problems/request-timeout');
      expect((await fetch(`${server.url}${collection}`, { headers: auth })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
