// JUnit XML for CI dashboards: one testcase per check and operation it addressed.
import type { ContractReport } from '../runner.js';
import { occurrences, short } from './format.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitReport(report: ContractReport): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const check of report.checks) {
    const operations = check.operations !== undefined && check.operations.length > 0 ? check.operations : ['(no operation)'];
    for (const operation of operations) {
      const open = `    <testcase classname="${escape(operation)}" name="${escape(check.name)}">`;
      if (check.status === 'not-run') {
        skipped++;
        cases.push(`${open}<skipped message="${escape(check.reason ?? 'not run')}"/></testcase>`);
        continue;
      }
      const errors = report.findings.filter((f) => f.check === check.name && f.operation === operation && f.severity === 'error');
      if (errors.length === 0) {
        cases.push(`${open}</testcase>`);
        continue;
      }
      failures++;
      const text = errors.map((f) => `${f.pointer || '(response)'} ${f.message}${occurrences(f)}\nexpected ${short(f.expected, 200)}, got ${short(f.actual.value, 200)}\n${f.curl}`).join('\n\n');
      cases.push(`${open}\n      <failure message="${escape(errors[0]!.message)}">${escape(text)}</failure>\n    </testcase>`);
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ude-kit contract" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${escape(report.baseUrl)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}">`,
    ...(report.seed === undefined ? [] : [`    <properties><property name="seed" value="${report.seed}"/></properties>`]),
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
