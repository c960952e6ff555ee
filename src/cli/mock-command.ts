// `ude-kit mock`: the standalone fake API on node:http, until SIGINT or SIGTERM.
import { parseDelay } from '../../mocks/core/delay.js';
import { createMock, InvalidStateError } from '../../mocks/core/mock.js';
import { normaliseOrigin } from '../../mocks/core/origins.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { consoleFiles, consolePath } from '../../mocks/adapters/console-files.js';
import { shippedScenarioSource } from '../../mocks/state/scenario-source-node.js';
import { CliError } from './cli-error.js';
import { choiceOption, integerOption, nonEmptyOption, parseCommand } from './options.js';
import { loadOrFail } from './scenario-commands.js';

export const mockUsage = `Usage: ude-kit mock [options]

Serves a stateful fake of the Used diagnostic equipment API.

Options:
  --port N             port to listen on (default 4010; 0 picks a free one)
  --host HOST          address to bind (default 127.0.0.1)
  --seed N             seed of the generated start state (default 1)
  --scenario NAME|FILE start from a scenario instead (ude-kit scenarios lists the shipped ones)
  --auth MODE          required (default): Bearer token and X-Api-Key on every call; off: none
  --api-key KEY        accept only this API key (default: any non-empty key)
  --token TOKEN        accept only this bearer token (default: any non-empty token)
  --delay MS|MIN-MAX   wait before every response, e.g. 200 or 100-400
  --no-admin           turn the /__admin control API off
  --admin-token T      require X-Admin-Token: T on every /__admin call
  --cors-origin ORIGIN let pages of ORIGIN call the mock (repeatable; http(s)://localhost,
                       127.0.0.1 and [::1] on any port always may); * lets any page read the
                       API without credentials, never the admin API
  --allowed-host NAME  answer requests for this Host name too (repeatable; localhost and IP
                       addresses always are); all turns the check off
  --json               when ready, print one JSON line on stdout ({"url", "pid", …}) for scripts
                       to wait for; other messages go to stderr
  -h, --help           show this help`;

export interface StartedMock {
  url: string;
  close(): Promise<void>;
}

export async function runMockCommand(args: string[]): Promise<StartedMock | undefined> {
  const values = parseCommand(
    args,
    {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string' },
    auth: { type: 'string' },
    'api-key': { type: 'string' },
    token: { type: 'string' },
    delay: { type: 'string' },
    'no-admin': { type: 'boolean' },
    'admin-token': { type: 'string' },
    'cors-origin': { type: 'string', multiple: true },
    'allowed-host': { type: 'string', multiple: true },
    json: { type: 'boolean' },
    },
    mockUsage,
  );
  if (values === undefined) return undefined;
  const delayText = values.delay;
  const delay = delayText === undefined ? undefined : parseDelay(delayText);
  if (delayText !== undefined && delay === undefined) {
    throw new CliError(`--delay must be milliseconds (200) or a range (100-400), not "${delayText}"`);
  }
  const port = integerOption('port', values.port, { min: 0, max: 65535 }) ?? 4010;
  const host = nonEmptyOption('host', values.host) ?? '127.0.0.1';
  const auth = {
    mode: choiceOption('auth', values.auth, ['required', 'off'] as const) ?? 'required',
    apiKey: nonEmptyOption('api-key', values['api-key']),
    token: nonEmptyOption('token', values.token),
  };

  const corsOrigins = (values['cors-origin'] ?? []).map((text) => {
    const origin = normaliseOrigin(text);
    if (origin === undefined) throw new CliError(`--cors-origin must be an origin such as http://app.test:5173 (scheme, host, optional port) or *, not "${text}"`);
    return origin;
  });
  const hostNames = (values['allowed-host'] ?? []).map((text) => nonEmptyOption('allowed-host', text.trim().toLowerCase())!);
  const allowedHosts = hostNames.includes('all') ? ('any' as const) : hostNames.length > 0 ? hostNames : undefined;

  if (values.scenario !== undefined && values.seed !== undefined) {
    throw new CliError('--seed sets the default state; a scenario carries its own seed (generate.seed in its file)');
  }
  const json = values.json === true;
  // With --json, stdout carries the ready line alone: everything for people goes to stderr.
  const say = (line: string) => (json ? console.error(line) : console.log(line));
  const loadingStarted = performance.now();
  if (values.scenario !== undefined) say(`ude-kit mock: loading scenario "${values.scenario}"…`);
  const state = values.scenario === undefined ? undefined : loadOrFail(values.scenario);
  let mock;
  try {
    mock = createMock({
      ...(state === undefined ? {} : { state }),
      seed: integerOption('seed', values.seed, { min: 0, max: Number.MAX_SAFE_INTEGER }),
      auth,
      admin: values['no-admin'] !== true,
      adminToken: nonEmptyOption('admin-token', values['admin-token']),
      corsOrigins,
      scenarios: shippedScenarioSource(),
    });
  } catch (error) {
    if (error instanceof InvalidStateError) throw new CliError(error.message);
    throw error;
  }

  let running;
  try {
    const adminConsole = values['no-admin'] === true ? undefined : consoleFiles();
    running = await startHttpServer(mock, { port, host, delay, console: adminConsole, ...(allowedHosts === undefined ? {} : { allowedHosts }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is already in use; pick another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot bind to host "${host}"`);
    if (code === 'EACCES') throw new CliError(`no permission to listen on ${host}:${port}`);
    throw error;
  }

  const counts = mock.counts();
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const stateLine = `${values.scenario === undefined ? `the default state (seed ${values.seed ?? 1})` : `scenario "${values.scenario}"`}: ${count(counts.tickets, 'ticket', 'tickets')}, ${count(counts.catalog, 'catalogue entry', 'catalogue entries')}, ${count(counts.used, 'used record', 'used records')}${values.scenario === undefined ? '' : `, loaded in ${((performance.now() - loadingStarted) / 1000).toFixed(1)} s`}`;
  const admin = values['no-admin'] === true ? undefined : `${running.url}/__admin`;
  say(`ude-kit mock listening on ${running.url}`);
  say(`  API:     ${running.url}/v2/tickets/used-diagnostic-equipment`);
  say(`  auth:    ${auth.mode === 'off' ? 'off' : 'Authorization: Bearer <token> and X-Api-Key: <key> required'}`);
  say(`  admin:   ${admin === undefined ? 'off' : `${admin}/state${values['admin-token'] === undefined ? '' : ' (X-Admin-Token required)'}`}`);
  if (admin !== undefined) say(`  console: ${running.url}${consolePath}/`);
  say(`  state:   ${stateLine}`);
  if (json) {
    console.log(
      JSON.stringify({
        url: running.url,
        pid: process.pid,
        api: `${running.url}/v2/tickets/used-diagnostic-equipment`,
        admin: admin ?? null,
        console: admin === undefined ? null : `${running.url}${consolePath}/`,
        auth: auth.mode,
        state: { ...(values.scenario === undefined ? { seed: integerOption('seed', values.seed, { min: 0, max: Number.MAX_SAFE_INTEGER }) ?? 1 } : { scenario: values.scenario }), ...counts },
      }),
    );
  }
  return running;
}
