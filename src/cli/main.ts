// The one entry that exits: it parses the command, runs it, and turns a CliError into a message and
// an exit code. Everything below it throws or returns. A command's code is loaded when it runs, so that
// `--help`, `--version` and a mistyped command answer without loading the mock or the suite.
import { readFileSync } from 'node:fs';
import { UsageError } from './cli-error.js';
import { commands } from './commands.js';
import { closest, helpText, parseCommand } from './declaration.js';
import { debugVariable, failureOf } from './failure-message.js';

/** A command's module, with faker provided first: scenarios may generate data under any command. */
async function load<T>(module: () => Promise<T>): Promise<T> {
  await import('../../mocks/state/faker-node.js');
  return module();
}

/** The top-level help, made from the commands' declarations. */
function usage(): string {
  const column = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: ude-kit <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(column)}${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (`ude-kit help <command>` or `ude-kit <command> --help` for a command)',
    '  -v, --version  print the version',
  ].join('\n');
}

/** This package's version, from the package.json above this file (in src/ or in dist/src/). */
function version(): string {
  for (let dir = new URL('.', import.meta.url); dir.pathname !== '/'; dir = new URL('..', dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'ude-kit' && manifest.version !== undefined) return manifest.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'unknown';
}

function unknownCommand(word: string): UsageError {
  const guess = closest(word, commands.map((c) => c.name));
  return new UsageError(`unknown command "${word}"${guess === undefined ? '' : ` (did you mean ${guess}?)`}`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  // A command's --help, and a command line it would refuse, are answered from its declaration alone;
  // the command parses again, as cheaply, once it is loaded.
  const declared = commands.find((c) => c.name === command);
  if (declared !== undefined && parseCommand(declared, rest) === undefined) return;
  switch (command) {
    case 'mock': {
      const { runMockCommand } = await load(() => import('./mock-command.js'));
      const running = await runMockCommand(rest);
      if (running === undefined) return;
      // Stop accepting, let requests in flight finish (up to 5 s), then exit 0. A second signal
      // does not wait.
      const stop = (signal: string) => {
        // stderr: with --json, stdout carries the ready line alone.
        console.error(`\nude-kit mock: ${signal} received, stopping`);
        process.once('SIGINT', () => process.exit(0));
        process.once('SIGTERM', () => process.exit(0));
        running.close().then(
          () => process.exit(0),
          () => process.exit(0),
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      return;
    }
    case 'contract': {
      const { runContractCommand } = await load(() => import('./contract-command.js'));
      process.exitCode = await runContractCommand(rest);
      return;
    }
    case 'scenarios':
      process.exitCode = (await load(() => import('./scenario-commands.js'))).runScenariosCommand(rest);
      return;
    case 'seed':
      process.exitCode = await (await load(() => import('./scenario-commands.js'))).runSeedCommand(rest);
      return;
    case 'export':
      process.exitCode = await (await load(() => import('./scenario-commands.js'))).runExportCommand(rest);
      return;
    case undefined:
    case '-h':
    case '--help':
      console.log(usage());
      return;
    case 'help': {
      const [topic, ...extra] = rest;
      if (extra.length > 0) throw new UsageError(`ude-kit help takes one command, not "${rest.join(' ')}"`);
      if (topic === undefined) return void console.log(usage());
      const named = commands.find((c) => c.name === topic);
      if (named === undefined) throw unknownCommand(topic);
      console.log(helpText(named));
      return;
    }
    case '-v':
    case '--version':
      if (rest.length > 0) throw new UsageError(`${command} takes nothing after it`);
      console.log(version());
      return;
    default:
      throw unknownCommand(command);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const command = commands.find((c) => c.name === process.argv[2]);
  const { text, exitCode } = failureOf(error, command?.name, process.env[debugVariable] === '1');
  console.error(text);
  process.exit(exitCode);
});
