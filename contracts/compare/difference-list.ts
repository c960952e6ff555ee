// The differences a comparison keeps: each fact of answerDifferences named, with both sides' status,
// value and curl; alike ones (same kind, operation, refusal, method and values) counted once; past
// `maxDifferences` distinct ones only counted. Shared by --compare-mock (the fake beside the
// deployment) and --replay (the recorded answer).
import type { ExchangeRequest } from '../exchange.js';
import { boundedValue } from '../findings.js';
import { visible } from '../../src/text/visible.js';
import type { Scrub } from '../secrets.js';
import { differenceKinds, type Difference, type DifferenceFact } from './differences.js';

/** Distinct differences kept; more are counted, not kept (a deployment can differ on every request). */
export const maxDifferences = 200;
/** A difference's message, at most: what it quotes is in its values, bounded too. */
export const maxMessageChars = 300;

/** What a fact is about: the request, and each side's status and reproduction (made only for a difference kept). */
export interface DifferencePlace {
  name: string;
  operation: string;
  request: ExchangeRequest;
  /** The other side's refusal (its problem type's last segment), when it refused. */
  refusal?: string | undefined;
  deployment: { status: number; curl: () => string };
  other: { status: number; curl: () => string };
}

export function createDifferenceList(scrub: Scrub, max = maxDifferences) {
  const kept = new Map<string, Difference>();
  let omitted = 0;
  return {
    add(fact: DifferenceFact, place: DifferencePlace): void {
      const deployment = boundedValue(fact.deployment, scrub, 600);
      const other = boundedValue(fact.fake, scrub, 600);
      // Alike: the same choice on the same operation. A status or a type is the choice itself; rows in
      // another order (or other rows) are one choice whatever the rows, counted once per operation.
      const choice = fact.kind === 'list-order' || fact.kind === 'list-rows' ? undefined : [deployment, other];
      const key = JSON.stringify([fact.kind, place.operation, place.refusal, place.request.method, choice]);
      const known = kept.get(key);
      if (known !== undefined) known.occurrences++;
      else if (kept.size >= max) omitted++;
      else
        kept.set(key, {
          kind: fact.kind,
          name: scrub(place.name),
          operation: place.operation,
          request: { method: place.request.method, target: scrub(place.request.target) },
          ...(place.refusal === undefined ? {} : { refusal: place.refusal }),
          // Its words quote the deployment's (a title of megabytes): kept as short as the values beside it.
          // JSON.stringify leaves C1 controls (\u009b, a terminal's CSI) as they are: a message quoting the
          // deployment's or a recording's words shows them escaped, in every report.
          message: visible(boundedValue(fact.message, scrub, maxMessageChars) as string),
          deployment: { status: place.deployment.status, value: deployment, curl: scrub(place.deployment.curl()) },
          fake: { status: place.other.status, value: other, curl: scrub(place.other.curl()) },
          occurrences: 1,
        });
    },
    /** The kept differences, grouped by kind in the order differenceKinds gives. */
    list(): Difference[] {
      const order = (d: Difference) => differenceKinds.indexOf(d.kind);
      return [...kept.values()].sort((a, b) => order(a) - order(b));
    },
    omitted: () => omitted,
  };
}

/** An answer's refusal (its problem type's last segment), for grouping. */
export function refusalName(bodyText: string): string | undefined {
  try {
    const type = (JSON.parse(bodyText) as { type?: unknown }).type;
    return typeof type === 'string' ? type.slice(type.lastIndexOf('/') + 1).slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}
