// JUnit XML for CI dashboards: one testcase per check and operation it addressed, classed by the
// document's operationId; a run that could not run is an error testcase that says why, so a CI step
// that publishes the file shows the reason instead of an empty or missing report.
import type { ContractReport } from '../runner.js';
import { visible } from '../../src/text/visible.js';
import { occurrences, short } from './format.js';
import type { ComparisonReport } from '../compare/comparison.js';
import { comparisonHeadline, differenceHeadings, differenceKinds, otherSide } from './differences-text.js';

/** What XML 1.0 has no character for: a lone surrogate half, U+FFFE and U+FFFF (C0 controls are made visible first). */
const notXml = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

// Control characters (C0, DEL, C1: U+009B is a CSI to some terminals) shown as \xNN as in every other
// report, so a `cat` of the file acts on no terminal; what XML cannot hold at all becomes U+FFFD, so
// a dashboard's parser never refuses the file for a deployment's words.
const escape = (text: string) =>
  visible(text)
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
    .replace(notXml, '\uFFFD');

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
  const differences = report.comparison === undefined ? undefined : junitDifferences(report.comparison);
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}"`;
  const all = differences === undefined ? counts : `tests="${cases.length + differences.cases.length}" failures="${failures + differences.failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}"`;
  const properties = [
    ...(report.seed === undefined ? [] : [['seed', String(report.seed)]]),
    ...(report.notices ?? []).map((notice) => ['notice', notice]),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ude-kit contract" ${all}>`,
    `  <testsuite name="${escape(report.baseUrl)}" ${counts} timestamp="${escape(report.startedAt)}">`,
    ...(properties.length === 0 ? [] : [`    <properties>${properties.map(([name, value]) => `<property name="${name}" value="${escape(value!)}"/>`).join('')}</properties>`]),
    ...cases,
    '  </testsuite>',
    ...(differences === undefined ? [] : [`  <testsuite name="${escape(`differences from ${otherSide(report.comparison!)}`)}" tests="${differences.cases.length}" failures="${differences.failures}" errors="0" skipped="0" timestamp="${escape(report.startedAt)}">`, ...differences.cases, '  </testsuite>']),
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * A testcase per kind of difference the comparison looks at: a failure only with --fail-on-difference
 * (otherwise the differences are told in its output, and the dashboard stays as the verdict is).
 */
function junitDifferences(comparison: ComparisonReport): { cases: string[]; failures: number } {
  let failures = 0;
  const classname = `differences from ${otherSide(comparison)}`;
  if (comparison.notCompared !== undefined) {
    const why = comparisonHeadline(comparison);
    return { cases: [`    <testcase classname="${escape(classname)}" name="comparison"><skipped message="${escape(why)}"/></testcase>`], failures };
  }
  const cases = differenceKinds.map((kind) => {
    const found = comparison.differences.filter((d) => d.kind === kind);
    const open = `    <testcase classname="${escape(classname)}" name="${escape(differenceHeadings[kind])}">`;
    if (found.length === 0) return `${open}</testcase>`;
    const side = otherSide(comparison).slice(4);
    const text = found
      .map((d) => [`${d.name}: ${d.message}${d.occurrences > 1 ? ` (${d.occurrences} requests)` : ''}`, `deployment ${d.deployment.status}: ${short(d.deployment.value, 200)}`, `${side} ${d.fake.status}: ${short(d.fake.value, 200)}`, `deployment:\n${d.deployment.curl}`, `${side}:\n${d.fake.curl}`].join('\n'))
      .join('\n\n');
    if (!comparison.fails) return `${open}<system-out>${escape(text)}</system-out></testcase>`;
    failures++;
    return `${open}\n      <failure message="${escape(found[0]!.message)}">${escape(text)}</failure>\n    </testcase>`;
  });
  return { cases, failures };
}
