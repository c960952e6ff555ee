// A report to paste into a pull request: the summary table, then the findings table.
import type { ContractReport } from '../runner.js';
import { occurrences, short } from './format.js';
import { counted } from '../../src/text/counted.js';
import { visible } from '../../src/text/visible.js';
import type { ComparisonReport } from '../compare/comparison.js';
import { comparisonHeadline, differenceHeadings, differencesByKind, otherSide, profileLines } from './differences-text.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A code block for a list item that no text inside can close: its fence is longer than any run of backticks in it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return [`   ${marks}sh`, ...text.split('\n').map((line) => `   ${line}`), `   ${marks}`].join('\n');
}

export function markdownReport(report: ContractReport): string {
  const s = report.summary;
  const lines = [
    `### ude-kit contract: ${report.exitCode === 0 ? 'no error-level drift' : report.exitCode === 1 ? 'drift found' : 'could not run'}`,
    '',
    `Against \`${report.baseUrl}\`, ${counted(report.requests, 'request')}${report.seed === undefined ? '' : `, seed ${report.seed}`}.${report.reason === undefined ? '' : ` ${cell(report.reason)}`}`,
    '',
    '| checks | run | passed | failed | not run | errors | warnings |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.checks} | ${s.run} | ${s.passed} | ${s.failed} | ${s.notRun} | ${s.errors} | ${s.warnings} |`,
  ];
  if (report.notices !== undefined) lines.push('', 'Notes:', ...report.notices.map((notice) => `- ${cell(notice)}`));
  const notRun = report.checks.filter((c) => c.status === 'not-run');
  if (notRun.length > 0 && notRun.every((c) => c.reason === report.reason)) lines.push('', `Not run: all ${notRun.length} checks (the reason above).`);
  else if (notRun.length > 0) {
    lines.push('', 'Not run:', ...notRun.map((c) => `- \`${c.name}\`: ${cell(c.reason ?? '')}`));
  }
  const partly = report.checks.filter((c) => c.note !== undefined);
  if (partly.length > 0) lines.push('', 'Ran in part:', ...partly.map((c) => `- \`${c.name}\`: ${cell(c.note!)}`));
  if (report.findings.length > 0) {
    lines.push('', '| severity | check | operation | pointer | expected | actual | message |', '|---|---|---|---|---|---|---|');
    for (const f of report.findings) {
      lines.push(
        `| ${f.severity} | \`${f.check}\` | \`${cell(f.operation)}\` | \`${cell(f.pointer || '/')}\` | \`${cell(short(f.expected, 60))}\` | \`${cell(short(f.actual.value, 60))}\` (${f.actual.type}) | ${cell(f.message)}${occurrences(f)} |`,
      );
    }
  }
  if (report.findings.length > 0) {
    // The curl lines, folded away: a pull request shows the table, and a reader opens what to reproduce.
    lines.push('', '<details><summary>Reproduce each finding (curl)</summary>', '');
    report.findings.forEach((f, index) => lines.push(`${index + 1}. \`${f.check}\`, \`${cell(f.operation)}\`${f.pointer === '' ? '' : ` \`${cell(f.pointer)}\``}`, '', fence(f.curl), ''));
    lines.push('</details>');
  }
  if (report.comparison !== undefined) lines.push('', ...markdownDifferences(report.comparison));
  // Printed to a terminal as often as pasted: every control character of the deployment's words, a HAR
  // file's or a property name's is shown as \xNN (the Markdown itself holds none but line breaks).
  return visible(`${lines.join('\n')}\n`);
}

/** The differences, a table per kind, and each side's curl folded away. */
function markdownDifferences(comparison: ComparisonReport): string[] {
  const side = otherSide(comparison).slice(4);
  const lines = [`#### Differences from the ${side}`, '', cell(comparisonHeadline(comparison))];
  const grouped = differencesByKind(comparison.differences);
  for (const [kind, differences] of grouped) {
    lines.push('', `**${differenceHeadings[kind]}**`, '', `| request | deployment | ${side} | requests | what differs |`, '|---|---|---|---:|---|');
    for (const d of differences) {
      lines.push(`| ${cell(d.name)} (\`${cell(d.operation)}\`) | ${d.deployment.status}: \`${cell(short(d.deployment.value, 60))}\` | ${d.fake.status}: \`${cell(short(d.fake.value, 60))}\` | ${d.occurrences} | ${cell(d.message)} |`);
    }
  }
  if (comparison.notes.length > 0) lines.push('', ...comparison.notes.map((note) => `- note: ${cell(note)}`));
  const files = profileLines(comparison);
  if (files.length > 0) lines.push('', ...files.map((line) => `- ${cell(line)}`));
  if (grouped.length > 0) {
    lines.push('', '<details><summary>Reproduce each difference (curl, each side)</summary>', '');
    comparison.differences.forEach((d, index) => {
      lines.push(`${index + 1}. ${cell(d.kind)}: ${cell(d.name)} — deployment`, '', fence(d.deployment.curl), '');
      if (comparison.against === 'fake') lines.push(`   ${side}`, '', fence(d.fake.curl), '');
    });
    lines.push('</details>');
  }
  return lines;
}
