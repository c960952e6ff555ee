// The command line that resumes an interrupted seed: the same one (a rerun skips what is there), shell
// quoted, with each secret given on the command line replaced by its environment variable, so the line
// can be printed, copied and logged without the secret.
import { shellWord } from '../text/shell-quote.js';

/** The options whose value is a secret, and the variable each command also reads it from. */
const secretOptions: Record<string, string> = {
  '--api-key': 'UDE_KIT_API_KEY',
  '--token': 'UDE_KIT_TOKEN',
  '--client-secret': 'UDE_KIT_CLIENT_SECRET',
  '--admin-token': 'UDE_KIT_ADMIN_TOKEN',
};

/** `ude-kit COMMAND ARGS…` with every secret value replaced by "$VARIABLE"; and the variables it needs set. */
export function resumeCommand(command: string, args: readonly string[]): { line: string; variables: string[] } {
  const words: string[] = [];
  const variables: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name = arg] = arg.split('=', 1);
    const variable = secretOptions[name];
    if (variable === undefined) {
      words.push(shellWord(arg));
      continue;
    }
    variables.push(variable);
    // `--token=x` or `--token x`: either way the value is not printed.
    if (arg.includes('=')) words.push(`${name}="$${variable}"`);
    else {
      words.push(name, `"$${variable}"`);
      i++;
    }
  }
  return { line: ['ude-kit', command, ...words].join(' '), variables };
}
