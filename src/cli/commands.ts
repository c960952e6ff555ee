// Every command of the CLI, declared once: main.ts parses with these, `--help` prints them, and the docs
// test checks every flag the docs name against them (and every flag here is documented).
import { checkNames } from '../../contracts/check-names.js';
import { defaultSeedConcurrency, maxChosenConcurrency, minChosenConcurrency } from '../../contracts/seed-defaults.js';
import { defaultMaxAdminBodyBytes } from '../../mocks/core/admin-body-limit.js';
import type { CommandDeclaration } from './declaration.js';

const credentials = {
  'api-key': { type: 'string', value: 'KEY', help: 'API key (env UDE_KIT_API_KEY)', group: 'Credentials' },
  'api-key-header': { type: 'string', value: 'NAME', help: "its header (default: the document's, X-Api-Key)", group: 'Credentials' },
  token: { type: 'string', value: 'TOKEN', help: 'OAuth2 access token (env UDE_KIT_TOKEN)', group: 'Credentials' },
  'token-url': { type: 'string', value: 'URL', help: 'or fetch one with the client-credentials grant (env UDE_KIT_TOKEN_URL)', group: 'Credentials' },
  'client-id': { type: 'string', value: 'ID', help: 'its client id (env UDE_KIT_CLIENT_ID)', group: 'Credentials' },
  'client-secret': { type: 'string', value: 'SECRET', help: 'its client secret (env UDE_KIT_CLIENT_SECRET)', group: 'Credentials' },
} as const;

/** The running mock that seed and export talk to through its admin API. */
const runningMock = {
  target: { type: 'string', short: 't', value: 'URL', help: 'the mock, e.g. http://127.0.0.1:4010' },
  'admin-token': { type: 'string', value: 'T', help: "the mock's admin token, if it has one (env UDE_KIT_ADMIN_TOKEN); sent to --target only, a redirect is not followed" },
  timeout: { type: 'string', value: 'MS', help: 'per request, headers and body in all (default 60000)' },
} as const;

const mockAnswerBytes = `counted after decompression (default ${defaultMaxAdminBodyBytes}, ${defaultMaxAdminBodyBytes / 1024 / 1024} MiB, from a mock: the most it reads itself)`;

export const mockCommand = {
  name: 'mock',
  summary: 'serve the stateful fake API',
  usage: 'mock [options]',
  description: 'Serves a stateful fake of the Used diagnostic equipment API, with an admin API and console, until Ctrl-C.',
  options: {
    port: { type: 'string', short: 'p', value: 'N', help: 'port to listen on (default 4010; 0 picks a free one)' },
    host: { type: 'string', value: 'HOST', help: 'address to bind (default 127.0.0.1)' },
    seed: { type: 'string', value: 'N', help: 'seed of the generated start state (default 1)' },
    scenario: { type: 'string', short: 's', value: 'NAME|FILE', help: 'start from a scenario instead (`ude-kit scenarios` lists the shipped ones)' },
    profile: { type: 'string', value: 'FILE', help: "answer with a deployment's choices where the document is silent (refusals' status, type and title; list order; uuid case): a profile file, docs/behaviour.md" },
    auth: { type: 'string', value: 'MODE', help: 'required (default): a Bearer token and an X-Api-Key on every call; off: none' },
    'api-key': { type: 'string', value: 'KEY', help: 'accept only this API key (default: any non-empty key)' },
    token: { type: 'string', value: 'TOKEN', help: 'accept only this bearer token (default: any non-empty token)' },
    delay: { type: 'string', value: 'MS|MIN-MAX', help: 'wait before every response, e.g. 200 or 100-400' },
    'no-admin': { type: 'boolean', help: 'turn the /__admin control API and console off' },
    'admin-token': { type: 'string', value: 'T', help: 'require X-Admin-Token: T on every /__admin call' },
    'cors-origin': {
      type: 'string',
      multiple: true,
      value: 'ORIGIN',
      help: "let pages of ORIGIN call the mock, writes and admin API included (repeatable; http(s)://localhost, 127.0.0.1 and [::1] on any port always may); * lets any other page read the API (GET, HEAD) without credentials: its writes get 403, and it never reaches the admin API",
    },
    'allowed-host': { type: 'string', multiple: true, value: 'NAME', help: 'answer requests for this Host name too (repeatable; localhost and IP addresses always are); all turns the check off' },
    json: { type: 'boolean', help: 'when ready, print one JSON line on stdout ({"url", "pid", …}) for scripts to wait for; other messages go to stderr' },
  },
  examples: ['mock', 'mock -p 4011 --scenario closed-ticket', 'mock --auth off --delay 100-400'],
  footer: 'Exit code: 2 when it cannot start (a bad option or profile, a port in use), 1 when the scenario is refused.',
} as const satisfies CommandDeclaration;

export const contractCommand = {
  name: 'contract',
  summary: 'check a deployment against the spec and report drift',
  usage: 'contract --base-url URL [options]',
  description: 'Checks a deployment of the Used diagnostic equipment API against the OpenAPI document and reports schema drift.',
  options: {
    'base-url': { type: 'string', value: 'URL', help: "the deployment's origin, and any prefix before the API's own /v2 path, e.g. https://staging.example.com (env UDE_KIT_BASE_URL)", group: 'Target' },
    har: { type: 'string', multiple: true, value: 'FILE', help: "check recorded traffic instead (HAR 1.2, repeatable; no request is sent; with --base-url only that host's entries)", group: 'Target' },
    ...credentials,
    ticket: { type: 'string', value: 'UUID', help: 'an In Progress ticket the suite may add to and remove from', group: 'Fixtures (write checks are reported as not run without them)' },
    'closed-ticket': { type: 'string', value: 'UUID', help: 'a ticket that is not In Progress, for the rule', group: 'Fixtures (write checks are reported as not run without them)' },
    equipment: { type: 'string', multiple: true, value: 'ID', help: 'a catalogue id the suite may add (repeatable)', group: 'Fixtures (write checks are reported as not run without them)' },
    'probe-remove-rule': {
      type: 'boolean',
      help: 'also DELETE a record of --closed-ticket the suite did not create, to check the rule for removal (a deployment that breaks the rule loses it; the suite then adds it back)',
      group: 'Fixtures (write checks are reported as not run without them)',
    },
    'unknown-equipment': {
      type: 'string',
      value: 'ID',
      help: "a catalogue id the deployment does not have, for unknown_equipment (the suite cannot know one; without it that check is not run)",
      group: 'Fixtures (write checks are reported as not run without them)',
    },
    'read-only': { type: 'boolean', help: 'only GET requests (for production)', group: 'Fixtures (write checks are reported as not run without them)' },
    'allow-not-run': {
      type: 'boolean',
      help: 'when the fixtures cannot be used (tickets swapped, a --ticket not In Progress or unknown, catalogue ids unknown or all used already), run without them, the checks that need them reported as not run, instead of stopping with exit 2',
      group: 'Fixtures (write checks are reported as not run without them)',
    },
    reporter: { type: 'string', multiple: true, short: 'r', value: 'NAME[:FILE]', choices: ['pretty', 'json', 'junit', 'markdown'], help: 'pretty, json, junit or markdown; repeatable; without FILE to stdout; pretty to stdout when none is given (any --reporter replaces it)', group: 'Output' },
    timeout: { type: 'string', value: 'MS', help: 'per request, headers and body in all (default 10000)', group: 'Pace' },
    'max-body-bytes': { type: 'string', value: 'N', help: 'read at most N bytes of a response body, counted after decompression (default 10485760, 10 MiB); a larger body is a finding (with --har: a recorded body longer than N is counted, not parsed)', group: 'Output' },
    retries: { type: 'string', value: 'N', help: 'retry idempotent requests (GET, DELETE; never POST) N times after a dropped connection or a 502/503/504 (default 0; timeouts are not retried)', group: 'Pace' },
    rate: { type: 'string', value: 'N', help: 'send at most N requests a second (default: as fast as answers come)', group: 'Pace' },
    'max-wait': {
      type: 'string',
      value: 'MS',
      help: 'wait out throttled answers (429, or 503 with Retry-After) for at most MS in all, sending each again (default 30000); past it exit 2, "rate limited"; no check judges a throttled answer',
      group: 'Pace',
    },
    seed: { type: 'string', value: 'N', help: 'seed of the inputs generated from the document (default: a new one each run; every report prints it, so a failure can be sent again)', group: 'Output' },
    'max-cases': { type: 'string', value: 'N', help: 'generated inputs per operation, allowed and forbidden each (default 25)', group: 'Output' },
    'model-steps': { type: 'string', value: 'N', help: 'steps of the stateful model run on --ticket (default 40)', group: 'Output' },
    only: { type: 'string', multiple: true, value: 'NAMES', help: 'run only these checks (comma-separated or repeated)', group: 'Output' },
    skip: { type: 'string', multiple: true, value: 'NAMES', help: 'skip these checks', group: 'Output' },
    'compare-mock': {
      type: 'boolean',
      help: "also send each request to the kit's fake, primed with what the run sees, and report where the two answer differently on what the document leaves open (status, problem type and title, violations, list order, uuid case, limit, null or absent); differences do not change the exit code",
      group: 'Is the fake telling the truth?',
    },
    profile: { type: 'string', value: 'FILE', help: 'with --compare-mock: the fake answers with this profile (as `ude-kit mock --profile FILE`)', group: 'Is the fake telling the truth?' },
    'write-profile': { type: 'string', value: 'FILE', help: "with --compare-mock: write the deployment's choices as a profile, for `ude-kit mock --profile` and createHandlers({ profile })", group: 'Is the fake telling the truth?' },
    'fail-on-difference': { type: 'boolean', help: 'with --compare-mock or --replay: exit 1 on any difference, and 2 when the comparison could not run', group: 'Is the fake telling the truth?' },
    replay: {
      type: 'string',
      value: 'FILE',
      help: "replay the requests of a recorded session (HAR: the mock's ?format=har export, or a browser's) against --base-url and compare each answer with the recorded one, and with the document; reads only",
      group: 'Is the fake telling the truth?',
    },
    'replay-writes': {
      type: 'boolean',
      help: "with --replay: also replay the writes, on --ticket and --equipment (the recorded ticket and equipment ids rewritten onto them), removing what the replay added",
      group: 'Is the fake telling the truth?',
    },
  },
  examples: [
    'contract --base-url http://127.0.0.1:4010 --token t --api-key k --read-only',
    'contract --base-url http://127.0.0.1:4010 --token t --api-key k --ticket 595be628-f6f2-4262-9c10-6389c6c4a5b8 --closed-ticket c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11 --equipment 40 --equipment 39 --reporter junit:reports/contract.xml',
    'contract --base-url http://127.0.0.1:4010 --token t --api-key k --ticket 595be628-f6f2-4262-9c10-6389c6c4a5b8 --closed-ticket c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11 --equipment 40 --compare-mock --write-profile profiles/local.json',
  ],
  footer: `Exit code: 0 no error-level drift, 1 drift found, 2 could not run.\n\nThe examples check the kit's own mock started with \`ude-kit mock --api-key k --token t\` (a mock that takes any key would be reported for not refusing a wrong one).\n\nChecks: ${checkNames.join(', ')}`,
} as const satisfies CommandDeclaration;

export const seedCommand = {
  name: 'seed',
  summary: 'load a scenario into a running mock, or into a deployment with --via-api',
  usage: 'seed --scenario NAME|FILE --target URL [options]',
  description: 'Loads a scenario into a running ude-kit mock (PUT /__admin/state), replacing its state.',
  options: {
    scenario: { type: 'string', short: 's', value: 'NAME|FILE', help: 'a shipped scenario (`ude-kit scenarios`) or a JSON/YAML file' },
    ...runningMock,
    'via-api': {
      type: 'boolean',
      help: 'seed a real deployment instead: add each used record with POST where it is not there yet; never deletes. Its tickets must exist there and be In Progress.',
      group: 'A real deployment',
    },
    'dry-run': {
      type: 'boolean',
      help: 'with --via-api: read what is there and count what would be added (GET requests only). It cannot know what only a write shows: whether a ticket is In Progress, and whether a ticket with no records exists; the summary counts the records on each',
      group: 'A real deployment',
    },
    concurrency: {
      type: 'string',
      value: 'N',
      help: `with --via-api: requests in flight, one ticket each, fixed at N (1-256). Default: chosen from the target's answer times, starting at ${defaultSeedConcurrency}, growing while answers stay fast and shrinking when they slow (${minChosenConcurrency}-${maxChosenConcurrency})`,
      group: 'A real deployment',
    },
    retries: { type: 'string', value: 'N', help: 'with --via-api: repeat a read after a dropped connection or 502/503/504 (default 2, 0-5; an add is never repeated)', group: 'A real deployment' },
    json: { type: 'boolean', help: 'with --via-api: print one JSON summary on stdout, no progress on a pipe', group: 'A real deployment' },
    report: { type: 'string', value: 'FILE', help: 'with --via-api: write every record not added, with its reason, to FILE (JSON; CSV when FILE ends in .csv)', group: 'A real deployment' },
    'max-body-bytes': {
      type: 'string',
      value: 'N',
      help: `read at most N bytes of an answer, ${mockAnswerBytes}; with --via-api 10485760, 10 MiB, as contract`,
    },
    ...credentials,
  },
  examples: [
    'seed --scenario closed-ticket --target http://127.0.0.1:4010',
    'seed --scenario single-ticket --target http://127.0.0.1:4010 --via-api --dry-run --token t --api-key k',
    'seed --scenario single-ticket --target http://127.0.0.1:4010 --via-api --token t --api-key k --report not-added.csv',
  ],
  footer:
    'With --via-api it first makes one request, as contract does, and stops with the fix when the target cannot be reached, refuses the credentials, or --target already holds the API\'s path. Then it shows a progress bar with rate and ETA on a terminal (a line every 2 s otherwise), one line per kind of refusal (not per record), and a summary. A ticket that refuses a record for the whole ticket (409: not In Progress; 404: unknown) gets no more writes: its other records are counted as skipped. Ctrl-C (or SIGTERM) lets the requests in flight finish, prints the summary with the command that resumes (a rerun skips what is there), writes the report and exits 130; a second Ctrl-C, a second or more after the first, stops at once.\n\nExit code: 0 loaded, 1 refused (the scenario, or records with --via-api), 2 could not run (bad invocation, target unreachable, credentials refused, --target holding the API\'s path, the target stopped answering, the report not written), 130 interrupted (SIGINT or SIGTERM).',
} as const satisfies CommandDeclaration;

export const exportCommand = {
  name: 'export',
  summary: "print a running mock's state as a scenario file",
  usage: 'export --target URL [options] > my-state.json',
  description: "Prints a running mock's state as a scenario file, to load again with --scenario.",
  options: {
    ...runningMock,
    'max-body-bytes': { type: 'string', value: 'N', help: `read at most N bytes of the state, ${mockAnswerBytes}` },
    description: { type: 'string', short: 'd', value: 'TEXT', help: "the scenario's description (default: where and when it was exported)" },
    output: { type: 'string', short: 'o', value: 'FILE', help: "write the scenario to FILE instead of stdout; its $schema is then relative to FILE's folder (on stdout, to the current folder)" },
  },
  examples: ['export --target http://127.0.0.1:4010 --description "two closed tickets"', 'export --target http://127.0.0.1:4010 --output scenarios/my-state.json'],
  footer: "The file's $schema points at the kit's scenario schema for editor completion, as a path relative to where the file is: FILE's folder with --output, the current folder on stdout (so save it there, or use --output).\n\nExit code: 0 printed, 2 could not run (a bad option, the mock did not answer 200 with a state in time, or redirected the call, or FILE could not be written).",
} as const satisfies CommandDeclaration;

export const scenariosCommand = {
  name: 'scenarios',
  summary: 'list the shipped QA scenarios',
  usage: 'scenarios',
  description: 'Lists the shipped scenarios with what each gives a tester, and where their files are.',
  options: {},
  examples: ['scenarios'],
} as const satisfies CommandDeclaration;

export const commands: readonly CommandDeclaration[] = [mockCommand, contractCommand, scenariosCommand, seedCommand, exportCommand];
