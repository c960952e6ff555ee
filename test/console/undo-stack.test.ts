// The console's undo stack: bounded by count and by size, newest last.
import { describe, expect, it } from 'vitest';
import { pushSnapshot, type Snapshot } from '../../src/console/undo-stack.js';

const snapshot = (description: string, chars: number): Snapshot => ({ description, state: 'x'.repeat(chars), loaded: 'the default state (seed 1)', changes: 0 });

describe('undo stack', () => {
  it('keeps the newest snapshots up to the count, dropping the oldest', () => {
    let stack: Snapshot[] = [];
    for (let i = 0; i < 5; i += 1) stack = pushSnapshot(stack, snapshot(`change ${i}`, 10), { count: 3, chars: 1000 }).stack;
    expect(stack.map((s) => s.description)).toEqual(['change 2', 'change 3', 'change 4']);
  });

  it('drops the oldest until the size bound holds, and keeps no snapshot larger than the bound alone', () => {
    const limits = { count: 20, chars: 100 };
    let stack = pushSnapshot([], snapshot('a', 40), limits).stack;
    stack = pushSnapshot(stack, snapshot('b', 40), limits).stack;
    stack = pushSnapshot(stack, snapshot('c', 40), limits).stack;
    expect(stack.map((s) => s.description)).toEqual(['b', 'c']);
    const tooLarge = pushSnapshot(stack, snapshot('huge', 101), limits);
    expect(tooLarge.kept).toBe(false);
    expect(tooLarge.stack.map((s) => s.description)).toEqual(['b', 'c']);
    const exactly = pushSnapshot(stack, snapshot('whole', 100), limits);
    expect(exactly).toMatchObject({ kept: true, stack: [{ description: 'whole' }] });
  });
});
