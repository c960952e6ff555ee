// The seeding progress: a bar with rate and ETA on a terminal, plain periodic lines in a log, and
// problem lines that never tear the bar.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createProgress', () => {
  it('prints a plain line now and then when not on a terminal, with count, share, rate and time left', async () => {
    const lines: string[] = [];
    const progress = createProgress({ total: 200, unit: 'records', tty: false, everyMs: 15, write: (text) => lines.push(text) });
    progress.update(50);
    await sleep(60);
    progress.log('refused: 409 Ticket not in progress (first: t / 1)');
    progress.stop();
    const count = lines.length;
    await sleep(40);
    expect(lines.length).toBe(count);
    const periodic = lines.filter((l) => !l.startsWith('refused'));
    expect(periodic.length).toBeGreaterThanOrEqual(2);
    for (const line of periodic) expect(line).toMatch(/^50 of 200 records \(25%\), [\d,]+ records\/s, (\d+ s|\d+ min \d+ s) left\n$/);
    expect(lines).toContain('refused: 409 Ticket not in progress (first: t / 1)\n');
  });

  it('prints only the logged lines when periodic lines are off (--json on a pipe)', async () => {
    const lines: string[] = [];
    const progress = createProgress({ total: 10, unit: 'records', tty: false, periodic: false, everyMs: 5, write: (text) => lines.push(text) });
    progress.update(5);
    await sleep(30);
    progress.log('a problem');
    progress.stop();
    expect(lines).toEqual(['a problem\n']);
  });

  it('draws a bar with the count, the rate and an ETA on a terminal', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
    let drawn = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const progress = createProgress({ total: 2000, unit: 'records', tty: true, stream });
    progress.update(1000);
    await sleep(250);
    progress.stop();
    expect(drawn).toMatch(/1,000\/2,000 records \| [\d,]+ records\/s \| ETA /);
    expect(drawn).toContain('50%');
  });
});
