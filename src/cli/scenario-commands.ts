// `ude-kit scenarios`, `ude-kit seed` and `ude-kit export`: QA's named states, loaded into a running mock
// (or, record by record, into a real deployment) and saved back out.
import { relative, resolve } from 'node:path';
import { createScrubber } from '../../contracts/secrets.js';
import { seedViaApi, type SeedStep } from '../../contracts/seed-via-api.js';
import { loadScenario, shippedScenarios, shippedScenariosDir } from '../../mocks/state/scenario-files.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import type { Violation } from '../../mocks/core/problems.js';
import { adminCall } from './admin-client.js';
import { CliError } from './cli-error.js';
import { credentialOptions, credentialUsage, env, resolveCredentials, urlOption } from './credential-options.js';
import { integerOption, parseCommand } from './options.js';

export const seedUsage = `Usage: ude-kit seed --scenario NAME|FILE --target URL [options]

Loads a scenario into a running ude-kit mock (PUT /__admin/state), replacing its state.

  --scenario NAME|FILE    a shipped scenario (ude-kit scenarios) or a JSON/YAML file
  --target URL            the mock, e.g. http://127.0.0.1:4010
  --via-api               seed a real deployment instead: add each used record with POST where it is
                          not there yet; never deletes. Its tickets must exist there and be In Progress.
  --dry-run               with --via-api: show the plan (GET requests only)
  --timeout MS            per request (default 60000)
  --admin-token T         the mock's admin token, if it has one (env UDE_KIT_ADMIN_TOKEN)
${credentialUsage}
  -h, --help              show this help

Exit code: 0 loaded, 1 refused (the scenario, or records with --via-api), 2 could not run.`;

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

function stepLine(step: SeedStep): string {
  return `${step.outcome.padEnd(13)} ${step.ticketId} / ${step.equipmentId}${step.reason === undefined ? '' : `  (${step.reason})`}`;
}

export async function runSeedCommand(args: string[]): Promise<number> {
  const values = parseCommand(
    args,
    {
    scenario: { type: 'string' },
    target: { type: 'string' },
    'via-api': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
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

  const { secrets, ...credentials } = await resolveCredentials(values, timeoutMs);
  const scrub = createScrubber(secrets);
  const dryRun = values['dry-run'] === true;
  console.log(`${dryRun ? 'plan for' : 'seeding'} ${target} through its API: ${state.used.length} used records on ${new Set(state.used.map((u) => u.ticket_id)).size} tickets (the tickets and catalogue must exist there; nothing is deleted)`);
  const report = await seedViaApi({ baseUrl: target, credentials, state, dryRun, timeoutMs, onStep: (step) => console.log(scrub(stepLine(step))) });
  const count = (outcome: SeedStep['outcome']) => report.steps.filter((s) => s.outcome === outcome).length;
  console.log(`\n${count('added')} added, ${count('would add')} to add, ${count('already there')} already there, ${count('refused')} refused`);
  if (report.stopped !== undefined) throw new CliError(scrub(report.stopped));
  return count('refused') > 0 ? 1 : 0;
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
