// `ude-kit scenarios`, `ude-kit seed` and `ude-kit export`: QA's named states, loaded into a running mock
// (or, record by record, into a real deployment) and saved back out.
import { relative, resolve } from 'node:path';
import { createScrubber } from '../../contracts/secrets.js';
import { defaultSeedConcurrency, seedViaApi, type SeedReport } from '../../contracts/seed-via-api.js';
import { loadScenario, shippedScenarios, shippedScenariosDir } from '../../mocks/state/scenario-files.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import type { Violation } from '../../mocks/core/problems.js';
import { adminCall } from './admin-client.js';
import { CliError } from './cli-error.js';
import { credentialOptions, credentialUsage, env, resolveCredentials, urlOption } from './credential-options.js';
import { integerOption, parseCommand } from './options.js';
import { createProgress } from './progress.js';

export const seedUsage = `Usage: ude-kit seed --scenario NAME|FILE --target URL [options]

Loads a scenario into a running ude-kit mock (PUT /__admin/state), replacing its state.

  --scenario NAME|FILE    a shipped scenario (ude-kit scenarios) or a JSON/YAML file
  --target URL            the mock, e.g. http://127.0.0.1:4010
  --via-api               seed a real deployment instead: add each used record with POST where it is
                          not there yet; never deletes. Its tickets must exist there and be In Progress.
  --dry-run               with --via-api: count what would be added (GET requests only)
  --concurrency N         with --via-api: tickets seeded at once (default ${defaultSeedConcurrency}, 1-256)
  --retries N             with --via-api: repeat a read after a dropped connection or 502/503/504
                          (default 2, 0-5; an add is never repeated)
  --json                  with --via-api: print one JSON summary on stdout, no progress on a pipe
  --timeout MS            per request (default 60000)
  --admin-token T         the mock's admin token, if it has one (env UDE_KIT_ADMIN_TOKEN)
${credentialUsage}
  -h, --help              show this help

With --via-api it shows a progress bar with rate and ETA on a terminal (a line every 2 s otherwise),
one line per kind of refusal (not per record), and a summary; it stops after the first refusal of
the credentials (401/403).

Exit code: 0 loaded, 1 refused (the scenario, or records with --via-api), 2 could not run (bad
invocation, credentials refused, the target stopped answering).`;

export const exportUsage = `Usage: ude-kit export --target URL [--description TEXT] [--admin-token T] > my-state.json

Prints a running mock's state as a scenario file, to replay with --scenario.`;

function printViolations(title: string, violations: Violation[]): never {
  throw new CliError(`${title}:\n${violations.map((v) => `  ${v.field}: ${v.message}`).join('\n')}`, 1);
}

export function loadOrFail(reference: string): StateDocument {
  const result = loadScenario(reference);
  if (!result.ok) printViolations(`scenario "${reference}" is refused`, result.violations);
  return result.state;
}

export function runScenariosCommand(args: string[]): number {
  if (args.includes('-h') || args.includes('--help')) {
    console.log('Usage: ude-kit scenarios\n\nLists the shipped scenarios with what each gives a tester.');
    return 0;
  }
  if (args.length > 0) throw new CliError(`ude-kit scenarios takes no arguments, not "${args.join(' ')}"`);
  const list = shippedScenarios();
  const width = Math.max(...list.map((s) => s.name.length));
  for (const scenario of list) console.log(`${scenario.name.padEnd(width)}  ${scenario.description}`);
  console.log(`\nFiles: ${relative(process.cwd(), shippedScenariosDir) || '.'}; use --scenario NAME or --scenario ./my-file.json`);
  return 0;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function summaryLines(report: SeedReport, dryRun: boolean): string[] {
  const c = report.counts;
  const seconds = report.durationMs / 1000;
  const decided = c.added + c['already there'] + c['would add'] + c.refused;
  return [
    `${count(c.added)} added, ${count(c['would add'])} to add, ${count(c['already there'])} already there, ${count(c.refused)} refused` +
      ` (${count(decided)} of ${count(report.records)} records in ${seconds.toFixed(1)} s, ${count(decided / Math.max(seconds, 0.001))} a second${dryRun ? ', a dry run' : ''})`,
    ...report.problems.map((p) => `  ${count(p.count)} refused: ${p.reason} (first: ${p.example.ticketId} / ${p.example.equipmentId})`),
  ];
}

export async function runSeedCommand(args: string[]): Promise<number> {
  const values = parseCommand(
    args,
    {
    scenario: { type: 'string' },
    target: { type: 'string' },
    'via-api': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    concurrency: { type: 'string' },
    retries: { type: 'string' },
    json: { type: 'boolean' },
    timeout: { type: 'string' },
    'admin-token': { type: 'string' },
    ...credentialOptions,
    },
    seedUsage,
  );
  if (values === undefined) return 0;
  if (values.scenario === undefined) throw new CliError('--scenario is required');
  const target = urlOption('target', values.target);
  if (target === undefined) throw new CliError('--target is required');
  if (values['dry-run'] === true && values['via-api'] !== true) throw new CliError('--dry-run goes with --via-api (loading into a mock is all or nothing)');
  for (const option of ['concurrency', 'retries', 'json'] as const) {
    if (values[option] !== undefined && values['via-api'] !== true) throw new CliError(`--${option} goes with --via-api`);
  }
  const timeoutMs = integerOption('timeout', values.timeout, { min: 1, max: 3_600_000 }) ?? 60_000;
  const state = loadOrFail(values.scenario);

  if (values['via-api'] !== true) {
    const { status, json } = await adminCall(target, 'PUT', '/state', { body: state, timeoutMs, adminToken: values['admin-token'] ?? env('UDE_KIT_ADMIN_TOKEN') });
    if (status === 400) printViolations(`${target} refused the scenario`, (json as { violations?: Violation[] }).violations ?? []);
    if (status !== 200) throw new CliError(`${target} answered ${status} to PUT /__admin/state`);
    const counts = json as { tickets: number; catalog: number; used: number };
    console.log(`loaded "${values.scenario}" into ${target}: ${counts.tickets} tickets, ${counts.catalog} catalogue entries, ${counts.used} used records`);
    return 0;
  }

  const concurrency = integerOption('concurrency', values.concurrency, { min: 1, max: 256 }) ?? defaultSeedConcurrency;
  const retries = integerOption('retries', values.retries, { min: 0, max: 5 }) ?? 2;
  const json = values.json === true;
  const { secrets, ...credentials } = await resolveCredentials(values, timeoutMs);
  const scrub = createScrubber(secrets);
  const dryRun = values['dry-run'] === true;
  const tickets = new Set(state.used.map((u) => u.ticket_id)).size;
  if (!json) {
    console.log(`${dryRun ? 'plan for' : 'seeding'} ${target} through its API: ${count(state.used.length)} used ${state.used.length === 1 ? 'record' : 'records'} on ${count(tickets)} ${tickets === 1 ? 'ticket' : 'tickets'}, ${concurrency} at once (the tickets and catalogue must exist there; nothing is deleted)`);
  }
  let done = 0;
  const progress = createProgress({ total: state.used.length, unit: 'records', periodic: !json });
  const report = await seedViaApi({
    baseUrl: target,
    credentials,
    state,
    dryRun,
    timeoutMs,
    concurrency,
    retries,
    onStep: () => progress.update(++done),
    // One line per kind of refusal, when it first happens; the summary counts them.
    onProblem: (problem, reason) => !json && progress.log(scrub(`refused: ${reason} (first: ${problem.example.ticketId} / ${problem.example.equipmentId}; others like it are counted)`)),
  });
  progress.stop();
  if (json) {
    const c = report.counts;
    const summary = {
      target,
      scenario: values.scenario,
      dryRun,
      records: report.records,
      added: c.added,
      wouldAdd: c['would add'],
      alreadyThere: c['already there'],
      refused: c.refused,
      problems: report.problems,
      ...(report.stopped === undefined ? {} : { stopped: report.stopped }),
      durationMs: Math.round(report.durationMs),
    };
    console.log(scrub(JSON.stringify(summary)));
  } else {
    console.log(`\n${summaryLines(report, dryRun).map(scrub).join('\n')}`);
  }
  if (report.stopped !== undefined) throw new CliError(scrub(report.stopped.message));
  return report.counts.refused > 0 ? 1 : 0;
}

export async function runExportCommand(args: string[]): Promise<number> {
  const values = parseCommand(args, { target: { type: 'string' }, description: { type: 'string' }, 'admin-token': { type: 'string' } }, exportUsage);
  if (values === undefined) return 0;
  const target = urlOption('target', values.target);
  if (target === undefined) throw new CliError('--target is required');
  const { status, json } = await adminCall(target, 'GET', '/state', { adminToken: values['admin-token'] ?? env('UDE_KIT_ADMIN_TOKEN') });
  if (status !== 200) throw new CliError(`${target} answered ${status} to GET /__admin/state`);
  const state = json as StateDocument;
  const scenario = {
    // Relative to where the file is likely saved (the current folder), so editors find the schema.
    $schema: relative(process.cwd(), resolve(shippedScenariosDir, 'scenario.schema.json')),
    description: values.description ?? `Exported from ${target} on ${new Date().toISOString()}`,
    tickets: state.tickets,
    catalog: state.catalog,
    used: state.used,
  };
  process.stdout.write(`${JSON.stringify(scenario, null, 2)}\n`);
  return 0;
}
