// One load run: autocannon, programmatically, with the same connections and duration for every target.
import autocannon from 'autocannon';
import { credentials } from './servers.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export type LoadRequest = {
  method: string;
  path: string;
  body?: string;
  /** autocannon's hook; `context` belongs to one connection and lives through one cycle of requests. */
  setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
};

export async function load(url: string, requests: LoadRequest[], options: { connections: number; durationSeconds: number }): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { ...credentials, 'content-type': 'application/json' },
    requests: requests as never,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
