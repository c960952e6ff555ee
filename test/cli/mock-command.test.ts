// The CLI as a user runs it: a real process, its output, its exit code.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cliArgs as cli, root, startMockCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const start = (args: string[]) => startMockCli(args, children);

const run = (args: string[]) => spawnSync(process.execPath, [...cli, ...args], { cwd: root, encoding: 'utf8', timeout: 15_000 });
const headers = { authorization: 'Bearer t', 'x-api-key': 'k' };

describe('ude-kit mock', () => {
  it('prints its URL on 127.0.0.1, serves the seed example, and stops cleanly on SIGTERM', async () => {
    const { child, url } = await start(['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await fetch(`${url}/v2/tickets/used-diagnostic-equipment/595be628-f6f2-4262-9c10-6389c6c4a5b8/12`, { headers });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ name: 'iCarsoft CR Pro', version: '2.0' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('takes --seed, --auth off, --delay and --no-admin', async () => {
    const { url } = await start(['--port', '0', '--seed', '7', '--auth', 'off', '--delay', '30', '--no-admin']);
    const started = Date.now();
    const list = await fetch(`${url}/v2/tickets/used-diagnostic-equipment`);
    expect(list.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect((await fetch(`${url}/__admin/state`)).status).toBe(404);
    // The console goes with the admin API: off too.
    const consolePage = await fetch(`${url}/__admin/ui/`);
    expect(consolePage.status).toBe(404);
    expect(await consolePage.text()).not.toContain('<html');
  });

  it('says what it loads and, with --json, prints one ready line on stdout that scripts can wait for', async () => {
    const child = spawn(process.execPath, [...cli, 'mock', '--port', '0', '--json', '--scenario', 'many-pages'], { cwd: root });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await expect.poll(() => stdout.includes('\n'), { timeout: 15_000 }).toBe(true);
    const ready = JSON.parse(stdout.split('\n')[0]!) as { url: string; pid: number; api: string; console: string; state: Record<string, unknown> };
    expect(ready.pid).toBe(child.pid);
    expect(ready.console).toBe(`${ready.url}/__admin/ui/`);
    expect(ready.state).toEqual({ scenario: 'many-pages', tickets: 1, catalog: 3300, used: 3255 });
    // The ready line is the whole of stdout, and it is true: the API answers at once.
    expect((await fetch(ready.api, { headers })).status).toBe(200);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^ude-kit mock: loading scenario "many-pages"…$/m);
    expect(stderr).toMatch(/state: +scenario "many-pages": 1 ticket, 3,300 catalogue entries, 3,255 used records, loaded in \d+\.\d s/);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('serves the admin console and the shipped scenarios when the admin API is on', async () => {
    const { url, output } = await start(['--port', '0']);
    await expect.poll(output).toContain(`console: ${url}/__admin/ui/`);
    const page = await fetch(`${url}/__admin/ui/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="app">');
    const scenarios = (await (await fetch(`${url}/__admin/scenarios`)).json()) as { scenarios: Array<{ name: string }> };
    expect(scenarios.scenarios.map((s) => s.name)).toContain('closed-ticket');
  });

  it('accepts only the configured credentials with --api-key and --token', async () => {
    const { url } = await start(['--port', '0', '--api-key', 'K1', '--token', 'T1']);
    const path = `${url}/v2/tickets/used-diagnostic-equipment`;
    expect((await fetch(path, { headers: { authorization: 'Bearer T1', 'x-api-key': 'K1' } })).status).toBe(200);
    expect((await fetch(path, { headers: { authorization: 'Bearer T1', 'x-api-key': 'K2' } })).status).toBe(401);
  });

  it('takes --cors-origin and --allowed-host', async () => {
    const { url } = await start(['--port', '0', '--cors-origin', 'http://app.test:8080/', '--allowed-host', 'dev.test']);
    const named = await fetch(`${url}/__admin/state`, { headers: { origin: 'http://app.test:8080' } });
    expect(named.headers.get('access-control-allow-origin')).toBe('http://app.test:8080');
    const other = await fetch(`${url}/__admin/state`, { headers: { origin: 'http://other.test' } });
    expect(other.status).toBe(403);
    const { rawExchange } = await import('../helpers/raw-http.js');
    const byName = await rawExchange(url, ['GET /__admin/state HTTP/1.1\r\nHost: dev.test:4010\r\nConnection: close\r\n\r\n']);
    expect(byName.statuses).toEqual([200]);
    const unknown = await rawExchange(url, ['GET /__admin/state HTTP/1.1\r\nHost: other.test\r\nConnection: close\r\n\r\n']);
    expect(unknown.statuses).toEqual([403]);
  });

  it('gives the same state for the same --seed in two processes', async () => {
    const states = [];
    for (let i = 0; i < 2; i++) {
      const { child, url } = await start(['--port', '0', '--seed', '11']);
      states.push(await (await fetch(`${url}/__admin/state`)).text());
      child.kill('SIGTERM');
    }
    expect(states[0]).toBe(states[1]);
    expect(states[0]!.length).toBeGreaterThan(1000);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--auth', 'maybe'], /--auth must be one of required, off/],
    [['--delay', 'soon'], /--delay must be milliseconds/],
    [['--seed=-1'], /--seed must be a whole number/],
    [['--api-key', ''], /--api-key must not be empty/],
    [['--frobnicate'], /unknown option --frobnicate\nsee `ude-kit mock --help`/],
    [['--cors-origin', 'app.test'], /--cors-origin must be an origin such as http:\/\/app.test:5173/],
    [['--cors-origin', 'http://app.test/path'], /--cors-origin must be an origin/],
    [['--allowed-host', ' '], /--allowed-host must not be empty/],
  ])('refuses %j with a one-line reason and exit code 2', (args, message) => {
    const result = run(['mock', ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    // One line saying what is wrong, one saying where to read more: never the whole usage, never a stack.
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(result.stderr.trimEnd().split('\n')[1]).toBe('see `ude-kit mock --help`');
  });

  it('says so, with exit code 2, when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const result = run(['mock', '--port', String(port)]);
    blocker.close();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('prints help and refuses an unknown command', () => {
    expect(run(['mock', '--help']).stdout).toContain('Usage: ude-kit mock [options]');
    const unknown = run(['frob']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frob"');
  });

  it('runs from the compiled bin that npm installs', () => {
    const result = spawnSync(process.execPath, ['bin/ude-kit.js', 'mock', '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('--no-admin');
  });
});
