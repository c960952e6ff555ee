import { parseArgs, type ParseArgsConfig } from 'node:util';
// Small converters for option values; each says which option was wrong and why.
import { CliError } from './cli-error.js';

export function integerOption(name: string, text: string | undefined, range: { min: number; max: number }): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new CliError(`--${name} must be a whole number from ${range.min} to ${range.max}, not "${text}"`);
  }
  return value;
}

export function choiceOption<T extends string>(name: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new CliError(`--${name} must be one of ${choices.join(', ')}, not "${text}"`);
  }
  return text as T;
}

export function nonEmptyOption(name: string, text: string | undefined): string | undefined {
  if (text !== undefined && text.trim() === '') throw new CliError(`--${name} must not be empty`);
  return text;
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const helpOption = { help: { type: 'boolean', short: 'h' } } as const;
type HelpOption = typeof helpOption;

/**
 * Parses a command's options strictly. A parse error becomes a CliError that shows the usage;
 * `--help` prints the usage and gives undefined, for the command to return at once.
 */
type CommandConfig<T extends OptionsConfig> = { args: string[]; options: T & HelpOption; strict: true; allowPositionals: false };
export type CommandValues<T extends OptionsConfig> = ReturnType<typeof parseArgs<CommandConfig<T>>>['values'];

export function parseCommand<const T extends OptionsConfig>(args: string[], options: T, usage: string): CommandValues<T> | undefined {
  type Config = CommandConfig<T>;
  let parsed;
  try {
    parsed = parseArgs<Config>({ args, options: { ...options, ...helpOption }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    console.log(usage);
    return undefined;
  }
  return parsed.values;
}
