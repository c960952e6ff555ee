// `ude-kit contract`: checks a deployment against the document and reports the drift.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledSpec, schemaRef } from '../spec/index.js';
import { ajvRegistries } from '../spec/runtime-spec.js';
import { createScrubber, scrubDeep } from '../../contracts/secrets.js';
import { defaultMaxBodyBytes } from '../../contracts/http-client.js';
import { checkNames } from '../../contracts/check-names.js';
import { runHarContract } from '../../contracts/har/har-run.js';
import { runReplay } from '../../contracts/replay/replay-run.js';
import { runContract, type CheckResult, type ContractReport } from '../../contracts/runner.js';
import { describeFailure, outcomeOf } from '../../contracts/run-outcome.js';
import { reporters } from '../../contracts/reporters/index.js';
import { CliError, UsageError } from './cli-error.js';
import { contractCommand } from './commands.js';
import { env, resolveCredentials, urlOption } from './credential-options.js';
import { closest, parseCommand } from './declaration.js';
import { integerOption, numberOption } from './options.js';
import { integerFormatRange } from '../spec/integer-formats.js';
import { counted } from '../text/counted.js';
import { writeFailure } from './write-failure.js';
import { painter, plainStyle, styleFor, type TextStyle } from '../text/terminal.js';
import { visible } from '../text/visible.js';
import { readProfileFile } from './profile-file.js';
import { fittedProfile } from '../../contracts/compare/profile-evidence.js';
import { profileLimits, profileViolations, type Profile } from '../../mocks/core/profile.js';
import { differenceLines } from '../../contracts/reporters/differences-text.js';

function listOption(values: string[] | undefined, option: string): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = names.filter((n) => !checkNames.includes(n));
  if (unknown.length > 0) {
    const guesses = unknown.map((n) => closest(n, checkNames) ?? checkNames.find((name) => n.length >= 4 && name.endsWith(n))).filter((g): g is string => g !== undefined);
    throw new UsageError(`--${option}: unknown check ${unknown.map((n) => `"${n}"`).join(', ')}${guesses.length > 0 ? ` (did you mean ${guesses.join(', ')}?)` : ''}`);
  }
  return names;
}

function uuidOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const validate = ajvRegistries().responseAjv.compile(schemaRef('TicketId'));
  if (!validate(value)) throw new UsageError(`--${name} must be a uuid, not "${value}"`);
  return value;
}

interface ReporterTarget {
  name: string;
  file?: string;
}

function reporterOption(values: string[] | undefined): ReporterTarget[] {
  const targets = (values ?? ['pretty']).map((value) => {
    const [name = '', ...rest] = value.split(':');
    if (reporters[name] === undefined) throw new UsageError(`--reporter must be one of ${Object.keys(reporters).join(', ')} (optionally NAME:FILE), not "${value}"`);
    return rest.length > 0 ? { name, file: rest.join(':') } : { name };
  });
  if (targets.filter((t) => t.file === undefined).length > 1) throw new UsageError('--reporter: only one reporter can write to stdout; give the others a file (NAME:FILE)');
  return targets;
}

/** Runs the command; returns the exit code for the entry to use. */
export async function runContractCommand(args: string[]): Promise<number> {
  const values = parseCommand(contractCommand, args);
  if (values === undefined) return 0;

  const baseUrl = urlOption('base-url', values['base-url'] ?? env('UDE_KIT_BASE_URL'));
  const targets = reporterOption(values.reporter);
  const maxBodyBytes = integerOption('max-body-bytes', values['max-body-bytes'], { min: 1024, max: 1024 * 1024 * 1024 }) ?? defaultMaxBodyBytes;
  if (values.har !== undefined && values.replay !== undefined) throw new UsageError('--har checks a recording, --replay sends it again: give one of them');
  if (values.replay !== undefined && (values['compare-mock'] === true || (values['read-only'] === true && values['replay-writes'] === true))) {
    throw new UsageError(values['compare-mock'] === true ? '--replay compares with the recording, --compare-mock with the fake: give one of them' : '--read-only and --replay-writes: a replay is read-only unless --replay-writes is given');
  }
  const compareMock = comparisonOptions(values);
  if (values.har !== undefined) {
    // Whatever a recording holds, the reports are written and the run exits 2, without a stack trace.
    const files = values.har;
    const started = Date.now();
    const report = await runHarContract({ files, baseUrl, maxBodyBytes }).catch((error: unknown) => failedRun(`HAR: ${files.join(', ')}`, started, `the HAR check failed unexpectedly (${describeFailure(error)})`));
    return writeReports(report, targets, []);
  }
  if (baseUrl === undefined) throw new UsageError('--base-url is required (or set UDE_KIT_BASE_URL), or --har FILE to check recorded traffic');
  const idRange = integerFormatRange('int32')!;
  const equipment = (values.equipment ?? []).map((text) => integerOption('equipment', text, { min: Number(idRange.min), max: Number(idRange.max) })!);
  const timeoutMs = integerOption('timeout', values.timeout, { min: 1, max: 600_000 }) ?? 10_000;
  const only = listOption(values.only, 'only');
  const skip = listOption(values.skip, 'skip');
  const retries = integerOption('retries', values.retries, { min: 0, max: 5 }) ?? 0;
  const rate = numberOption('rate', values.rate, { min: 0.01, max: 100_000 });
  const maxWaitMs = integerOption('max-wait', values['max-wait'], { min: 0, max: 3_600_000 });
  const fixtures = {
    ticket: uuidOption('ticket', values.ticket),
    closedTicket: uuidOption('closed-ticket', values['closed-ticket']),
    equipment,
    probeRemoveRule: values['probe-remove-rule'] === true,
    unknownEquipment: integerOption('unknown-equipment', values['unknown-equipment'], { min: Number(idRange.min), max: Number(idRange.max) }),
  };
  if (values['replay-writes'] === true && (values.replay === undefined || fixtures.ticket === undefined || equipment.length === 0)) {
    throw new UsageError('--replay-writes replays the recorded writes on write fixtures only: give --replay FILE, --ticket (an In Progress ticket) and at least one --equipment');
  }
  const started = Date.now();
  // From here the command line is understood: whatever happens, every requested report is written.
  let resolved: Awaited<ReturnType<typeof resolveCredentials>>;
  try {
    resolved = await resolveCredentials(values, timeoutMs);
  } catch (error) {
    if (error instanceof UsageError || !(error instanceof CliError)) throw error;
    return writeReports(failedRun(baseUrl, started, error.message), targets, []);
  }
  const { secrets, ...credentials } = resolved;
  const scrub = createScrubber(secrets);
  if (values.replay !== undefined) {
    const file = values.replay;
    const writes = values['replay-writes'] === true ? { ticket: fixtures.ticket!, equipment } : undefined;
    const options = { file, baseUrl, credentials, timeoutMs, retries, maxBodyBytes, secrets, failOnDifference: values['fail-on-difference'] === true, ...optional('rate', rate), ...optional('maxWaitMs', maxWaitMs), ...optional('writes', writes) };
    return writeReports(await runReplay(options).catch((error: unknown) => failedRun(baseUrl, started, `the replay failed unexpectedly (${describeFailure(error)})`)), targets, secrets);
  }
  const progress = process.stderr.isTTY === true;
  const stderrStyle = styleFor(process.stderr);
  const report = await runContract({
    baseUrl,
    credentials,
    fixtures,
    readOnly: values['read-only'] === true,
    timeoutMs,
    retries,
    ...optional('rate', rate),
    ...optional('maxWaitMs', maxWaitMs),
    maxBodyBytes,
    secrets,
    allowNotRun: values['allow-not-run'] === true,
    ...optional('seed', integerOption('seed', values.seed, { min: 0, max: 2 ** 31 - 1 })),
    ...optional('maxCases', integerOption('max-cases', values['max-cases'], { min: 1, max: 100_000 })),
    ...optional('modelSteps', integerOption('model-steps', values['model-steps'], { min: 1, max: 100_000 })),
    only,
    skip,
    ...compareMock.run,
    ...(progress ? { onProgress: (result: CheckResult) => process.stderr.write(`${scrub(progressLine(result, stderrStyle))}\n`) } : {}),
  }).catch((error: unknown) => failedRun(baseUrl, started, `the suite failed unexpectedly (${describeFailure(error)})`));

  const unwritten = compareMock.writeProfile === undefined ? undefined : await writeProfile(compareMock.writeProfile, report, secrets);
  // Every report says which profile the fake answered with, and where the deployment's went.
  if (report.comparison !== undefined) {
    const written = compareMock.writeProfile !== undefined && unwritten === undefined ? compareMock.writeProfile : undefined;
    const files = { ...(compareMock.profileFile === undefined ? {} : { used: compareMock.profileFile }), ...(written === undefined ? {} : { written }) };
    if (Object.keys(files).length > 0) report.comparison.profileFiles = files;
  }
  const code = await writeReports(report, targets, secrets, unwritten === undefined ? [] : [unwritten]);
  return unwritten === undefined ? code : 2;
}

/** --compare-mock and its companions, checked together: each companion needs it. */
function comparisonOptions(values: { 'compare-mock'?: boolean; profile?: string; 'write-profile'?: string; 'fail-on-difference'?: boolean; har?: string[]; replay?: string }) {
  const compare = values['compare-mock'] === true;
  for (const companion of ['profile', 'write-profile'] as const) {
    if (values[companion] !== undefined && !compare) throw new UsageError(`--${companion} goes with --compare-mock (the fake it describes is the one the run compares with)`);
  }
  if (values['fail-on-difference'] !== undefined && !compare && values.replay === undefined) throw new UsageError('--fail-on-difference goes with --compare-mock or --replay (it is their differences that fail the run)');
  if (!compare) return { run: {} };
  if (values.har !== undefined) throw new UsageError('--compare-mock sends each request to the deployment and the fake; --har sends none (to compare a recorded session, use --replay FILE)');
  const profile = values.profile === undefined ? undefined : readProfileFile(values.profile);
  return {
    run: { compareMock: { profile }, failOnDifference: values['fail-on-difference'] === true },
    writeProfile: values['write-profile'],
    profileFile: values.profile,
  };
}

/** Writes the profile the comparison saw; a line saying why it was not written, or undefined. */
async function writeProfile(file: string, report: ContractReport, secrets: string[]): Promise<string | undefined> {
  const comparison = report.comparison;
  if (comparison?.profile === undefined || comparison.notCompared !== undefined || report.exitCode === 2) {
    const why = comparison?.runStopped === true || comparison?.notCompared === undefined ? 'the run stopped (its reason above)' : comparison.notCompared;
    return `ude-kit: --write-profile ${visible(file)} not written: ${visible(why)} → exit 2`;
  }
  try {
    await mkdir(dirname(file), { recursive: true });
    // The schema this kit installed, relative to the profile: an editor completes and checks it offline.
    // Only when both lie in the project the command runs in: a path into another folder (npx's cache, a
    // global install) would not hold on the next machine the profile is committed to.
    const schemaFile = fileURLToPath(new URL('../../mocks/profiles/profile.schema.json', import.meta.url));
    const inProject = (path: string) => !relative(process.cwd(), path).startsWith('..');
    const schema = inProject(schemaFile) && inProject(resolve(file)) ? { $schema: relative(dirname(resolve(file)), schemaFile).split(sep).join('/') } : {};
    // The deployment's words go into a file kept in a repository: no credential of the run goes with them.
    const scrub = createScrubber(secrets);
    const text = (profile: Profile) => `${JSON.stringify({ ...schema, ...scrubDeep(profile, scrub) }, null, 2)}\n`;
    // What a hostile deployment made it must still load back with --profile: words are left out until it does.
    const fitted = fittedProfile(comparison.profile, (profile) => {
      const written = text(profile);
      return Buffer.byteLength(written) <= profileLimits.fileBytes && profileViolations(JSON.parse(written)).length === 0;
    });
    if (fitted === undefined) return `ude-kit: --write-profile ${visible(file)} not written: no profile the mock would read back could hold what the deployment chose → exit 2`;
    // The reports, written after, say what the file left out, and show the profile as written.
    comparison.notes.push(...fitted.notes);
    comparison.profile = fitted.profile;
    await writeFile(file, text(fitted.profile));
    return undefined;
  } catch (error) {
    return `ude-kit: could not write the profile to ${visible(file)} (${writeFailure(error)}) → exit 2`;
  }
}

/** Writes every report, whatever happened, and the summary line; returns the exit code. */
async function writeReports(report: ContractReport, targets: ReporterTarget[], secrets: string[], alsoSay: string[] = []): Promise<number> {
  const scrub = createScrubber(secrets);
  // Values are scrubbed in the report itself, then each finished text once more for what escaping made
  // of them. A report that cannot be written is said, not thrown, and the others are written all the same.
  const clean = scrubDeep(report, scrub);
  const finalScrub = createScrubber(secrets, { longOnly: true });
  const unwritten: string[] = [];
  for (const target of targets) {
    const text = finalScrub(reporters[target.name]!(clean, target.file === undefined ? styleFor(process.stdout) : plainStyle));
    if (target.file === undefined) process.stdout.write(text);
    else {
      try {
        await mkdir(dirname(target.file), { recursive: true });
        await writeFile(target.file, text);
      } catch (error) {
        unwritten.push(`ude-kit: could not write the ${target.name} report to ${target.file} (${writeFailure(error)}) → exit 2`);
      }
    }
  }
  // One line a CI log always shows, whatever the reporters wrote and where, and the first errors under it.
  const stderrStyle = styleFor(process.stderr);
  console.error(scrub([summaryLine(clean, stderrStyle), ...firstErrors(clean, 3, stderrStyle), ...differenceLines(clean), ...(clean.notices ?? []).map((notice) => `  note: ${visible(notice)}`), ...unwritten, ...alsoSay].join('\n')));
  return unwritten.length > 0 ? 2 : report.exitCode;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The report of a run that could not start: every check not run, for that reason. */
function failedRun(baseUrl: string, started: number, reason: string): ContractReport {
  const checks: CheckResult[] = checkNames.filter((name) => name !== 'cleanup').map((name) => ({ name, status: 'not-run', reason, errors: 0, warnings: 0 }));
  return {
    baseUrl,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: 0,
    ...outcomeOf(checks, [], reason),
  };
}

/** The first three error findings, one line each, for a CI log that shows nothing else. */
export function firstErrors(report: ContractReport, count = 3, style: TextStyle = plainStyle): string[] {
  const { mark, paint } = painter(style);
  const errors = report.findings.filter((f) => f.severity === 'error');
  const lines = errors.slice(0, count).map((f) => `  ${paint('red', mark('fail'))} ${f.check} ${visible(`${f.operation} ${f.pointer || '(response)'}: ${f.message}`)}`);
  if (errors.length > count) lines.push(`  ${mark('more')} ${errors.length - count} more in the report`);
  return lines;
}


export function summaryLine(report: ContractReport, style: TextStyle = plainStyle): string {
  const { mark } = painter(style);
  const s = report.summary;
  if (report.exitCode === 2) return `ude-kit contract: could not run: ${visible(report.reason ?? 'no reason given')} ${mark('arrow')} exit 2`;
  return `ude-kit contract: ${counted(s.errors, 'error')}, ${counted(s.warnings, 'warning')}, ${counted(s.checks, 'check')} (${s.notRun} not run) ${mark('arrow')} exit ${report.exitCode}`;
}

function progressLine(result: CheckResult, style: TextStyle): string {
  const { mark: markOf, paint } = painter(style);
  const mark = result.status === 'passed' ? paint('green', markOf('pass')) : result.status === 'failed' ? paint('red', markOf('fail')) : markOf('skip');
  const detail = result.status === 'not-run' ? `not run: ${visible(result.reason ?? '')}` : result.errors > 0 ? counted(result.errors, 'error') : '';
  return `${mark} ${result.name} ${detail}`.trimEnd();
}
