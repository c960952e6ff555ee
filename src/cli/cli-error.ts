// A failure the user can fix: the entry prints its message (no stack trace) and exits with its code.
// Exit codes: 2 for bad options or "could not run", as in the contract suite.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** A bad invocation (an option's value, a missing or clashing option): exit 2, and where to read the help. */
export class UsageError extends CliError {}
