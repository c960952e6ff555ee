// `ude-kit scenarios`, `ude-kit seed` and `ude-kit export`: QA's named states, loaded into a running mock
// (or, record by record, into a real deployment) and saved back out.
import { constants } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { isPath, loadScenario, scenarioPath, shippedScenarios, shippedScenariosDir } from '../../mocks/state/scenario-files.js';
import { stateDocumentViolations, type StateDocument } from '../../mocks/state/state-document.js';
import type { Violation } from '../../mocks/core/problems.js';
import { adminCall, defaultAdminTimeoutMs, type AdminCallOptions } from './admin-client.js';
import { CliError, UsageError } from './cli-error.js';
import { exportCommand, scenariosCommand, seedCommand } from './commands.js';
import { env, urlOption } from './credential-options.js';
import { closest, parseCommand } from './declaration.js';
import { integerOption } from './options.js';
import { counted } from '../text/counted.js';
import { quoted, visible } from '../text/visible.js';
import { scenarioText, writePieces } from './scenario-text.js';
import { runSeedViaApi } from './seed-via-api-command.js';
import { writeFailure } from './write-failure.js';

/** At most this many of a target's violations are printed, then a count of the rest. */
const shownViolations = 20;

function printViolations(title: string, violations: Violation[], exitCode = 1): never {
  const shown = violations.slice(0, shownViolations).map((v) => `  ${visible(String(v.field))}: ${visible(String(v.message))}`);
  if (violations.length > shownViolations) shown.push(`  … and ${violations.length - shownViolations} more`);
  throw new CliError(`${title}:\n${shown.join('\n')}`, exitCode);
}

/** The violations a target's 400 holds, when it holds a list of them; anything else is no list. */
function violationsOf(json: unknown): Violation[] {
  const list = (json as { violations?: unknown } | undefined)?.violations;
  return Array.isArray(list) ? list.filter((v): v is Violation => typeof v === 'object' && v !== null && 'field' in v && 'message' in v) : [];
}

/** What a mock answers to PUT /__admin/state: how many of each it loaded. */
function loadedCounts(json: unknown): { tickets: number; catalog: number; used: number } | undefined {
  const counts = json as Record<string, unknown> | undefined;
  const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (typeof counts !== 'object' || counts === null || !isCount(counts.tickets) || !isCount(counts.catalog) || !isCount(counts.used)) return undefined;
  return { tickets: counts.tickets, catalog: counts.catalog, used: counts.used };
}

/** What an answer was, in a few visible characters, for a message. */
const shownAnswer = (json: unknown) => quoted(JSON.stringify(json) ?? 'nothing', 60);

/** The options every admin call of seed and export takes. */
function adminOptions(values: { 'admin-token'?: string | undefined; timeout?: string | undefined; 'max-body-bytes'?: string | undefined }): AdminCallOptions & { timeoutMs: number } {
  // A body is made one string to parse, so no bound past the longest string V8 makes.
  const maxBodyBytes = integerOption('max-body-bytes', values['max-body-bytes'], { min: 1024, max: constants.MAX_STRING_LENGTH });
  return {
    adminToken: values['admin-token'] ?? env('UDE_KIT_ADMIN_TOKEN'),
    timeoutMs: integerOption('timeout', values.timeout, { min: 1, max: 3_600_000 }) ?? defaultAdminTimeoutMs,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  };
}

/** A scenario's state; one that is not there is a bad invocation (exit 2), one that is refused exits 1. */
export function loadOrFail(reference: string): StateDocument {
  const result = loadScenario(reference);
  if (!result.ok && result.missing === true) {
    if (isPath(reference)) throw new UsageError(`--scenario: no file ${scenarioPath(reference)}`);
    const guess = closest(reference, shippedScenarios().map((s) => s.name));
    throw new UsageError(`--scenario: no shipped scenario "${reference}"${guess === undefined ? '' : ` (did you mean ${guess}?)`}; \`ude-kit scenarios\` lists them`);
  }
  if (!result.ok) printViolations(`scenario "${reference}" is refused`, result.violations);
  return result.state;
}

export function runScenariosCommand(args: string[]): number {
  if (parseCommand(scenariosCommand, args) === undefined) return 0;
  const list = shippedScenarios();
  const width = Math.max(...list.map((s) => s.name.length));
  for (const scenario of list) console.log(`${scenario.name.padEnd(width)}  ${scenario.description}`);
  console.log(`\nFiles: ${relative(process.cwd(), shippedScenariosDir) || '.'}; use --scenario NAME or --scenario ./my-file.json`);
  return 0;
}

export async function runSeedCommand(args: string[]): Promise<number> {
  const values = parseCommand(seedCommand, args);
  if (values === undefined) return 0;
  if (values.scenario === undefined) throw new UsageError('--scenario is required');
  const target = urlOption('target', values.target);
  if (target === undefined) throw new UsageError('--target is required');
  if (values['dry-run'] === true && values['via-api'] !== true) throw new UsageError('--dry-run goes with --via-api (loading into a mock is all or nothing)');
  for (const option of ['concurrency', 'retries', 'json', 'report'] as const) {
    if (values[option] !== undefined && values['via-api'] !== true) throw new UsageError(`--${option} goes with --via-api`);
  }
  const admin = adminOptions(values);
  const { timeoutMs, maxBodyBytes } = admin;
  const state = loadOrFail(values.scenario);

  if (values['via-api'] !== true) {
    const { status, json } = await adminCall(target, 'PUT', '/state', { ...admin, body: state });
    if (status === 400) printViolations(`${target} refused the scenario`, violationsOf(json));
    if (status !== 200) throw new CliError(`${target} answered ${status} to PUT /__admin/state`);
    const counts = loadedCounts(json);
    if (counts === undefined) throw new CliError(`${target} answered 200 to PUT /__admin/state without the counts a ude-kit mock gives (${shownAnswer(json)}): is --target a ude-kit mock?`);
    console.log(`loaded "${values.scenario}" into ${target}: ${counted(counts.tickets, 'ticket')}, ${counted(counts.catalog, 'catalogue entry', 'catalogue entries')}, ${counted(counts.used, 'used record')}`);
    return 0;
  }

  const reportFile = values.report;
  if (reportFile !== undefined && reportFile.trim() === '') throw new UsageError('--report needs a file name');
  return runSeedViaApi({
    args,
    target,
    scenario: values.scenario,
    state,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    timeoutMs,
    maxBodyBytes,
    concurrency: integerOption('concurrency', values.concurrency, { min: 1, max: 256 }),
    retries: integerOption('retries', values.retries, { min: 0, max: 5 }) ?? 2,
    reportFile,
    credentialValues: values,
  });
}

export async function runExportCommand(args: string[]): Promise<number> {
  const values = parseCommand(exportCommand, args);
  if (values === undefined) return 0;
  const target = urlOption('target', values.target);
  if (target === undefined) throw new UsageError('--target is required');
  const { status, json } = await adminCall(target, 'GET', '/state', adminOptions(values));
  if (status !== 200) throw new CliError(`${target} answered ${status} to GET /__admin/state`);
  // A target that is not a ude-kit mock (or is a hostile one) answers anything: only a state is saved.
  const violations = stateDocumentViolations(json);
  if (violations.length > 0) printViolations(`${target} answered GET /__admin/state with no state a scenario can hold (is it a ude-kit mock?)`, violations, 2);
  const state = json as StateDocument;
  const output = values.output;
  if (output !== undefined && output.trim() === '') throw new UsageError('--output needs a file name');
  // Relative to the file's folder (with --output) or to where stdout is most likely saved (the current
  // folder): a path an editor resolves from the file, so the file can move with its folder, not the machine.
  const schema = relative(output === undefined ? process.cwd() : dirname(resolve(output)), resolve(shippedScenariosDir, 'scenario.schema.json'));
  const head = {
    $schema: schema.startsWith('.') ? schema : `./${schema}`,
    description: values.description ?? `Exported from ${target} on ${new Date().toISOString()}`,
  };
  const where = output ?? 'stdout';
  try {
    if (output === undefined) await writePieces(process.stdout, scenarioText(head, state));
    else {
      await mkdir(dirname(output), { recursive: true });
      const file = createWriteStream(output);
      await writePieces(file, scenarioText(head, state));
      await new Promise<void>((done, fail) => file.end((error?: Error | null) => (error ? fail(error) : done())));
    }
  } catch (error) {
    throw new CliError(`could not write the scenario to ${where} (${writeFailure(error)}); what was written is not a whole scenario`);
  }
  if (output !== undefined) console.log(`wrote ${output}: ${counted(state.tickets.length, 'ticket')}, ${counted(state.catalog.length, 'catalogue entry', 'catalogue entries')}, ${counted(state.used.length, 'used record')}`);
  return 0;
}
