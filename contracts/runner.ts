// Runs the suite against a deployment: a reachability probe, each selected check's probe (the only
// I/O), cleanup of everything the suite created (always, in `finally`), then the pure evaluations.
import { compiledSpec, type CompiledSpec } from '../src/spec/index.js';
import { apiKeyHeaderOf } from '../src/spec/security.js';
import type { CheckContext, Fixtures } from './checks/check.js';
import { FixtureProblem, missingFixture, operationName } from './checks/check.js';
import { responseCheckNames } from './check-names.js';
import { responseFindings } from './checks/response-checks.js';
import type { Credentials } from './credentials.js';
import { deduplicate, type Finding } from './findings.js';
import { createClient, type LabelledExchange } from './http-client.js';
import { createLedger } from './ledger.js';
import { behaviourChecks } from './registry.js';
import { preflightReason } from './preflight.js';
import { cleanUp, credentialsRefusal, describeFailure, outcomeOf, summarise } from './run-outcome.js';
import { createScrubber } from './secrets.js';
import { defaultMaxCases } from './checks/generated-inputs.js';
import { specValues } from './spec-values.js';
import { counted } from '../src/text/counted.js';
import { checkFixtures, withoutBroken, type FixtureName } from './fixture-preflight.js';
import { createThrottle, defaultMaxWaitMs } from './throttle.js';
import { runWatch, writeSideEffectsCheck } from './checks/write-side-effects.js';
import type { Profile } from '../mocks/core/profile.js';
import { createComparison, type Comparison, type ComparisonReport } from './compare/comparison.js';
import { primingWalk } from './compare/priming-walk.js';

export interface ContractOptions {
  baseUrl: string;
  credentials: Omit<Credentials, 'apiKeyHeader'> & { apiKeyHeader?: string | undefined };
  fixtures: Fixtures;
  readOnly: boolean;
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Extra attempts for idempotent requests after a dropped connection or 502/503/504 (default 0). */
  retries?: number;
  /** Largest response body read, in bytes after decompression (default 10 MiB). */
  maxBodyBytes?: number;
  /** Secrets besides the key and the token (the OAuth2 client secret) to keep out of every finding. */
  secrets?: string[];
  /** Report checks whose fixtures cannot be used as not run, instead of stopping with exit 2. */
  allowNotRun?: boolean;
  /** Seed of the generated inputs (default: a new one each run, printed in the report). */
  seed?: number;
  /** Generated cases per operation and expectation (default 25). */
  maxCases?: number;
  /** Steps of the stateful model run, in all (default 40). */
  modelSteps?: number;
  /** All the waiting on throttled answers (429, 503 with Retry-After) the run may do (default 30 s). */
  maxWaitMs?: number;
  /** Requests a second at most (default: no pacing). */
  rate?: number;
  /** The fetch to send with (default: the global one; tests pass an in-process mock's). */
  fetch?: typeof fetch;
  /** Another compiled document than the kit's own (tests: a copy with a new field). */
  spec?: CompiledSpec;
  /** Run only these check names (all when empty). */
  only?: string[];
  skip?: string[];
  onProgress?: (result: CheckResult) => void;
  /** --compare-mock: send each request to a fake beside the deployment too (with this profile, if any) and report where they part. */
  compareMock?: { profile?: Profile | undefined };
  /** --fail-on-difference: a difference from the fake fails the run (exit 1), and a comparison that could not run stops it (exit 2). */
  failOnDifference?: boolean;
}

export type CheckStatus = 'passed' | 'failed' | 'not-run';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  reason?: string;
  errors: number;
  warnings: number;
  /** The operations the check's requests addressed. */
  operations?: string[];
  /** Time spent on it: its probe and evaluation (the response checks share the time spent judging answers). */
  durationMs?: number;
  /** A check that ran without its writes (--read-only, a fixture not given or not usable): why, beside its result. */
  note?: string;
}

export interface ContractReport {
  baseUrl: string;
  /** The seed of the generated inputs: give it to --seed to send the same ones again. */
  seed?: number;
  startedAt: string;
  durationMs: number;
  requests: number;
  summary: { checks: number; run: number; passed: number; failed: number; notRun: number; errors: number; warnings: number };
  checks: CheckResult[];
  findings: Finding[];
  exitCode: 0 | 1 | 2;
  /** Why the run could not be completed (exit code 2). */
  reason?: string;
  /** What a reader of the verdict should know: fixtures ignored or left out, throttled answers waited out, other writers seen. */
  notices?: string[];
  /** For a run over recorded traffic: entries read and checked, and why the others were not. */
  har?: { read: number; checked: number; notChecked: string[]; problems: string[] };
  /** --compare-mock: where the deployment and the fake answered differently, and the profile that would make the fake match. */
  comparison?: ComparisonReport;
}

/** After this many transport failures in a row the deployment is taken to have stopped answering. */
const maxConsecutiveFailures = 3;

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const started = Date.now();
  const spec = options.spec ?? compiledSpec();
  const credentials: Credentials = { ...options.credentials, apiKeyHeader: options.credentials.apiKeyHeader ?? apiKeyHeaderOf(spec.document) };
  const maxWaitMs = options.maxWaitMs ?? defaultMaxWaitMs;
  const throttle = createThrottle({ maxWaitMs, rate: options.rate });
  const client = createClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: options.retries ?? 0,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    credentials,
    spec,
    throttle,
  });
  const scrub = createScrubber([credentials.token, credentials.apiKey, ...(options.secrets ?? [])]);
  const generation = {
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
    maxCases: options.maxCases ?? defaultMaxCases,
    ...(options.modelSteps === undefined ? {} : { modelSteps: options.modelSteps }),
  };
  const context: CheckContext = { spec, fixtures: options.fixtures, readOnly: options.readOnly, baseUrl: client.baseUrl, apiKeyHeader: credentials.apiKeyHeader, scrub, generation };
  const selected = (name: string) => (options.only === undefined || options.only.length === 0 || options.only.includes(name)) && !(options.skip ?? []).includes(name);
  const values = specValues(spec);
  const ledger = createLedger();
  const notRun = new Map<string, string>();
  const operationsOf = new Map<string, Set<string>>();
  const durations = new Map<string, number>();
  const notes = new Map<string, string>();
  const findings: Finding[] = [];
  const notices: string[] = [];
  let reason: string | undefined;
  let judgingMs = 0;
  let judgedAnswers = 0;
  const judged = new WeakSet<LabelledExchange>();
  function judgeAndRelease(exchange: LabelledExchange): void {
    if (judged.has(exchange)) return;
    judged.add(exchange);
    // A throttled answer is a gateway asking to slow down, not the API answering: no check judges it.
    if (exchange.throttled === true || exchange.response === undefined) return;
    judgedAnswers++;
    const from = performance.now();
    try {
      findings.push(...responseFindings(exchange, context).filter((f) => selected(f.check)));
    } catch (error) {
      reason ??= `the answer to ${exchange.request.method} ${exchange.request.target} could not be checked (${describeFailure(error)})`;
    }
    judgingMs += performance.now() - from;
    if (exchange.response !== undefined) exchange.response = { ...exchange.response, bodyText: '' };
  }
  const rateLimited = () =>
    `rate limited: ${client.baseUrl} kept asking the suite to slow down (${counted(throttle.spent.answers, 'throttled answer')}, 429 or 503 with Retry-After; ${(throttle.spent.waitedMs / 1000).toFixed(1)} s waited of --max-wait ${(maxWaitMs / 1000).toFixed(0)} s); raise --max-wait, or ${options.rate === undefined ? 'pace the run with --rate N (requests a second)' : 'lower --rate'}`;

  let comparison: Comparison | undefined;
  let failuresInARow = 0;
  const watched: LabelledExchange[] = [];
  /** Sends through the client, stopping the run when the deployment stopped answering or kept throttling. */
  const guarded = (into: LabelledExchange[]) => async (...args: Parameters<typeof client.send>) => {
    const exchange = await client.send(...args);
    into.push(exchange);
    await comparison?.pair(exchange);
    if (exchange.throttled === true) throw new RateLimited();
    failuresInARow = exchange.error === undefined ? 0 : failuresInARow + 1;
    if (failuresInARow >= maxConsecutiveFailures) throw new StoppedAnswering(exchange.error?.message ?? 'no answer');
    return exchange;
  };
  const stopReason = (error: unknown): string | undefined =>
    error instanceof RateLimited
      ? rateLimited()
      : error instanceof StoppedAnswering
        ? `${client.baseUrl} stopped answering (${error.message}) after ${counted(client.exchanges.length, 'request')}`
        : undefined;

  const credentialsGiven = credentials.token !== undefined || credentials.apiKey !== undefined;
  const reachability = await client.send('reachability', 'GET', values.collection);
  const fixtureProblems: string[] = [];
  reason = reachability.throttled === true ? rateLimited() : preflightReason(reachability, client.baseUrl, values.collection, credentialsGiven);
  if (reason !== undefined) {
    for (const name of [...responseCheckNames, ...behaviourChecks.flatMap((c) => c.names)]) notRun.set(name, reason);
    // One cause, said once: no drift finding comes from an answer the preflight has explained.
    judged.add(reachability);
  } else {
    const { ticket, closedTicket, equipment, unknownEquipment } = options.fixtures;
    if (options.readOnly && (ticket !== undefined || closedTicket !== undefined || equipment.length > 0 || unknownEquipment !== undefined)) {
      notices.push('--read-only: nothing is written; the fixtures given (--ticket, --closed-ticket, --equipment, --unknown-equipment) are only read');
    }
    // Before the run's first write: what every write of the suite must leave as it found it.
    const watching = selected('write_side_effects') && writeSideEffectsCheck.notRunReason?.(context) === undefined;
    try {
      if (watching) await runWatch.before(guarded(watched), context);
      // The write fixtures are tried before any drift check: a set-up mistake is named, never reported as drift.
      const runnable = behaviourChecks.filter((check) => check.names.some(selected) && check.notRunReason?.(context) === undefined);
      const needed = new Set<FixtureName>(options.readOnly ? [] : runnable.flatMap((check) => check.uses ?? []));
      const preflightRan = needed.size > 0;
      if (preflightRan) {
        const preflight: LabelledExchange[] = [];
        try {
          const found = await checkFixtures(guarded(preflight), context, ledger, needed);
          const problems = Object.entries(found.problems) as Array<[FixtureName, string]>;
          if (problems.length > 0 && options.allowNotRun !== true) {
            reason = `the fixtures cannot be used: ${problems.map(([, why]) => why).join('; ')} (or pass --allow-not-run to run without them)`;
          } else if (problems.length > 0) {
            // --allow-not-run: the checks that need a broken fixture say why they did not run; the rest run without it.
            context.fixtures = withoutBroken(options.fixtures, found);
            context.fixtureProblems = found.problems;
            notices.push(...problems.map(([, why]) => `not used (--allow-not-run): ${why}`));
          }
        } catch (error) {
          reason = stopReason(error);
          if (reason === undefined) throw error;
        }
        // Their answers are judged like any other, unless the run stops here for the fixtures' sake.
        for (const exchange of preflight) if (reason === undefined) judgeAndRelease(exchange);
        else judged.add(exchange);
      }
      // The fake beside the deployment starts once the fixtures are known good (or left out): a set-up
      // mistake is named by the preflight, never reported as a difference from the fake.
      if (options.compareMock !== undefined && reason === undefined) {
        comparison = createComparison({ spec, credentials, fixtures: context.fixtures, baseUrl: client.baseUrl, profile: options.compareMock.profile, scrub });
        const walk = await primingWalk(client.send, values);
        comparison.prime(walk);
      }
      for (const check of behaviourChecks) {
        const names = check.names.filter(selected);
        if (names.length === 0) continue;
        if (reason !== undefined) {
          for (const name of names) notRun.set(name, reason);
          continue;
        }
        const why = check.notRunReason?.(context);
        if (why !== undefined) {
          for (const name of names) notRun.set(name, why);
          options.onProgress?.({ name: names.join(', '), status: 'not-run', reason: why, errors: 0, warnings: 0 });
          continue;
        }
        const checkStarted = performance.now();
        const own: LabelledExchange[] = [];
        let probeReason: string | void = undefined;
        try {
          const result = await check.probe(guarded(own), context, ledger);
          // After a preflight that vouched for the fixtures, a fixture a check finds unusable was made so
          // by the deployment (a remove that kept its record): that check cannot run, the run goes on.
          if (result instanceof FixtureProblem) {
            probeReason = preflightRan ? `${result.reason} (after the preflight found it usable: an earlier write stayed on the deployment)` : result.reason;
            if (!preflightRan) fixtureProblems.push(result.reason);
          } else probeReason = result;
        } catch (error) {
          // A probe that fails on what a deployment answered must not end the run without a report.
          reason = stopReason(error);
          if (reason === undefined) probeReason = `the check failed while probing (${describeFailure(error)})`;
        }
        let checkFindings: Finding[] = [];
        if (probeReason === undefined && reason === undefined) {
          try {
            checkFindings = check.evaluate(own, context).filter((f) => names.includes(f.check));
          } catch (error) {
            // What a hostile deployment answered must not end the run without a report.
            probeReason = `the check could not evaluate the answers it got (${describeFailure(error)})`;
          }
        }
        if (probeReason !== undefined || reason !== undefined) for (const name of names) notRun.set(name, probeReason ?? reason!);
        for (const name of names) operationsOf.set(name, new Set(own.map(operationName)));
        findings.push(...checkFindings);
        // Timed before the judging below: that time is the response checks' (judgingMs), and counted in
        // both the cases' times added up to more than the run's under load.
        for (const name of names) durations.set(name, (performance.now() - checkStarted) / names.length);
        // The answers have served their check: judge each against the document now and let its body go,
        // so that a run holds one check's bodies at a time, not every body of the run.
        for (const exchange of own) judgeAndRelease(exchange);
        // A pass that covered the reads only says so: "passed" must not read as "its writes were right".
        const partly = (check.uses ?? []).length === 0 ? undefined : options.readOnly ? '--read-only' : check.uses!.map((f) => missingFixture(context, f)).find((why) => why !== undefined);
        if (partly !== undefined && probeReason === undefined) for (const name of names) notes.set(name, `its writes did not run: ${partly}`);
        if (reason !== undefined) continue;
        options.onProgress?.({
          name: names.join(', '),
          status: probeReason !== undefined ? 'not-run' : checkFindings.some((f) => f.severity === 'error') ? 'failed' : 'passed',
          ...(probeReason !== undefined ? { reason: probeReason } : {}),
          errors: checkFindings.filter((f) => f.severity === 'error').length,
          warnings: checkFindings.filter((f) => f.severity === 'warning').length,
        });
      }
    } catch (error) {
      // The watch's first reads stopped the run (throttled, no answer): said like any other stop.
      reason = stopReason(error);
      if (reason === undefined) throw error;
    } finally {
      const beforeCleanup = client.exchanges.length;
      findings.push(...(await cleanUp(client, ledger, context)));
      // The fake removes what the deployment removed, so the watch's reads after compare like the rest.
      for (const exchange of client.exchanges.slice(beforeCleanup)) await comparison?.pair(exchange, true);
      if (watching && reason === undefined) {
        try {
          await runWatch.after(guarded(watched), context, watched);
          findings.push(...runWatch.evaluate(watched, context, ledger.outstanding().length));
          operationsOf.set('write_side_effects', new Set([...(operationsOf.get('write_side_effects') ?? []), ...watched.map(operationName)]));
        } catch (error) {
          reason = stopReason(error);
          if (reason === undefined) throw error;
        }
      }
    }
  }

  // A run stopped for its own set-up or for throttling judges nothing more: its answers explain no drift.
  if (reason === undefined) for (const exchange of client.exchanges) judgeAndRelease(exchange);
  if (reason === undefined && fixtureProblems.length > 0 && options.allowNotRun !== true) {
    reason = `the fixtures cannot be used: ${[...new Set(fixtureProblems)].join('; ')} (or pass --allow-not-run to report those checks as not run)`;
  }
  const deduplicated = deduplicate(findings);

  reason ??= credentialsRefusal(client.exchanges, client.baseUrl, credentialsGiven);
  if (throttle.spent.answers > 0 && !reason?.startsWith('rate limited')) {
    notices.push(`${client.baseUrl} throttled ${counted(throttle.spent.answers, 'answer')} (429, or 503 with Retry-After): the suite waited ${(throttle.spent.waitedMs / 1000).toFixed(1)} s in all and sent each again; no check judged a throttled answer`);
  }

  // A check the run never reached (it stopped before the checks began, or before this one) did not run.
  for (const name of behaviourChecks.flatMap((c) => c.names).filter(selected)) if (!operationsOf.has(name) && !notRun.has(name)) notRun.set(name, reason ?? 'not reached');
  const seen = new Set(client.exchanges.filter((e) => e.response !== undefined && e.throttled !== true).map(operationName));
  for (const name of responseCheckNames) {
    operationsOf.set(name, seen);
    durations.set(name, judgingMs / responseCheckNames.length);
  }
  const checks = summarise(deduplicated, notRun, selected, judgedAnswers > 0 ? undefined : (reason ?? 'no response was received')).map((check) => ({
    ...check,
    operations: [...(operationsOf.get(check.name) ?? [])].sort(),
    durationMs: Math.round((durations.get(check.name) ?? 0) * 10) / 10,
    ...(check.status !== 'not-run' && notes.has(check.name) ? { note: notes.get(check.name)! } : {}),
  }));
  const compared =
    options.compareMock === undefined
      ? undefined
      : (comparison ?? createComparison({ spec, credentials, fixtures: context.fixtures, baseUrl: client.baseUrl, scrub })).report(
          // No date: a profile kept in a repository and written again each night changes only with the deployment.
          `${client.baseUrl}, as ude-kit contract --compare-mock saw it`,
          options.failOnDifference === true,
          reason,
        );
  const outcome = outcomeOf(checks, deduplicated, reason === undefined ? undefined : scrub(reason));
  if (options.failOnDifference === true && compared !== undefined && outcome.exitCode === 0) {
    if (compared.notCompared !== undefined) Object.assign(outcome, { exitCode: 2, reason: scrub(`--fail-on-difference: the deployment could not be compared with the fake (${compared.notCompared})`) });
    else if (compared.differences.length > 0) outcome.exitCode = 1;
  }
  return {
    baseUrl: client.baseUrl,
    seed: generation.seed,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: client.exchanges.length,
    ...outcome,
    ...(notices.length === 0 ? {} : { notices: notices.map(scrub) }),
    ...(compared === undefined ? {} : { comparison: compared }),
  };
}

class StoppedAnswering extends Error {}
class RateLimited extends Error {}
