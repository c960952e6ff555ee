// The CLI as a newcomer meets it, as real processes: --version, help for a command, a mistyped command,
// and every example the help texts show, run against a fresh mock (each must exit 0).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands.js';
import { helpText } from '../../src/cli/declaration.js';
import { cliArgs, root, startMockCli, type StartedCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const children: ChildProcess[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'ude-kit-examples-'));
// cliArgs is an absolute path, so that an example can run in a folder of its own (it may write a report there).
const run = (args: string[], cwd = root) => spawnSync(process.execPath, [...cliArgs, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
let mock: StartedCli;

beforeAll(async () => {
  // As the contract examples say to start it: with credentials, so that a wrong one is refused.
  mock = await startMockCli(['--port', '0', '--api-key', 'k', '--token', 't'], children);
});

afterAll(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** A shell-like split of an example: words, and "quoted words". */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('ude-kit', () => {
  it('--version and -v print the package version, and nothing else', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = run([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
      expect(result.stderr).toBe('');
    }
  });

  it('help COMMAND prints what COMMAND --help prints (the declaration’s help), for every command', () => {
    for (const command of commands) {
      const viaHelp = run(['help', command.name]);
      expect(viaHelp.status).toBe(0);
      expect(viaHelp.stdout).toBe(`${helpText(command)}\n`);
    }
    expect(run(['seed', '-h']).stdout).toBe(`${helpText(commands.find((c) => c.name === 'seed')!)}\n`);
    const top = run(['--help']);
    for (const command of commands) expect(top.stdout).toContain(`  ${command.name} `);
  }, 60_000);

  it('a mistyped command: exit 2, one line with a suggestion, and where to read more', () => {
    const result = run(['mokc', '--port', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('ude-kit: unknown command "mokc" (did you mean mock?)\nsee `ude-kit --help`\n');
    expect(run(['help', 'sede']).stderr).toBe('ude-kit: unknown command "sede" (did you mean seed?)\nsee `ude-kit --help`\n');
    expect(run(['help', 'mock', 'seed']).status).toBe(2);
    expect(run(['--version', 'now']).status).toBe(2);
  });

  it('a scenario that is not there is a bad invocation (exit 2, with a suggestion); one that is refused exits 1', () => {
    const missing = run(['mock', '--port', '0', '--scenario', 'clsed-ticket']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ude-kit: --scenario: no shipped scenario "clsed-ticket" (did you mean closed-ticket?)');
    expect(missing.stderr).toContain('see `ude-kit mock --help`');
    const refused = run(['mock', '--port', '0', '--scenario', join(root, 'package.json')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is refused');
  });

  const examples = commands.flatMap((command) => (command.examples ?? []).map((example) => [command.name, example] as const));

  it('shows examples for every command', () => {
    for (const command of commands) expect(command.examples?.length ?? 0, command.name).toBeGreaterThan(0);
  });

  it.each(examples)('%s example runs: ude-kit %s', async (name, example) => {
    // The examples address a mock on 127.0.0.1:4010: here, the fresh one this file started.
    const args = words(example.replaceAll('http://127.0.0.1:4010', mock.url));
    if (name === 'mock') {
      // A server: it must come up and answer, on a free port instead of the one shown.
      const withoutPort = args.slice(1).filter((arg, i, all) => arg !== '-p' && all[i - 1] !== '-p' && arg !== '--port' && all[i - 1] !== '--port');
      const started = await startMockCli([...withoutPort, '--port', '0'], children);
      const reply = await fetch(`${started.url}/v2/tickets/used-diagnostic-equipment`, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } });
      expect(reply.status).toBe(200);
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      return;
    }
    const result = run(args, scratch);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  }, 60_000);
});
