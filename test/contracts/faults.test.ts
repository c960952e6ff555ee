// The suite against servers that fail in the ways real ones do: never a stack trace or a hang past
// the timeout; a clear reason and exit 2, or error findings.
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';

const servers: Array<Server | TcpServer> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server | TcpServer): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const timeoutMs = 400;

describe('the contract suite under faults', () => {
  it('exits 2 with a reason when nothing listens', async () => {
    const probe = createTcpServer();
    const url = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    servers.splice(servers.indexOf(probe), 1);
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toBe(`could not reach ${url}: connection refused`);
    expect(report.checks.every((c) => c.status === 'not-run')).toBe(true);
  });

  it('exits 2 within the timeout when the server hangs', async () => {
    const url = await listen(createServer(() => undefined));
    const started = Date.now();
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toContain('no answer within the timeout: raise --timeout if it is only slow, or check that it is up');
    expect(Date.now() - started).toBeLessThan(timeoutMs * 3);
  });

  it('exits 2 when the server resets every connection', async () => {
    const url = await listen(createTcpServer((socket) => socket.destroy()));
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/connection was closed before a complete answer/);
  });

  it('reports an HTML server as drift, not a crash', async () => {
    const url = await listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>')));
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(1);
    const checks = new Set(report.findings.map((f) => f.check));
    expect(checks).toContain('content_type_conformance');
    expect(checks).toContain('ignored_auth');
  });

  it('reports 500s and truncated JSON as error findings', async () => {
    let count = 0;
    const url = await listen(
      createServer((_req, res) => {
        count++;
        if (count % 2 === 0) res.writeHead(500, { 'content-type': 'application/problem+json' }).end('{"type":"/x","title":"x","status":500,"detail":"x"}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"query":{"limit":25,');
      }),
    );
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(1);
    const checks = new Set(report.findings.map((f) => f.check));
    expect(checks).toContain('not_a_server_error');
    expect(report.findings.some((f) => f.check === 'response_schema_conformance' && /not valid JSON/.test(f.message))).toBe(true);
  });

  it('exits 2 when the deployment stops answering midway, within a few timeouts', async () => {
    let answered = 0;
    const url = await listen(
      createServer((_req, res) => {
        if (answered++ < 5) res.writeHead(200, { 'content-type': 'application/json' }).end('{"query":{"limit":25,"offset":0},"result":[],"total":0}');
      }),
    );
    const started = Date.now();
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/stopped answering/);
    expect(Date.now() - started).toBeLessThan(timeoutMs * 8);
  });

  it('exits 2 when every credentialed call is refused, with that one reason and no drift finding', async () => {
    const url = await listen(createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"type":"/u","title":"u","status":401,"detail":"u"}')));
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    // The deployment's own words (its problem's detail) go with the status.
    expect(report.reason).toBe(`${url} refused the credentials (401: "u") on the first call, before any check ran; check --api-key, --token and --api-key-header`);
    expect(report.findings).toEqual([]);
    expect(report.requests).toBe(1);
    expect(report.checks.every((c) => c.status === 'not-run')).toBe(true);
  });

  it('exits 2 when some calls are refused the credentials and the rest fail, saying so', async () => {
    let calls = 0;
    const url = await listen(
      createServer((_req, res) => {
        if (calls++ === 0) res.writeHead(200, { 'content-type': 'application/json' }).end('{"query":{"limit":25,"offset":0},"result":[],"total":0}');
        else res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"type":"/u","title":"u","status":401,"detail":"u"}');
      }),
    );
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toBe(`${url} accepted the credentials for 1 call, then refused every later one (401): did the token expire?`);
  });

  it('reports a server slower than --timeout and finishes within a few timeouts', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    let slow = false;
    const url = await listen(
      createServer((req, res) => {
        // Answers the reachability probe, then takes longer than the timeout for everything else.
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const reply = () => {
            const answer = mock.handle({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, query: new URLSearchParams((req.url ?? '').split('?')[1]), headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
            if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(answer.body);
          };
          if (slow) setTimeout(reply, timeoutMs * 2);
          else reply();
          slow = true;
        });
      }),
    );
    const started = Date.now();
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/stopped answering \(no answer within the timeout\)/);
    expect(Date.now() - started).toBeLessThan(timeoutMs * 8);
  });

  it('retries idempotent requests after a dropped connection, and never a POST', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const getAttempts = new Map<string, number>();
    let postArrivals = 0;
    const url = await listen(
      createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          // Every POST loses its connection; every GET loses its first attempt only.
          if (req.method === 'POST') {
            postArrivals++;
            return void req.socket.destroy();
          }
          const key = `${req.method} ${req.url ?? ''}`;
          const attempts = (getAttempts.get(key) ?? 0) + 1;
          getAttempts.set(key, attempts);
          if (req.method === 'GET' && attempts % 2 === 1) return void req.socket.destroy();
          const answer = mock.handle({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, query: new URLSearchParams((req.url ?? '').split('?')[1]), headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
          res.writeHead(answer.status, answer.headers).end(answer.body);
        });
      }),
    );
    const report = await runContract(selfTestOptions(url, { timeoutMs, retries: 1, only: ['pagination_defaults', 'ensure_resource_availability', 'not_a_server_error'] }));
    // Each GET got through on its retry…
    expect(report.checks.find((c) => c.name === 'pagination_defaults')?.status).toBe('passed');
    expect([...getAttempts].filter(([key]) => key.startsWith('GET ')).every(([, n]) => n % 2 === 0)).toBe(true);
    // …while the three POSTs (the fixture preflight's add, the lifecycle's add and add again) were each
    // sent once, never again.
    expect(postArrivals).toBe(3);
    expect(report.findings.some((f) => f.check === 'ensure_resource_availability')).toBe(true);
  });

  it('cleans up what it created when the deployment starts failing midway, and says what it could not', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    const before = mock.state();
    let failing = false;
    const server = await startHttpServer(
      {
        ...mock,
        handle: (request) => {
          const answer = mock.handle(request);
          // Right after the suite's add, every DELETE fails with 503 for a while, then works again.
          if (request.method === 'POST' && answer.status === 201) failing = true;
          if (failing && request.method === 'DELETE') {
            failing = false;
            return { status: 503, headers: { 'content-type': 'application/problem+json' }, body: '{"type":"/x","title":"Unavailable","status":503,"detail":"try later"}' };
          }
          return answer;
        },
      },
      { port: 0 },
    );
    try {
      const report = await runContract(selfTestOptions(server.url, { timeoutMs }));
      expect(report.findings.some((f) => f.check === 'not_a_server_error')).toBe(true);
      // The lifecycle's own DELETE failed; the cleanup step removed the record afterwards.
      expect(mock.state()).toEqual(before);
      expect(report.findings.some((f) => f.check === 'cleanup')).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('reports each record it could not remove as a cleanup finding to act on', async () => {
    const mock = createMock({ auth: selfTestCredentials });
    // Every DELETE of a record the suite added fails for good; its first add is the one left behind.
    const added: string[] = [];
    const server = await startHttpServer(
      {
        ...mock,
        handle: (request) => {
          const answer = mock.handle(request);
          if (request.method === 'POST' && answer.status === 201) added.push(JSON.parse(answer.body!).diagnostic_equipment_id);
          if (request.method === 'DELETE' && added.some((id) => request.path.endsWith(`/${id}`))) {
            return { status: 503, headers: { 'content-type': 'application/problem+json' }, body: '{"type":"/x","title":"Unavailable","status":503,"detail":"try later"}' };
          }
          return answer;
        },
      },
      { port: 0 },
    );
    try {
      const report = await runContract(selfTestOptions(server.url, { timeoutMs }));
      const cleanup = report.findings.filter((f) => f.check === 'cleanup');
      expect(added.length).toBeGreaterThan(0);
      // One finding per record left behind, each naming its own.
      expect(cleanup.map((f) => f.message.match(/equipment (\d+)/)![1]).sort()).toEqual([...new Set(added.map(String))].sort());
      for (const finding of cleanup) {
        expect(finding).toMatchObject({ severity: 'error', expected: 'the record the suite created is removed again', actual: { value: 503 } });
        expect(finding.message).toMatch(/^could not remove equipment \d+ from ticket [0-9a-f-]{36}, which the suite created: remove it by hand$/);
      }
      expect(report.checks.find((c) => c.name === 'cleanup')).toMatchObject({ status: 'failed' });
    } finally {
      await server.close();
    }
  });
});
