// Words for a POSIX shell, read back exactly as written: one rule for every command line the kit prints
// (a finding's curl reproduction, the console's copy-as-curl, the command that resumes a seed).

/** In single quotes, a quote inside closed, escaped and reopened: safe for any text. */
export const shellQuoted = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/** Bare when it is plain (no character the shell reads specially), else `shellQuoted`. */
export const shellWord = (word: string): string => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : shellQuoted(word));
