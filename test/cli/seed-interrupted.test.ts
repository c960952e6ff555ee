// A seed interrupted half-way and resumed, as QA does it: Ctrl-C on a real terminal (a pseudo-terminal
// from util-linux's `script`, so the progress bar is drawn and its escape codes must be undone), then
// the command the summary prints, run as printed. The deployment is a kit mock whose adds are slowed
// by an injected delay, so the run is still going when it is interrupted.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { cliArgs, root, runCli, type CliRun } from '../helpers/cli-process.js';
import { loaded, seedCredentials, startDeployment } from '../helpers/seed-deployment.js';
import '../helpers/cli-built.js';

const scenario = 'many-pages';
// A run that outlives its test (a timeout) must not go on: `script` killed, its terminal closes under the CLI.
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
const wanted = loaded(scenario).used;

const byTicket = (used: StateDocument['used']) => {
  const groups = new Map<string, number[]>();
  for (const u of used) groups.set(u.ticket_id, [...(groups.get(u.ticket_id) ?? []), u.diagnostic_equipment_id]);
  return groups;
};

/** Resolves once the deployment holds at least `count` records: the run is under way. */
async function holding(state: () => StateDocument, count: number): Promise<void> {
  while (state().used.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** `script -qec COMMAND /dev/null`: COMMAND on a pseudo-terminal; what is typed into stdin reaches it as keys. */
function onTerminal(command: string, typeWhen: Promise<void>, keys: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: root, env: { ...process.env, COLUMNS: '120' } });
    children.push(child);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    void typeWhen.then(() => child.stdin.write(keys));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: '' }));
  });
}

describe('seed --via-api interrupted and resumed', () => {
  it('on Ctrl-C finishes the requests in flight, prints the summary and the command that resumes, restores the terminal, exits 130; the command resumes to a complete state with nothing added twice', async () => {
    const { target, server } = await startDeployment({ ...loaded(scenario), used: [] });
    const dir = await mkdtemp(join(tmpdir(), 'ude-kit-seed-interrupted-'));
    const report = join(dir, 'not-added.json');
    try {
      target.inject({ operation: 'addUsedDiagnosticEquipment', delayMs: 15 });
      const args = ['seed', '--scenario', scenario, '--target', server.url, '--via-api', '--report', report, ...seedCredentials];
      const run = await onTerminal([process.execPath, ...cliArgs, ...args].join(' '), holding(() => target.state(), 40), '\x03');
      const text = run.stdout;
      expect(run.code, text).toBe(130);
      const added = target.state().used.length;
      expect(added).toBeGreaterThanOrEqual(40);
      expect(added).toBeLessThan(wanted.length);

      // The bar hid the cursor and turned line wrap off; both are back after the last drawing.
      expect(text).toContain('\x1b[?25l');
      expect(text.lastIndexOf('\x1b[?25h')).toBeGreaterThan(text.lastIndexOf('\x1b[?25l'));
      expect(text.lastIndexOf('\x1b[?7h')).toBeGreaterThan(text.lastIndexOf('\x1b[?7l'));
      const notTried = wanted.length - added;
      expect(text).toContain(`${added.toLocaleString('en-US')} added, 0 to add, 0 already there, 0 refused, ${notTried.toLocaleString('en-US')} not tried`);
      expect(text).toContain(`interrupted (SIGINT): the requests in flight were finished; ${notTried.toLocaleString('en-US')} records not tried.`);
      const resume = /^ {2}(ude-kit seed .*)\r?$/m.exec(text)?.[1];
      expect(resume).toBe(`ude-kit seed --scenario ${scenario} --target ${server.url} --via-api --report ${report} --api-key "$UDE_KIT_API_KEY" --token "$UDE_KIT_TOKEN"`);
      expect(text).not.toMatch(/seed-key|seed-token/);
      const written = JSON.parse(await readFile(report, 'utf8')) as { interrupted: boolean; notAdded: Array<{ outcome: string }> };
      expect(written.interrupted).toBe(true);
      expect(written.notAdded).toHaveLength(notTried);
      expect(written.notAdded.every((row) => row.outcome === 'not tried')).toBe(true);

      // The printed command, as printed, with the variables it names set.
      target.clearFaults();
      const again = await new Promise<CliRun>((resolve) => {
        const child = spawn('sh', ['-c', resume!.replace(/^ude-kit /, `${process.execPath} ${cliArgs.join(' ')} `)], { cwd: root, env: { ...process.env, UDE_KIT_API_KEY: 'seed-key', UDE_KIT_TOKEN: 'seed-token' } });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: '' }));
      });
      expect(again.code, again.stdout).toBe(0);
      expect(again.stdout).toContain(`${notTried.toLocaleString('en-US')} added, 0 to add, ${added.toLocaleString('en-US')} already there, 0 refused (`);
      expect(target.state().used).toHaveLength(wanted.length);
      expect(byTicket(target.state().used)).toEqual(byTicket(wanted));
    } finally {
      await server.close();
    }
  }, 60_000);

  it('one Ctrl-C delivered twice at once (the terminal signals the process group, npx forwards it too) is one press: the summary still comes', async () => {
    const { target, server } = await startDeployment({ ...loaded(scenario), used: [] });
    try {
      // Adds that take 400 ms: the requests in flight are still waited for when the copy comes.
      target.inject({ operation: 'addUsedDiagnosticEquipment', delayMs: 400 });
      const run = await runCli(['seed', '--scenario', scenario, '--target', server.url, '--via-api', '--json', ...seedCredentials], {
        child: (child) => {
          children.push(child);
          // The forwarded copy comes a moment after the terminal's (two at once would merge into one).
          void holding(() => target.state(), 20).then(async () => {
            child.kill('SIGINT');
            await new Promise((resolve) => setTimeout(resolve, 50));
            child.kill('SIGINT');
          });
        },
      });
      expect({ code: run.code, signal: run.signal }, run.stderr).toEqual({ code: 130, signal: null });
      const summary = JSON.parse(run.stdout) as { added: number; stopped: { kind: string } };
      expect(summary.stopped.kind).toBe('interrupted');
      expect(summary.added).toBe(target.state().used.length);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a second press later stops at once, by the signal, without waiting for the requests in flight', async () => {
    const { target, server } = await startDeployment({ ...loaded(scenario), used: [] });
    try {
      // Adds that hold for 30 s: only a second press ends the run before they answer.
      const run = await runCli(['seed', '--scenario', scenario, '--target', server.url, '--via-api', '--json', ...seedCredentials], {
        child: (child) => {
          children.push(child);
          void holding(() => target.state(), 5).then(async () => {
            target.inject({ operation: 'addUsedDiagnosticEquipment', delayMs: 30_000 });
            await new Promise((resolve) => setTimeout(resolve, 300));
            child.kill('SIGINT');
            await new Promise((resolve) => setTimeout(resolve, 1_500));
            child.kill('SIGINT');
          });
        },
      });
      expect({ code: run.code, signal: run.signal }).toEqual({ code: null, signal: 'SIGINT' });
      expect(run.stdout).not.toContain('"stopped"');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a Ctrl-C while the report is being written (the run over) is not the silent default end: the summary and the report still come', async () => {
    const { target, server } = await startDeployment({ ...loaded('closed-ticket'), used: [] });
    const folder = await mkdtemp(join(tmpdir(), 'ude-kit-seed-fifo-'));
    // A named pipe: writing the report waits until the test reads it, a window made to last.
    const report = join(folder, 'not-added.csv');
    execFileSync('mkfifo', [report]);
    try {
      let read: Promise<string> | undefined;
      const run = await runCli(['seed', '--scenario', 'closed-ticket', '--target', server.url, '--via-api', '--report', report, ...seedCredentials], {
        child: (child) => {
          children.push(child);
          void holding(() => target.state(), 1).then(async () => {
            await new Promise((resolve) => setTimeout(resolve, 500));
            child.kill('SIGINT');
            await new Promise((resolve) => setTimeout(resolve, 200));
            read = readFile(report, 'utf8');
          });
        },
      });
      expect({ code: run.code, signal: run.signal }, run.stderr).toEqual({ code: 1, signal: null });
      expect(run.stdout).toContain(`every record not added, with its reason: ${report}`);
      expect(await read).toMatch(/^ticket_id,diagnostic_equipment_id,outcome,reason\r?\n/);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('on SIGTERM does the same, across many tickets at once: every add answered after the signal is counted as added (exit 130)', async () => {
    // Many tickets, 16 requests in flight: when the signal comes, adds are in flight on several tickets.
    const many = loaded('large');
    const { target, server } = await startDeployment({ ...many, tickets: many.tickets.map((t) => ({ ...t, status: 'In Progress' as const })), used: [] });
    try {
      target.inject({ operation: 'addUsedDiagnosticEquipment', delayMs: 15 });
      const run = await runCli(['seed', '--scenario', 'large', '--target', server.url, '--via-api', '--json', '--concurrency', '16', ...seedCredentials], {
        child: (child) => {
          children.push(child);
          void holding(() => target.state(), 200).then(() => child.kill('SIGTERM'));
        },
      });
      expect(run.code, run.stderr).toBe(130);
      const summary = JSON.parse(run.stdout) as { added: number; notTried: number; stopped: { kind: string }; resume: string };
      expect(summary.stopped.kind).toBe('interrupted');
      expect(summary.added).toBe(target.state().used.length);
      expect(summary.added + summary.notTried).toBe(many.used.length);
      expect(summary.resume).toBe(`ude-kit seed --scenario large --target ${server.url} --via-api --json --concurrency 16 --api-key "$UDE_KIT_API_KEY" --token "$UDE_KIT_TOKEN"`);
    } finally {
      await server.close();
    }
  }, 60_000);
});
