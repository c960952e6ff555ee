// The seeder's requests in flight, chosen from the target's answer times: more while answers stay
// about as fast as the fastest seen, fewer when they slow, always within the bounds.
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit, nextLimit } from '../../contracts/concurrency-limit.js';

const bounds = { min: 2, max: 64 };

describe('nextLimit', () => {
  it('grows by the square root while answers stay within twice the fastest', () => {
    expect(nextLimit(16, 1, 1.5, bounds)).toBe(20);
    expect(nextLimit(16, 1, 2, bounds)).toBe(20);
  });

  it('shrinks with the slowdown past it, at most halving per window', () => {
    expect(nextLimit(16, 1, 4, bounds)).toBe(12);
    expect(nextLimit(16, 1, 100, bounds)).toBe(12);
    expect(nextLimit(40, 1, 2.5, bounds)).toBe(38);
  });

  it('stays within its bounds', () => {
    expect(nextLimit(64, 1, 1, bounds)).toBe(64);
    expect(nextLimit(2, 1, 100, bounds)).toBe(2);
  });
});

describe('createConcurrencyLimit', () => {
  it('lets no more than the limit through at once, and the next one in on each release', async () => {
    const limit = createConcurrencyLimit({ initial: 2, bounds: { min: 2, max: 2 }, adaptive: false });
    const started: number[] = [];
    const all = [1, 2, 3, 4].map(async (n) => {
      await limit.acquire();
      started.push(n);
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2]);
    limit.release(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    limit.release(1);
    limit.release(1);
    await Promise.all(all);
    expect(started).toEqual([1, 2, 3, 4]);
  });

  it('moves the limit once a window of answers is in: up while fast, down when slow', () => {
    const limit = createConcurrencyLimit({ initial: 16, bounds, adaptive: true });
    const window = (ms: number) => {
      for (let i = 0; i < Math.max(20, 2 * limit.limit); i++) {
        void limit.acquire();
        limit.release(ms);
      }
    };
    window(1);
    expect(limit.limit).toBe(20);
    window(10);
    expect(limit.limit).toBeLessThan(20);
    const fixed = createConcurrencyLimit({ initial: 8, bounds: { min: 8, max: 8 }, adaptive: false });
    for (let i = 0; i < 100; i++) fixed.release(i === 0 ? 1 : 50);
    expect(fixed.limit).toBe(8);
  });
});
