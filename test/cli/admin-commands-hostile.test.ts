// seed, export and seed --via-api against targets that attack them: a redirect that would carry the admin
// token elsewhere, an answer larger than --max-body-bytes, an answer that is no state, a server dripping
// one byte at a time, problem titles holding terminal escapes. Each run is a real CLI process: it ends
// with a clear message and exit 2 (or 1 for refused records), never a stack trace, a hang or a leak.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cliArgs, root } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
import { useLocalServers } from '../helpers/local-servers.js';

const { listen, children } = useLocalServers();
const serve = (handler: (request: IncomingMessage, response: ServerResponse) => void) => listen(createServer(handler));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliArgs, ...args], { cwd: root });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A clear message: one "ude-kit:" line (and maybe lines indented under it), never a stack or a TypeError. */
function expectClearFailure(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/TypeError|RangeError|SyntaxError|\n\s+at /);
}

const json = { 'content-type': 'application/json' };
const token = 'admin-token-that-must-stay-home';

/** Answers every request with `status` and `body`, after reading the request's own body. */
const answering = (status: number, body: string) =>
  serve((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(status, json).end(body));
  });

/** Sends the head at once, then one space every `everyMs`, for `forMs` in all, then ends: a slow drip, not a dead server. */
/** A server that drips its answer a byte every `everyMs` for `forMs`; `atOnce` names the requests it answers at once (an empty list). */
const dripping = (everyMs: number, forMs: number, atOnce: (url: string) => boolean = () => false) =>
  serve((request, response) => {
    request.resume();
    response.writeHead(200, json);
    if (atOnce(request.url ?? '')) return void response.end('{"result":[],"total":0}');
    response.write('{');
    const drip = setInterval(() => response.write(' '), everyMs);
    const end = setTimeout(() => response.end('}'), forMs);
    response.on('close', () => {
      clearInterval(drip);
      clearTimeout(end);
    });
  });

describe('the admin commands follow no redirect with the admin token', () => {
  it.each([
    ['export', ['export']],
    ['seed', ['seed', '--scenario', 'empty']],
  ])('%s stops at a 307, naming where it pointed, and the token never arrives there', async (_name, command) => {
    const arrived: Array<string | undefined> = [];
    const elsewhere = await serve((request, response) => {
      arrived.push(request.headers['x-admin-token'] as string | undefined);
      request.resume();
      response.writeHead(200, json).end('{"tickets":[],"catalog":[],"used":[]}');
    });
    const redirecting = await serve((request, response) => {
      request.resume();
      response.writeHead(307, { location: `${elsewhere}${request.url}` }).end();
    });
    const result = await run([...command, '--target', redirecting, '--admin-token', token]);
    expectClearFailure(result, new RegExp(`answered 307, a redirect to "${elsewhere}/__admin/state"; it is not followed`));
    expect(arrived).toEqual([]);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(token);
  });
});

describe('the admin commands read a bounded answer and check its shape', () => {
  it('export stops reading past --max-body-bytes and prints nothing', async () => {
    const tickets = Array.from({ length: 3_000 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, status: 'In Progress' }));
    const state = JSON.stringify({ tickets, catalog: [], used: [] });
    expect(state.length).toBeGreaterThan(100_000);
    const url = await answering(200, state);
    const result = await run(['export', '--target', url, '--max-body-bytes', '65536']);
    expectClearFailure(result, /answered more than 65,536 bytes \(--max-body-bytes\); nothing was written/);
    expect(result.stdout).toBe('');
  });

  it('export of {} is no scenario: exit 2, nothing printed', async () => {
    const result = await run(['export', '--target', await answering(200, '{}')]);
    expectClearFailure(result, /answered GET \/__admin\/state with no state a scenario can hold .*\n {2}\/tickets: is required/);
    expect(result.stdout).toBe('');
  });

  it('export of a state whose tickets are not a list is no scenario either', async () => {
    const result = await run(['export', '--target', await answering(200, '{"tickets":"none","catalog":[],"used":[]}')]);
    expectClearFailure(result, /no state a scenario can hold/);
    expect(result.stdout).toBe('');
  });

  it('seed into a target answering {} says it is no ude-kit mock, without a TypeError', async () => {
    const result = await run(['seed', '--scenario', 'closed-ticket', '--target', await answering(200, '{}')]);
    expectClearFailure(result, /answered 200 to PUT \/__admin\/state without the counts a ude-kit mock gives \("\{\}"\)/);
  });

  it('seed into a target refusing with violations that are no list still says it was refused', async () => {
    const result = await run(['seed', '--scenario', 'closed-ticket', '--target', await answering(400, '{"violations":"none"}')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the scenario/);
    expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
  });
});

describe('--timeout is a deadline for the whole answer, not an idle timer', () => {
  // The server drips for 4 s: longer than the 600 ms deadline, short enough that an idle timer's run ends.
  const drip = () => dripping(100, 4_000);

  it('export gives up on a server dripping a byte at a time', async () => {
    const result = await run(['export', '--target', await drip(), '--timeout', '600']);
    expectClearFailure(result, /gave no complete answer within 600 ms \(--timeout\)/);
    expect(result.stdout).toBe('');
  });

  it('seed --via-api gives up on each answer dripped a byte at a time', async () => {
    // Its first request is the contract command's preflight: a target that gives no whole answer within
    // --timeout cannot be seeded, exit 2, as contract says of it (below), with nothing counted refused.
    const result = await run(['seed', '--scenario', 'single-ticket', '--target', await drip(), '--via-api', '--json', '--timeout', '600', '--api-key', 'k', '--token', 't']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^ude-kit: could not reach http:\/\/127\.0\.0\.1:\d+: no answer within the timeout: raise --timeout if it is only slow, or check that it is up$/m);
    expect(result.stdout).toBe('');
    // Past a preflight answered at once, each ticket's read has the same deadline.
    const afterPreflight = await dripping(100, 4_000, (url) => !url.includes('?'));
    const read = await run(['seed', '--scenario', 'single-ticket', '--target', afterPreflight, '--via-api', '--json', '--timeout', '600', '--api-key', 'k', '--token', 't']);
    expect(read.code, read.stderr).toBe(1);
    expect(JSON.parse(read.stdout)).toMatchObject({ refused: 1, problems: [{ reason: 'could not check: no answer within the timeout' }] });
  });

  it('contract gives up on a server dripping a byte at a time', async () => {
    const result = await run(['contract', '--base-url', await drip(), '--timeout', '600', '--read-only', '--api-key', 'k', '--token', 't', '--reporter', 'json']);
    expect(result.code, result.stderr).toBe(2);
    expect((JSON.parse(result.stdout) as { reason?: string }).reason).toMatch(/no answer within the timeout/);
  });
});

describe('a deployment’s words reach the terminal without their escape sequences', () => {
  it('seed --via-api shows a problem title holding ESC[2J and an OSC window title as \\x1b', async () => {
    const title = 'Refused\u001b[2J\u001b]0;pwned\u0007 \u009b31m';
    const url = await serve((request, response) => {
      request.resume();
      request.on('end', () => {
        if (request.method === 'GET') response.writeHead(200, json).end('{"result":[],"total":0}');
        else response.writeHead(409, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title, status: 409, detail: 'see \u001b]8;;http://evil.example\u001b\\here\u001b]8;;\u001b\\' }));
      });
    });
    const result = await run(['seed', '--scenario', 'single-ticket', '--target', url, '--via-api', '--api-key', 'k', '--token', 't']);
    expect(result.code, result.stderr).toBe(1);
    const printed = result.stdout + result.stderr;
    expect(printed).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(result.stderr).toContain('refused: 409 Refused\\x1b[2J\\x1b]0;pwned\\x07 \\x9b31m see \\x1b]8;;http://evil.example\\x1b\\here');
    expect(result.stdout).toContain('refused: 409 Refused\\x1b[2J\\x1b]0;pwned\\x07 \\x9b31m (first: ');
  });
});
