// The report a person reads in a terminal or a CI log.
import type { ContractReport } from '../runner.js';
import { groupByOperation, occurrences, short } from './format.js';

const mark = { passed: '✓', failed: '✗', 'not-run': '–' } as const;

export function prettyReport(report: ContractReport): string {
  const lines: string[] = [];
  lines.push(`ude-kit contract → ${report.baseUrl}  (${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s${report.seed === undefined ? '' : `, seed ${report.seed}`})`);
  if (report.har !== undefined) {
    lines.push(`${report.har.read} entries read, ${report.har.checked} checked against the document`);
    for (const line of [...report.har.problems, ...report.har.notChecked.map((n) => `not checked: ${n}`)]) lines.push(`  ${line}`);
  }
  if (report.reason !== undefined) lines.push('', `Could not run: ${report.reason}`);
  lines.push('', 'Checks');
  const width = Math.max(...report.checks.map((c) => c.name.length), 10);
  for (const check of report.checks) {
    const detail =
      check.status === 'not-run'
        ? `not run: ${check.reason ?? ''}`
        : [check.errors > 0 ? `${check.errors} error${check.errors > 1 ? 's' : ''}` : '', check.warnings > 0 ? `${check.warnings} warning${check.warnings > 1 ? 's' : ''}` : '']
            .filter(Boolean)
            .join(', ');
    lines.push(`  ${mark[check.status]} ${check.name.padEnd(width)}  ${detail}`.trimEnd());
  }
  if (report.findings.length > 0) {
    lines.push('', 'Findings by operation');
    for (const [operation, findings] of groupByOperation(report.findings)) {
      lines.push(`  ${operation}`);
      for (const f of findings) {
        lines.push(`    ${f.severity === 'error' ? '✗ error  ' : '! warning'} ${f.check}  ${f.pointer || '(response)'}  ${f.message}${occurrences(f)}`);
        lines.push(`      expected ${short(f.expected)}, got ${short(f.actual.value)} (${f.actual.type})`);
        lines.push(`      ${f.request.method} ${f.request.target}`);
        lines.push(`      ${f.curl}`);
      }
    }
  }
  const s = report.summary;
  lines.push(
    '',
    `${s.checks} checks: ${s.passed} passed, ${s.failed} failed, ${s.notRun} not run · ${s.errors} errors, ${s.warnings} warnings · exit ${report.exitCode}`,
  );
  return `${lines.join('\n')}\n`;
}
