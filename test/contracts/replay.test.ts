// Issue 30, point 3: `contract --replay FILE.har` sends a recorded session again and compares each
// answer with the recorded one (and judges it against the document). Against a deployment in the
// recorded state it finds nothing; against one that chooses otherwise it names that choice; writes are
// replayed only on the write fixtures, and leave the deployment as it was.
import { describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import { runReplay, type ReplayOptions } from '../../contracts/replay/replay-run.js';
import { choosingDeployments } from './choosing-deployments.js';
import { selfTestCredentials } from './contract-fixtures.js';
import { recordSession, saved, served, stateOf } from './replay-session.js';

const options = (file: string, baseUrl: string, more: Partial<ReplayOptions> = {}): ReplayOptions => ({ file, baseUrl, credentials: selfTestCredentials, timeoutMs: 5_000, ...more });
const kindsOf = (report: Awaited<ReturnType<typeof runReplay>>) => [...new Set(report.comparison!.differences.map((d) => d.kind))].sort();
const otherTicket = '3d88d149-f80c-43c6-8db8-201013b801f9';

describe('contract --replay', () => {
  it('finds no difference replaying the reads on a deployment in the recorded state, and says what it left out', async () => {
    const file = await saved('session.har', await recordSession());
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runReplay(options(file, url)));
    expect(report.comparison).toMatchObject({ against: 'recording', differences: [], omitted: 0 });
    expect(report.findings).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.har).toMatchObject({ read: 12, checked: 8, notChecked: ['4 × a write, not replayed (pass --replay-writes with --ticket and --equipment)'] });
    // The read of the record the session added, and the ticket's list after its writes, cannot match without them.
    expect(report.comparison!.compared).toBe(5);
    expect(report.comparison!.notes).toEqual([expect.stringMatching(/^3 × a read after a recorded write that was not replayed/)]);
  });

  // 422 for the rule shows only on a write to a ticket that is not In Progress: a replay on --ticket
  // does not send the recorded refusals of the rule (see the writes below).
  it.each(choosingDeployments.filter((d) => d.differs !== 'status'))('names the choice of a deployment with $name, and the verdict stays clean', async ({ apply, differs }) => {
    const file = await saved('session.har', await recordSession());
    const report = await served(apply(createMock({ auth: selfTestCredentials })), (url) => runReplay(options(file, url, { failOnDifference: true })));
    expect(kindsOf(report)).toEqual(expect.arrayContaining(differs.split(', ')));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // --fail-on-difference makes a difference a failure.
    expect(report.exitCode).toBe(1);
    const difference = report.comparison!.differences.find((d) => d.kind === differs.split(', ')[0])!;
    expect(difference.message).not.toContain('the fake');
    expect(difference.deployment.curl).toContain(report.baseUrl);
  });

  it('replays the writes on the fixtures with --replay-writes, compares them on the rewritten ids, and leaves the deployment as it was', async () => {
    const file = await saved('session.har', await recordSession());
    const sent: string[] = [];
    const spy: typeof fetch = (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${String(input)} ${typeof init?.body === 'string' ? init.body : ''}`);
      return fetch(input, init);
    };
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const before = await stateOf(url);
      const report = await runReplay(options(file, url, { fetch: spy, writes: { ticket: otherTicket, equipment: [39] } }));
      expect(await stateOf(url)).toEqual(before);
      expect(report.reason).toBeUndefined();
      // Only the fixtures were written: the recorded ticket and catalogue id never left the recording.
      const writes = sent.filter((line) => !line.startsWith('GET'));
      expect(writes.length).toBeGreaterThan(0);
      for (const line of writes) expect(line).not.toMatch(new RegExp(`${exampleTicketId}|\\b40\\b`, 'i'));
      expect(sent.join('\n')).toContain(`DELETE ${url}/v2/tickets/used-diagnostic-equipment/${otherTicket}/39`);
      // The add and the read of what it added compare clean on the fixtures: the ids were rewritten in the recorded answers too.
      const entries = report.comparison!.differences.map((d) => `${d.kind} ${d.request.method} ${d.request.target}`);
      expect(entries.filter((line) => line.includes('/39') || line.startsWith('status POST'))).toEqual([]);
      // The add, the read of what it added, the list of every ticket after it (the recorded rows moved onto
      // the fixtures too), the bad add and the remove; and the list read first.
      expect(report.comparison).toMatchObject({ compared: 6, differences: [] });
      expect(report.har!.notChecked).toEqual([
        '3 × a read of a record the replayed writes did not make, not replayed (on --ticket it would be another record)',
        '1 × a write the recording shows refused for what its ticket held (409), not replayed (--ticket is In Progress and holds other records)',
      ]);
    });
  });

  it('does not compare the catalogue words of a record moved onto another --equipment id (its name and version are that id’s)', async () => {
    const file = await saved('session-moved.har', await recordSession());
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      // The session added 40 (no version); 5 has one: the moved record's members differ for that alone.
      const state = (await stateOf(url)) as { catalog: Array<{ diagnostic_equipment_id: number; version: string | null }> };
      expect(state.catalog.find((c) => c.diagnostic_equipment_id === 40)?.version).toBeNull();
      expect(state.catalog.find((c) => c.diagnostic_equipment_id === 5)?.version).not.toBeNull();
      const report = await runReplay(options(file, url, { writes: { ticket: otherTicket, equipment: [5] } }));
      expect(report.comparison).toMatchObject({ compared: 6, differences: [] });
    });
  });

  it('removes what the replay added when the recording does not, and never replays a remove of a record it did not add', async () => {
    const har = await recordSession();
    const remove = har.log.entries.find((e) => e.request.method === 'DELETE')!;
    // The session removes a record that was there before it, not the one it added.
    remove.request.url = remove.request.url.replace(/\/40$/, '/12');
    const file = await saved('no-undo.har', har);
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const before = await stateOf(url);
      const report = await runReplay(options(file, url, { writes: { ticket: otherTicket, equipment: [39, 38] } }));
      expect(await stateOf(url)).toEqual(before);
      expect(report.har!.notChecked).toEqual(expect.arrayContaining(['1 × a remove of a record the replay did not add, not replayed (--replay-writes removes only what it added)']));
      expect(report.findings).toEqual([]);
    });
  });

  it('with --fail-on-difference, exits 2 when no answer could be compared at all', async () => {
    const har = await recordSession();
    const add = har.log.entries.findIndex((e) => e.request.method === 'POST');
    // The add, and the read of what it added: that read cannot match without the add.
    har.log.entries = har.log.entries.slice(add, add + 2);
    const file = await saved('uncomparable.har', har);
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const lenient = await runReplay(options(file, url));
      expect(lenient).toMatchObject({ exitCode: 0, comparison: { compared: 0 } });
      expect(lenient.comparison!.notCompared).toMatch(/^no answer could be compared with its recording: 1 × a read after a recorded write/);
      const strict = await runReplay(options(file, url, { failOnDifference: true }));
      expect(strict.exitCode).toBe(2);
      expect(strict.reason).toMatch(/^--fail-on-difference: the deployment could not be compared with the recording/);
    });
  });

  it('refuses to replay writes on fixtures the deployment will not take, before replaying anything', async () => {
    const file = await saved('session.har', await recordSession());
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runReplay(options(file, url, { writes: { ticket: '00000000-0000-4000-8000-000000000001', equipment: [39] } })));
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/^the fixtures cannot be used for --replay-writes: /);
    expect(report.har).toMatchObject({ checked: 0 });
  });

  it('stops before replaying anything when the credentials are refused, or the base URL holds the API’s path', async () => {
    const file = await saved('session.har', await recordSession());
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const refused = await runReplay(options(file, url, { credentials: { apiKey: 'wrong', token: 'wrong' } }));
      expect(refused).toMatchObject({ exitCode: 2, requests: 1 });
      expect(refused.reason).toMatch(/refused the credentials .* before anything was replayed/);
      const doubled = await runReplay(options(file, `${url}/v2`));
      expect(doubled.reason).toMatch(/--base-url already ends with \/v2, which the replay adds itself/);
    });
    const unreachable = await runReplay(options(file, 'http://127.0.0.1:9'));
    expect(unreachable.reason).toMatch(/^could not reach/);
  });
});
