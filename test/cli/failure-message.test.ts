// The entry's last word on a failed command: a fixable failure its message, a fault of the kit exit 2
// (not 1, which CI reads as drift) with one visible line and no stack unless asked for.
import { describe, expect, it } from 'vitest';
import { CliError, UsageError } from '../../src/cli/cli-error.js';
import { failureOf } from '../../src/cli/failure-message.js';

describe('failureOf', () => {
  it('prints a CliError as its message with its exit code, and a bad invocation with where to read the help', () => {
    expect(failureOf(new CliError('no such file', 1), 'seed', false)).toEqual({ text: 'ude-kit: no such file', exitCode: 1 });
    expect(failureOf(new UsageError('--port takes a number'), 'mock', false)).toEqual({ text: 'ude-kit: --port takes a number\nsee `ude-kit mock --help`', exitCode: 2 });
    expect(failureOf(new UsageError('unknown command "mok"'), undefined, false).text).toBe('ude-kit: unknown command "mok"\nsee `ude-kit --help`');
  });

  it('shows the control characters of a message instead of printing them', () => {
    expect(failureOf(new CliError('refused \u001b[2J\u001b]0;pwned\u0007'), 'seed', false).text).toBe('ude-kit: refused \\x1b[2J\\x1b]0;pwned\\x07');
  });

  it('turns anything else into exit 2 with one bounded, visible line and no stack trace', () => {
    const error = new RangeError(`Invalid string length \u001b[2J${'x'.repeat(1000)}`);
    const { text, exitCode } = failureOf(error, 'contract', false);
    expect(exitCode).toBe(2);
    const [line, hint, ...rest] = text.split('\n');
    expect(rest).toEqual([]);
    expect(line).toMatch(/^ude-kit: unexpected error, a fault of ude-kit \(please report it with the command you ran\): RangeError: Invalid string length \\x1b\[2Jx+…$/);
    expect(line!.length).toBeLessThan(450);
    expect(hint).toBe('(UDE_KIT_DEBUG=1 prints where it happened)');
    expect(text).not.toContain('at ');
    expect(failureOf('a thrown string', 'mock', false).text.split('\n')[0]).toMatch(/: a thrown string$/);
  });

  it('prints the stack, made visible, when UDE_KIT_DEBUG asks for it', () => {
    const error = new TypeError('x is undefined');
    const { text, exitCode } = failureOf(error, 'export', true);
    expect(exitCode).toBe(2);
    expect(text.split('\n').slice(1).join('\n')).toBe(error.stack);
  });
});
