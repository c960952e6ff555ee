// The servers under test, each in its own process so none shares the load generator's event loop:
// the kit through its compiled CLI (as users run it), Prism's mock, and the plain node:http ceiling.
// Each one's output goes to a log file (see start).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Started {
  url: string;
  /** From spawn to the first answered request. */
  startMs: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const credentials = { authorization: 'Bearer bench-token', 'x-api-key': 'bench-key' };

/**
 * Starts a server with its output going to a log file, not a pipe: a pipe is drained by this process,
 * and Prism logs a line per request, so draining it would steal time from the load it measures.
 */
async function start(command: string[], urlPattern: RegExp, probePath: string, timeoutMs: number): Promise<Started> {
  const started = performance.now();
  const logFile = join(mkdtempSync(join(tmpdir(), 'ude-kit-bench-log-')), 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, command, { stdio: ['ignore', log, log] });
  closeSync(log);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = await (async () => {
    for (const deadline = performance.now() + timeoutMs; ; ) {
      const output = readFileSync(logFile, 'utf8');
      const found = urlPattern.exec(output)?.[1];
      if (found !== undefined) return found;
      if (exited !== undefined) throw new Error(`${command.join(' ')} exited (${exited}):\n${output}`);
      if (performance.now() > deadline) throw new Error(`${command.join(' ')} did not start within ${timeoutMs} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  for (;;) {
    try {
      const response = await fetch(`${url}${probePath}`, { headers: credentials });
      await response.arrayBuffer();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const startMs = performance.now() - started;
  return {
    url,
    startMs,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const startKit = (scenarioFile: string, probePath: string, extra: string[] = []) =>
  start([here('../dist/src/cli/main.js'), 'mock', '--port', '0', '--scenario', scenarioFile, ...extra], /listening on (http:\/\/\S+)/, probePath, 120_000);

export const startPrism = (probePath: string) =>
  start(
    [here('../node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', here('../openapi/used-diagnostic-equipment.yaml'), '--port', String(4300 + Math.floor(Math.random() * 600)), '--host', '127.0.0.1'],
    /Prism is listening on (http:\/\/\S+)/,
    probePath,
    60_000,
  );

export const startCeiling = (bodiesFile: string) => start([here('./ceiling-server.mjs'), bodiesFile], /listening on (http:\/\/\S+)/, '/', 10_000);
