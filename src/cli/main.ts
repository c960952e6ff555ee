// The one entry that exits: it parses the command, runs it, and turns a CliError into a message and
// an exit code. Everything below it throws or returns.
import '../../mocks/state/faker-node.js';
import { CliError } from './cli-error.js';
import { runContractCommand } from './contract-command.js';
import { runMockCommand } from './mock-command.js';
import { runExportCommand, runScenariosCommand, runSeedCommand } from './scenario-commands.js';

const usage = `Usage: ude-kit <command> [options]

Commands:
  mock       serve the stateful fake API (ude-kit mock --help)
  contract   check a deployment against the spec and report drift (ude-kit contract --help)
  scenarios  list the shipped QA scenarios
  seed       load a scenario into a running mock, or into a deployment with --via-api
  export     print a running mock's state as a scenario file

Run "ude-kit <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'mock': {
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
    case 'contract':
      process.exitCode = await runContractCommand(rest);
      return;
    case 'scenarios':
      process.exitCode = runScenariosCommand(rest);
      return;
    case 'seed':
      process.exitCode = await runSeedCommand(rest);
      return;
    case 'export':
      process.exitCode = await runExportCommand(rest);
      return;
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(usage);
      return;
    default:
      throw new CliError(`unknown command "${command}"\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(`ude-kit: ${error.message}`);
    process.exit(error.exitCode);
  }
  console.error('ude-kit: unexpected error', error);
  process.exit(1);
});

