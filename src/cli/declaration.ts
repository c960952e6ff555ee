// A command is declared once (its options, their value names, help and group); parsing, the help text,
// "did you mean" and the docs' flag check all come from that declaration, so they cannot drift apart.
// util.parseArgs does the parsing: Node's own, strict, and already what every command used; the rest
// (help, suggestions, one-line errors) is small enough not to need commander or yargs.
import { parseArgs } from 'node:util';
import { UsageError } from './cli-error.js';

export interface OptionDeclaration {
  type: 'string' | 'boolean';
  /** One letter, for `-p 4010`. */
  short?: string;
  multiple?: boolean;
  /** The value's name in the help: `--port N`. */
  value?: string;
  /** What it does; a long text is wrapped at 100 columns. */
  help: string;
  /** The help section it is listed under (default "Options"). */
  group?: string;
  /** The names its value starts with, when there are a few (`--reporter junit:FILE`): `--junit` is then pointed to it. */
  choices?: readonly string[];
}

export interface CommandDeclaration {
  name: string;
  /** One line, for `ude-kit --help`. */
  summary: string;
  /** What follows "ude-kit " on the usage line. */
  usage: string;
  description: string;
  options: Readonly<Record<string, OptionDeclaration>>;
  /** Said after the options: exit codes, notes. */
  footer?: string;
  /** Invocations (after "ude-kit ") shown in the help; a test runs each. */
  examples?: readonly string[];
}

type ValueOf<O extends OptionDeclaration> = O['type'] extends 'boolean' ? boolean : O['multiple'] extends true ? string[] : string;
export type CommandValues<C extends CommandDeclaration> = { -readonly [K in keyof C['options']]?: ValueOf<C['options'][K]> };

const helpOption: OptionDeclaration = { type: 'boolean', short: 'h', help: 'show this help' };
const width = 100;

function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && indent + line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

/** A command line for the help: broken before an option with a trailing backslash, as a shell reads it. */
function shellLines(line: string): string[] {
  // Each piece is an option with its value, so a break never parts them.
  const pieces = line.split(/ (?=-)/);
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && 2 + current.length + 1 + piece.length + 2 > width) {
      lines.push(`${current} \\`);
      current = `  ${piece}`;
    } else current = current === '' ? piece : `${current} ${piece}`;
  }
  return [...lines, current].map((text) => `  ${text}`);
}

/** Every option a command takes, `--help` included, in the order the help lists them. */
export function optionsOf(command: CommandDeclaration): Array<[string, OptionDeclaration]> {
  return [...Object.entries(command.options), ['help', helpOption]];
}

const flagOf = (name: string, option: OptionDeclaration) =>
  `${option.short === undefined ? '    ' : `-${option.short}, `}--${name}${option.value === undefined ? '' : ` ${option.value}`}`;

/** The help text of a command, made from its declaration. */
export function helpText(command: CommandDeclaration): string {
  const options = optionsOf(command);
  const column = Math.max(...options.map(([name, option]) => flagOf(name, option).length)) + 4;
  const groups = new Map<string, string[]>();
  for (const [name, option] of options) {
    const group = option.group ?? 'Options';
    const [first = '', ...rest] = wrap(option.help, column);
    const lines = [`  ${flagOf(name, option).padEnd(column - 2)}${first}`, ...rest.map((line) => `${' '.repeat(column)}${line}`)];
    groups.set(group, [...(groups.get(group) ?? []), ...lines]);
  }
  return [
    `Usage: ude-kit ${command.usage}`,
    '',
    ...wrap(command.description, 0),
    ...[...groups].flatMap(([title, lines]) => ['', `${title}:`, ...lines]),
    ...(command.examples === undefined ? [] : ['', 'Examples:', ...command.examples.flatMap((example) => shellLines(`ude-kit ${example}`))]),
    ...(command.footer === undefined ? [] : ['', ...wrap(command.footer, 0)]),
  ].join('\n');
}

/** Edit distance where swapping two neighbours counts as one edit ("mokc" is one from "mock"). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `candidates` to a mistyped `word`, if it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; cost: number } | undefined;
  for (const candidate of candidates) {
    const cost = distance(word, candidate);
    if (cost <= Math.max(1, Math.floor(candidate.length / 3)) && (best === undefined || cost < best.cost)) best = { candidate, cost };
  }
  return best?.candidate ?? candidates.find((candidate) => candidate.startsWith(word) && word.length >= 3);
}

/**
 * A value that starts with "-" (`--port -1`, `--delay -5`) is the option's value, not another option,
 * unless it is one of the command's own options: parseArgs alone calls it "ambiguous".
 */
function joinDashValues(args: string[], command: CommandDeclaration): string[] {
  const options = optionsOf(command);
  const takesValue = (arg: string) => options.some(([name, o]) => o.type === 'string' && (arg === `--${name}` || (o.short !== undefined && arg === `-${o.short}`)));
  const isOption = (arg: string) => options.some(([name, o]) => arg === `--${name}` || arg.startsWith(`--${name}=`) || (o.short !== undefined && arg === `-${o.short}`));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (takesValue(arg) && next !== undefined && next.startsWith('-') && next !== '--' && !isOption(next)) {
      joined.push(`${arg.startsWith('--') ? arg : `--${options.find(([, o]) => `-${o.short}` === arg)![0]}`}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** The option a parseArgs error names ("Unknown option '--prot'"), without its dashes. */
const namedIn = (message: string) => /'(-{1,2}[^' ]+)/.exec(message)?.[1];

/**
 * Parses a command's arguments strictly against its declaration. `--help` prints the help and gives
 * undefined, for the command to return at once; anything wrong throws a UsageError (exit code 2; main.ts adds where the help is).
 */
export function parseCommand<const C extends CommandDeclaration>(command: C, args: string[]): CommandValues<C> | undefined {
  const options = Object.fromEntries(
    optionsOf(command).map(([name, o]) => [name, { type: o.type, ...(o.short === undefined ? {} : { short: o.short }), ...(o.multiple === true ? { multiple: true } : {}) }]),
  );
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: joinDashValues(args, command), options, strict: true, allowPositionals: false }));
  } catch (error) {
    // main.ts adds where to read more, as for every UsageError.
    throw new UsageError(explain(command, error as Error & { code?: string }));
  }
  if (values.help === true) {
    console.log(helpText(command));
    return undefined;
  }
  return values as CommandValues<C>;
}

function explain(command: CommandDeclaration, error: Error & { code?: string }): string {
  const named = namedIn(error.message);
  const names = optionsOf(command).map(([name]) => name);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const bare = (named ?? '').replace(/^-+/, '').split('=')[0]!;
      const guess = closest(bare, names);
      // `--junit` for `--reporter junit:FILE`: the word is one of an option's values, not a mistyped name.
      const valued = guess === undefined ? optionsOf(command).find(([, o]) => o.choices?.includes(bare) === true) : undefined;
      // The value's name in the help with the word put in: NAME[:FILE] → junit[:FILE].
      const hint = guess !== undefined ? `--${guess}` : valued === undefined ? undefined : `--${valued[0]} ${valued[1].value?.replace(/^[A-Z]+/, bare) ?? bare}`;
      return `unknown option ${named ?? error.message}${hint === undefined ? '' : ` (did you mean ${hint}?)`}`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const word = /'([^']*)'/.exec(error.message)?.[1] ?? '';
      const guess = closest(word.replace(/^-+/, ''), names);
      const takes = Object.keys(command.options).length === 0 ? 'no arguments' : 'options only';
      return `unexpected argument "${word}"${guess === undefined ? '' : ` (did you mean --${guess}?)`}; ude-kit ${command.name} takes ${takes}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // "Option '-p, --port <value>' argument missing": the long name is the one to show.
      const name = /--([\w-]+)/.exec(error.message)?.[1] ?? '';
      const option = command.options[name];
      if (option?.type === 'boolean' || /does not take an argument/.test(error.message)) return `--${name} takes no value`;
      return `--${name} needs a value${option?.value === undefined ? '' : ` (${option.value})`}`;
    }
    default:
      return error.message;
  }
}
