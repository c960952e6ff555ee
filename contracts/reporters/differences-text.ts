// The "Differences" section every reporter has (issue 30): where the deployment and the fake (or a
// recording) answered one request differently. Not drift; grouped by kind, each with both answers and
// a curl for each side. The words shared by the reporters live here.
import type { ComparisonReport } from '../compare/comparison.js';
import { differenceKinds, type Difference, type DifferenceKind } from '../compare/differences.js';
import { otherSide } from '../compare/other-side.js';

export { differenceKinds };
import type { ContractReport } from '../runner.js';
import { counted } from '../../src/text/counted.js';
import { visible } from '../../src/text/visible.js';

export const differenceHeadings: Record<DifferenceKind, string> = {
  status: 'Status codes',
  'uuid-case': 'Uuids in capitals',
  'media-type': 'Media types',
  'problem-type': 'Problem types',
  'problem-title': 'Problem titles',
  violations: 'Fields named in violations',
  limit: "Page size (the limit's default and cap)",
  'list-order': 'List order',
  'list-rows': 'Rows listed',
  fields: 'Members null, absent or present',
};

export { otherSide };

export function differencesByKind(differences: readonly Difference[]): Array<[DifferenceKind, Difference[]]> {
  return differenceKinds.map((kind) => [kind, differences.filter((d) => d.kind === kind)] as [DifferenceKind, Difference[]]).filter(([, found]) => found.length > 0);
}

/** The section's first line: how much was compared and what came of it. */
export function comparisonHeadline(comparison: ComparisonReport): string {
  const side = otherSide(comparison);
  // A run that stopped has said why already, on the line above: once is enough.
  if (comparison.runStopped === true) return `Not compared with ${side}: the run stopped (its reason above)`;
  if (comparison.notCompared !== undefined) return `Not compared with ${side}: ${comparison.notCompared}`;
  // Alike differences (one choice on one operation) count once, as the list below shows them; how many
  // answers they stand for is said beside.
  const answers = comparison.differences.reduce((n, d) => n + d.occurrences, 0);
  const kinds = differencesByKind(comparison.differences).map(([kind, list]) => `${kind} ${list.length}`);
  const omitted = comparison.omitted > 0 ? `, and ${counted(comparison.omitted, 'other difference')} not kept` : '';
  return comparison.differences.length === 0 && comparison.omitted === 0
    ? `${counted(comparison.compared, 'answer')} compared with ${side}: no difference`
    : `${counted(comparison.compared, 'answer')} compared with ${side}: ${counted(comparison.differences.length, 'difference')} (${kinds.join(', ')}) in ${counted(answers, 'answer')}${omitted}`;
}

/** The profile the fake answered with and the one the run wrote, when the run was told of them. */
export function profileLines(comparison: ComparisonReport): string[] {
  const files = comparison.profileFiles;
  return [
    ...(files?.used === undefined ? [] : [`the fake answered with the profile ${files.used}`]),
    ...(files?.written === undefined ? [] : [`the deployment's profile was written to ${files.written}`]),
  ];
}

/** The lines a CI log shows under the summary line, whatever the reporters wrote and where. */
export function differenceLines(report: ContractReport): string[] {
  if (report.comparison === undefined) return [];
  return [comparisonHeadline(report.comparison), ...profileLines(report.comparison)].map((line) => `  ${visible(line)}`);
}
