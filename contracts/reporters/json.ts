// The machine-readable report: summary, per-check results and every finding.
import type { ContractReport } from '../runner.js';
import { jsonVisible } from '../../src/text/visible.js';

export function jsonReport(report: ContractReport): string {
  // Printed to a terminal as often as read by a program: DEL and C1 escaped too (the same values).
  return `${jsonVisible(JSON.stringify(
    {
      baseUrl: report.baseUrl,
      ...(report.seed === undefined ? {} : { seed: report.seed }),
      startedAt: report.startedAt,
      durationMs: report.durationMs,
      requests: report.requests,
      exitCode: report.exitCode,
      ...(report.reason === undefined ? {} : { reason: report.reason }),
      ...(report.notices === undefined ? {} : { notices: report.notices }),
      ...(report.har === undefined ? {} : { har: report.har }),
      ...(report.comparison === undefined ? {} : { comparison: report.comparison }),
      summary: report.summary,
      checks: report.checks,
      findings: report.findings.map((f) => ({
        severity: f.severity,
        check: f.check,
        operation: f.operation,
        request: f.request,
        pointer: f.pointer,
        expected: f.expected,
        actual: f.actual,
        message: f.message,
        occurrences: f.occurrences,
        curl: f.curl,
      })),
    },
    null,
    2,
  ))}\n`;
}
