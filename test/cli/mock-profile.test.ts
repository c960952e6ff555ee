// `ude-kit mock --profile FILE` as a user runs it: a good profile changes the answers, a bad one is one
// line naming the file and the path in it, exit 2, before anything listens.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedTicketId } from '../../mocks/state/default-state.js';
import { cliArgs as cli, root, startMockCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const folder = mkdtempSync(join(tmpdir(), 'ude-kit-profile-'));
const fileWith = (name: string, text: string) => {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
};
const run = (args: string[]) => spawnSync(process.execPath, [...cli, ...args], { cwd: root, encoding: 'utf8', timeout: 15_000 });
const headers = { authorization: 'Bearer t', 'x-api-key': 'k', 'content-type': 'application/json' };

describe('ude-kit mock --profile', () => {
  it("answers with the profile's choices", async () => {
    const file = fileWith('rule.json', JSON.stringify({ version: 1, refusals: { 'ticket-not-in-progress': { status: 422, title: 'Ticket is closed' } } }));
    const { url } = await startMockCli(['--port', '0', '--profile', file], children);
    const reply = await fetch(`${url}/v2/tickets/used-diagnostic-equipment`, { method: 'POST', headers, body: JSON.stringify({ ticket_id: closedTicketId, diagnostic_equipment_id: 12 }) });
    expect(reply.status).toBe(422);
    expect(await reply.json()).toMatchObject({ type: '/problems/ticket-not-in-progress', title: 'Ticket is closed', status: 422 });
  });

  it.each([
    ['a path in it', 'bad.json', JSON.stringify({ version: 1, refusals: { 'ticket-not-found': { status: 200 } } }), /bad\.json: \/refusals\/ticket-not-found\/status must be an error status/],
    ['not JSON', 'text.json', 'version: 1', /text\.json: not JSON/],
    // Where an editor shows it, whatever Node's own message says (Node 20 gives only a position).
    ['a trailing comma', 'comma.json', '{\n  "version": 1,\n}\n', /comma\.json: not JSON \(.*\bline 3\b.*column 1\b.*\)/],
    ['too large', 'large.json', `{"version":1,"description":"${'x'.repeat(70_000)}"}`, /large\.json: 70,0\d\d bytes, more than a profile's 65,536/],
  ])('refuses a profile with %s: one line, exit 2', (_name, name, text, message) => {
    const result = run(['mock', '--port', '0', '--profile', fileWith(name, text)]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a profile it cannot read: one line, exit 2', () => {
    const result = run(['mock', '--port', '0', '--profile', join(folder, 'missing.json')]);
    expect([result.status, result.stderr.trimEnd()]).toEqual([2, expect.stringMatching(/missing\.json: cannot read it \(ENOENT\)$/)]);
  });
});
