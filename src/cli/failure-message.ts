// What the entry prints when a command fails, and the code it exits with. A CliError is a failure the user
// can fix: its message, and where to read more. Anything else is a fault of the kit: exit 2 ("could not
// run", never 1, which a CI step reads as drift found), one visible line, and the stack only on request —
// a stack trace tells a user nothing they can act on, and its text may quote what a deployment sent.
import { CliError, UsageError } from './cli-error.js';
import { visible, visibleLine } from '../text/visible.js';

export const debugVariable = 'UDE_KIT_DEBUG';

export function failureOf(error: unknown, commandName: string | undefined, debug: boolean): { text: string; exitCode: number } {
  if (error instanceof CliError) {
    // Every bad invocation, whoever found it, says where to read more: the command's help, or the top one.
    const hint = error instanceof UsageError ? `\nsee \`ude-kit ${commandName === undefined ? '' : `${commandName} `}--help\`` : '';
    // A message may quote a target or a file: whatever a command missed, no escape sequence reaches the terminal.
    return { text: `ude-kit: ${visible(error.message)}${hint}`, exitCode: error.exitCode };
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = debug && error instanceof Error && error.stack !== undefined ? `\n${visible(error.stack)}` : `\n(${debugVariable}=1 prints where it happened)`;
  return { text: `ude-kit: unexpected error, a fault of ude-kit (please report it with the command you ran): ${visibleLine(what, 300)}${where}`, exitCode: 2 };
}
