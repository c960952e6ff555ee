// One load run: autocannon in its own process (load-worker.ts), after an optional warm-up, with the
// server's CPU time over the measured part read from /proc (steadier than requests per second).
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { credentials } from './servers.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** The server's CPU time (user + system, its child processes included) per request, in µs. */
  cpuMicrosPerRequest?: number;
}

/** What to send: fixed requests, or the write mix (add then remove, a pool of ids per connection). */
export type LoadPlan =
  | { requests: Array<{ method: string; path: string }> }
  | { writeMix: { collection: string; ticketId: string; first: number; size: number } };

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** A run first whose figures are dropped: the JIT, caches and connections settle. */
  warmupSeconds?: number;
  /** The server's pid, to read its CPU time. */
  serverPid?: number;
  /** Called after the warm-up and after the measured run: the write mix puts back what a cut cycle left. */
  settle?: () => Promise<void>;
}

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
const ticksPerSecond = 100; // USER_HZ on Linux; /proc/PID/stat counts in these

/** utime + stime of a process and its children (Prism runs a child), in ticks; undefined off Linux. */
function cpuTicks(pid: number): number | undefined {
  const ticksOf = (p: number) => {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ": state is field 0 here; utime and stime are fields 11 and 12.
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  };
  try {
    let total = ticksOf(pid).ticks;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === pid) continue;
      try {
        const other = ticksOf(Number(entry));
        if (other.ppid === pid) total += other.ticks;
      } catch {
        // a process that ended meanwhile
      }
    }
    return total;
  } catch {
    return undefined;
  }
}

function run(url: string, plan: LoadPlan, connections: number, durationSeconds: number): Promise<LoadResult> {
  const args = JSON.stringify({ url, plan, connections, durationSeconds, headers: { ...credentials, 'content-type': 'application/json' } });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', worker, args], { encoding: 'utf8', maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) return reject(new Error(`load worker failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult);
    });
  });
}

export async function load(url: string, plan: LoadPlan, options: LoadOptions): Promise<LoadResult> {
  if ((options.warmupSeconds ?? 0) > 0) {
    await run(url, plan, options.connections, options.warmupSeconds!);
    await options.settle?.();
  }
  const before = options.serverPid === undefined ? undefined : cpuTicks(options.serverPid);
  const result = await run(url, plan, options.connections, options.durationSeconds);
  const after = options.serverPid === undefined ? undefined : cpuTicks(options.serverPid);
  await options.settle?.();
  if (before === undefined || after === undefined || result.requests === 0) return result;
  return { ...result, cpuMicrosPerRequest: Math.round((((after - before) / ticksPerSecond) * 1e6) / result.requests) };
}
