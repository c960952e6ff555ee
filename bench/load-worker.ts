// The load generator, in a process of its own so that it never shares an event loop (or a pipe to
// drain) with what it measures: `node --import tsx bench/load-worker.ts '<json>'` runs autocannon once
// and prints its result as one JSON line.
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult } from './load.js';
import { requestsOf } from './requests.js';

const { url, plan, connections, durationSeconds, headers } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  plan: LoadPlan;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
};

const result = await autocannon({ url, connections, duration: durationSeconds, headers, requests: requestsOf(plan) as never });
const out: LoadResult = {
  requestsPerSecond: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
