// Politeness towards a shared deployment: a throttled answer (429, or 503 with Retry-After, as gateways
// send them) is waited out and the request sent again, within one budget for the whole run; --rate
// spaces the requests. A throttled answer says nothing about the API, so no check ever judges one: the
// client sends again, or marks the exchange throttled and the run stops with exit 2.

/** Wait budget for the whole run when --max-wait is not given. */
export const defaultMaxWaitMs = 30_000;
/** Back-off when a throttled answer names no Retry-After: 0.5 s, doubling, at most this. */
const maxBackOffMs = 8_000;
/**
 * The least a throttled answer costs the budget, whatever its Retry-After says: with `Retry-After: 0` on
 * every answer the budget would otherwise never run out, and the run never end (30 s: 600 retries at most).
 */
export const minThrottleWaitMs = 50;

export interface ThrottleOptions {
  /** All the waiting the run may do, in milliseconds. */
  maxWaitMs: number;
  /** Requests a second at most (undefined: as fast as answers come). */
  rate?: number | undefined;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Whether an answer is the deployment (or a gateway in front of it) asking the client to slow down. */
export function isThrottled(status: number, headers: Record<string, string>): boolean {
  return status === 429 || (status === 503 && headers['retry-after'] !== undefined);
}

/** Retry-After (RFC 9110 §10.2.3) in milliseconds from now: delay-seconds or an HTTP-date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date (IMF-fixdate, or the obsolete RFC 850 and asctime forms) opens with the day's name.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function createThrottle(options: ThrottleOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const interval = options.rate === undefined ? 0 : 1000 / options.rate;
  let nextStart = 0;
  const spent = { answers: 0, waitedMs: 0 };
  return {
    spent,
    /** Waits until the next request may start under --rate. */
    async pace(): Promise<void> {
      if (interval === 0) return;
      const at = now();
      const start = Math.max(at, nextStart);
      nextStart = start + interval;
      if (start > at) await sleep(start - at);
    },
    /**
     * After a throttled answer: waits as asked (or backs off) and returns true to send again; false
     * when the wait would go past what is left of the budget.
     */
    async waitOut(headers: Record<string, string>, attempt: number): Promise<boolean> {
      spent.answers++;
      const asked = Math.max(minThrottleWaitMs, retryAfterMs(headers['retry-after'], now()) ?? Math.min(maxBackOffMs, 500 * 2 ** attempt));
      if (spent.waitedMs + asked > options.maxWaitMs) return false;
      spent.waitedMs += asked;
      await sleep(asked);
      return true;
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
