// `npm run bench -- --soak 60`: steady mixed load on the kit's mock for a while; counts every status,
// and compares the server's memory before and after (its journal is bounded; nothing else may grow).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { LoadPlan } from './load.js';
import { requestsOf } from './requests.js';
import { credentials, startKit } from './servers.js';
import { exampleTicketId, throughputScenario } from './states.js';

function memoryOf(pid: number): { rssKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rssKiB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

async function run(url: string, requests: unknown[], connections: number, duration: number) {
  return autocannon({ url, connections, duration, headers: { ...credentials, 'content-type': 'application/json' }, requests: requests as never });
}

export async function soak(seconds: number, options: { connections: number; plans: LoadPlan[] }) {
  const requests = options.plans.flatMap(requestsOf);
  const kit = await startKit(throughputScenario(), `/v2/tickets/used-diagnostic-equipment/${exampleTicketId}/12`);
  try {
    const pid = kit.child.pid!;
    // Warm up first, so the JIT and the journal's ring are at their steady size before "before".
    await run(kit.url, requests, options.connections, 3);
    const before = memoryOf(pid);
    const result = await run(kit.url, requests, options.connections, seconds);
    const after = memoryOf(pid);
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count]));
    const serverErrors = Object.entries(statuses).filter(([code]) => Number(code) >= 500).reduce((sum, [, n]) => sum + n, 0);
    const figures = {
      seconds,
      connections: options.connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      statuses,
      serverErrors,
      transportErrors: result.errors + result.timeouts,
      rssBeforeKiB: before.rssKiB,
      rssAfterKiB: after.rssKiB,
      rssGrowthKiB: after.rssKiB - before.rssKiB,
    };
    const text = [
      `soak: ${seconds} s, ${options.connections} connections, mixed GET one / list / list by ticket / POST+DELETE`,
      `requests ${figures.requests.toLocaleString('en-US')} (${Math.round(figures.requestsPerSecond).toLocaleString('en-US')}/s), statuses ${JSON.stringify(statuses)}, 5xx ${serverErrors}, transport errors ${figures.transportErrors}`,
      `server RSS ${before.rssKiB.toLocaleString('en-US')} KiB → ${after.rssKiB.toLocaleString('en-US')} KiB (${figures.rssGrowthKiB >= 0 ? '+' : ''}${figures.rssGrowthKiB.toLocaleString('en-US')} KiB)`,
    ].join('\n');
    return { figures, text };
  } finally {
    await kit.stop();
  }
}
