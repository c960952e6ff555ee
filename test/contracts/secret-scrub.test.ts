// Secrets never leave the suite: a deployment that echoes the credentials back in every answer (raw,
// inside long values that reports cut, with characters that JSON, XML and URLs escape) leaves no trace
// of them in any report format or on stderr; the token request sends the client secret nowhere but
// where it was told; a password in --base-url is refused and never printed.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingFor, type CheckContext } from '../../contracts/checks/check.js';
import { findingValueChars } from '../../contracts/findings.js';
import { compiledSpec } from '../../src/spec/index.js';
import { createScrubber, secretForms } from '../../contracts/secrets.js';
import { cliArgs, root } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
import { useLocalServers } from '../helpers/local-servers.js';

const { listen, children } = useLocalServers();

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...cliArgs, 'contract', ...args], { cwd: root });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Every way a secret could show: its forms, and the first 8 characters of each (what a cut leaves). */
function traces(secret: string): string[] {
  return secretForms(secret).flatMap((form) => [form, form.slice(0, 8)]);
}

describe('the scrubber', () => {
  const scrub = createScrubber(['s3cr3t"k\\ey&<x>', 'tok']);

  it.each([
    ['raw', 'a s3cr3t"k\\ey&<x> b', 'a *** b'],
    ['JSON-escaped', JSON.stringify({ v: 's3cr3t"k\\ey&<x>' }), '{"v":"***"}'],
    ['XML-escaped', 's3cr3t&quot;k\\ey&amp;&lt;x&gt;', '***'],
    ['URL-encoded', `?k=${encodeURIComponent('s3cr3t"k\\ey&<x>')}&z=1`, '?k=***&z=1'],
    ['cut after 8 characters', '"s3cr3t"k…', '"***…'],
    ['a short secret alone', 'Bearer tok, "tok"', 'Bearer ***, "***"'],
    ['a short secret inside a word (left: masking it would mangle every text)', 'tokens stock', 'tokens stock'],
  ])('masks the %s form', (_name, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });
});

describe('findings', () => {
  it('scrub a value before cutting it, so that no start of a secret is left behind', () => {
    const secret = 'abcdefghijklmnopqrstuvwxyz-secret';
    const exchange = { label: 'x', auth: 'both' as const, attempts: 1, request: { method: 'GET', target: `/v2/x?k=${secret}`, headers: {} } };
    const context = { ...({} as CheckContext), spec: compiledSpec(), baseUrl: 'http://h', apiKeyHeader: 'X-Api-Key', scrub: createScrubber([secret]) };
    const finding = findingFor(exchange, { check: 'c', expected: { nested: [`${'e'.repeat(findingValueChars - 5)}${secret}`] }, actual: `${'a'.repeat(findingValueChars - 5)}${secret}`, message: `m ${secret}` }, context);
    const text = JSON.stringify(finding);
    expect(text).not.toContain(secret.slice(0, 4));
    expect(finding.message).toBe('m ***');
    expect(finding.request.target).toBe('/v2/x?k=***');
    expect(String(finding.actual.value)).toMatch(/^a+\*\*\*$/);
  });
});

describe('a deployment that echoes the credentials', () => {
  const apiKey = 'key-"quoted"\\back&amp<lt>-0123456789';
  const token = 'tok&en<with>"chars"\\and-9876543210';
  const clientSecret = 'client"secret&<x>\\y-abcdefghij';

  it('leaves no form of any secret in pretty, json, junit, markdown or stderr', async () => {
    const tokenUrl = await listen(createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token }))));
    const echo = await listen(
      createServer((request, response) => {
        const said = `${request.headers['x-api-key'] ?? ''} ${request.headers.authorization ?? ''}`;
        // Long values, so that reporters cut them in the middle of a secret.
        const row = { ticket_id: said, diagnostic_equipment_id: said, name: `${'n'.repeat(60)}${said}`, version: said, echoed: said };
        if (request.method === 'GET' && request.url?.startsWith('/v2/tickets/used-diagnostic-equipment?')) {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ query: { limit: said }, result: [row], total: said }));
        } else {
          response.writeHead(418, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: said, title: said, status: said, detail: `${'d'.repeat(70)}${said}` }));
        }
      }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'ude-kit-secrets-'));
    const result = await cli([
      '--base-url', echo, '--api-key', apiKey, '--token-url', `${tokenUrl}/token`, '--client-id', 'kit', '--client-secret', clientSecret, '--read-only', '--timeout', '2000',
      '--reporter', 'pretty', '--reporter', `json:${dir}/r.json`, '--reporter', `junit:${dir}/r.xml`, '--reporter', `markdown:${dir}/r.md`,
    ]);
    expect(result.code).toBe(1);
    const outputs = { stdout: result.stdout, stderr: result.stderr, ...Object.fromEntries(await Promise.all(['r.json', 'r.xml', 'r.md'].map(async (f) => [f, await readFile(join(dir, f), 'utf8')]))) } as Record<string, string>;
    // The reports are still what they say they are.
    expect(JSON.parse(outputs['r.json']!)).toMatchObject({ exitCode: 1 });
    expect(outputs['r.xml']).toContain('<testsuites name="ude-kit contract"');
    expect(outputs.stdout).toContain('***');
    for (const [where, text] of Object.entries(outputs)) {
      for (const secret of [apiKey, token, clientSecret]) {
        for (const trace of traces(secret)) expect(text, `${where} holds ${JSON.stringify(trace)}`).not.toContain(trace);
      }
    }
  }, 60_000);

  it('does not follow a redirect of the token request, so the client secret goes nowhere else', async () => {
    let elsewhere = 0;
    const other = await listen(createServer((_req, res) => {
      elsewhere++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"stolen"}');
    }));
    const redirecting = await listen(createServer((_req, res) => res.writeHead(307, { location: `${other}/token` }).end()));
    const result = await cli(['--base-url', other, '--token-url', `${redirecting}/token`, '--client-id', 'kit', '--client-secret', clientSecret, '--api-key', apiKey]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the token endpoint answered 307 \(a redirect\); the suite does not follow it/);
    expect(elsewhere).toBe(0);
    expect(result.stderr).not.toContain(clientSecret);
  });

  it('refuses a user name and password in --base-url without printing them', async () => {
    const result = await cli(['--base-url', 'http://someone:hunter2-password@127.0.0.1:9/', '--read-only']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--base-url must not hold a user name or password \(http:\/\/127\.0\.0\.1:9\/ with credentials removed\)/);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
    expect(result.stderr + result.stdout).not.toContain('someone');
  });
});
