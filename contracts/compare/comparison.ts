// `contract --compare-mock`: each request the suite sends the deployment also goes to a fake beside it
// (shadow-mock.ts), and each pair of answers is compared where the document is silent (differences.ts).
// The run gathers the differences (bounded, alike ones counted once) and the profile they support.
import type { Profile } from '../../mocks/core/profile.js';
import { choicesOf, refusalTypes } from '../../mocks/core/profile.js';
import type { CompiledSpec } from '../../src/spec/index.js';
import type { Fixtures } from '../checks/check.js';
import { operationName } from '../checks/check.js';
import type { Credentials } from '../credentials.js';
import { reproduction } from '../curl.js';
import { describeFailure } from '../run-outcome.js';
import type { LabelledExchange } from '../http-client.js';
import { specValues } from '../spec-values.js';
import { createDifferenceList, maxDifferences, refusalName, type DifferencePlace } from './difference-list.js';
import { answerDifferences, asUuidCase, namesUuidInCapitals, type Difference, type DifferenceFact } from './differences.js';
import { createProfileEvidence } from './profile-evidence.js';
import { createShadow } from './shadow-mock.js';
import type { Priming } from './priming-walk.js';
import { createScope, type Scope } from './comparison-scope.js';
import { counted } from '../../src/text/counted.js';

/** Where `ude-kit mock` serves by default: the fake side's reproductions are sent there. */
export const fakeBaseUrl = 'http://127.0.0.1:4010';

export interface ComparisonReport {
  /** What the deployment's answers were compared with: the fake beside it (--compare-mock), or a recording (--replay). */
  against: 'fake' | 'recording';
  /** Whether a difference fails the run (--fail-on-difference). */
  fails: boolean;
  /** Requests answered by both sides and compared. */
  compared: number;
  differences: Difference[];
  /** Distinct differences past the bound, counted only. */
  omitted: number;
  /** Why the comparison stopped or did not start, when it did. */
  notCompared?: string;
  /** Set when the run itself stopped (its reason says why): the reports need not say that reason again. */
  runStopped?: true;
  /** What the written profile leaves out, and why. */
  notes: string[];
  /** The deployment's choices as seen (--compare-mock): --write-profile writes this. */
  profile?: Profile;
  /** The profile files of the run, when it had them (the CLI's --profile and --write-profile). */
  profileFiles?: { used?: string; written?: string };
  /** What comparing added to the run: the fake's answers and the comparing, in milliseconds. */
  durationMs: number;
}

export interface ComparisonOptions {
  spec: CompiledSpec;
  credentials: Credentials;
  fixtures: Fixtures;
  baseUrl: string;
  profile?: Profile | undefined;
  scrub: (text: string) => string;
}

export function createComparison(options: ComparisonOptions) {
  const shadow = createShadow(options);
  const choices = choicesOf(options.profile);
  const evidence = createProfileEvidence(choices);
  const fakeTypes = refusalTypes(choices);
  // Two types are two refusals when the deployment's, as the run has seen it use it, is another refusal
  // than the fake's: its own words for the same refusal are a problem-type difference, not another ticket.
  const anotherRefusal = (deploymentType: unknown, fakeType: unknown) => {
    const [theirs, ours] = [evidence.kindOf(deploymentType), evidence.fakeKindOf(fakeType)];
    return theirs !== undefined && ours !== undefined && theirs !== ours;
  };
  const undecided: Array<{ facts: DifferenceFact[]; place: DifferencePlace }> = [];
  const maxLimit = specValues(options.spec).limit.max;
  const scrub = options.scrub;
  const differences = createDifferenceList(scrub);
  let compared = 0;
  let spentMs = 0;
  let primed = false;
  let notCompared: string | undefined;
  let scope: Scope | undefined;
  let outOfScope = 0;

  return {
    prime(priming: Priming): void {
      const started = performance.now();
      const result = 'why' in priming ? { ok: false as const, why: priming.why } : shadow.prime(priming.rows);
      primed = result.ok;
      if (!result.ok) notCompared = result.why;
      else if (!('why' in priming) && priming.only !== undefined) scope = createScope(priming.only, [...priming.rows, ...(priming.seen ?? [])]);
      spentMs += performance.now() - started;
    },
    /** Sends one answered exchange to the fake too; its differences are kept unless `quiet` (cleanup). */
    async pair(exchange: LabelledExchange, quiet = false): Promise<void> {
      if (!primed || notCompared !== undefined) return;
      const started = performance.now();
      try {
        // A throttled request was not carried out (429 says so): nothing to send the fake.
        if (exchange.throttled === true) return;
        if (exchange.response === undefined) {
          // A write with no answer may or may not have taken: the fake can no longer follow the deployment.
          if (!['GET', 'HEAD', 'OPTIONS'].includes(exchange.request.method)) notCompared = `stopped after ${exchange.request.method} ${scrub(exchange.request.target)} got no answer: the fake cannot know whether it took`;
          return;
        }
        // A fake that holds the fixture tickets only answers for them: other requests are counted, not compared.
        if (scope?.beyond(exchange.request, exchange.operationId, exchange.response) === true) {
          if (!quiet) outOfScope++;
          return;
        }
        const fake = await shadow.answer(exchange.request, exchange.operationId, exchange.response);
        if (quiet) return;
        compared++;
        evidence.observe(exchange.request, exchange.operationId, exchange.response, fake);
        const refusal = refusalName(fake.bodyText);
        const place = {
          name: exchange.label,
          operation: operationName(exchange),
          request: exchange.request,
          refusal,
          deployment: { status: exchange.response.status, curl: () => reproduction(exchange.request, options.baseUrl, options.credentials.apiKeyHeader, options.spec) },
          other: { status: fake.status, curl: () => reproduction(exchange.request, fakeBaseUrl, options.credentials.apiKeyHeader, options.spec) },
        };
        // Other problem words on a uuid in capitals: another refusal (the uuid named another ticket) or the
        // same one worded otherwise — told apart at the end, once the run has seen the deployment's words
        // for each refusal, whichever order its checks met them in.
        const facts = answerDifferences(exchange.response, fake, { request: exchange.request, maxLimit, fakeTypes, anotherRefusal: () => false });
        if (namesUuidInCapitals(exchange.request) && facts.some((f) => f.kind === 'problem-type') && undecided.length < maxDifferences) undecided.push({ facts, place });
        else for (const fact of facts) differences.add(fact, place);
      } catch (error) {
        // Whatever an answer holds, comparing it must not take a drift check down with it: the
        // comparison stops and says where, and the checks go on as they would without it.
        notCompared = `stopped at ${exchange.request.method} ${scrub(exchange.request.target)}: its answers could not be compared (${describeFailure(error)})`;
      } finally {
        spentMs += performance.now() - started;
      }
    },
    /** The comparison's report; a run that stopped (`stopped`: why) reports no difference, only that. */
    report(description: string, fails: boolean, stopped?: string): ComparisonReport {
      for (const { facts, place } of undecided.splice(0)) {
        const other = facts.some((f) => f.kind === 'problem-type' && anotherRefusal(f.deployment, f.fake));
        for (const fact of other ? [asUuidCase(facts)] : facts) differences.add(fact, place);
      }
      const { profile, notes } = evidence.profile(description);
      const why = stopped === undefined ? (primed ? notCompared : (notCompared ?? 'the run did not reach the checks')) : `the run stopped: ${stopped}`;
      const kept = why === undefined ? differences.list() : [];
      if (outOfScope > 0) notes.push(`${counted(outOfScope, 'answer')} about the whole list, or about tickets other than --ticket and --closed-ticket, not compared: the list is longer than the walk that primes the fake reads, so the fake holds those two tickets only`);
      // Other rows than the fake's can be another writer's, during the run: the watch says whether there was one.
      if (kept.some((d) => d.kind === 'list-rows')) notes.push('rows listed otherwise than by the fake: another writer on the deployment during the run shows so too (see write_side_effects); run again to tell');
      return {
        against: 'fake',
        fails,
        compared,
        differences: kept,
        omitted: why === undefined ? differences.omitted() : 0,
        ...(why === undefined ? {} : { notCompared: scrub(why) }),
        ...(stopped === undefined ? {} : { runStopped: true as const }),
        notes,
        profile,
        durationMs: Math.round(spentMs),
      };
    },
  };
}

export type Comparison = ReturnType<typeof createComparison>;
