// The journal's search and copy-as-curl: a request is found by any of its parts, and the command
// sends it again, with credentials read from shell variables (never the redacted placeholder).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../mocks/core/journal.js';
import { curlOf, matches, noFilter } from '../../src/console/journal-tools.js';

const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const entry = (over: Partial<JournalEntry>): JournalEntry => ({ id: 1, time: '2026-12-05T00:00:00.000Z', method: 'GET', path: '/v2/tickets/used-diagnostic-equipment', query: '', headers: {}, status: 200, ...over });
const list = entry({ id: 1, query: `ticket_id=${ticket}`, operation: 'listUsedDiagnosticEquipment' });
const add = entry({ id: 2, method: 'POST', status: 409, body: JSON.stringify({ ticket_id: ticket.toUpperCase(), diagnostic_equipment_id: 38 }), operation: 'addUsedDiagnosticEquipment' });
const other = entry({ id: 3, path: `/v2/tickets/used-diagnostic-equipment/c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11/3`, status: 404 });
const patch = entry({ id: 4, method: 'PATCH', path: `/__admin/tickets/${ticket}`, admin: true, body: '{"status":"Open"}' });
const all = [list, add, other, patch];
const found = (filter: Partial<typeof noFilter>) => all.filter((e) => matches(e, { ...noFilter, ...filter })).map((e) => e.id);

describe('journal search', () => {
  it('finds a ticket in the query, the body (any case) and the path', () => {
    expect(found({ ticket: '595BE628' })).toEqual([1, 2, 4]);
    expect(found({ ticket: 'c105ed00' })).toEqual([3]);
  });

  it('searches by text, path and status (exact or a class), and hides admin actions on demand', () => {
    expect(found({ text: 'diagnostic_equipment_id": 38' })).toEqual([]);
    expect(found({ text: 'diagnostic_equipment_id":38' })).toEqual([2]);
    expect(found({ text: 'addUsed' })).toEqual([2]);
    expect(found({ path: '/__admin' })).toEqual([4]);
    expect(found({ status: '4xx' })).toEqual([2, 3]);
    expect(found({ status: '409' })).toEqual([2]);
    expect(found({ admin: false })).toEqual([1, 2, 3]);
    expect(found({ method: 'PATCH' })).toEqual([4]);
    expect(found({ operation: 'listUsedDiagnosticEquipment' })).toEqual([1]);
  });
});

describe('copy as curl', () => {
  it('quotes for the shell and reads redacted credentials from variables', () => {
    const command = curlOf(
      { ...add, body: `{"name":"it's"}`, headers: { host: 'localhost:1', authorization: '[redacted]', 'x-api-key': '[redacted]', 'content-type': 'application/json', 'content-length': '15' } },
      'http://127.0.0.1:4010',
    );
    expect(command).toBe(
      `curl -X POST 'http://127.0.0.1:4010/v2/tickets/used-diagnostic-equipment' -H "authorization: $AUTHORIZATION" -H "x-api-key: $X_API_KEY" -H 'content-type: application/json' --data-raw '{"name":"it'\\''s"}'`,
    );
    // What bash makes of it: the same arguments curl would get, the variables filled in.
    const args = execFileSync('bash', ['-c', `printf '%s\\n' ${command.slice('curl '.length)}`], { env: { AUTHORIZATION: 'Bearer mine', X_API_KEY: 'k' }, encoding: 'utf8' }).trim().split('\n');
    expect(args).toEqual(['-X', 'POST', 'http://127.0.0.1:4010/v2/tickets/used-diagnostic-equipment', '-H', 'authorization: Bearer mine', '-H', 'x-api-key: k', '-H', 'content-type: application/json', '--data-raw', `{"name":"it's"}`]);
    expect(curlOf(list, 'http://h')).toBe(`curl 'http://h/v2/tickets/used-diagnostic-equipment?ticket_id=${ticket}'`);
  });
});
