// How text for a person is drawn: colour only on a terminal and never with NO_COLOR (no-color.org) or
// TERM=dumb; ✓ ✗ – → · … only where the terminal can show them, ASCII otherwise (a Linux console, a
// C/POSIX locale, an old Windows console).
export interface TextStyle {
  color: boolean;
  unicode: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the terminal can show non-ASCII marks, as is-unicode-supported decides it, plus the locale. */
export function unicodeSupported(env: Env = process.env, platform: string = process.platform): boolean {
  if (platform === 'win32') {
    return env.WT_SESSION !== undefined || env.TERM_PROGRAM === 'vscode' || env.TERM === 'xterm-256color' || env.TERM === 'alacritty' || env.TERMINAL_EMULATOR === 'JetBrains-JediTerm';
  }
  if (env.TERM === 'linux') return false;
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((value) => value !== undefined && value !== '');
  return locale === undefined || /utf-?8/i.test(locale);
}

/** The style for text written to `stream` (process.stdout or process.stderr). */
export function styleFor(stream: { isTTY?: boolean }, env: Env = process.env, platform: string = process.platform): TextStyle {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return { color: stream.isTTY === true && !noColor && env.TERM !== 'dumb', unicode: unicodeSupported(env, platform) };
}

/** Files and pipes read by programs: no colour, the marks as they are. */
export const plainStyle: TextStyle = { color: false, unicode: true };

const marks = { pass: ['✓', '+'], fail: ['✗', 'x'], skip: ['–', '-'], arrow: ['→', '->'], dot: ['·', '|'], more: ['…', '...'] } as const;
const colours = { green: 32, red: 31, yellow: 33, dim: 2, bold: 1 } as const;

export interface Painter {
  mark(name: keyof typeof marks): string;
  paint(colour: keyof typeof colours, text: string): string;
}

export function painter(style: TextStyle): Painter {
  return {
    mark: (name) => marks[name][style.unicode ? 0 : 1],
    paint: (colour, text) => (style.color ? `\u001b[${colours[colour]}m${text}\u001b[0m` : text),
  };
}
