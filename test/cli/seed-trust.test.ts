// `seed --via-api` telling the truth: the contract command's preflight before any write, a dry run that
// says what it cannot know, a ticket that refuses for the whole ticket getting no more writes, and a
// report of every record not added. Real processes against a kit mock standing in for a deployment.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { runCli } from '../helpers/cli-process.js';
import { loaded, seedCredentials, startDeployment } from '../helpers/seed-deployment.js';
import '../helpers/cli-built.js';

const inProgress = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const closed = 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11';
const unknown = '0d5a3f5e-1b7c-4e8a-9a51-7c2f6e3b9d40';
const record = (ticket_id: string, diagnostic_equipment_id: number) => ({ ticket_id, diagnostic_equipment_id });

/**
 * The scenario: one record on the In Progress ticket, three on the Closed one, three on a ticket the
 * deployment does not have. The deployment: the same tickets but that one, and one record on the Closed
 * ticket (so it is known to exist, its status still unknown to a reader).
 */
function fixture(): { scenario: StateDocument; deployed: StateDocument } {
  const base = loaded('closed-ticket');
  const scenario: StateDocument = {
    ...base,
    tickets: [...base.tickets, { id: unknown, status: 'In Progress' }],
    used: [record(inProgress, 12), record(closed, 12), record(closed, 13), record(closed, 14), record(unknown, 12), record(unknown, 13), record(unknown, 14)],
  };
  return { scenario, deployed: { ...base, used: [record(closed, 12)] } };
}

async function scenarioFile(state: StateDocument): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ude-kit-seed-trust-'));
  const file = join(dir, 'scenario.json');
  await writeFile(file, JSON.stringify({ description: 'Closed and unknown tickets', ...state }));
  return { dir, file };
}

describe('seed --via-api on a deployment with Closed and unknown tickets', () => {
  it('a dry run reads what is there, and counts what it cannot know without writing', async () => {
    const { scenario, deployed } = fixture();
    const { file } = await scenarioFile(scenario);
    const { target, server } = await startDeployment(deployed);
    try {
      const text = await runCli(['seed', '--scenario', file, '--target', server.url, '--via-api', '--dry-run', ...seedCredentials]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/^0 added, 6 to add, 1 already there, 0 refused \(7 of 7 records in .*, a dry run\)$/m);
      expect(text.stdout).toContain('whether the 1 ticket with records there is In Progress: 2 records to add on them, refused (409) on any that is not');
      expect(text.stdout).toContain('whether the 2 tickets with no records there exist at all: 4 records to add on them, refused (404) on a ticket the deployment does not know');
      expect(target.requests().every((r) => r.method === 'GET')).toBe(true);

      const json = await runCli(['seed', '--scenario', file, '--target', server.url, '--via-api', '--dry-run', '--json', ...seedCredentials]);
      expect(JSON.parse(json.stdout)).toMatchObject({ wouldAdd: 6, alreadyThere: 1, unknowns: { statusUnknown: { tickets: 1, records: 2 }, existenceUnknown: { tickets: 2, records: 4 } } });
    } finally {
      await server.close();
    }
  });

  it('stops writing to a ticket at its first refusal for the whole ticket, and reports every record not added', async () => {
    const { scenario, deployed } = fixture();
    const { dir, file } = await scenarioFile(scenario);
    const { target, server } = await startDeployment(deployed);
    try {
      const report = join(dir, 'out', 'not-added.json');
      const run = await runCli(['seed', '--scenario', file, '--target', server.url, '--via-api', '--report', report, ...seedCredentials]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/^1 added, 0 to add, 1 already there, 2 refused, 3 skipped \(7 of 7 records/m);
      expect(run.stdout).toMatch(/^ {2}1 refused: 409 Ticket not in progress \(first: c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11 \/ 13\)$/m);
      expect(run.stdout).toMatch(/^ {2}1 refused: 404 Ticket not found \(first: 0d5a3f5e-1b7c-4e8a-9a51-7c2f6e3b9d40 \/ 12\)$/m);
      expect(run.stdout).toContain('2 tickets refused a record for the whole ticket (not In Progress, or unknown): their other 3 records skipped, not sent');
      expect(run.stdout).toContain(`every record not added, with its reason: ${report} (5 records)`);
      // One write per ticket: the one added, and the first refused on each refusing ticket.
      expect(target.requests().filter((r) => r.method === 'POST')).toHaveLength(3);

      const written = JSON.parse(await readFile(report, 'utf8')) as { notAdded: Array<{ ticketId: string; equipmentId: number; outcome: string; reason: string }>; refusedTickets: unknown[] };
      expect(written.notAdded.map((r) => `${r.ticketId.slice(0, 4)}/${r.equipmentId} ${r.outcome}`).sort()).toEqual(['0d5a/12 refused', '0d5a/13 skipped', '0d5a/14 skipped', 'c105/13 refused', 'c105/14 skipped']);
      expect(written.notAdded.find((r) => r.equipmentId === 14 && r.ticketId === closed)?.reason).toMatch(/^skipped: the ticket refused 13 \(409 Ticket not in progress .*\), so its other records were not sent$/);
      expect(written.refusedTickets).toHaveLength(2);
      expect(written.refusedTickets).toEqual(
        expect.arrayContaining([
          { ticketId: closed, reason: expect.stringMatching(/^409 Ticket not in progress/), records: 2 },
          { ticketId: unknown, reason: expect.stringMatching(/^404 Ticket not found/), records: 3 },
        ]),
      );
    } finally {
      await server.close();
    }
  });

  it('writes the report as CSV for a spreadsheet when the file ends in .csv', async () => {
    const { scenario, deployed } = fixture();
    const { dir, file } = await scenarioFile(scenario);
    const { server } = await startDeployment(deployed);
    try {
      const report = join(dir, 'not-added.csv');
      const run = await runCli(['seed', '--scenario', file, '--target', server.url, '--via-api', '--json', '--report', report, ...seedCredentials]);
      expect(JSON.parse(run.stdout)).toMatchObject({ added: 1, refused: 2, skipped: 3, ticketsRefused: 2, report });
      const lines = (await readFile(report, 'utf8')).trimEnd().split('\r\n');
      expect(lines[0]).toBe('ticket_id,diagnostic_equipment_id,outcome,reason');
      expect(lines.slice(1)).toHaveLength(5);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${closed},13,refused,"?409 Ticket not in progress`)));
    } finally {
      await server.close();
    }
  });

  it('says a report it could not write, after the summary (exit 2)', async () => {
    const { scenario, deployed } = fixture();
    const { file } = await scenarioFile(scenario);
    const { server } = await startDeployment(deployed);
    try {
      // A file stands where the report's folder should be.
      const run = await runCli(['seed', '--scenario', file, '--target', server.url, '--via-api', '--report', join(file, 'not-added.json'), ...seedCredentials]);
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(/^1 added, 0 to add, 1 already there, 2 refused, 3 skipped /m);
      expect(run.stderr).toContain(`ude-kit: could not write the report to ${join(file, 'not-added.json')} (a file stands where a folder of its path should be)`);
    } finally {
      await server.close();
    }
  });

  it('a 404 for a catalogue id on a ticket known to exist refuses that record only', async () => {
    const base = loaded('single-ticket');
    // The deployment's catalogue lacks 13: the ticket (it has records) goes on with 14.
    const deployed = { ...base, catalog: base.catalog.filter((c) => c.diagnostic_equipment_id !== 13) };
    const { file } = await scenarioFile({ ...base, used: [record(inProgress, 12), record(inProgress, 13), record(inProgress, 14)] });
    const { target, server } = await startDeployment(deployed);
    try {
      const run = await runCli(['seed', '--scenario', file, '--target', server.url, '--via-api', '--json', ...seedCredentials]);
      expect(JSON.parse(run.stdout)).toMatchObject({ added: 1, alreadyThere: 1, refused: 1, skipped: 0, ticketsRefused: 0 });
      expect(target.state().used.map((u) => u.diagnostic_equipment_id)).toEqual([12, 14]);
    } finally {
      await server.close();
    }
  });
});

describe('seed --via-api: the contract command’s preflight, before any write', () => {
  it('names a --target that already holds the API path, in one request, with the fix (exit 2)', async () => {
    const { target, server } = await startDeployment({ ...loaded('many-pages'), used: [] });
    try {
      const run = await runCli(['seed', '--scenario', 'many-pages', '--target', `${server.url}/v2`, '--via-api', ...seedCredentials]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`ude-kit: --target already ends with /v2, which the seeder adds itself (it asked for /v2/v2/tickets/used-diagnostic-equipment); use --target ${server.url}`);
      expect(run.stdout).not.toMatch(/refused/);
      expect(target.requests()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('says an unreachable target cannot be reached (exit 2), counting nothing refused', async () => {
    const closedPort = createServer();
    await new Promise<void>((resolve) => closedPort.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closedPort.address() as { port: number }).port}`;
    await new Promise((resolve) => closedPort.close(resolve));
    const run = await runCli(['seed', '--scenario', 'closed-ticket', '--target', url, '--via-api', ...seedCredentials]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`ude-kit: could not reach ${url}: connection refused`);
    expect(run.stdout).not.toMatch(/refused/);
  });

  it('says no credentials were given, rather than that they were refused', async () => {
    const { target, server } = await startDeployment({ ...loaded('closed-ticket'), used: [] });
    try {
      const run = await runCli(['seed', '--scenario', 'closed-ticket', '--target', server.url, '--via-api', '--dry-run'], { env: { ...process.env, UDE_KIT_API_KEY: '', UDE_KIT_TOKEN: '' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/no credentials were given, and .* requires them \(401\): pass --api-key and --token/);
      expect(target.requests()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
