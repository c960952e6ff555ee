// How many requests the seeder keeps in flight, chosen from the target's answer times rather than
// guessed: a gradient limit in the manner of Netflix's concurrency-limits (Gradient2). While answers
// come about as fast as the fastest seen, the target has room: the limit grows by its square root each
// window. When they slow past `tolerance` times that, the target (or the machine) is queueing: the limit
// shrinks in proportion. Bounded both ways: at least `min`, and never more than `max` (politeness
// towards a shared deployment). A fixed --concurrency bypasses it.

export interface LimitBounds {
  min: number;
  max: number;
}

/** Answers slower than this many times the fastest seen mean the target is queueing. */
export const tolerance = 2;

/** The next limit after a window whose median answer took `windowMs`, the fastest answer so far `fastestMs`. */
export function nextLimit(limit: number, fastestMs: number, windowMs: number, bounds: LimitBounds): number {
  // Past the tolerance the limit shrinks with the slowdown, at most halved per window; within it, it grows.
  const gradient = Math.max(0.5, Math.min(1, (tolerance * fastestMs) / Math.max(windowMs, 1e-3)));
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(limit * gradient + Math.sqrt(limit))));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A gate of `limit` requests in flight, the limit moved by nextLimit each window of answers. */
export function createConcurrencyLimit(options: { initial: number; bounds: LimitBounds; adaptive: boolean }) {
  let limit = Math.min(options.bounds.max, Math.max(options.bounds.min, options.initial));
  let inFlight = 0;
  let fastestMs = Number.POSITIVE_INFINITY;
  let window: number[] = [];
  const waiting: Array<() => void> = [];
  const wake = () => {
    while (inFlight < limit && waiting.length > 0) {
      inFlight++;
      waiting.shift()!();
    }
  };
  return {
    get limit() {
      return limit;
    },
    /** Resolves when a request may start. */
    acquire(): Promise<void> {
      if (inFlight < limit && waiting.length === 0) {
        inFlight++;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    /** A request ended; `answerMs` is how long its answer took (undefined: no answer, not counted). */
    release(answerMs: number | undefined): void {
      inFlight--;
      if (options.adaptive && answerMs !== undefined) {
        fastestMs = Math.min(fastestMs, answerMs);
        window.push(answerMs);
        // A window of a few answers per slot: enough to judge by, short enough to follow the target.
        if (window.length >= Math.max(20, 2 * limit)) {
          limit = nextLimit(limit, fastestMs, median(window), options.bounds);
          window = [];
        }
      }
      wake();
    },
  };
}
