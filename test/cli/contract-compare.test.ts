// `ude-kit contract --compare-mock` as a user runs it (issue 30): a deployment served by a second process
// (`ude-kit mock --profile`, choosing 422 for the rule and absolute problem types), every reporter with
// its Differences section, a profile written and read back, and the companions' misuse refused.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { profileSchema } from '../../mocks/core/profile-schema.js';
import { root, runCli, startMockCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
const folder = mkdtempSync(join(tmpdir(), 'ude-kit-compare-'));
const credentials = ['--api-key', 'k', '--token', 't'];
const fixtures = ['--ticket', exampleTicketId, '--closed-ticket', closedTicketId, '--equipment', '40', '--equipment', '39', '--seed', '7'];
const deploymentProfile = { version: 1, refusals: { 'ticket-not-in-progress': { status: 422, type: 'https://errors.example.com/closed', title: 'Ticket closed' } } };

describe('ude-kit contract --compare-mock', () => {
  it('reports the differences in every reporter, writes the profile, and with it finds none', async () => {
    const chosen = join(folder, 'deployment.json');
    writeFileSync(chosen, JSON.stringify(deploymentProfile));
    const { url } = await startMockCli(['--port', '0', ...credentials, '--profile', chosen], children);
    const [json, junit, markdown, profile] = ['report.json', 'report.xml', 'report.md', 'profiles/staging.json'].map((name) => join(folder, name));
    const first = await runCli(['contract', '--base-url', url, ...credentials, ...fixtures, '--compare-mock', '--write-profile', profile!, '-r', 'pretty', '-r', `json:${json}`, '-r', `junit:${junit}`, '-r', `markdown:${markdown}`]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Differences from the fake');
    expect(first.stdout).toMatch(/Status codes\n {4}- add to closed \(addUsedDiagnosticEquipment, ticket-not-in-progress\): the deployment answered 422, the fake 409/);
    // Where the profile went, in the report and under the verdict; the hint to write one is then not given.
    expect(first.stderr).toContain(`the deployment's profile was written to ${profile!}`);
    expect(first.stdout).toContain(`the deployment's profile was written to ${profile!}`);
    expect(first.stdout).not.toContain('--write-profile FILE writes the profile');
    expect(first.stderr).toMatch(/answers compared with the fake: \d+ differences \(status \d+, problem-type \d+, problem-title \d+\)/);
    // The request that differs in its status, type and title: its curl lines once, under the first.
    expect(first.stdout).toMatch(/ {2}Problem types\n {4}- add to closed [^\n]*\n {6}deployment 422: [^\n]*\n {6}fake 409: [^\n]*\n {6}\(the request above\)\n/);
    expect(first.stdout.match(/curl -i -X POST [^\n]*closed|curl -i -X POST [^\n]*c105ed00/g)?.length).toBe(2);

    const report = JSON.parse(readFileSync(json!, 'utf8')) as { comparison: { against: string; differences: Array<{ kind: string; deployment: { curl: string }; fake: { curl: string } }> } };
    expect(report.comparison.against).toBe('fake');
    expect([...new Set(report.comparison.differences.map((d) => d.kind))].sort()).toEqual(['problem-title', 'problem-type', 'status']);
    for (const d of report.comparison.differences) expect([d.deployment.curl, d.fake.curl]).toEqual([expect.stringContaining(url), expect.stringContaining('http://127.0.0.1:4010/')]);
    const xml = readFileSync(junit!, 'utf8');
    expect(xml).toContain('<testsuite name="differences from the fake" tests="10" failures="0"');
    expect(xml).toMatch(/<testcase classname="differences from the fake" name="Status codes"><system-out>[^<]*422[^<]*fake 409[^<]*curl [^<]*http:\/\/127\.0\.0\.1:4010\//);
    expect(readFileSync(markdown!, 'utf8')).toMatch(/#### Differences from the fake[\s\S]*\*\*Status codes\*\*[\s\S]*\| 422: `422` \| 409: `409` \|/);

    const written = JSON.parse(readFileSync(profile!, 'utf8')) as Record<string, unknown>;
    expect(new Ajv({ strict: false }).compile(profileSchema())(written)).toBe(true);
    expect(written.refusals).toMatchObject(deploymentProfile.refusals);
    // Written outside the project the command ran in: no $schema, whose path would not hold elsewhere.
    expect(written.$schema).toBeUndefined();

    const again = await runCli(['contract', '--base-url', url, ...credentials, ...fixtures, '--compare-mock', '--profile', profile!, '--fail-on-difference', '-r', `junit:${junit}`]);
    expect(again.stderr).toMatch(/answers compared with the fake: no difference/);
    expect(again.stderr).toContain(`the fake answered with the profile ${profile!}`);
    expect(again.code).toBe(0);
    expect(readFileSync(junit!, 'utf8')).toContain('<testsuite name="differences from the fake" tests="10" failures="0"');
  });

  it('points $schema at the schema the kit installed, relative to a profile written in the project', async () => {
    const chosen = join(folder, 'schema-rule.json');
    writeFileSync(chosen, JSON.stringify(deploymentProfile));
    const { url } = await startMockCli(['--port', '0', ...credentials, '--profile', chosen], children);
    const project = mkdtempSync(join(root, 'test', 'cli', '.profile-'));
    try {
      const profile = join(project, 'profiles', 'staging.json');
      const run = await runCli(['contract', '--base-url', url, ...credentials, ...fixtures, '--only', 'in_progress_rule_add', '--compare-mock', '--write-profile', profile, '-r', `json:${join(folder, 'schema-report.json')}`]);
      expect(run.code).toBe(0);
      const written = JSON.parse(readFileSync(profile, 'utf8')) as { $schema: string };
      expect(written.$schema).toMatch(/^(\.\.\/)+(dist\/)?mocks\/profiles\/profile\.schema\.json$/);
      expect(JSON.parse(readFileSync(join(project, 'profiles', written.$schema), 'utf8'))).toEqual(profileSchema());
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('fails on a difference with --fail-on-difference, as a JUnit failure too', async () => {
    const chosen = join(folder, 'rule.json');
    writeFileSync(chosen, JSON.stringify(deploymentProfile));
    const { url } = await startMockCli(['--port', '0', ...credentials, '--profile', chosen], children);
    const junit = join(folder, 'failing.xml');
    const run = await runCli(['contract', '--base-url', url, ...credentials, ...fixtures, '--only', 'in_progress_rule_add', '--compare-mock', '--fail-on-difference', '-r', `junit:${junit}`]);
    expect(run.code).toBe(1);
    expect(readFileSync(junit, 'utf8')).toMatch(/<testcase classname="differences from the fake" name="Status codes">\s*<failure message="the deployment answered 422, the fake 409">/);
  });

  it.each([
    [['--profile', 'x.json'], '--profile goes with --compare-mock'],
    [['--write-profile', 'x.json'], '--write-profile goes with --compare-mock'],
    [['--fail-on-difference'], '--fail-on-difference goes with --compare-mock or --replay'],
    [['--compare-mock', '--profile', '/nonexistent/profile.json'], '--profile /nonexistent/profile.json: cannot read it (ENOENT)'],
    [['--compare-mock', '--har', 'session.har'], '--compare-mock sends each request to the deployment and the fake; --har sends none'],
  ])('refuses %j in one line, exit 2, before sending anything', async (args, message) => {
    const run = await runCli(['contract', '--base-url', 'http://127.0.0.1:9', ...credentials, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('writes no credential of the run into the profile, whatever the deployment words its refusals with', async () => {
    const secret = ['--api-key', 'key-for-staging-4471', '--token', 'token-for-staging-9902'];
    const chosen = join(folder, 'leaky.json');
    writeFileSync(chosen, JSON.stringify({ version: 1, refusals: { 'ticket-not-in-progress': { status: 422, title: 'Closed (asked with key-for-staging-4471)' } } }));
    const { url } = await startMockCli(['--port', '0', ...secret, '--profile', chosen], children);
    const profile = join(folder, 'scrubbed.json');
    const run = await runCli(['contract', '--base-url', url, ...secret, ...fixtures, '--only', 'in_progress_rule_add', '--compare-mock', '--write-profile', profile, '-r', `json:${join(folder, 'scrubbed-report.json')}`]);
    expect(run.code).toBe(0);
    const written = readFileSync(profile, 'utf8');
    expect(written).toContain('"status": 422');
    expect(written).not.toContain('key-for-staging-4471');
    expect(written).toContain('Closed (asked with');
  });

  it('does not write a profile from a run that could not compare, and says why', async () => {
    const profile = join(folder, 'never.json');
    const run = await runCli(['contract', '--base-url', 'http://127.0.0.1:9', ...credentials, '--compare-mock', '--write-profile', profile, '--timeout', '2000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--write-profile ${profile} not written: the run stopped (its reason above) → exit 2`);
    expect(() => readFileSync(profile)).toThrow(/ENOENT/);
    // The reason is said once, on the verdict's line; the comparison and the profile point at it.
    expect(run.stderr.match(/could not reach http:\/\/127\.0\.0\.1:9/g)).toHaveLength(1);
    expect(run.stderr).toContain('Not compared with the fake: the run stopped (its reason above)');
  });
});
