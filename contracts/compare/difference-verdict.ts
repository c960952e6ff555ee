// What --fail-on-difference makes of a comparison, one rule for --compare-mock and --replay: a run that
// found no drift fails (exit 1) on any difference, kept or only counted, and stops (exit 2) when
// nothing could be compared — a gate that compared nothing must not pass.
import type { ContractReport } from '../runner.js';
import type { ComparisonReport } from './comparison.js';
import { otherSide } from './other-side.js';

type Outcome = Pick<ContractReport, 'exitCode' | 'reason'>;

export function differenceVerdict<T extends Outcome>(outcome: T, comparison: ComparisonReport, scrub: (text: string) => string = (text) => text): T {
  if (!comparison.fails || outcome.exitCode !== 0) return outcome;
  if (comparison.notCompared !== undefined) return { ...outcome, exitCode: 2, reason: scrub(`--fail-on-difference: the deployment could not be compared with ${otherSide(comparison)} (${comparison.notCompared})`) };
  return comparison.differences.length + comparison.omitted > 0 ? { ...outcome, exitCode: 1 } : outcome;
}
