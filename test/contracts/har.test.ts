// Recorded traffic checked against the document: a HAR saved from the mock is clean; the same HAR with
// one answer edited is reported at that entry; a drifted deployment's HAR is reported; files that are not
// HAR, cut short or odd in places are said so, never a crash; credentials in the recording never reach a
// report.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHarContract } from '../../contracts/har/har-run.js';
import type { Har } from '../../mocks/core/har.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { cliArgs, root } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
import { mutants } from './mutants.js';

const collection = '/v2/tickets/used-diagnostic-equipment';
const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const auth = { authorization: 'Bearer har-secret-token-123', 'x-api-key': 'har-secret-key-456', cookie: 'sid=har-secret-cookie-789', host: 'localhost:4010' };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ude-kit-har-'));
});

/** A session against a mock, saved as HAR by the mock itself. */
function session(mock: Mock): Har {
  const send = (method: string, target: string, body?: unknown) => {
    const [path, query = ''] = target.split('?');
    mock.handle({ method, path: path!, query: new URLSearchParams(query), headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body)) });
  };
  send('GET', `${collection}?limit=3`);
  send('GET', `${collection}?ticket_id=${ticket}&limit=5&offset=2`);
  send('GET', `${collection}/${ticket}/12`);
  send('POST', collection, { ticket_id: ticket, diagnostic_equipment_id: 40 });
  send('DELETE', `${collection}/${ticket}/40`);
  send('GET', `${collection}/${ticket}/40`);
  return mock.requests({ format: 'har' });
}

async function save(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('contract --har', () => {
  it('finds nothing in a HAR the mock recorded', async () => {
    const report = await runHarContract({ files: [await save('clean.har', session(createMock()))] });
    expect(report.findings).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.har).toMatchObject({ read: 6, checked: 6, notChecked: [], problems: [] });
  });

  it('points at the entry of an answer edited after the recording', async () => {
    const har = session(createMock());
    const entry = har.log.entries[2]!;
    entry.response.content.text = JSON.stringify({ ...(JSON.parse(entry.response.content.text!) as object), version: '' });
    const file = await save('edited.har', har);
    const report = await runHarContract({ files: [file] });
    expect(report.exitCode).toBe(1);
    expect(report.findings).toMatchObject([{ check: 'response_schema_conformance', pointer: '/version', message: expect.stringContaining(`entry 2 of ${file} (${entry.startedDateTime})`) as string }]);
  });

  it('reports a drifted deployment’s traffic, and a success without credentials or to a forbidden request', async () => {
    const drifted = mutants.find((m) => m.name === 'total one more than the rows')!.apply(createMock({ auth: { mode: 'off' } }));
    const har = session(drifted);
    const lenient = createMock({ auth: { mode: 'off' } });
    lenient.handle({ method: 'GET', path: collection, query: new URLSearchParams('limit=1001'), headers: { host: 'localhost' } });
    const forbidden = lenient.requests({ format: 'har' }).log.entries[0]!;
    // As a lenient deployment would have answered it: 200.
    forbidden.response.status = 200;
    forbidden.response.content = har.log.entries[0]!.response.content;
    har.log.entries.push(forbidden);
    const report = await runHarContract({ files: [await save('drifted.har', har)] });
    const checks = new Set(report.findings.map((f) => f.check));
    expect(checks).toContain('list_arithmetic');
    expect(checks).toContain('har_auth');
    expect(checks).toContain('har_request_conformance');
  });

  it.each([
    ['not JSON', 'root:x:0:0', /is not JSON/],
    ['not HAR', '{"hello":"world"}', /is not a HAR file \(it has no log.entries\)/],
    ['empty entries', '{"log":{"version":"1.2","entries":[]}}', /nothing could be checked/],
  ])('exits 2 with a clear reason for a file that is %s', async (_name, content, reason) => {
    const report = await runHarContract({ files: [await save(`bad-${_name}.har`, content)] });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(reason);
    expect(report.reason).not.toContain('root:x');
  });

  it('checks what it can of a file cut short, with odd entries, and counts the rest with reasons', async () => {
    const har = session(createMock());
    const [list, one] = [har.log.entries[0]!, har.log.entries[2]!];
    const base64 = structuredClone(one);
    base64.response.content = { ...one.response.content, text: Buffer.from(one.response.content.text!).toString('base64'), encoding: 'base64' } as typeof one.response.content;
    const unknown = structuredClone(one);
    unknown.response.content = { ...one.response.content, encoding: 'rot13' } as typeof one.response.content;
    const omitted = structuredClone(list);
    delete omitted.response.content.text;
    const aborted = structuredClone(list) as Partial<typeof list>;
    delete aborted.response;
    const text = JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [list, base64, unknown, omitted, aborted, one] } });
    const report = await runHarContract({ files: [await save('odd.har', text.slice(0, text.length - 200))] });
    expect(report.exitCode).toBe(0);
    expect(report.har?.problems.join()).toMatch(/odd\.har is cut short after 5 entries/);
    expect(report.har?.notChecked).toEqual(expect.arrayContaining(['1 × a body in an unknown encoding (rot13): body checks left out', '1 × a body the recorder left out: body checks left out', '1 × no response (an aborted request)']));
    expect(report.findings).toEqual([]);
  });

  it('keeps the recording’s credentials out of every report, through the CLI', async () => {
    const har = session(createMock());
    // A recorder that kept the credentials (the mock's own export redacts them).
    for (const entry of har.log.entries) entry.request.headers = Object.entries(auth).map(([name, value]) => ({ name, value }));
    har.log.entries[2]!.response.content.text = JSON.stringify({ ...(JSON.parse(har.log.entries[2]!.response.content.text!) as object), name: `echo ${auth.authorization} ${auth.cookie}`, version: '' });
    const file = await save('secrets.har', har);
    const child = spawn(process.execPath, [...cliArgs, 'contract', '--har', file, '--reporter', 'pretty', '--reporter', `json:${dir}/r.json`, '--reporter', `junit:${dir}/r.xml`], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    const all = out + (await readFile(join(dir, 'r.json'), 'utf8')) + (await readFile(join(dir, 'r.xml'), 'utf8'));
    expect(all).toContain('response_schema_conformance');
    for (const secret of ['har-secret-token-123', 'har-secret-key-456', 'har-secret-cookie-789']) expect(all).not.toContain(secret.slice(0, 10));
  });
});
