// `ude-kit mock`: the standalone fake API on node:http, until SIGINT or SIGTERM.
import { setFlagsFromString } from 'node:v8';
import { parseDelay } from '../../mocks/core/delay.js';
import { createMock, InvalidStateError } from '../../mocks/core/mock.js';
import { normaliseOrigin } from '../../mocks/core/origins.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { consoleFiles, consolePath } from '../../mocks/adapters/console-files.js';
import { shippedScenarioSource } from '../../mocks/state/scenario-source-node.js';
import { CliError, UsageError } from './cli-error.js';
import { mockCommand } from './commands.js';
import { parseCommand } from './declaration.js';
import { choiceOption, integerOption, nonEmptyOption } from './options.js';
import { loadOrFail } from './scenario-commands.js';
import { readProfileFile } from './profile-file.js';

export interface StartedMock {
  url: string;
  close(): Promise<void>;
}

/**
 * V8 pretenures an allocation site whose objects survive a scavenge: it allocates them in the old
 * generation from then on. The journal keeps each request's objects for its last few hundred requests,
 * long enough to survive one scavenge and no longer; once a large state has grown the young generation
 * to its maximum (≈ 100,000 records), V8 pretenures the request path's sites, and every request's
 * garbage lands in the old generation: 8× the promoted bytes, ≈ 10-20% more CPU a request and a heap
 * that grows until a full collection of the whole state (`npm run bench`, scale section). The mock's
 * own process opts out; loading a state was measured no slower without it (1.7-1.8 s for 1,000,000).
 */
const noPretenuringFlag = '--no-allocation-site-pretenuring';

export async function runMockCommand(args: string[]): Promise<StartedMock | undefined> {
  const values = parseCommand(mockCommand, args);
  if (values === undefined) return undefined;
  setFlagsFromString(noPretenuringFlag);
  const delayText = values.delay;
  const delay = delayText === undefined ? undefined : parseDelay(delayText);
  if (delayText !== undefined && delay === undefined) {
    throw new UsageError(`--delay must be milliseconds (200) or a range (100-400), not "${delayText}"`);
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
    if (origin === undefined) throw new UsageError(`--cors-origin must be an origin such as http://app.test:5173 (scheme, host, optional port) or *, not "${text}"`);
    return origin;
  });
  const hostNames = (values['allowed-host'] ?? []).map((text) => nonEmptyOption('allowed-host', text.trim().toLowerCase())!);
  const allowedHosts = hostNames.includes('all') ? ('any' as const) : hostNames.length > 0 ? hostNames : undefined;

  if (values.scenario !== undefined && values.seed !== undefined) {
    throw new UsageError('--seed sets the default state; a scenario carries its own seed (generate.seed in its file)');
  }
  const profile = values.profile === undefined ? undefined : readProfileFile(values.profile);
  const json = values.json === true;
  // With --json, stdout carries the ready line alone: everything for people goes to stderr.
  const say = (line: string) => (json ? console.error(line) : console.log(line));
  const loadingStarted = performance.now();
  if (values.scenario !== undefined) say(`ude-kit mock: loading scenario "${values.scenario}"…`);
  const state = values.scenario === undefined ? undefined : loadOrFail(values.scenario);
  let mock;
  try {
    mock = createMock({
      ...(state === undefined ? {} : { state, stateName: `scenario "${values.scenario}"` }),
      seed: integerOption('seed', values.seed, { min: 0, max: Number.MAX_SAFE_INTEGER }),
      auth,
      admin: values['no-admin'] !== true,
      adminToken: nonEmptyOption('admin-token', values['admin-token']),
      corsOrigins,
      scenarios: shippedScenarioSource(),
      ...(profile === undefined ? {} : { profile }),
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
  if (values.profile !== undefined) say(`  profile: ${values.profile}`);
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
