// A deployment's words, a HAR file's and property names reach the pretty and Markdown reports (and the
// lines on stderr) with their control characters shown as \xNN: no ESC[2J clears the reader's terminal,
// no OSC sequence retitles it or plants a link.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contracts/findings.js';
import { jsonReport } from '../../contracts/reporters/json.js';
import { markdownReport } from '../../contracts/reporters/markdown.js';
import { prettyReport } from '../../contracts/reporters/pretty.js';
import type { ContractReport } from '../../contracts/runner.js';
import { outcomeOf } from '../../contracts/run-outcome.js';
import { firstErrors, summaryLine } from '../../src/cli/contract-command.js';

const esc = '\u001b';
const link = `${esc}]8;;https://evil.example${esc}\\click${esc}]8;;${esc}\\`;
const clear = `${esc}[2J`;
const title = `${esc}]0;pwned\u0007`;
/** C0 but tab and newline, DEL, C1: none of them may be left in a report. */
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** The colours the pretty report paints itself with, and nothing else. */
const ownColours = /\u001b\[\d+m/g;

const finding: Finding = {
  severity: 'error',
  check: 'response_schema_conformance',
  operation: 'listUsedDiagnosticEquipment',
  request: { method: 'GET', target: `/v2/tickets/used-diagnostic-equipment?q=${clear}` },
  pointer: `/result/0/${link}`,
  expected: { type: 'string' },
  actual: { value: `\u009b31mred\u007f${title}`, type: 'string' },
  message: `property "${link}" ${clear}is not allowed`,
  curl: `curl 'https://staging.example.test/v2?q=${clear}'`,
  occurrences: 2,
};

// The summary and exit code as the runner works them out: only the texts are hand-made.
const report: ContractReport = {
  baseUrl: 'https://staging.example.test',
  startedAt: '2026-12-01T00:00:00.000Z',
  durationMs: 1200,
  requests: 1,
  ...outcomeOf([{ name: 'response_schema_conformance', status: 'failed', errors: 1, warnings: 0, note: `a note ${title}` }], [finding], undefined),
  notices: [`a notice ${clear}`],
  har: { read: 2, checked: 1, notChecked: [`an entry for ${title}`], problems: [`a problem ${link}`] },
};

describe('reports shown in a terminal', () => {
  it('pretty shows every control character of the outside texts as \\xNN, coloured or not', () => {
    const plain = prettyReport(report);
    expect(plain).not.toMatch(control);
    expect(plain).toContain('/result/0/\\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\');
    expect(plain).toContain('\\x1b[2Jis not allowed');
    expect(plain).toContain('a notice \\x1b[2J');
    expect(plain).toContain('an entry for \\x1b]0;pwned\\x07');
    expect(plain).toContain('\\x9b31mred\\x7f');
    expect(plain).toContain('?q=\\x1b[2J');
    const coloured = prettyReport(report, { color: true, unicode: true });
    expect(coloured).toMatch(ownColours);
    expect(coloured.replace(ownColours, '')).not.toMatch(control);
  });

  it('markdown shows them as \\xNN too', () => {
    const markdown = markdownReport(report);
    expect(markdown).not.toMatch(control);
    expect(markdown).toContain('\\x1b]8;;https://evil.example\\x1b\\click');
    expect(markdown).toContain('\\x1b[2Jis not allowed');
  });

  it('json escapes them all, DEL and C1 too, and parses to the same values', () => {
    const json = jsonReport(report);
    expect(json).not.toMatch(control);
    expect(json).toContain('\\u009b31mred\\u007f');
    expect((JSON.parse(json) as { findings: Finding[] }).findings[0]).toMatchObject({ pointer: finding.pointer, actual: finding.actual, message: finding.message });
  });

  it('the summary and first errors on stderr show them as \\xNN', () => {
    const lines = [summaryLine({ ...report, exitCode: 2, reason: `no answer ${clear}` }), ...firstErrors(report, 3, { color: true, unicode: true })].join('\n');
    expect(lines.replace(ownColours, '')).not.toMatch(control);
    expect(lines).toContain('no answer \\x1b[2J');
    expect(lines).toContain('\\x1b]8;;https://evil.example');
  });
});
