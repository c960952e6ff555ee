// Progress of a long run on stderr: a bar with rate and ETA on a terminal (cli-progress), a plain line
// every few seconds otherwise (CI logs), and lines printed above the bar without tearing it.
import cliProgress from 'cli-progress';
import { unicodeSupported } from '../text/terminal.js';

export interface Progress {
  update(done: number): void;
  /** A line for the reader (a problem as it happens), kept above the bar. */
  log(line: string): void;
  stop(): void;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

function eta(done: number, total: number, elapsedMs: number): string {
  if (done === 0) return 'unknown';
  const seconds = ((total - done) * elapsedMs) / done / 1000;
  return seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.floor(seconds / 60)} min ${Math.ceil(seconds % 60)} s`;
}

export function createProgress(options: {
  total: number;
  unit: string;
  /** Whether to draw a bar (default: when stderr is a terminal). */
  tty?: boolean;
  /** Whether to print anything but logged lines (false with --json on a pipe). */
  periodic?: boolean;
  everyMs?: number;
  write?: (text: string) => void;
  /** Where the bar is drawn (default stderr). */
  stream?: NodeJS.WriteStream;
}): Progress {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const started = performance.now();
  let done = 0;
  const rate = () => (done * 1000) / Math.max(1, performance.now() - started);

  if (options.tty ?? process.stderr.isTTY === true) {
    const bars = new cliProgress.MultiBar(
      {
        format: ` {bar} {percentage}% | {value}/{total} ${options.unit} | {speed} ${options.unit}/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 200,
        formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? number(value) : String(value)),
        stream: options.stream ?? process.stderr,
      },
      // Shaded blocks where the terminal shows them, '#' and '-' where it does not.
      unicodeSupported() ? cliProgress.Presets.shades_classic : cliProgress.Presets.legacy,
    );
    const bar = bars.create(options.total, 0, { speed: '0' });
    return {
      update(value) {
        done = value;
        bar.update(value, { speed: number(rate()) });
      },
      log: (line) => bars.log(`${line}\n`),
      stop: () => bars.stop(),
    };
  }

  const line = () => `${number(done)} of ${number(options.total)} ${options.unit} (${options.total === 0 ? 100 : Math.floor((done * 100) / options.total)}%), ${number(rate())} ${options.unit}/s, ${eta(done, options.total, performance.now() - started)} left\n`;
  const timer = options.periodic === false ? undefined : setInterval(() => write(line()), options.everyMs ?? 2000);
  timer?.unref();
  return {
    update(value) {
      done = value;
    },
    log: (text) => write(`${text}\n`),
    stop() {
      clearInterval(timer);
    },
  };
}
