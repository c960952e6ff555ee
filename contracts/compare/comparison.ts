// `contract --compare-mock`: each request the suite sends the deployment also goes to a fake beside it
// (shadow-mock.ts), and each pair of answers is compared where the document is silent (differences.ts).
// The run gathers the differences (bounded, alike ones counted once) and the profile they support.
import type { Profile } from '../../mocks/core/profile.js';
import { choicesOf, refusalOperations, type RefusalKind } from '../../mocks/core/profile.js';
import type { CompiledSpec } from '../../src/spec/index.js';
import type { Fixtures } from '../checks/check.js';
import { operationName } from '../checks/check.js';
import type { Credentials } from '../credentials.js';
import { reproduction } from '../curl.js';
import { boundedValue } from '../findings.js';
import { describeFailure } from '../run-outcome.js';
import type { LabelledExchange } from '../http-client.js';
import { specValues } from '../spec-values.js';
import { answerDifferences, differenceKinds, type Difference } from './differences.js';
import { createProfileEvidence } from './profile-evidence.js';
import type { PrimingWalk } from './priming-walk.js';
import { createShadow } from './shadow-mock.js';

/** Where `ude-kit mock` serves by default: the fake side's reproductions are sent there. */
export const fakeBaseUrl = 'http://127.0.0.1:4010';
/** Distinct differences kept; more are counted, not kept (a deployment can differ on every request). */
export const maxDifferences = 200;
/** A difference's message, at most: what it quotes is in its values, bounded too. */
export const maxMessageChars = 300;

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
  /** What the written profile leaves out, and why. */
  notes: string[];
  /** The deployment's choices as seen (--compare-mock): --write-profile writes this. */
  profile?: Profile;
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
  const fakeTypes = new Set(Object.keys(refusalOperations).map((kind) => choices.refusals[kind as RefusalKind]?.type ?? `/problems/${kind}`));
  const maxLimit = specValues(options.spec).limit.max;
  const kept = new Map<string, Difference>();
  let compared = 0;
  let omitted = 0;
  let spentMs = 0;
  let primed = false;
  let notCompared: string | undefined;
  const scrub = options.scrub;

  return {
    prime(walk: PrimingWalk): void {
      const started = performance.now();
      const result = walk.whole ? shadow.prime(walk.rows) : { ok: false as const, why: walk.why ?? 'the walk that primes the fake did not read the whole list' };
      primed = result.ok;
      if (!result.ok) notCompared = result.why;
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
        const fake = await shadow.answer(exchange.request, exchange.operationId, exchange.response);
        if (quiet) return;
        compared++;
        evidence.observe(exchange.request, exchange.operationId, exchange.response, fake);
        for (const fact of answerDifferences(exchange.response, fake, { request: exchange.request, maxLimit, fakeTypes })) {
          const refusal = refusalName(fake.bodyText);
          const deployment = boundedValue(fact.deployment, scrub, 600);
          const fakeValue = boundedValue(fact.fake, scrub, 600);
          // Alike: the same choice on the same operation. A status or a type is the choice itself; rows
          // in another order are one choice whatever the rows, counted once per operation.
          const choice = fact.kind === 'list-order' || fact.kind === 'list-rows' ? undefined : [deployment, fakeValue];
          const key = JSON.stringify([fact.kind, operationName(exchange), refusal, exchange.request.method, choice]);
          const known = kept.get(key);
          if (known !== undefined) known.occurrences++;
          else if (kept.size >= maxDifferences) omitted++;
          else
            kept.set(key, {
              kind: fact.kind,
              name: scrub(exchange.label),
              operation: operationName(exchange),
              request: { method: exchange.request.method, target: scrub(exchange.request.target) },
              ...(refusal === undefined ? {} : { refusal }),
              // Its words quote the deployment's (a title of megabytes): kept as short as the values beside it.
              message: boundedValue(fact.message, scrub, maxMessageChars) as string,
              deployment: { status: exchange.response.status, value: deployment, curl: scrub(reproduction(exchange.request, options.baseUrl, options.credentials.apiKeyHeader, options.spec)) },
              fake: { status: fake.status, value: fakeValue, curl: scrub(reproduction(exchange.request, fakeBaseUrl, options.credentials.apiKeyHeader, options.spec)) },
              occurrences: 1,
            });
        }
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
      const { profile, notes } = evidence.profile(description);
      const order = (d: Difference) => differenceKinds.indexOf(d.kind);
      const why = stopped === undefined ? (primed ? notCompared : (notCompared ?? 'the run did not reach the checks')) : `the run stopped: ${stopped}`;
      const differences = why === undefined ? [...kept.values()].sort((a, b) => order(a) - order(b)) : [];
      // Other rows than the fake's can be another writer's, during the run: the watch says whether there was one.
      if (differences.some((d) => d.kind === 'list-rows')) notes.push('rows listed otherwise than by the fake: another writer on the deployment during the run shows so too (see write_side_effects); run again to tell');
      return {
        against: 'fake',
        fails,
        compared,
        differences,
        omitted: why === undefined ? omitted : 0,
        ...(why === undefined ? {} : { notCompared: scrub(why) }),
        notes,
        profile,
        durationMs: Math.round(spentMs),
      };
    },
  };
}

export type Comparison = ReturnType<typeof createComparison>;

/** The fake's refusal an answer is (its problem type's last segment), for grouping. */
function refusalName(bodyText: string): string | undefined {
  try {
    const type = (JSON.parse(bodyText) as { type?: unknown }).type;
    return typeof type === 'string' ? type.slice(type.lastIndexOf('/') + 1).slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}
