// The suite against servers that fail in the ways real ones do: never a stack trace or a hang past
// the timeout; a clear reason and exit 2, or error findings.
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { selfTestOptions } from './contract-fixtures.js';

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
    expect(report.reason).toContain('no answer within the timeout');
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
        if (answered++ < 5) res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"type":"/u","title":"u","status":401,"detail":"u"}');
      }),
    );
    const started = Date.now();
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/stopped answering/);
    expect(Date.now() - started).toBeLessThan(timeoutMs * 8);
  });

  it('exits 2 when every credentialed call is refused', async () => {
    const url = await listen(createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"type":"/u","title":"u","status":401,"detail":"u"}')));
    const report = await runContract(selfTestOptions(url, { timeoutMs }));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/refused the credentials on every call \(401\)/);
  });
});
