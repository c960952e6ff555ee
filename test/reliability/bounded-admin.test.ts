// The admin API under hostile bodies, measured on a real mock process: an invalid state document is
// refused in time linear in its size with a small answer (first 100 violations and a count), and a body
// the mock would refuse anyway (no admin token, admin API off) is never read.
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { listedViolationsCap } from '../../mocks/core/violation-collector.js';
import { memoryOf, startMockCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

type Problem = { status: number; violations: Array<{ field: string; message: string }> };

describe('state documents are validated with a bounded answer', () => {
  it(`lists the first ${listedViolationsCap} violations and counts the rest`, () => {
    const mock = createMock();
    const before = JSON.stringify(mock.state());
    const refused = mock.load({ tickets: Array.from({ length: 1000 }, () => 0), catalog: [], used: [] });
    expect(refused).toHaveLength(listedViolationsCap + 1);
    expect(refused[0]).toEqual({ field: '/tickets/0', message: 'must be an object' });
    expect(refused[listedViolationsCap - 1]!.field).toBe(`/tickets/${listedViolationsCap - 1}`);
    expect(refused.at(-1)).toEqual({ field: '(more)', message: expect.stringMatching(/^900 more entries with violations, not listed/) as string });
    expect(JSON.stringify(mock.state())).toBe(before);
  });

  it('counts unknown keys without one error object each, and names them by pointer', () => {
    const mock = createMock();
    const extra = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1]));
    const refused = mock.load({ tickets: [{ id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', status: 'Open', ...extra }], catalog: [], used: [], ...extra });
    expect(refused).toHaveLength(listedViolationsCap + 1);
    expect(refused[0]).toEqual({ field: '/k0', message: 'is not allowed' });
    // Past the cap: the 4,900 other unknown top-level keys, and the ticket as one entry with violations.
    expect(refused.at(-1)!.message).toMatch(/^4,901 more entries with violations/);
  });

  it('still reports every kind of problem of a small document, shape before references', () => {
    const mock = createMock();
    const refused = mock.load({ tickets: [{ id: 'x', status: '' }], catalog: [{ diagnostic_equipment_id: 1, name: 'a', version: null, extra: 1 }], used: [] });
    expect(refused).toEqual([
      { field: '/tickets/0/id', message: 'must match format "uuid"' },
      { field: '/tickets/0/status', message: 'must NOT have fewer than 1 characters' },
      { field: '/catalog/0/extra', message: 'is not allowed' },
    ]);
  });
});

describe('the mock process under hostile admin bodies', () => {
  /** PUTs a state document to a fresh mock process; the time, the answer and the memory it took. */
  async function putState(body: string): Promise<{ status: number; problem: Problem; text: string; elapsedMs: number; grewMb: number; url: string }> {
    const { child, url } = await startMockCli(['--port', '0'], children);
    const before = memoryOf(child.pid!);
    const started = performance.now();
    const reply = await fetch(`${url}/__admin/state`, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
    const text = await reply.text();
    const elapsedMs = performance.now() - started;
    const grewMb = memoryOf(child.pid!).peakMb - before.rssMb;
    return { status: reply.status, problem: JSON.parse(text) as Problem, text, elapsedMs, grewMb, url };
  }

  const zeros = (count: number) => `{"tickets":[${'0,'.repeat(count - 1)}0],"catalog":[],"used":[]}`;

  it('refuses a 25 MB invalid state document in under 2 s, growing by less than 300 MB', async () => {
    const body = zeros(12_500_000);
    expect(body.length).toBeGreaterThan(25_000_000);
    const { status, problem, text, elapsedMs, grewMb, url } = await putState(body);
    console.info(`25 MB invalid state: ${Math.round(elapsedMs)} ms, RSS +${Math.round(grewMb)} MB, answer ${text.length} bytes`);
    expect(status).toBe(400);
    expect(problem.violations).toEqual([{ field: 'body', message: 'holds more than 5,000,000 JSON values, more than this mock parses' }]);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(grewMb).toBeLessThan(300);
    expect((await fetch(`${url}/__admin/state`)).status).toBe(200);
  }, 30_000);

  it('validates a 10 MB document of 4.9 million broken entries in under 2 s: 100 listed, the rest counted', async () => {
    const { status, problem, text, elapsedMs, grewMb } = await putState(zeros(4_900_000));
    console.info(`10 MB, 4.9 million invalid entries: ${Math.round(elapsedMs)} ms, RSS +${Math.round(grewMb)} MB, answer ${text.length} bytes`);
    expect(status).toBe(400);
    expect(problem.violations).toHaveLength(listedViolationsCap + 1);
    expect(problem.violations[0]).toEqual({ field: '/tickets/0', message: 'must be an object' });
    expect(problem.violations.at(-1)!.message).toMatch(/^4,899,900 more entries with violations/);
    expect(text.length).toBeLessThan(20_000);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(grewMb).toBeLessThan(300);
  }, 30_000);

  /**
   * Declares a 250 MB body and streams it until an answer arrives; returns the status line, how much
   * was sent by then, and the process's memory growth.
   */
  async function uploadUntilAnswered(url: string, pid: number, head: string): Promise<{ statusLine: string; sentMb: number; grewMb: number }> {
    const { port } = new URL(url);
    const before = memoryOf(pid);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const declared = 250 * 1024 * 1024;
    return new Promise((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let sent = 0;
      let received = '';
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve({ statusLine: received.split('\r\n')[0] ?? '', sentMb: sent / 1024 / 1024, grewMb: memoryOf(pid).peakMb - before.rssMb });
      };
      socket.on('data', (d: Buffer) => {
        received += d.toString('latin1');
        if (received.includes('\r\n\r\n')) setTimeout(finish, 50);
      });
      socket.on('error', finish);
      socket.on('close', finish);
      socket.write(`${head}Host: localhost\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
      const pump = () => {
        while (!done && sent < declared) {
          sent += chunk.length;
          if (!socket.write(chunk)) return socket.once('drain', pump);
        }
      };
      pump();
    });
  }

  it('answers a 250 MB upload without the admin token 401 before reading it', async () => {
    const { child, url } = await startMockCli(['--port', '0', '--admin-token', 'letmein'], children);
    const { statusLine, sentMb, grewMb } = await uploadUntilAnswered(url, child.pid!, 'PUT /__admin/state HTTP/1.1\r\n');
    console.info(`250 MB upload without the admin token: answered after ${sentMb} MB sent, RSS +${grewMb.toFixed(1)} MB`);
    expect(statusLine).toBe('HTTP/1.1 401 Unauthorized');
    expect(sentMb).toBeLessThan(64);
    expect(grewMb).toBeLessThan(20);
  });

  it('answers a 250 MB upload to a turned-off admin API 404 before reading it', async () => {
    const { child, url } = await startMockCli(['--port', '0', '--no-admin'], children);
    const { statusLine, sentMb, grewMb } = await uploadUntilAnswered(url, child.pid!, 'PUT /__admin/state HTTP/1.1\r\n');
    expect(statusLine).toBe('HTTP/1.1 404 Not Found');
    expect(sentMb).toBeLessThan(64);
    expect(grewMb).toBeLessThan(20);
  });
});
