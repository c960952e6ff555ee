// `ude-kit contract`: checks a deployment against the document and reports the drift.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { compiledSpec, schemaRef } from '../spec/index.js';
import { fetchClientCredentialsToken, scrub, secretsOf } from '../../contracts/credentials.js';
import { checkNames } from '../../contracts/registry.js';
import { runContract, type CheckResult } from '../../contracts/runner.js';
import { reporters } from '../../contracts/reporters/index.js';
import { CliError } from './cli-error.js';
import { integerOption, nonEmptyOption } from './options.js';
import { integerFormatRange } from '../spec/integer-formats.js';

export const contractUsage = `Usage: ude-kit contract --base-url URL [options]

Checks a deployment of the Used diagnostic equipment API against the OpenAPI document and reports
schema drift. Exit code: 0 no error-level drift, 1 drift found, 2 could not run.

Target and credentials:
  --base-url URL          the deployment (env UDE_KIT_BASE_URL)
  --api-key KEY           API key (env UDE_KIT_API_KEY)
  --api-key-header NAME   its header (default: the document's, X-Api-Key)
  --token TOKEN           OAuth2 access token (env UDE_KIT_TOKEN)
  --token-url URL         or fetch one with the client-credentials grant (env UDE_KIT_TOKEN_URL)
  --client-id ID          (env UDE_KIT_CLIENT_ID)
  --client-secret SECRET  (env UDE_KIT_CLIENT_SECRET)

Fixtures (write checks are reported as not run without them):
  --ticket UUID           an In Progress ticket the suite may add to and remove from
  --closed-ticket UUID    a ticket that is not In Progress, for the rule
  --equipment ID          a catalogue id the suite may add (repeatable)
  --probe-remove-rule     also DELETE a record of --closed-ticket the suite did not create, to
                          check the rule for removal (a deployment that breaks the rule loses it;
                          the suite then adds it back)
  --read-only             only GET requests (for production)

Output:
  --reporter NAME[:FILE]  pretty (default), json, junit or markdown; repeatable; without FILE to stdout
  --timeout MS            per request (default 10000)
  --only NAMES            run only these checks (comma-separated or repeated)
  --skip NAMES            skip these checks
  -h, --help              show this help

Checks: ${checkNames.join(', ')}`;

const env = (name: string) => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
};

function listOption(values: string[] | undefined, option: string): string[] {
  const names = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const unknown = names.filter((n) => !checkNames.includes(n));
  if (unknown.length > 0) throw new CliError(`--${option}: unknown check ${unknown.map((n) => `"${n}"`).join(', ')} (see ude-kit contract --help)`);
  return names;
}

function uuidOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const validate = compiledSpec().responseAjv.compile(schemaRef('TicketId'));
  if (!validate(value)) throw new CliError(`--${name} must be a uuid, not "${value}"`);
  return value;
}

function urlOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--${name} must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--${name} must be an http(s) URL, not "${value}"`);
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
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        'api-key': { type: 'string' },
        'api-key-header': { type: 'string' },
        token: { type: 'string' },
        'token-url': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        ticket: { type: 'string' },
        'closed-ticket': { type: 'string' },
        equipment: { type: 'string', multiple: true },
        'probe-remove-rule': { type: 'boolean' },
        'read-only': { type: 'boolean' },
        reporter: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        only: { type: 'string', multiple: true },
        skip: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${contractUsage}`);
  }
  if (values.help === true) {
    console.log(contractUsage);
    return 0;
  }

  const baseUrl = urlOption('base-url', values['base-url'] ?? env('UDE_KIT_BASE_URL'));
  if (baseUrl === undefined) throw new CliError('--base-url is required (or set UDE_KIT_BASE_URL)');
  const idRange = integerFormatRange('int32')!;
  const equipment = (values.equipment ?? []).map((text) => integerOption('equipment', text, { min: Number(idRange.min), max: Number(idRange.max) })!);
  const timeoutMs = integerOption('timeout', values.timeout, { min: 1, max: 600_000 }) ?? 10_000;
  const targets = reporterOption(values.reporter);
  const only = listOption(values.only, 'only');
  const skip = listOption(values.skip, 'skip');
  const apiKey = nonEmptyOption('api-key', values['api-key'] ?? env('UDE_KIT_API_KEY'));
  const clientSecret = values['client-secret'] ?? env('UDE_KIT_CLIENT_SECRET');
  let token = nonEmptyOption('token', values.token ?? env('UDE_KIT_TOKEN'));

  const tokenUrl = urlOption('token-url', values['token-url'] ?? env('UDE_KIT_TOKEN_URL'));
  if (tokenUrl !== undefined) {
    const clientId = values['client-id'] ?? env('UDE_KIT_CLIENT_ID');
    if (clientId === undefined || clientSecret === undefined) throw new CliError('--token-url needs --client-id and --client-secret');
    const fetched = await fetchClientCredentialsToken({ tokenUrl, clientId, clientSecret, timeoutMs });
    if (!fetched.ok) throw new CliError(`could not get an access token: ${fetched.reason}`);
    token = fetched.token;
  }

  const secrets = secretsOf({ token, apiKey, apiKeyHeader: '' }, [clientSecret]);
  const progress = process.stderr.isTTY === true;
  const report = await runContract({
    baseUrl,
    credentials: { apiKey, token, apiKeyHeader: nonEmptyOption('api-key-header', values['api-key-header']) },
    fixtures: {
      ticket: uuidOption('ticket', values.ticket),
      closedTicket: uuidOption('closed-ticket', values['closed-ticket']),
      equipment,
      probeRemoveRule: values['probe-remove-rule'] === true,
    },
    readOnly: values['read-only'] === true,
    timeoutMs,
    only,
    skip,
    ...(progress ? { onProgress: (result: CheckResult) => process.stderr.write(`${progressLine(result)}\n`) } : {}),
  });

  for (const target of targets) {
    const text = scrub(reporters[target.name]!(report), secrets);
    if (target.file === undefined) process.stdout.write(text);
    else {
      await mkdir(dirname(target.file), { recursive: true });
      await writeFile(target.file, text);
    }
  }
  if (report.exitCode === 2) console.error(`ude-kit: ${scrub(report.reason ?? 'could not run', secrets)}`);
  return report.exitCode;
}

function progressLine(result: CheckResult): string {
  const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '–';
  const detail = result.status === 'not-run' ? `not run: ${result.reason ?? ''}` : result.errors > 0 ? `${result.errors} errors` : '';
  return `${mark} ${result.name} ${detail}`.trimEnd();
}
