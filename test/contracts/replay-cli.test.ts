// `ude-kit contract --replay` end to end, as a user runs it: the compiled CLI, a recorded session, a
// deployment that lists newest first. The exit code follows --fail-on-difference; --replay-writes
// without write fixtures is refused before anything is sent.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import type { ContractReport } from '../../contracts/runner.js';
import { runCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
import { choosingDeployments } from './choosing-deployments.js';
import { selfTestCredentials } from './contract-fixtures.js';
import { recordSession, saved, served } from './replay-session.js';

const credentials = ['--api-key', selfTestCredentials.apiKey, '--token', selfTestCredentials.token];

describe('ude-kit contract --replay', () => {
  it('replays a session, reports the difference, and fails only with --fail-on-difference', async () => {
    const file = await saved('cli-session.har', await recordSession());
    const json = await saved('cli-report.json', '');
    const newest = choosingDeployments.find((d) => d.differs === 'list-order')!;
    await served(newest.apply(createMock({ auth: selfTestCredentials })), async (url) => {
      const lenient = await runCli(['contract', '--replay', file, '--base-url', url, ...credentials, '--reporter', `json:${json}`]);
      expect(lenient.code).toBe(0);
      const report = JSON.parse(await readFile(json, 'utf8')) as ContractReport;
      expect(report.har).toMatchObject({ read: 12, checked: 8 });
      const strict = await runCli(['contract', '--replay', file, '--base-url', url, ...credentials, '--fail-on-difference']);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/ude-kit contract: 0 errors, .* exit 1/);
      // Under the verdict, whatever the reporters wrote: what differed, so a CI log tells why it failed.
      expect(strict.stderr).toMatch(/\n {2}\d+ answers compared with the recording: \d+ differences \(list-order \d+, list-rows \d+\)/);
      expect(strict.stdout).toContain('Differences from the recording');
    });
  });

  it.each([
    [['--replay-writes'], /--replay-writes replays the recorded writes on write fixtures only/],
    [['--replay-writes', '--ticket', exampleTicketId], /give --replay FILE, --ticket \(an In Progress ticket\) and at least one --equipment/],
    [['--har', 'x.har'], /--har checks a recording, --replay sends it again/],
    [['--compare-mock'], /--replay compares with the recording, --compare-mock with the fake/],
  ])('refuses %j before sending anything (exit 2)', async (extra, message) => {
    const run = await runCli(['contract', '--replay', 'session.har', '--base-url', 'http://127.0.0.1:9', ...credentials, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
