// What a replay's tally becomes in its report: each response check's status, the comparison with the
// recording (against: 'recording'), the entries not replayed with their reasons, the notes beside the
// verdict, and the exit code (--fail-on-difference makes a difference a failure). Pure.
import { responseCheckNames } from '../check-names.js';
import type { ComparisonReport } from '../compare/comparison.js';
import { differenceVerdict } from '../compare/difference-verdict.js';
import type { Difference } from '../compare/differences.js';
import type { Finding } from '../findings.js';
import { outcomeOf } from '../run-outcome.js';
import type { CheckResult, ContractReport } from '../runner.js';

export interface ReplayTally {
  baseUrl: string;
  startedAt: number;
  requests: number;
  read: number;
  replayed: number;
  compared: number;
  comparingMs: number;
  /** The operations the replayed entries addressed. */
  operations: ReadonlySet<string>;
  findings: Finding[];
  differences: Difference[];
  omitted: number;
  /** Entries not replayed, by reason. */
  skipped: ReadonlyMap<string, number>;
  /** Entries replayed but not compared, by reason. */
  notCompared: ReadonlyMap<string, number>;
  problems: string[];
  /** Entries left at a bound (said once). */
  cutShort: string | undefined;
  reason: string | undefined;
  failOnDifference: boolean;
}

const tallied = (counts: ReadonlyMap<string, number>) => [...counts].map(([why, n]) => `${n} × ${why}`);

export function replayReport(tally: ReplayTally): ContractReport {
  const { replayed, compared, findings } = tally;
  let reason = tally.reason;
  if (reason === undefined && replayed === 0) reason = `nothing could be replayed: ${[...tally.problems, ...tallied(tally.skipped)].join('; ') || 'no entries'}`;
  const names = [...responseCheckNames, ...(findings.some((f) => f.check === 'cleanup') ? ['cleanup'] : [])];
  const checks: CheckResult[] = names.map((name) => {
    const own = findings.filter((f) => f.check === name);
    const errors = own.filter((f) => f.severity === 'error').length;
    if (replayed === 0 && name !== 'cleanup') return { name, status: 'not-run', reason: reason ?? 'nothing was replayed', errors: 0, warnings: 0 };
    return { name, status: errors > 0 ? 'failed' : 'passed', errors, warnings: own.length - errors, operations: [...tally.operations].sort() };
  });
  const notes = tallied(tally.notCompared);
  const comparison: ComparisonReport = {
    against: 'recording',
    fails: tally.failOnDifference,
    compared,
    differences: tally.differences,
    omitted: tally.omitted,
    ...(compared === 0 ? { notCompared: reason ?? `no answer could be compared with its recording${notes.length === 0 ? '' : `: ${notes.join('; ')}`}` } : {}),
    // Stopped for its own reason (said on the verdict's line): the comparison need not say it again.
    ...(compared === 0 && reason !== undefined ? { runStopped: true as const } : {}),
    notes,
    durationMs: Math.round(tally.comparingMs),
  };
  const outcome = differenceVerdict(outcomeOf(checks, findings, reason), comparison);
  const notices = tally.cutShort === undefined ? [] : [`not every entry was replayed (${tally.cutShort}): replay a shorter recording, or a part of it at a time`];
  return {
    baseUrl: tally.baseUrl,
    startedAt: new Date(tally.startedAt).toISOString(),
    durationMs: Date.now() - tally.startedAt,
    requests: tally.requests,
    ...outcome,
    ...(notices.length === 0 ? {} : { notices }),
    har: { read: tally.read, checked: replayed, notChecked: [...tallied(tally.skipped), ...(tally.cutShort === undefined ? [] : [tally.cutShort])], problems: tally.problems },
    comparison,
  };
}
