// Prism as an independent validator: a target runs behind `prism proxy <spec> <target> --errors`,
// the contract suite drives it with valid requests only (Prism answers invalid ones itself, with 422),
// and every violation Prism reports, in its answers or its log, counts against the run.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { runContract, type ContractOptions, type ContractReport } from '../runner.js';

/**
 * The checks whose requests are all valid and credentialed, so Prism forwards every one of them. Not
 * positive_data_acceptance: Prism 5.14 refuses `offset=9223372036854775807`, the int64 maximum the
 * document allows (it reads the value as a double, 2^63, past the maximum), with a 422 of its own.
 */
export const validTrafficChecks = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'problem_status_conformance',
  'pagination_defaults',
  'pagination_limit_offset',
  'pagination_limit_zero',
  'pagination_past_end',
  'ticket_filter',
  'ensure_resource_availability',
  'duplicate_add_refused',
  'use_after_free',
  'in_progress_rule_add',
  'in_progress_rule_remove',
];

export interface PrismRun {
  report: ContractReport;
  /** Violations Prism reported: its log lines and its VIOLATIONS answers. */
  violations: string[];
  prismUrl: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const specPath = fileURLToPath(new URL('../../openapi/used-diagnostic-equipment.yaml', import.meta.url));
const prismBin = fileURLToPath(new URL('../../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));

export async function runThroughPrism(targetUrl: string, options: Omit<ContractOptions, 'baseUrl' | 'only'>, startTimeoutMs = 30_000): Promise<PrismRun> {
  const port = await freePort();
  const prism = spawn(process.execPath, [prismBin, 'proxy', specPath, targetUrl, '--errors', '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  prism.stdout.on('data', (d: Buffer) => (log += d.toString()));
  prism.stderr.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`prism proxy did not start within ${startTimeoutMs} ms:\n${log}`)), startTimeoutMs);
      const poll = setInterval(() => {
        if (log.includes('Prism is listening')) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        }
      }, 50);
      prism.on('exit', (code) => {
        clearTimeout(timer);
        clearInterval(poll);
        reject(new Error(`prism proxy exited (${code}):\n${log}`));
      });
    });
    const prismUrl = `http://127.0.0.1:${port}`;
    const report = await runContract({ ...options, baseUrl: prismUrl, only: validTrafficChecks });
    const fromLog = log.split('\n').filter((line) => /✖|VIOLATIONS|\bviolation/i.test(line));
    const fromAnswers = report.findings.filter((f) => JSON.stringify(f.actual).includes('VIOLATIONS')).map((f) => `${f.request.method} ${f.request.target}: ${f.message}`);
    return { report, violations: [...fromLog, ...fromAnswers], prismUrl };
  } finally {
    prism.removeAllListeners('exit');
    prism.kill('SIGTERM');
  }
}
