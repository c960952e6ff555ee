// JUnit XML for CI dashboards: one testcase per check and operation it addressed, classed by the
// document's operationId; a run that could not run is an error testcase that says why, so a CI step
// that publishes the file shows the reason instead of an empty or missing report.
import type { ContractReport } from '../runner.js';
import { occurrences, short } from './format.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Seconds, as JUnit's `time` attribute has them. */
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** An operationId as it is; a request outside the document ("PUT /v2/…") is not one, nor a path. */
const classname = (operation: string) => (/^[A-Za-z_][\w.-]*$/.test(operation) ? operation : 'outside-the-document');

export function junitReport(report: ContractReport): string {
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  let errors = 0;
  if (report.reason !== undefined) {
    errors++;
    cases.push(`    <testcase classname="ude-kit" name="the run" time="${seconds(report.durationMs)}">\n      <error message="${escape(report.reason)}" type="could not run">${escape(report.reason)}</error>\n    </testcase>`);
  }
  for (const check of report.checks) {
    const errors = report.findings.filter((f) => f.check === check.name && f.severity === 'error');
    // One testcase per class: the check's operations, and those of its findings (none may be left out).
    const classes = [...new Set([...(check.operations ?? []), ...errors.map((f) => f.operation)].map(classname))];
    if (classes.length === 0) classes.push('ude-kit');
    // A check's time is measured whole and shared among its testcases.
    const time = seconds((check.durationMs ?? 0) / classes.length);
    for (const operation of classes) {
      const open = `    <testcase classname="${escape(operation)}" name="${escape(check.name)}" time="${time}">`;
      if (check.status === 'not-run') {
        skipped++;
        cases.push(`${open}<skipped message="${escape(check.reason ?? 'not run')}"/></testcase>`);
        continue;
      }
      const found = errors.filter((f) => classname(f.operation) === operation);
      const note = check.note === undefined ? '' : `<system-out>${escape(check.note)}</system-out>`;
      if (found.length === 0) {
        cases.push(`${open}${note}</testcase>`);
        continue;
      }
      failures++;
      const text = found.map((f) => `${f.request.method} ${f.request.target}\n${f.pointer || '(response)'} ${f.message}${occurrences(f)}\nexpected ${short(f.expected, 200)}, got ${short(f.actual.value, 200)}\n${f.curl}`).join('\n\n');
      cases.push(`${open}\n      <failure message="${escape(found[0]!.message)}">${escape(text)}</failure>\n    </testcase>`);
    }
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}"`;
  const properties = [
    ...(report.seed === undefined ? [] : [['seed', String(report.seed)]]),
    ...(report.notices ?? []).map((notice) => ['notice', notice]),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ude-kit contract" ${counts}>`,
    `  <testsuite name="${escape(report.baseUrl)}" ${counts} timestamp="${escape(report.startedAt)}">`,
    ...(properties.length === 0 ? [] : [`    <properties>${properties.map(([name, value]) => `<property name="${name}" value="${escape(value!)}"/>`).join('')}</properties>`]),
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
