// `npm run bench -- --har-hostile`: the hostile recordings of issue 27, each checked by `ude-kit contract
// --har` in a child process: broken entries with a distinct session token each (10,001, 200,000 and
// 350,000), a bearer token after 10,001 distinct cookies, a 20,000,000-level array in an entry, and one
// 300 MB body. For each: exit code, time, the child's peak RSS, the JSON report's size, and whether a
// planted credential reached a report. Scrubbing is linear and the memory bounded, so none should grow
// with the file beyond the credentials it holds.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const url = 'http://api.test/v2/tickets/used-diagnostic-equipment';
const page = '{"result":[],"total":0,"query":{"limit":5,"offset":0}}';
const planted = 'PLANTED-bearer-0123456789';

function entry(i: number, headers: Record<string, string>, answer: string): string {
  return JSON.stringify({
    startedDateTime: '2026-01-01T00:00:00.000Z',
    request: { method: 'GET', url: `${url}?limit=5`, headers: Object.entries(headers).map(([name, value]) => ({ name, value })) },
    response: { status: 200, headers: [{ name: 'content-type', value: 'application/json' }], content: { mimeType: 'application/json', text: answer } },
    index: i,
  });
}

const credentials = { authorization: 'Bearer bench-token-abc', 'x-api-key': 'bench-key-abc' };

/** The recordings: each a name and the entries' texts, written one by one. */
const recordings: Array<{ name: string; entries: (write: (text: string) => Promise<void>) => Promise<void> }> = [
  ...[10_001, 200_000, 350_000].map((count) => ({
    name: `${count.toLocaleString('en-US')} broken entries, a token each`,
    entries: async (write: (text: string) => Promise<void>) => {
      for (let i = 0; i < count; i++) await write(`${i === 0 ? '' : ','}${entry(i, { ...credentials, 'x-session-token': `session-${i}-${(i * 7919).toString(36)}` }, `{"broken":${i},"echo":"session-${i}-${(i * 7919).toString(36)}"`)}`);
    },
  })),
  {
    name: 'a bearer token after 10,001 distinct cookies',
    entries: async (write) => {
      for (let i = 0; i < 10_001; i++) await write(`${i === 0 ? '' : ','}${entry(i, { ...credentials, cookie: `sid=cookie-${i}-abcdefgh` }, page)}`);
      await write(`,${entry(10_001, { ...credentials, authorization: `Bearer ${planted}` }, `{"result":[],"total":"${planted}","query":{"limit":5,"offset":0}}`)}`);
    },
  },
  {
    name: 'a 20,000,000-level array',
    entries: async (write) => {
      const head = entry(0, credentials, page);
      await write(`${head.slice(0, -1)},"deep":`);
      for (let i = 0; i < 20; i++) await write('['.repeat(1_000_000));
      for (let i = 0; i < 20; i++) await write(']'.repeat(1_000_000));
      await write('}');
    },
  },
  {
    name: 'one 300 MB body',
    entries: async (write) => {
      const [before, after] = entry(0, credentials, '@BODY@').split('@BODY@');
      await write(before!);
      for (let i = 0; i < 300; i++) await write('x'.repeat(1024 * 1024));
      await write(after!);
    },
  },
];

export async function harHostileBench(): Promise<{ text: string; figures: Array<Record<string, number | string | boolean>> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ude-kit-har-hostile-'));
  const cli = fileURLToPath(new URL('../bin/ude-kit.js', import.meta.url));
  const peakProbe = fileURLToPath(new URL('../test/helpers/report-peak-rss.mjs', import.meta.url));
  const figures: Array<Record<string, number | string | boolean>> = [];
  const lines: string[] = [];
  for (const [index, recording] of recordings.entries()) {
    const file = join(dir, `${index}.har`);
    const out = createWriteStream(file);
    const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
    await write('{"log":{"version":"1.2","creator":{"name":"ude-kit bench","version":"1"},"entries":[');
    await recording.entries(write);
    await write(']}}');
    await new Promise((resolve) => out.end(resolve));
    const report = join(dir, `${index}.json`);
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', peakProbe, cli, 'contract', '--har', file, '--reporter', `json:${report}`, '--reporter', `pretty:${report}.txt`], { encoding: 'utf8' });
    const elapsedMs = performance.now() - started;
    const peakMb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1024;
    const reportBytes = statSync(report).size;
    const leaked = readFileSync(report, 'utf8').includes(planted) || readFileSync(`${report}.txt`, 'utf8').includes(planted);
    figures.push({ name: recording.name, harBytes: statSync(file).size, exitCode: run.status ?? -1, elapsedMs, peakMb, reportBytes, leaked });
    lines.push(`${recording.name} (${(statSync(file).size / 1e6).toFixed(0)} MB): exit ${run.status}, ${(elapsedMs / 1000).toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB, JSON report ${reportBytes.toLocaleString('en-US')} bytes${leaked ? ', THE PLANTED TOKEN LEAKED' : ''}`);
  }
  return { text: lines.join('\n'), figures };
}
