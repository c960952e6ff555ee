// The CLI as a user runs it: a real process, its output, its exit code, its memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

// The CLI as npm installs it: the compiled bin, which starts in half the time tsx takes to compile the
// sources (the CLI tests spawn it about a hundred times). The files that spawn it import cli-built.ts,
// which refuses to run them against a dist/ older than the sources.
const bin = join(root, 'bin', 'ude-kit.js');
export const cliArgs = [bin];

export interface StartedCli {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once its output streams have closed too: what a process prints as it ends arrives after 'exit'. */
  closed: Promise<void>;
}

/** Starts `ude-kit mock ARGS` and resolves once it prints its URL. */
export function startMockCli(args: string[], children: ChildProcess[] = []): Promise<StartedCli> {
  return startListening([...cliArgs, 'mock', ...args], children);
}

/** Starts `node NODE_ARGS` (the CLI, or a script of a test's own) and resolves once it prints "listening on URL". */
export function startListening(nodeArgs: string[], children: ChildProcess[] = []): Promise<StartedCli> {
  const child = spawn(process.execPath, nodeArgs, { cwd: root });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
    child.stdout!.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output, exited, closed });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

/** A process's resident memory now and at its peak, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `ude-kit ARGS` to its end; `child` is given the process as soon as it starts (to signal it). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; child?: (child: ChildProcess) => void } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliArgs, ...args], { cwd: options.cwd ?? root, ...(options.env === undefined ? {} : { env: options.env }) });
    options.child?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
