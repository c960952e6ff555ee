// QA's commands as QA run them: real processes against a real mock.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateDocument } from '../../mocks/state/state-document.js';

import { cliArgs, root, runCli } from '../helpers/cli-process.js';
import { loaded, seedCredentials, startDeployment } from '../helpers/seed-deployment.js';
import '../helpers/cli-built.js';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const run = (args: string[]) => runCli(args);

function startMock(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...cliArgs, 'mock', '--port', '0', ...args], { cwd: root });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`mock exited ${code}: ${output}`)));
  });
}

const stateText = async (url: string) => (await fetch(`${url}/__admin/state`)).text();
describe('ude-kit scenarios, mock --scenario, seed, export', () => {
  it('lists the shipped scenarios with their one-liners', async () => {
    const { code, stdout } = await run(['scenarios']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^many-pages\s+Paging: ticket 595be628-… In Progress with 3,255 records/m);
    expect(stdout.split('\n').filter((l) => /^[a-z-]+\s{2,}\S/.test(l))).toHaveLength(7);
  });

  it('gives a byte-identical state for the same scenario in two processes', async () => {
    const first = await stateText(await startMock(['--scenario', 'large']));
    const second = await stateText(await startMock(['--scenario', 'large']));
    expect(first.length).toBeGreaterThan(5_000_000);
    expect(second).toBe(first);
    expect(JSON.parse(first)).toEqual(loaded('large'));
  });

  it('seeds a running mock, exports it, and the export replays to the same state', async () => {
    const url = await startMock([]);
    const seeded = await run(['seed', '--scenario', 'closed-ticket', '--target', url]);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('loaded "closed-ticket"');
    expect(JSON.parse(await stateText(url))).toEqual(loaded('closed-ticket'));

    await fetch(`${url}/__admin/tickets/c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status":"In Progress"}' });
    const exported = await run(['export', '--target', url, '--description', 'reached by clicking']);
    expect(exported.code).toBe(0);
    const file = join(await mkdtemp(join(tmpdir(), 'ude-kit-export-')), 'my-state.json');
    await writeFile(file, exported.stdout);
    expect(JSON.parse(exported.stdout)).toMatchObject({ description: 'reached by clicking' });

    const replay = await startMock(['--scenario', file]);
    expect(await stateText(replay)).toBe(await stateText(url));
  });

  it('export --output writes the file with its $schema relative to the file, wherever it ran', async () => {
    const url = await startMock([]);
    const dir = await mkdtemp(join(tmpdir(), 'ude-kit-export-out-'));
    const file = join(dir, 'deep', 'my-state.json');
    const written = await runCli(['export', '--target', url, '--output', file], { cwd: tmpdir() });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^wrote .*my-state\.json: 12 tickets, 40 catalogue entries, 61 used records$/m);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { $schema: string };
    expect(resolve(dirname(file), saved.$schema)).toBe(join(root, 'dist', 'mocks', 'scenarios', 'scenario.schema.json'));
    expect(JSON.parse(await readFile(resolve(dirname(file), saved.$schema), 'utf8'))).toHaveProperty('$schema');
    // On stdout, relative to the folder it ran in.
    const printed = await runCli(['export', '--target', url], { cwd: dir });
    expect(resolve(dir, (JSON.parse(printed.stdout) as { $schema: string }).$schema)).toBe(join(root, 'dist', 'mocks', 'scenarios', 'scenario.schema.json'));
  });

  it('refuses a bad scenario with every problem by path and leaves the running state as it was', async () => {
    const url = await startMock([]);
    const before = await stateText(url);
    const file = join(await mkdtemp(join(tmpdir(), 'ude-kit-bad-')), 'bad.json');
    await writeFile(file, JSON.stringify({ description: 'bad', extends: 'single-ticket', used: [{ ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', diagnostic_equipment_id: 12 }, { ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', diagnostic_equipment_id: 77 }] }));
    const result = await run(['seed', '--scenario', file, '--target', url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/used/0: duplicates single-ticket (extended)');
    expect(result.stderr).toContain('/used/1/diagnostic_equipment_id: no diagnostic equipment 77 in /catalog');
    expect(await stateText(url)).toBe(before);
  });

  it('says clearly what went wrong with options and targets', async () => {
    expect((await run(['seed', '--target', 'http://x'])).stderr).toContain('--scenario is required');
    expect((await run(['seed', '--scenario', 'nope', '--target', 'http://127.0.0.1:9'])).stderr).toContain('no shipped scenario "nope"');
    expect((await run(['seed', '--scenario', 'empty', '--target', 'http://127.0.0.1:9'])).stderr).toMatch(/could not reach .*fetch will not connect to this port/);
    expect((await run(['mock', '--scenario', 'empty', '--seed', '3'])).stderr).toContain('a scenario carries its own seed');
    expect((await run(['seed', '--scenario', 'empty', '--target', 'http://x', '--dry-run'])).stderr).toContain('--dry-run goes with --via-api');
  });
});

describe('ude-kit seed --via-api (a deployment without the admin API)', () => {
  const credentials = seedCredentials;
  /** The "deployment": a mock without admin, holding the tickets and catalogue of a scenario, no records. */
  const deployment = (scenario: string) => startDeployment({ ...loaded(scenario), used: [] });

  it('plans, adds, skips what is there, reports each kind of refusal once, and never deletes', async () => {
    const { target, server } = await deployment('closed-ticket');
    try {
      const plan = await run(['seed', '--scenario', 'closed-ticket', '--target', server.url, '--via-api', '--dry-run', ...credentials]);
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(/^0 added, 3 to add, 0 already there, 0 refused \(3 of 3 records in /m);
      expect(target.requests().every((r) => r.method === 'GET')).toBe(true);

      const first = await run(['seed', '--scenario', 'closed-ticket', '--target', server.url, '--via-api', ...credentials]);
      // The first record on the Closed ticket is refused by the rule, and the ticket's other one is not
      // sent (skipped); the In Progress one is added.
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/^1 added, 0 to add, 0 already there, 1 refused, 1 skipped /m);
      expect(target.requests().filter((r) => r.method === 'POST')).toHaveLength(2);
      // One line for the kind of refusal (when it first happened, on stderr with the progress), not one per record.
      expect(first.stderr.match(/^refused: /gm)).toHaveLength(1);
      expect(first.stderr).toMatch(/^refused: 409 Ticket not in progress .*\(first: c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11 \/ \d+; others like it are counted\)$/m);
      expect(first.stdout).toMatch(/^ {2}1 refused: 409 Ticket not in progress \(first: c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11 \/ \d+\)$/m);
      expect(first.stdout + first.stderr).not.toMatch(/seed-key|seed-token/);

      const second = await run(['seed', '--scenario', 'single-ticket', '--target', server.url, '--via-api', ...credentials]);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^0 added, 0 to add, 1 already there, 0 refused /m);
      expect(target.requests().some((r) => r.method === 'DELETE')).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('prints one JSON summary with --json, and adds each ticket’s records in the scenario’s order', async () => {
    const { target, server } = await deployment('many-pages');
    try {
      const result = await run(['seed', '--scenario', 'many-pages', '--target', server.url, '--via-api', '--json', '--concurrency', '4', ...credentials]);
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const summary = JSON.parse(lines[0]!) as Record<string, unknown>;
      const wanted = loaded('many-pages').used;
      expect(summary).toMatchObject({ target: server.url, scenario: 'many-pages', dryRun: false, records: wanted.length, added: wanted.length, wouldAdd: 0, alreadyThere: 0, refused: 0, problems: [] });
      expect(typeof summary.durationMs).toBe('number');
      // Per ticket, the scenario's order (tickets are seeded concurrently, each one's records in turn).
      const byTicket = (used: StateDocument['used']) => {
        const groups = new Map<string, number[]>();
        for (const u of used) groups.set(u.ticket_id, [...(groups.get(u.ticket_id) ?? []), u.diagnostic_equipment_id]);
        return groups;
      };
      expect(byTicket(target.state().used)).toEqual(byTicket(wanted));
    } finally {
      await server.close();
    }
  });

  it('stops with exit 2 at the first refusal of the credentials, sending nothing more', async () => {
    const { target, server } = await deployment('many-pages');
    try {
      const result = await run(['seed', '--scenario', 'many-pages', '--target', server.url, '--via-api', '--concurrency', '1', '--api-key', 'wrong-key', '--token', 'seed-token']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/refused the credentials \(401: .* before any record was sent/);
      expect(result.stderr).not.toContain('wrong-key');
      expect(target.requests()).toHaveLength(1);
      expect(target.state().used).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('retries a read that met a 503 (and with --retries 0 counts the ticket refused)', async () => {
    const { target, server } = await deployment('single-ticket');
    try {
      // The preflight's read takes three (it goes on after a 503: the answer names no mistake of the
      // user's); the ticket's read meets the fourth, and is sent again.
      target.inject({ operation: 'listUsedDiagnosticEquipment', status: 503, times: 4 });
      const retried = await run(['seed', '--scenario', 'single-ticket', '--target', server.url, '--via-api', '--json', ...credentials]);
      expect(JSON.parse(retried.stdout)).toMatchObject({ added: 1, refused: 0 });

      target.load({ ...loaded('single-ticket'), used: [] });
      target.inject({ operation: 'listUsedDiagnosticEquipment', status: 503, times: 2 });
      const once = await run(['seed', '--scenario', 'single-ticket', '--target', server.url, '--via-api', '--json', '--retries', '0', ...credentials]);
      expect(once.code).toBe(1);
      expect(JSON.parse(once.stdout)).toMatchObject({ added: 0, refused: 1, problems: [{ reason: expect.stringMatching(/^could not check: 503/), count: 1 }] });
    } finally {
      await server.close();
    }
  });

  it('refuses its new options out of place or out of range, with exit 2', async () => {
    for (const args of [
      ['--concurrency', '0', '--via-api'],
      ['--concurrency', '257', '--via-api'],
      ['--retries', '6', '--via-api'],
      ['--json'],
      ['--concurrency', '4'],
    ]) {
      const result = await run(['seed', '--scenario', 'empty', '--target', 'http://127.0.0.1:9', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/--(concurrency|retries|json)/);
    }
  });
});
