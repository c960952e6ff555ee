// --replay against what a recording can hold: a browser's HAR (base64 bodies, cookies, pages and other
// hosts, other people's credentials), millions of entries, deep and huge bodies, a deployment that
// redirects, one that answers slowly. Each bound is seen to hold: without it these tests fail.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Har, HarEntry } from '../../mocks/core/har.js';
import { createMock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import { runReplay, type ReplayOptions } from '../../contracts/replay/replay-run.js';
import { selfTestCredentials } from './contract-fixtures.js';
import { collection, recordSession, saved, served } from './replay-session.js';

const options = (file: string, baseUrl: string, more: Partial<ReplayOptions> = {}): ReplayOptions => ({ file, baseUrl, credentials: selfTestCredentials, timeoutMs: 5_000, ...more });
const theirs = { token: 'someone-elses-token-4711', key: 'someone-elses-key-0815', cookie: 'someone-elses-cookie-1234' };

/** An entry as Chromium saves it: its own fields, HTTP/2 pseudo-headers, cookies, the answer in base64, the page's host and prefix. */
function chromiumEntry(entry: HarEntry, origin: string): unknown {
  const url = new URL(entry.request.url);
  return {
    _initiator: { type: 'script' },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: '443',
    request: {
      ...entry.request,
      url: `${origin}${url.pathname}${url.search}`,
      httpVersion: 'http/2.0',
      headers: [
        { name: ':authority', value: new URL(origin).host },
        { name: 'accept', value: 'application/json' },
        { name: 'authorization', value: `Bearer ${theirs.token}` },
        { name: 'x-api-key', value: theirs.key },
        { name: 'cookie', value: `sid=${theirs.cookie}` },
        ...(entry.request.postData === undefined ? [] : [{ name: 'content-type', value: 'application/json' }]),
      ],
      cookies: [{ name: 'sid', value: theirs.cookie, httpOnly: true }],
    },
    response: { ...entry.response, httpVersion: 'http/2.0', content: { ...entry.response.content, text: Buffer.from(entry.response.content.text ?? '').toString('base64'), encoding: 'base64' }, _transferSize: 512, _error: null },
    serverIPAddress: '203.0.113.7',
    startedDateTime: entry.startedDateTime,
    time: 12.5,
    timings: entry.timings,
  };
}

const harOf = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } });

/** Many copies of one read, as a long recording holds. */
async function manyReads(count: number): Promise<string> {
  const [first] = (await recordSession()).log.entries;
  return saved(`many-${count}.har`, harOf(Array.from({ length: count }, () => first)));
}

describe('contract --replay, hostile recordings', () => {
  it('replays a browser’s HAR at --base-url only, with the run’s own credentials, and keeps theirs out of the report', async () => {
    const session: Har = await recordSession();
    // The reads before the session's first write: what a deployment in the recorded state answers alike.
    const reads = session.log.entries.slice(0, session.log.entries.findIndex((e) => e.request.method !== 'GET'));
    // The page itself, and one read recorded on yet another host.
    const page = { ...chromiumEntry(reads[0]!, 'https://app.example.com') as object, request: { method: 'GET', url: 'https://app.example.com/static/app.js', headers: [], cookies: [] } };
    const elsewhere = chromiumEntry(reads[2]!, 'https://other.example.net');
    // A recorded answer that echoes their token, where the deployment's answer differs.
    const echo = structuredClone(reads.find((e) => e.response.status === 404)!);
    echo.response.content.text = JSON.stringify({ ...(JSON.parse(echo.response.content.text!) as object), title: `not for ${theirs.token}` });
    const file = await saved('chromium.har', harOf([page, ...reads.map((e) => chromiumEntry(e, 'https://app.example.com/api')), elsewhere, chromiumEntry(echo, 'https://app.example.com/api')]));
    const sent: Array<{ url: string; headers: Record<string, string> }> = [];
    const spy: typeof fetch = (input, init) => {
      sent.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
      return fetch(input, init);
    };
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const report = await runReplay(options(file, url, { fetch: spy }));
      expect(report.har).toMatchObject({ read: reads.length + 3, checked: reads.length + 2, notChecked: ['1 × not one of the document’s operations'] });
      for (const request of sent) {
        expect(request.url.startsWith(`${url}/v2/`)).toBe(true);
        expect(request.headers).toMatchObject({ authorization: `Bearer ${selfTestCredentials.token}`, 'x-api-key': selfTestCredentials.apiKey });
        expect(JSON.stringify(request)).not.toMatch(/someone-elses/);
      }
      // The base64 answers were read: only the edited title differs.
      expect(report.comparison!.differences.map((d) => d.kind)).toEqual(['problem-title']);
      expect(JSON.stringify(report)).not.toMatch(/someone-elses-token|4711/);
    });
  });

  it('names entries and differences without the control characters a recording holds', async () => {
    const session = await recordSession();
    const unknown = structuredClone(session.log.entries.find((e) => e.response.status === 404)!);
    unknown.startedDateTime = '2026-12-01T10:00:00Z\u001b[2J\u001b]8;;https://evil.example\u0007';
    unknown.response.content.text = JSON.stringify({ ...(JSON.parse(unknown.response.content.text!) as object), title: 'gone\u001b[31m\u009b' });
    const file = await saved('escapes.har', harOf([unknown]));
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runReplay(options(file, url)));
    const [difference] = report.comparison!.differences;
    expect(difference).toMatchObject({ kind: 'problem-title' });
    // eslint-disable-next-line no-control-regex
    for (const text of [difference!.name, difference!.message]) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('replays at most the bound of entries, and stops reading the file there', async () => {
    const file = await manyReads(3_000);
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runReplay(options(file, url, { maxEntries: 10 })));
    expect(report.har!.checked).toBe(10);
    expect(report.har!.read).toBeLessThan(3_000);
    expect(report.har!.notChecked.join()).toMatch(/the rest of the file not read: a replay sends at most 10 requests/);
    expect(report.notices).toEqual([expect.stringMatching(/^not every entry was replayed/)]);
    expect(report.exitCode).toBe(0);
  });

  it('stops at its deadline, however slowly the deployment answers', async () => {
    const file = await manyReads(200);
    const slow: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return fetch(input, init);
    };
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runReplay(options(file, url, { fetch: slow, deadlineMs: 150 })));
    expect(report.har!.checked).toBeGreaterThan(0);
    expect(report.har!.checked).toBeLessThan(200);
    expect(report.har!.notChecked.join()).toMatch(/the replay's deadline \(0 s\) was reached/);
  });

  it('stops when the deployment stops answering, or refuses the credentials midway, and says which', async () => {
    const file = await manyReads(20);
    let calls = 0;
    const dying: typeof fetch = (input, init) => (++calls > 3 ? Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })) : fetch(input, init));
    const expiring: typeof fetch = (input, init) => (++calls > 3 ? fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: 'Bearer expired' } }) : fetch(input, init));
    await served(createMock({ auth: selfTestCredentials }), async (url) => {
      const dead = await runReplay(options(file, url, { fetch: dying }));
      expect(dead).toMatchObject({ exitCode: 2, har: { checked: 5 } });
      expect(dead.reason).toMatch(/stopped answering/);
      calls = 0;
      const expired = await runReplay(options(file, url, { fetch: expiring }));
      expect(expired).toMatchObject({ exitCode: 2, har: { checked: 5 }, comparison: { differences: [] } });
      expect(expired.reason).toMatch(/then refused them 3 times in a row \(401\) where the recording was let in: did the token expire\?/);
    });
  });

  it('never follows a redirect the deployment answers', async () => {
    let followed = 0;
    const elsewhere = createServer((_request, response) => {
      followed++;
      response.end('{}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const redirecting = createServer((request, response) => {
      response.writeHead(302, { location: `${target}${request.url}` });
      response.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const report = await runReplay(options(await manyReads(3), `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`));
      expect(followed).toBe(0);
      expect(report.comparison!.differences.map((d) => `${d.kind} ${d.deployment.status}`)).toContain('status 302');
    } finally {
      redirecting.close();
      elsewhere.close();
    }
  });

  it('counts entries too deep or too long to read, and request bodies over --max-body-bytes, and replays the rest', async () => {
    const session = await recordSession();
    const [list] = session.log.entries;
    const deep = structuredClone(list!);
    deep.response.content.text = `${'['.repeat(100)}${']'.repeat(100)}`;
    const post = structuredClone(session.log.entries.find((e) => e.request.method === 'POST')!);
    post.request.postData = { mimeType: 'application/json', text: JSON.stringify({ ticket_id: exampleTicketId, diagnostic_equipment_id: 40, note: 'x'.repeat(5_000) }) };
    const deepRequest = { ...structuredClone(list!), request: { ...list!.request, url: `http://localhost${collection}`, postData: { mimeType: 'application/json', text: JSON.parse(`{"a":${'['.repeat(80)}${']'.repeat(80)}}`) as unknown as string } } };
    const file = await saved('odd.har', harOf([deep, post, deepRequest, list]));
    const report = await served(createMock({ auth: selfTestCredentials }), (url) => runReplay(options(file, url, { maxBodyBytes: 2_048 })));
    expect(report.har!.checked).toBe(2);
    expect(report.har!.notChecked).toEqual(expect.arrayContaining(['1 × a request body over 2,048 bytes (--max-body-bytes)']));
    expect(report.har!.notChecked.join()).toMatch(/levels deep|nest/);
  });
});
