// A check that fails on what a recording holds does not end the run without a report: the other
// entries are checked, and the report says which entry could not be, with exit 2 and no stack trace.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LabelledExchange } from '../../contracts/http-client.js';

vi.mock('../../contracts/checks/response-checks.js', async (original) => {
  const real = await original<typeof import('../../contracts/checks/response-checks.js')>();
  return {
    ...real,
    responseFindings: (exchange: LabelledExchange, ...rest: Parameters<typeof real.responseFindings> extends [unknown, ...infer R] ? R : never) => {
      if (exchange.label.startsWith('entry 1 ')) throw new RangeError('Invalid string length');
      return real.responseFindings(exchange, ...rest);
    },
  };
});

const { runHarContract } = await import('../../contracts/har/har-run.js');

describe('a check that fails on an entry', () => {
  it('leaves a report of the others, with exit 2 and the entry named', async () => {
    const entry = (answer: string) => ({
      request: { method: 'GET', url: 'http://api.test/v2/tickets/used-diagnostic-equipment?limit=5', headers: [] },
      response: { status: 200, headers: [{ name: 'content-type', value: 'application/json' }], content: { mimeType: 'application/json', text: answer } },
    });
    const file = join(await mkdtemp(join(tmpdir(), 'ude-kit-har-crash-')), 'crash.har');
    await writeFile(file, JSON.stringify({ log: { version: '1.2', entries: [entry('{'), entry('{}'), entry('[')] } }));
    const report = await runHarContract({ files: [file] });
    expect(report.exitCode).toBe(2);
    expect(report.reason).toBe(`entry 1 of ${file} could not be checked (RangeError: Invalid string length)`);
    expect(report.findings).toMatchObject([{ check: 'response_schema_conformance', occurrences: 2 }]);
    expect(report.har).toMatchObject({ read: 3 });
  });
});
