// The CLI's declarations, in process: every help text (snapshots, so a change to one is seen in review),
// the parser's refusals as one line plus where to read more, "did you mean", values that start with a
// dash, and how text is drawn on terminals that cannot show colour or ✓.
import { describe, expect, it, vi } from 'vitest';
import { commands, mockCommand } from '../../src/cli/commands.js';
import { CliError, UsageError } from '../../src/cli/cli-error.js';
import { closest, helpText, optionsOf, parseCommand, type CommandDeclaration } from '../../src/cli/declaration.js';
import { reporters } from '../../contracts/reporters/index.js';
import { prettyReport } from '../../contracts/reporters/pretty.js';
import type { ContractReport } from '../../contracts/runner.js';
import { counted } from '../../src/text/counted.js';
import { styleFor, unicodeSupported } from '../../src/text/terminal.js';

function refusal(args: string[], command: CommandDeclaration = mockCommand): string {
  try {
    parseCommand(command, args);
  } catch (error) {
    // A UsageError: main.ts prints it with where to read the help (test/cli/mock-command.test.ts).
    expect(error).toBeInstanceOf(UsageError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('help texts, made from the declarations', () => {
  it.each(commands.map((c) => [c.name, c] as const))('%s --help', async (name, command) => {
    await expect(`${helpText(command)}\n`).toMatchFileSnapshot(`__snapshots__/help-${name}.txt`);
  });

  it('list every option a command takes, each with -h, within 100 columns', () => {
    for (const command of commands) {
      const text = helpText(command);
      for (const [name, option] of optionsOf(command)) {
        expect(text, `${command.name} --${name}`).toContain(`--${name}`);
        if (option.short !== undefined) expect(text).toContain(`-${option.short}, --${name}`);
      }
      expect(text).toContain('-h, --help');
      for (const line of text.split('\n')) expect(line.length, `${command.name}: ${line}`).toBeLessThanOrEqual(100);
    }
  });

  it('give no two options of a command the same short letter', () => {
    for (const command of commands) {
      const shorts = optionsOf(command).flatMap(([, o]) => (o.short === undefined ? [] : [o.short]));
      expect(new Set(shorts).size, command.name).toBe(shorts.length);
    }
  });

  it('print on --help and give nothing to run', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(parseCommand(mockCommand, ['--port', '1', '-h'])).toBeUndefined();
      expect(log).toHaveBeenCalledWith(helpText(mockCommand));
    } finally {
      log.mockRestore();
    }
  });
});

describe('parsing', () => {
  it('takes long and short spellings, repeated options, and values that start with a dash', () => {
    expect(parseCommand(mockCommand, ['-p', '4011', '--cors-origin', 'http://a.test', '--cors-origin=http://b.test', '--no-admin'])).toEqual({
      port: '4011',
      'cors-origin': ['http://a.test', 'http://b.test'],
      'no-admin': true,
    });
    // parseArgs alone calls these "ambiguous"; the option's own check then says what is wrong with -1.
    expect(parseCommand(mockCommand, ['--port', '-1'])).toEqual({ port: '-1' });
    expect(parseCommand(mockCommand, ['-p', '-1'])).toEqual({ port: '-1' });
    expect(parseCommand(mockCommand, ['--delay', '-5', '--json'])).toEqual({ delay: '-5', json: true });
  });

  it('refuses in one line, as a bad invocation', () => {
    const cases: Array<[string[], string]> = [
      [['--prot', '1'], 'unknown option --prot (did you mean --port?)'],
      [['--frobnicate'], 'unknown option --frobnicate'],
      [['--port'], '--port needs a value (N)'],
      [['-p'], '--port needs a value (N)'],
      [['--json=yes'], '--json takes no value'],
      [['4010'], 'unexpected argument "4010"; ude-kit mock takes options only'],
      // An option followed by another option is a missing value, not a value that starts with a dash.
      [['--host', '--json'], '--host needs a value (HOST)'],
    ];
    for (const [args, message] of cases) expect(refusal(args)).toBe(message);
  });

  it("points a reporter's name given as an option (`--junit`) to `--reporter`, whose names are the reporters'", () => {
    const contract = commands.find((c) => c.name === 'contract')!;
    expect(refusal(['--junit', 'r.xml'], contract)).toBe('unknown option --junit (did you mean --reporter junit[:FILE]?)');
    expect(refusal(['--markdown'], contract)).toBe('unknown option --markdown (did you mean --reporter markdown[:FILE]?)');
    // A mistyped option name still wins: --reportr is --reporter.
    expect(refusal(['--reportr', 'junit'], contract)).toBe('unknown option --reportr (did you mean --reporter?)');
    expect([...(contract.options.reporter?.choices ?? [])].sort()).toEqual(Object.keys(reporters).sort());
  });

  it('refuses arguments to a command that takes none', () => {
    const scenarios = commands.find((c) => c.name === 'scenarios')!;
    expect(refusal(['extra'], scenarios)).toBe('unexpected argument "extra"; ude-kit scenarios takes no arguments');
  });
});

describe('did you mean', () => {
  it('suggests the nearest name: one edit, a swap of neighbours, or the start of a long name', () => {
    const names = ['mock', 'contract', 'scenarios', 'seed', 'export'];
    expect(closest('mokc', names)).toBe('mock');
    expect(closest('mocks', names)).toBe('mock');
    expect(closest('contarct', names)).toBe('contract');
    expect(closest('sed', names)).toBe('seed');
    expect(closest('scen', names)).toBe('scenarios');
    expect(closest('frob', names)).toBeUndefined();
    expect(closest('x', names)).toBeUndefined();
  });
});

describe('text for a terminal', () => {
  it('colours only a TTY, and never with NO_COLOR or TERM=dumb', () => {
    const tty = { isTTY: true };
    expect(styleFor(tty, { LANG: 'en_US.UTF-8' }, 'linux').color).toBe(true);
    expect(styleFor({ isTTY: false }, {}, 'linux').color).toBe(false);
    expect(styleFor({}, {}, 'linux').color).toBe(false);
    expect(styleFor(tty, { NO_COLOR: '1' }, 'linux').color).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(styleFor(tty, { NO_COLOR: '' }, 'linux').color).toBe(true);
    expect(styleFor(tty, { TERM: 'dumb' }, 'linux').color).toBe(false);
  });

  it('draws ✓ and ✗ only where the terminal can show them', () => {
    expect(unicodeSupported({ LANG: 'en_US.UTF-8' }, 'linux')).toBe(true);
    expect(unicodeSupported({}, 'darwin')).toBe(true);
    expect(unicodeSupported({ LANG: 'C' }, 'linux')).toBe(false);
    expect(unicodeSupported({ LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' }, 'linux')).toBe(false);
    expect(unicodeSupported({ LC_ALL: '', LC_CTYPE: 'C.utf8' }, 'linux')).toBe(true);
    expect(unicodeSupported({ TERM: 'linux', LANG: 'C.UTF-8' }, 'linux')).toBe(false);
    expect(unicodeSupported({}, 'win32')).toBe(false);
    expect(unicodeSupported({ WT_SESSION: 'x' }, 'win32')).toBe(true);
  });

  it('the pretty report in ASCII and without colour where asked, in colour on a terminal', () => {
    const report: ContractReport = {
      baseUrl: 'http://127.0.0.1:4010',
      startedAt: '2026-12-01T00:00:00.000Z',
      durationMs: 1200,
      requests: 1,
      summary: { checks: 2, run: 2, passed: 1, failed: 1, notRun: 0, errors: 1, warnings: 0 },
      checks: [
        { name: 'status_code_conformance', status: 'passed', errors: 0, warnings: 0 },
        { name: 'content_type_conformance', status: 'failed', errors: 1, warnings: 0 },
      ],
      findings: [],
      exitCode: 1,
    };
    const ascii = prettyReport(report, { color: false, unicode: false });
    expect(ascii).toMatch(/^[\x20-\x7e\n]*$/);
    expect(ascii).toContain('  + status_code_conformance');
    expect(ascii).toContain('  x content_type_conformance  1 error');
    expect(ascii).toContain('2 checks: 1 passed, 1 failed, 0 not run | 1 error, 0 warnings | exit 1');
    const plain = prettyReport(report);
    expect(plain).toContain('  ✓ status_code_conformance');
    expect(plain).not.toContain('\u001b[');
    const coloured = prettyReport(report, { color: true, unicode: true });
    expect(coloured).toContain('\u001b[32m✓\u001b[0m status_code_conformance');
    expect(coloured).toContain('\u001b[31m✗\u001b[0m content_type_conformance');
  });

  it('counts in the singular for one, with thousands separated', () => {
    expect(counted(1, 'check')).toBe('1 check');
    expect(counted(0, 'check')).toBe('0 checks');
    expect(counted(1234, 'catalogue entry', 'catalogue entries')).toBe('1,234 catalogue entries');
  });
});
