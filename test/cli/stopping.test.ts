// The standalone mock's stop: on SIGINT or SIGTERM it stops accepting, lets a request in flight
// finish, then exits 0. (A child process each: kept out of mutation runs.)
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { collection, exampleTicket } from '../helpers/behaviour.js';
import { startMockCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const one = (id: number) => `${collection}/${exampleTicket}/${id}`;

describe('stopping', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('on %s, stops accepting, lets a request in flight finish, then exits 0', async (signal) => {
    const { child, url, exited } = await startMockCli(['--port', '0', '--delay', '700'], children);
    const inFlight = fetch(`${url}${one(12)}`, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill(signal);
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ diagnostic_equipment_id: 12 });
    expect(await exited).toBe(0);
    await expect(fetch(`${url}${one(12)}`)).rejects.toThrow();
  });
});