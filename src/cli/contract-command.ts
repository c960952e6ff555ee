// `ude-kit contract`: checks a deployment against the document and reports the drift.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { compiledSpec, schemaRef } from '../spec/index.js';
import { ajvRegistries } from '../spec/runtime-spec.js';
import { createScrubber, scrubDeep } from '../../contracts/secrets.js';
import { defaultMaxBodyBytes } from '../../contracts/http-client.js';
import { checkNames } from '../../contracts/registry.js';
import { runHarContract } from '../../contracts/har/har-run.js';
import { describeFailure, runContract, type CheckResult, type ContractReport } from '../../contracts/runner.js';
import { reporters } from '../../contracts/reporters/index.js';
import { CliError } from './cli-error.js';
import { credentialOptions, credentialUsage, env, resolveCredentials, urlOption } from './credential-options.js';
import { integerOption, parseCommand } from './options.js';
import { integerFormatRange } from '../spec/integer-formats.js';

export const contractUsage = `Usage: ude-kit contract --base-url URL [options]

Checks a deployment of the Used diagnostic equipment API against the OpenAPI document and reports
schema drift. Exit code: 0 no error-level drift, 1 drift found, 2 could not run.

Target and credentials:
  --base-url URL          the deployment (env UDE_KIT_BASE_URL)
  --har FILE              check recorded traffic instead (HAR 1.2, repeatable; no request is sent;
                          with --base-url only that host's entries)
${credentialUsage}

Fixtures (write checks are reported as not run without them):
  --ticket UUID           an In Progress ticket the suite may add to and remove from
  --closed-ticket UUID    a ticket that is not In Progress, for the rule
  --equipment ID          a catalogue id the suite may add (repeatable)
  --probe-remove-rule     also DELETE a record of --closed-ticket the suite did not create, to
                          check the rule for removal (a deployment that breaks the rule loses it;
                          the suite then adds it back)
  --read-only             only GET requests (for production)
  --allow-not-run         when the fixtures cannot be used (every --equipment id already on the
                          ticket, a ticket the deployment does not know), report those checks as
                          not run instead of stopping with exit 2

Output:
  --reporter NAME[:FILE]  pretty (default), json, junit or markdown; repeatable; without FILE to stdout
  --timeout MS            per request (default 10000)
  --max-body-bytes N      read at most N bytes of a response body, counted after decompression
                          (default 10485760, 10 MiB); a larger body is a finding
  --retries N             retry idempotent requests (GET, DELETE; never POST) N times after a dropped
                          connection or a 502/503/504 (default 0; timeouts are not retried)
  --seed N                seed of the inputs generated from the document (default: a new one each
                          run; every report prints it, so a failure can be sent again)
  --max-cases N           generated inputs per operation, allowed and forbidden each (default 25)
  --model-steps N         steps of the stateful model run on --ticket (default 40)
  --only NAMES            run only these checks (comma-separated or repeated)
  --skip NAMES            skip these checks
  -h, --help              show this help

Checks: ${checkNames.join(', ')}`;

function listOption(values: string[] | undefined, option: string): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = names.filter((n) => !checkNames.includes(n));
  if (unknown.length > 0) throw new CliError(`--${option}: unknown check ${unknown.map((n) => `"${n}"`).join(', ')} (see ude-kit contract --help)`);
  return names;
}

function uuidOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const validate = ajvRegistries().responseAjv.compile(schemaRef('TicketId'));
  if (!validate(value)) throw new CliError(`--${name} must be a uuid, not "${value}"`);
  return value;
}

interface ReporterTarget {
  name: string;
  file?: string;
}

function reporterOption(values: string[] | undefined): ReporterTarget[] {
  const targets = (values ?? ['pretty']).map((value) => {
    const [name = '', ...rest] = value.split(':');
    if (reporters[name] === undefined) throw new CliError(`--reporter must be one of ${Object.keys(reporters).join(', ')} (optionally NAME:FILE), not "${value}"`);
    return rest.length > 0 ? { name, file: rest.join(':') } : { name };
  });
  if (targets.filter((t) => t.file === undefined).length > 1) throw new CliError('--reporter: only one reporter can write to stdout; give the others a file (NAME:FILE)');
  return targets;
}

/** Runs the command; returns the exit code for the entry to use. */
export async function runContractCommand(args: string[]): Promise<number> {
  const values = parseCommand(
    args,
    {
    'base-url': { type: 'string' },
    har: { type: 'string', multiple: true },
    ...credentialOptions,
    ticket: { type: 'string' },
    'closed-ticket': { type: 'string' },
    equipment: { type: 'string', multiple: true },
    'probe-remove-rule': { type: 'boolean' },
    'read-only': { type: 'boolean' },
    'allow-not-run': { type: 'boolean' },
    reporter: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    'max-body-bytes': { type: 'string' },
    seed: { type: 'string' },
    'max-cases': { type: 'string' },
    'model-steps': { type: 'string' },
    retries: { type: 'string' },
    only: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    },
    contractUsage,
  );
  if (values === undefined) return 0;

  const baseUrl = urlOption('base-url', values['base-url'] ?? env('UDE_KIT_BASE_URL'));
  const targets = reporterOption(values.reporter);
  if (values.har !== undefined) return writeReports(await runHarContract({ files: values.har, baseUrl }), targets, []);
  if (baseUrl === undefined) throw new CliError('--base-url is required (or set UDE_KIT_BASE_URL), or --har FILE to check recorded traffic');
  const idRange = integerFormatRange('int32')!;
  const equipment = (values.equipment ?? []).map((text) => integerOption('equipment', text, { min: Number(idRange.min), max: Number(idRange.max) })!);
  const timeoutMs = integerOption('timeout', values.timeout, { min: 1, max: 600_000 }) ?? 10_000;
  const only = listOption(values.only, 'only');
  const skip = listOption(values.skip, 'skip');
  const maxBodyBytes = integerOption('max-body-bytes', values['max-body-bytes'], { min: 1024, max: 1024 * 1024 * 1024 }) ?? defaultMaxBodyBytes;
  const { secrets, ...credentials } = await resolveCredentials(values, timeoutMs);
  const scrub = createScrubber(secrets);
  const progress = process.stderr.isTTY === true;
  const started = Date.now();
  const report = await runContract({
    baseUrl,
    credentials,
    fixtures: {
      ticket: uuidOption('ticket', values.ticket),
      closedTicket: uuidOption('closed-ticket', values['closed-ticket']),
      equipment,
      probeRemoveRule: values['probe-remove-rule'] === true,
    },
    readOnly: values['read-only'] === true,
    timeoutMs,
    retries: integerOption('retries', values.retries, { min: 0, max: 5 }) ?? 0,
    maxBodyBytes,
    secrets,
    allowNotRun: values['allow-not-run'] === true,
    ...optional('seed', integerOption('seed', values.seed, { min: 0, max: 2 ** 31 - 1 })),
    ...optional('maxCases', integerOption('max-cases', values['max-cases'], { min: 1, max: 100_000 })),
    ...optional('modelSteps', integerOption('model-steps', values['model-steps'], { min: 1, max: 100_000 })),
    only,
    skip,
    ...(progress ? { onProgress: (result: CheckResult) => process.stderr.write(`${scrub(progressLine(result))}\n`) } : {}),
  }).catch((error: unknown) => failedRun(baseUrl, started, `the suite failed unexpectedly (${describeFailure(error)})`));

  return writeReports(report, targets, secrets);
}

/** Writes every report, whatever happened, and the summary line; returns the exit code. */
async function writeReports(report: ContractReport, targets: ReporterTarget[], secrets: string[]): Promise<number> {
  const scrub = createScrubber(secrets);
  // Values are scrubbed in the report itself, then each finished text once more for what escaping made
  // of them. A report that cannot be written is said, not thrown.
  const clean = scrubDeep(report, scrub);
  const finalScrub = createScrubber(secrets, { longOnly: true });
  for (const target of targets) {
    const text = finalScrub(reporters[target.name]!(clean));
    if (target.file === undefined) process.stdout.write(text);
    else {
      try {
        await mkdir(dirname(target.file), { recursive: true });
        await writeFile(target.file, text);
      } catch (error) {
        console.error(scrub(`ude-kit: could not write the ${target.name} report to ${target.file} (${describeFailure(error)})`));
        return 2;
      }
    }
  }
  // One line a CI log always shows, whatever the reporters wrote and where, and the first errors under it.
  console.error(scrub([summaryLine(clean), ...firstErrors(clean)].join('\n')));
  return report.exitCode;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The report of a run that could not finish: no check counts as run. */
function failedRun(baseUrl: string, started: number, reason: string): ContractReport {
  return {
    baseUrl,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: 0,
    summary: { checks: 0, run: 0, passed: 0, failed: 0, notRun: 0, errors: 0, warnings: 0 },
    checks: [],
    findings: [],
    exitCode: 2,
    reason,
  };
}

/** The first three error findings, one line each, for a CI log that shows nothing else. */
export function firstErrors(report: ContractReport, count = 3): string[] {
  const errors = report.findings.filter((f) => f.severity === 'error');
  const lines = errors.slice(0, count).map((f) => `  ✗ ${f.check} ${f.operation} ${f.pointer || '(response)'}: ${f.message}`);
  if (errors.length > count) lines.push(`  … ${errors.length - count} more in the report`);
  return lines;
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function summaryLine(report: ContractReport): string {
  const s = report.summary;
  if (report.exitCode === 2) return `ude-kit contract: could not run: ${report.reason ?? 'no reason given'} → exit 2`;
  return `ude-kit contract: ${counted(s.errors, 'error')}, ${counted(s.warnings, 'warning')}, ${counted(s.checks, 'check')} (${s.notRun} not run) → exit ${report.exitCode}`;
}

function progressLine(result: CheckResult): string {
  const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '–';
  const detail = result.status === 'not-run' ? `not run: ${result.reason ?? ''}` : result.errors > 0 ? `${result.errors} errors` : '';
  return `${mark} ${result.name} ${detail}`.trimEnd();
}
