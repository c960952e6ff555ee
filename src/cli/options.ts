// Small converters for option values; each says which option was wrong and why.
import { UsageError } from './cli-error.js';

export function integerOption(name: string, text: string | undefined, range: { min: number; max: number }): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max}, not "${text}"`);
  }
  return value;
}

export function numberOption(name: string, text: string | undefined, range: { min: number; max: number }): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} must be a number from ${range.min} to ${range.max}, not "${text}"`);
  }
  return value;
}

export function choiceOption<T extends string>(name: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${text}"`);
  }
  return text as T;
}

export function nonEmptyOption(name: string, text: string | undefined): string | undefined {
  if (text !== undefined && text.trim() === '') throw new UsageError(`--${name} must not be empty`);
  return text;
}
