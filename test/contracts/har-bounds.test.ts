// A recording is hostile input: its credentials, wherever they sit and however many there are, never
// reach a report; an entry nested too deep or a body too long is counted, not parsed; a million broken
// entries fold into a few findings with their counts, and a run keeps a bounded number of findings.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHarContract } from '../../contracts/har/har-run.js';
import { readHar, type HarFileEntry } from '../../contracts/har/read-har.js';
import { reporters } from '../../contracts/reporters/index.js';
import { secretForms } from '../../contracts/secrets.js';

const collection = 'http://api.test/v2/tickets/used-diagnostic-equipment';
const page = '{"result":[],"total":0,"query":{"limit":5,"offset":0}}';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ude-kit-har-bounds-'));
});

interface EntryOptions {
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: { mimeType: string; text: string };
  status?: number;
  answer?: string;
}

const credentials = { authorization: 'Bearer tok-abcdefgh', 'x-api-key': 'key-abcdefgh' };

function entry(options: EntryOptions = {}): unknown {
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    request: { method: options.method ?? 'GET', url: options.url ?? `${collection}?limit=5`, headers: Object.entries({ ...credentials, ...options.headers }).map(([name, value]) => ({ name, value })), ...(options.body === undefined ? {} : { postData: options.body }) },
    response: { status: options.status ?? 200, headers: [{ name: 'content-type', value: 'application/json' }], content: { mimeType: 'application/json', text: options.answer ?? page } },
  };
}

async function save(name: string, entries: unknown[] | string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof entries === 'string' ? entries : JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }));
  return file;
}

/** Every report of a run, as the reporters write them. */
const allReports = (report: Awaited<ReturnType<typeof runHarContract>>) => Object.entries(reporters).map(([name, write]) => [name, write(report)] as const);

describe('credentials in a recording', () => {
  const secrets = { access: 'AT-secret-value-1', sig: 'SIG-secret-value-2', auth: 'AUTH-secret-value-3', xauth: 'XA-secret-value-4', authn: 'AN-secret-value-5', password: 'PW-secret-value-6', json: 'JS-secret-value-7', short: 'pw42', late: 'LATE-secret-value-8' };

  it('are masked by name in the query, headers, form and JSON bodies, and by value everywhere else, in every report and curl line', async () => {
    const everything = Object.values(secrets).join(' ');
    const file = await save('named.har', [
      // Echoed before the entry that names it: a value seen as a credential anywhere is masked everywhere.
      entry({ answer: `{"echo":"${everything}"` }),
      entry({ url: `${collection}?limit=5000&access_token=${secrets.access}&sig=${secrets.sig}&auth=${secrets.auth}`, headers: { 'X-Auth': secrets.xauth, Authentication: secrets.authn }, answer: `{"echo":"${everything}"` }),
      entry({ method: 'POST', url: `${collection}?x=1`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: { mimeType: 'application/x-www-form-urlencoded', text: `ticket_id=zz&password=${secrets.password}&pwd=${secrets.short}` }, status: 201, answer: '{' }),
      entry({ method: 'POST', headers: { 'content-type': 'application/json' }, body: { mimeType: 'application/json', text: JSON.stringify({ ticket_id: 'not-a-uuid', diagnostic_equipment_id: 'x', client_secret: secrets.json }) }, status: 201, answer: '[' }),
      entry({ url: `${collection}?limit=1&jwt=${secrets.late}` }),
    ]);
    const report = await runHarContract({ files: [file] });
    expect(report.findings.length).toBeGreaterThanOrEqual(4);
    expect(report.findings.map((f) => f.curl).join('\n')).toContain("--data-raw 'ticket_id=zz&password=***&pwd=***'");
    for (const [name, text] of allReports(report)) {
      expect(text, name).toContain('***');
      for (const secret of Object.values(secrets)) for (const form of secretForms(secret)) expect(text, `${name} holds ${form}`).not.toContain(form);
    }
  });

  it('are all masked, however many the recording holds: a bearer token after 10,001 distinct cookies', async () => {
    // Requests without an answer: not judged, but their credentials are known all the same.
    const cookies = Array.from({ length: 10_001 }, (_, i) => ({ request: { method: 'GET', url: `${collection}?limit=5`, headers: [{ name: 'cookie', value: `sid=cookie-${i}-abcdefgh` }] } }));
    const file = await save('cookies.har', [...cookies, entry({ headers: { authorization: `Bearer ${secrets.late}` }, answer: `{"result":[],"total":"${secrets.late}","query":{"limit":5,"offset":0}}` })]);
    const report = await runHarContract({ files: [file] });
    expect(report.findings).toHaveLength(1);
    const text = allReports(report).map(([, t]) => t).join('\n');
    expect(text).toContain('/total');
    expect(text).not.toContain(secrets.late.slice(0, 8));
  });
});

describe('the bounds on a recording', () => {
  it('refuses, with exit 2 and no finding listed, a recording with more credentials than the run can mask', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry({ headers: { 'x-session-token': `session-${i}-abcdefgh` }, answer: `{"echo":"session-${i}-abcdefgh"` }));
    const file = await save('too-many.har', entries);
    const report = await runHarContract({ files: [file], maxSecretNodes: 100 });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toMatch(/^the recording holds more distinct credentials than the run can mask \(over 100 characters of them\): no finding is listed/);
    expect(report.findings).toEqual([]);
    expect((await runHarContract({ files: [file] })).findings).toHaveLength(1);
  });

  it('does not parse an entry nested deeper than 64 levels, and checks the entries after it', async () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const good = JSON.stringify(entry({ answer: '{' }));
    const file = await save('deep.har', `{"log":{"version":"1.2","entries":[${good.slice(0, -1)},"deep":${deep}},${good}]}}`);
    const report = await runHarContract({ files: [file] });
    expect(report.har).toMatchObject({ read: 2, checked: 1, notChecked: ['1 × an entry nested deeper than 64 levels: not read'], problems: [] });
    expect(report.findings).toMatchObject([{ check: 'response_schema_conformance', message: expect.stringContaining('entry 1 of') as string }]);
  });

  it('counts a body longer than --max-body-bytes without parsing it: a finding for an answer, no request check for a request', async () => {
    const long = JSON.stringify({ result: [], total: 0, query: { limit: 5, offset: 0 }, padding: 'p'.repeat(5000) });
    const base64 = { ...(entry() as { response: { content: object } }) };
    base64.response = { ...(base64 as { response: object }).response, content: { mimeType: 'application/json', encoding: 'base64', text: Buffer.from(long).toString('base64') } } as typeof base64.response;
    const file = await save('long.har', [entry({ answer: long }), base64, entry({ method: 'POST', headers: { 'content-type': 'application/json' }, body: { mimeType: 'application/json', text: `{"x":"${'q'.repeat(3000)}"}` }, status: 201 })]);
    const report = await runHarContract({ files: [file], maxBodyBytes: 1024 });
    const within = report.findings.filter((f) => f.check === 'response_within_limits');
    expect(within).toMatchObject([{ operation: 'listUsedDiagnosticEquipment', occurrences: 2, message: expect.stringMatching(/^the body is larger than 1,024 bytes .* and 1 more entry$/) as string }]);
    expect(report.findings.filter((f) => f.check === 'har_request_conformance')).toEqual([]);
    expect(report.har?.notChecked).toContain('1 × a request body over 1,024 bytes (--max-body-bytes): har_request_conformance left out');
    // Without the bound the same bodies are parsed: no finding for their length, and the request is judged.
    const unbounded = await runHarContract({ files: [file] });
    expect(unbounded.findings.filter((f) => f.check === 'response_within_limits')).toEqual([]);
    expect(unbounded.findings.filter((f) => f.check === 'har_request_conformance')).toHaveLength(1);
  });

  it('hands on a string longer than the bound as its length, not its text', async () => {
    const file = await save('string.har', [entry({ answer: `"${'s'.repeat(100_000)}"` })]);
    const seen: HarFileEntry[] = [];
    await readHar(file, (e) => seen.push(e), () => undefined, { maxBodyBytes: 1024 });
    expect(seen[0]!.response!.content).toEqual({ mimeType: 'application/json', tooLongBytes: 100_002 + 2 * 1 });
  });

  it('folds the same drift across entries into one finding with its count, whatever the broken bodies hold', async () => {
    const file = await save('broken.har', Array.from({ length: 300 }, (_, i) => entry({ answer: `{"broken": ${i}, "other": "${'x'.repeat(i)}"` })));
    const report = await runHarContract({ files: [file] });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ check: 'response_schema_conformance', occurrences: 300, message: expect.stringMatching(/— entry 0 of .*broken\.har \(2026-01-01T00:00:00\.000Z\) and 299 more entries$/) as string });
  });

  it('keeps at most --max findings for the run, and says how many more there were', async () => {
    const file = await save('many.har', Array.from({ length: 10 }, (_, i) => entry({ answer: `{"result":[],"total":0,"query":{"limit":5,"offset":0},"extra_${i}":1}` })));
    const report = await runHarContract({ files: [file], maxFindings: 3 });
    expect(report.findings).toHaveLength(4);
    expect(report.findings.at(-1)).toMatchObject({ check: 'undocumented_property', severity: 'warning', occurrences: 7, message: expect.stringMatching(/^7 more findings of undocumented_property, not listed \(a run lists at most 3\)/) as string });
    expect(report.notices).toEqual([expect.stringMatching(/^7 more findings not listed/) as string]);
  });

  it('tells apart a bounded number of reasons for entries not checked', async () => {
    const entries = Array.from({ length: 120 }, (_, i) => {
      const odd = entry() as { response: { content: Record<string, string> } };
      odd.response.content = { ...odd.response.content, encoding: `enc-${i}-${'e'.repeat(100)}` };
      return odd;
    });
    const report = await runHarContract({ files: [await save('encodings.har', entries)] });
    expect(report.har!.notChecked.length).toBeLessThanOrEqual(51);
    expect(report.har!.notChecked.at(-1)).toMatch(/^70 × other reasons$/);
    expect(report.har!.notChecked.every((line) => line.length < 120)).toBe(true);
  });
});
