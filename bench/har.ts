// `npm run bench -- --har [MB]`: writes a HAR of about MB megabytes (default 100) from a session against
// the mock, then checks it with `ude-kit contract --har` in a child process, and reports the time and the
// child's peak memory. The HAR is read streamed: the memory should not grow with the file.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMock } from '../mocks/core/mock.js';

export async function harBench(megabytes: number): Promise<{ text: string; figures: Record<string, number> }> {
  const mock = createMock({ journalSize: 100 });
  const collection = '/v2/tickets/used-diagnostic-equipment';
  const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
  const headers = { authorization: 'Bearer bench-token', 'x-api-key': 'bench-key', host: 'localhost:4010' };
  for (let offset = 0; offset < 28; offset += 5) mock.handle({ method: 'GET', path: collection, query: new URLSearchParams(`ticket_id=${ticket}&limit=5&offset=${offset}`), headers });
  mock.handle({ method: 'GET', path: collection, query: new URLSearchParams('limit=1000'), headers });
  mock.handle({ method: 'GET', path: `${collection}/${ticket}/12`, query: new URLSearchParams(), headers });
  const entries = mock.requests({ format: 'har' }).log.entries.map((entry) => JSON.stringify(entry));
  const file = join(mkdtempSync(join(tmpdir(), 'ude-kit-har-bench-')), 'session.har');
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write('{"log":{"version":"1.2","creator":{"name":"ude-kit bench","version":"1"},"entries":[');
  let written = 0;
  let count = 0;
  while (written < megabytes * 1024 * 1024) {
    const entry = entries[count % entries.length]!;
    await write(`${count === 0 ? '' : ','}${entry}`);
    written += entry.length + 1;
    count++;
  }
  await write(']}}');
  await new Promise((resolve) => out.end(resolve));
  const bytes = statSync(file).size;
  const cli = fileURLToPath(new URL('../bin/ude-kit.js', import.meta.url));
  const started = performance.now();
  const peakProbe = fileURLToPath(new URL('../test/helpers/report-peak-rss.mjs', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', peakProbe, cli, 'contract', '--har', file, '--reporter', 'json:/dev/null'], { encoding: 'utf8' });
  const elapsedMs = performance.now() - started;
  const stderr = run.stderr;
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  const figures = { bytes, entries: count, elapsedMs, peakMb: peakKb / 1024, exitCode: run.status ?? -1 };
  return { text: `${stderr.split('\n').find((l) => l.startsWith('ude-kit contract')) ?? ''}\nHAR of ${(bytes / 1e6).toFixed(0)} MB, ${count.toLocaleString('en-US')} entries: checked in ${(elapsedMs / 1000).toFixed(1)} s, peak RSS ${(peakKb / 1024).toFixed(0)} MB`, figures };
}
