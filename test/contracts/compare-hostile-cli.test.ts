// Issue 30, red team, as a user runs it: the profile `contract --compare-mock --write-profile` writes
// from a hostile deployment must load back (`--profile` of the written file), and a `--profile` that
// is no file (a FIFO nobody writes to) is refused with one line, never waited on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { profileLimits } from '../../mocks/core/profile.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { readProfileFile } from '../../src/cli/profile-file.js';
import { runCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
import { mapBody, wrap } from './mutant-kit.js';
import { selfTestCredentials } from './contract-fixtures.js';

const folder = mkdtempSync(join(tmpdir(), 'ude-kit-compare-hostile-'));
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.splice(0)) await close();
});
const credentials = ['--api-key', selfTestCredentials.apiKey, '--token', selfTestCredentials.token];
const fixtures = ['--ticket', exampleTicketId, '--closed-ticket', closedTicketId, '--equipment', '40', '--equipment', '39', '--seed', '7'];

describe('ude-kit contract --compare-mock, against a hostile deployment', () => {
  it('writes a profile the mock accepts back, however long the words the deployment refuses with', async () => {
    // Each refusal's type and title at the most a profile holds (2,000 characters), of characters JSON
    // writes six bytes each: every one can be held, all of them together would be ~200 kB.
    const words = '\u0001'.repeat(profileLimits.text - 100);
    const deployment = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
      const answer = next(request);
      if (!answer.headers['content-type']?.startsWith('application/problem+json')) return answer;
      return mapBody(answer, (body) => ({ ...body, type: `${String(body.type)}${words}`, title: `${String(body.title)}${words}` }));
    });
    const server = await startHttpServer(deployment, { port: 0 });
    closers.push(() => server.close());
    const [profile, json] = [join(folder, 'long-words.json'), join(folder, 'long-words-report.json')];
    const run = await runCli(['contract', '--base-url', server.url, ...credentials, ...fixtures, '--compare-mock', '--write-profile', profile, '-r', `json:${json}`]);
    expect(run.stderr).not.toContain('not written');
    expect(statSync(profile).size).toBeLessThanOrEqual(profileLimits.fileBytes);
    // What `mock --profile` and `contract --profile` read it with.
    const loaded = readProfileFile(profile);
    expect(Object.keys(loaded.refusals ?? {}).length).toBeGreaterThan(3);
    // What was left out to fit is said in the report.
    const report = JSON.parse(readFileSync(json, 'utf8')) as { comparison: { notes: string[] } };
    expect(report.comparison.notes.some((note) => /left out.*64 KiB/.test(note))).toBe(true);
  });

  it('says in one line why --write-profile cannot write (a directory, a path through a file), and writes every report', async () => {
    const server = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
    closers.push(() => server.close());
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    for (const [given, why] of [[folder, 'it is a folder'], [join(file, 'profile.json'), 'a file stands where a folder of its path should be']] as const) {
      const json = join(folder, `report-${why.length}.json`);
      const run = await runCli(['contract', '--base-url', server.url, ...credentials, ...fixtures, '--only', 'in_progress_rule_add', '--compare-mock', '--write-profile', given, '-r', `json:${json}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`could not write the profile to ${given} (${why}) → exit 2`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveProperty('comparison.compared');
    }
  });

  it('refuses a --profile that is not a file (a FIFO, a directory) with one line, without reading it', async () => {
    const fifo = join(folder, 'profile.fifo');
    execFileSync('mkfifo', [fifo]);
    // /dev/zero says its size is 0 and never ends: read, it would fill the memory.
    for (const given of [fifo, folder, '/dev/zero']) {
      // Nothing listens at port 9: the profile is refused before any request.
      // A FIFO read waits for a writer that never comes: the child is ended if it waits, not the test.
      const run = await runCli(['contract', '--base-url', 'http://127.0.0.1:9', ...credentials, '--compare-mock', '--profile', given], { child: (child) => setTimeout(() => child.kill('SIGKILL'), 8_000).unref() });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--profile ${given}: not a file`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a --profile nested deeper than any profile, within its size, with one line', async () => {
    const deep = join(folder, 'deep.json');
    writeFileSync(deep, `${'['.repeat(30_000)}${']'.repeat(30_000)}`);
    const run = await runCli(['contract', '--base-url', 'http://127.0.0.1:9', ...credentials, '--compare-mock', '--profile', deep]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(new RegExp(`--profile ${deep}: (/ must be an object|not JSON .*)$`));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
