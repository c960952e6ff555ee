// The servers under test, each in its own process so none shares the load generator's event loop:
// the kit through its compiled CLI (as users run it), Prism's mock, and the plain node:http ceiling.
import { spawn, type ChildProcess } from 'node:child_process';
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

async function start(command: string[], urlPattern: RegExp, probePath: string, timeoutMs: number): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, command, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command.join(' ')} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (data: Buffer) => {
      output += data.toString();
      const found = urlPattern.exec(output)?.[1];
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command.join(' ')} exited (${code}):\n${output}`));
    });
  });
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
  child.removeAllListeners('exit');
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
