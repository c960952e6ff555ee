// `ude-kit contract` as CI runs it: exit codes, report files, and secrets that never appear.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';

import { cliArgs, root } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
const key = 'cli-secret-key-4711';
const token = 'cli-secret-token-0815';
let running: RunningServer;

beforeAll(async () => {
  running = await startHttpServer(createMock({ auth: { apiKey: key, token } }), { port: 0 });
});
afterAll(() => running.close());

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliArgs, 'contract', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const fixtures = ['--ticket', exampleTicketId, '--closed-ticket', closedTicketId, '--equipment', '40', '--equipment', '39', '--probe-remove-rule', '--unknown-equipment', '99999'];

describe('ude-kit contract', () => {
  it('exits 0 against the mock, writes every report, and prints no secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ude-kit-'));
    const result = await run([
      '--base-url', running.url, '--api-key', key, '--token', token, ...fixtures,
      '--reporter', 'pretty', '--reporter', `json:${dir}/r.json`, '--reporter', `junit:${dir}/r.xml`, '--reporter', `markdown:${dir}/r.md`,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('35 checks: 35 passed, 0 failed, 0 not run');
    expect(result.stderr.trim()).toBe('ude-kit contract: 0 errors, 0 warnings, 35 checks (0 not run) → exit 0');
    const files = await Promise.all(['r.json', 'r.xml', 'r.md'].map((f) => readFile(join(dir, f), 'utf8')));
    expect(JSON.parse(files[0]!)).toMatchObject({ exitCode: 0, summary: { failed: 0 } });
    expect(files[1]).toContain('<testsuites name="ude-kit contract"');
    expect(files[2]).toContain('### ude-kit contract: no error-level drift');
    for (const text of [result.stdout, result.stderr, ...files]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(token);
    }
  });

  it('takes credentials from the environment, and stops at once, with one reason, when they are refused', async () => {
    const result = await run(['--base-url', running.url, '--read-only', '--api-key-header', 'X-Other-Key'], { UDE_KIT_API_KEY: key, UDE_KIT_TOKEN: token });
    // The key went in the wrong header: the mock refuses the first call, and the run says why.
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`ude-kit contract: could not run: ${running.url} refused the credentials (401: "This API needs an API key (X-Api-Key).") on the first call, before any check ran; check --api-key, --token and --api-key-header → exit 2`);
    expect(result.stdout).toContain('(1 request in');
    expect(result.stdout + result.stderr).not.toContain(key);
    const ok = await run(['--base-url', running.url, '--read-only'], { UDE_KIT_API_KEY: key, UDE_KIT_TOKEN: token });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('prints the seed of the generated inputs in every report, and takes --seed and --max-cases', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ude-kit-'));
    const result = await run([
      '--base-url', running.url, '--api-key', key, '--token', token, '--read-only', '--seed', '4242', '--max-cases', '3',
      '--reporter', 'pretty', '--reporter', `json:${dir}/r.json`, '--reporter', `junit:${dir}/r.xml`, '--reporter', `markdown:${dir}/r.md`,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/requests in [\d.]+ s, seed 4242\)/);
    const [json, xml, md] = await Promise.all(['r.json', 'r.xml', 'r.md'].map((f) => readFile(join(dir, f), 'utf8')));
    expect(JSON.parse(json!)).toMatchObject({ seed: 4242 });
    expect(xml).toContain('<property name="seed" value="4242"/>');
    expect(md).toContain(', seed 4242.');
    const bad = await run(['--base-url', running.url, '--seed', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be a whole number/);
  });

  it('fetches an OAuth2 token with client credentials', async () => {
    const { createServer } = await import('node:http');
    let form = '';
    const tokenServer = createServer((req, res) => {
      req.on('data', (d: Buffer) => (form += d.toString()));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer' })));
    });
    await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
    const tokenUrl = `http://127.0.0.1:${(tokenServer.address() as { port: number }).port}/oauth2/token`;
    try {
      const result = await run(['--base-url', running.url, '--api-key', key, '--token-url', tokenUrl, '--client-id', 'kit', '--client-secret', 'very-secret-client', '--read-only']);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(new URLSearchParams(form).get('grant_type')).toBe('client_credentials');
      expect(result.stdout + result.stderr).not.toContain('very-secret-client');
    } finally {
      tokenServer.close();
    }
  });

  it.each([
    [[], /--base-url is required/],
    [['--base-url', 'ftp://x'], /--base-url must be an http\(s\) URL/],
    [['--base-url', 'http://x', '--ticket', 'nope'], /--ticket must be a uuid/],
    [['--base-url', 'http://x', '--equipment', '2147483648'], /--equipment must be a whole number/],
    [['--base-url', 'http://x', '--reporter', 'xml'], /--reporter must be one of pretty, json, junit, markdown/],
    [['--base-url', 'http://x', '--only', 'nonsense'], /--only: unknown check "nonsense"/],
    [['--base-url', 'http://x', '--token-url', 'http://127.0.0.1:1/t'], /--token-url needs --client-id and --client-secret/],
  ])('refuses %j with exit 2 and a one-line reason', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with one line when the deployment is unreachable', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
    await new Promise((resolve) => probe.close(resolve));
    const result = await run(['--base-url', url, '--timeout', '500']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`ude-kit contract: could not run: could not reach ${url}: connection refused → exit 2`);
  });

  it('explains a port that fetch will not use', async () => {
    const result = await run(['--base-url', 'http://127.0.0.1:1', '--timeout', '500']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fetch will not connect to this port');
  });
});
