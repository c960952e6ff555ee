// The report a person reads in a terminal or a CI log.
import type { ContractReport } from '../runner.js';
import { groupByOperation, occurrences, short } from './format.js';
import { counted } from '../../src/text/counted.js';
import { painter, plainStyle, type TextStyle } from '../../src/text/terminal.js';
import { visible as v } from '../../src/text/visible.js';
import type { ComparisonReport } from '../compare/comparison.js';
import { comparisonHeadline, differenceHeadings, differencesByKind, otherSide, profileLines } from './differences-text.js';

/** The report; `style` colours it and falls back to ASCII marks on a terminal that needs it. */
export function prettyReport(report: ContractReport, style: TextStyle = plainStyle): string {
  const { mark, paint } = painter(style);
  const statusMark = { passed: paint('green', mark('pass')), failed: paint('red', mark('fail')), 'not-run': paint('dim', mark('skip')) } as const;
  const lines: string[] = [];
  // Every text from outside (the deployment's answers, a HAR file, property names in pointers) goes
  // through v(): its control characters are shown as \xNN, so no escape sequence acts on the terminal.
  lines.push(`ude-kit contract ${mark('arrow')} ${v(report.baseUrl)}  (${counted(report.requests, 'request')} in ${(report.durationMs / 1000).toFixed(1)} s${report.seed === undefined ? '' : `, seed ${report.seed}`})`);
  if (report.har !== undefined) {
    lines.push(`${counted(report.har.read, 'entry', 'entries')} read, ${report.har.checked.toLocaleString('en-US')} checked against the document`);
    for (const line of [...report.har.problems, ...report.har.notChecked.map((n) => `not checked: ${n}`)]) lines.push(`  ${v(line)}`);
  }
  if (report.reason !== undefined) lines.push('', `Could not run: ${v(report.reason)}`);
  if (report.notices !== undefined) lines.push('', 'Notes', ...report.notices.map((notice) => `  ${v(notice)}`));
  lines.push('', 'Checks');
  const width = Math.max(...report.checks.map((c) => c.name.length), 10);
  for (const check of report.checks) {
    // A reason the run gave already ("Could not run" above) is not said again on every line.
    const detail =
      check.status === 'not-run'
        ? check.reason === report.reason ? 'not run' : `not run: ${check.reason ?? ''}`
        : [check.errors > 0 ? counted(check.errors, 'error') : '', check.warnings > 0 ? counted(check.warnings, 'warning') : '', check.note === undefined ? '' : `(${check.note})`]
            .filter(Boolean)
            .join(', ');
    lines.push(`  ${statusMark[check.status]} ${check.name.padEnd(width)}  ${v(detail)}`.trimEnd());
  }
  if (report.findings.length > 0) {
    lines.push('', 'Findings by operation');
    for (const [operation, findings] of groupByOperation(report.findings)) {
      lines.push(`  ${v(operation)}`);
      for (const f of findings) {
        // A message of several lines (a model run's sequence) stays indented under its finding.
        const [first = '', ...more] = v(`${f.message}${occurrences(f)}`).split('\n');
        lines.push(`    ${f.severity === 'error' ? paint('red', `${mark('fail')} error  `) : paint('yellow', '! warning')} ${f.check}  ${v(f.pointer) || '(response)'}  ${first}`);
        lines.push(...more.map((line) => `      ${line}`));
        lines.push(`      expected ${v(short(f.expected))}, got ${v(short(f.actual.value))} (${v(f.actual.type)})`);
        lines.push(`      ${v(f.request.method)} ${v(f.request.target)}`);
        // A write's curl line is followed by its undo: every line of it indented under the finding.
        lines.push(...v(f.curl).split('\n').map((line) => `      ${line}`));
      }
    }
  }
  if (report.comparison !== undefined) lines.push('', ...prettyDifferences(report.comparison, style));
  const s = report.summary;
  lines.push(
    '',
    `${counted(s.checks, 'check')}: ${s.passed} passed, ${s.failed} failed, ${s.notRun} not run ${mark('dot')} ${counted(s.errors, 'error')}, ${counted(s.warnings, 'warning')} ${mark('dot')} exit ${report.exitCode}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The differences from the fake (or the recording), by kind: not drift, what a front-end would meet. */
function prettyDifferences(comparison: ComparisonReport, style: TextStyle): string[] {
  const { paint } = painter(style);
  const side = otherSide(comparison);
  const lines = [`Differences from ${side}`, `  ${v(comparisonHeadline(comparison))}`];
  const shown = new Set<string>();
  for (const [kind, differences] of differencesByKind(comparison.differences)) {
    lines.push(`  ${differenceHeadings[kind]}`);
    for (const d of differences) {
      lines.push(`    ${paint('yellow', '-')} ${v(d.name)} (${v(d.operation)}${d.refusal === undefined ? '' : `, ${v(d.refusal)}`}): ${v(d.message)}${d.occurrences > 1 ? ` (${d.occurrences} requests)` : ''}`);
      // A status difference says both values in its message already.
      if (kind !== 'status') lines.push(`      deployment ${d.deployment.status}: ${v(short(d.deployment.value))}`, `      ${side.slice(4)} ${d.fake.status}: ${v(short(d.fake.value))}`);
      // One request can differ in several ways (a status, its type, its title): its curl lines once.
      if (shown.has(d.deployment.curl)) {
        lines.push('      (the request above)');
        continue;
      }
      shown.add(d.deployment.curl);
      lines.push(`      deployment:`, ...v(d.deployment.curl).split('\n').map((line) => `        ${line}`));
      lines.push(`      ${comparison.against === 'fake' ? 'fake (ude-kit mock)' : 'where it was recorded'}:`, ...v(d.fake.curl).split('\n').map((line) => `        ${line}`));
    }
  }
  for (const note of comparison.notes) lines.push(`  note: ${v(note)}`);
  lines.push(...profileLines(comparison).map((line) => `  ${v(line)}`));
  if (comparison.against === 'fake' && comparison.differences.length > 0 && comparison.profileFiles?.written === undefined) {
    lines.push('  --write-profile FILE writes the profile that makes the fake answer as the deployment does (ude-kit mock --profile FILE)');
  }
  return lines;
}
