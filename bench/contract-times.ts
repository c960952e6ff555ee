// `npm run bench -- --contract-times [RUNS]`: the contract suite as a user times it — `ude-kit contract`
// in a child process against `ude-kit mock` in another, with the commands the docs show — each run RUNS
// times (default 7), reported as the range and the median of the wall time, and the requests sent.
// The docs' figures come from here: ranges, with the machine named, not one good run.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../bin/ude-kit.js', import.meta.url));
const credentials = ['--api-key', 'bench-key', '--token', 'bench-token'];
const fixtures = ['--ticket', '595be628-f6f2-4262-9c10-6389c6c4a5b8', '--closed-ticket', 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11', '--equipment', '40', '--equipment', '39', '--probe-remove-rule', '--unknown-equipment', '99999'];

/** The runs timed: the docs' self-test command, and the one with ten times the generated inputs. */
export const timedRuns = [
  { name: 'default run (every check, the docs’ fixtures)', args: fixtures },
  { name: '--max-cases 1000 --model-steps 500', args: [...fixtures, '--max-cases', '1000', '--model-steps', '500'] },
  { name: '--read-only', args: ['--read-only'] },
  // What comparing with the fake adds to the default run (issue 30): the same run, each request also
  // answered by the in-process fake and compared; the report's comparison.durationMs is its own share.
  { name: 'default run --compare-mock', args: [...fixtures, '--compare-mock'] },
] as const;

async function startMock(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [cli, 'mock', '--port', '0', '--json', ...credentials], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString().split('\n')[0]!) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the mock exited (${String(code)}) before it was ready`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function contractTimes(runs: number): Promise<{ text: string; figures: Record<string, { ms: number[]; requests: number; exitCodes: number[]; comparingMs: number[] }> }> {
  const mock = await startMock();
  const figures: Record<string, { ms: number[]; requests: number; exitCodes: number[]; comparingMs: number[] }> = {};
  try {
    for (const run of timedRuns) {
      const entry = { ms: [] as number[], requests: 0, exitCodes: [] as number[], comparingMs: [] as number[] };
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const child = spawnSync(process.execPath, [cli, 'contract', '--base-url', mock.url, ...credentials, ...run.args, '--reporter', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        entry.ms.push(performance.now() - started);
        entry.exitCodes.push(child.status ?? -1);
        const report = JSON.parse(child.stdout) as { requests: number; comparison?: { durationMs: number } };
        entry.requests = report.requests;
        if (report.comparison !== undefined) entry.comparingMs.push(report.comparison.durationMs);
      }
      figures[run.name] = entry;
    }
  } finally {
    mock.stop();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const lines = Object.entries(figures).map(
    ([name, { ms, requests, exitCodes, comparingMs }]) =>
      `${name}: ${seconds(Math.min(...ms))}–${seconds(Math.max(...ms))} s (median ${seconds(median(ms))} s, ${runs} runs), ${requests.toLocaleString('en-US')} requests, exit ${[...new Set(exitCodes)].join('/')}${comparingMs.length === 0 ? '' : `; comparing ${Math.min(...comparingMs)}–${Math.max(...comparingMs)} ms of it`}`,
  );
  return { text: lines.join('\n'), figures };
}
