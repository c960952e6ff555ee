// The mock's process turns V8's allocation-site pretenuring off (src/cli/mock-command.ts): with a large
// state, the journal's few hundred requests made V8 allocate every request's objects in the old
// generation. Shown both ways on the shipped `large` scenario (100,000 records) under load, with V8's
// own trace of its pretenuring decisions: the same server started without the CLI decides to tenure,
// the CLI's process never does. The first half is the control: a V8 that stopped deciding it would fail here.
import { describe, expect, it } from 'vitest';
import { load } from '../../bench/load.js';
import '../helpers/cli-built.js';
import { cliArgs, startListening } from '../helpers/cli-process.js';

const collection = '/v2/tickets/used-diagnostic-equipment';

/**
 * Starts `node NODE_ARGS` with V8's pretenuring trace, loads one record for 3 s, stops it and returns
 * every decision V8 made to tenure a site. The whole run's: V8 prints through C's stdio, buffered in a
 * pipe and flushed at exit, so its lines cannot be placed before or after the listening line.
 */
async function tenureDecisions(nodeArgs: string[]): Promise<string[]> {
  const started = await startListening(['--trace-pretenuring-statistics', ...nodeArgs]);
  try {
    const page = (await (await fetch(`${started.url}${collection}?limit=1&offset=50000`)).json()) as { result: Array<{ ticket_id: string; diagnostic_equipment_id: number }> };
    const record = page.result[0]!;
    const result = await load(started.url, { requests: [{ method: 'GET', path: `${collection}/${record.ticket_id}/${record.diagnostic_equipment_id}` }] }, { connections: 20, durationSeconds: 3 });
    expect(result.requests).toBeGreaterThan(1000);
    expect(result.non2xx).toBe(0);
  } finally {
    started.child.kill();
    await started.closed;
  }
  return started.output().split('\n').filter((line) => line.includes('pretenuring') && line.includes('=> tenure'));
}

describe('the mock under load with a large state', () => {
  it('would have V8 pretenure its request path, started without the CLI (the control)', async () => {
    const script = `
      import { createMock, startHttpServer, loadScenario } from './dist/src/index.js';
      const scenario = loadScenario('large');
      const server = await startHttpServer(createMock({ state: scenario.state, auth: { mode: 'off' } }), { port: 0 });
      process.once('SIGTERM', () => process.exit(0));
      console.log('listening on ' + server.url);`;
    expect(await tenureDecisions(['--input-type=module', '-e', script])).not.toEqual([]);
  });

  it('does not, started by the CLI', async () => {
    expect(await tenureDecisions([...cliArgs, 'mock', '--port', '0', '--scenario', 'large', '--auth', 'off'])).toEqual([]);
  });
});
