// Inputs generated from the document: the same seed sends the same requests, a failure is shrunk to
// its smallest value, and a field added to a copy of the document is covered with no code change.
import { describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { openApiDocument } from '../../src/spec/generated/document.js';
import { compileSpec } from '../../src/spec/runtime-spec.js';
import type { OpenApiDocument } from '../../src/spec/openapi-document.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { mutants, wrap } from './mutants.js';

async function recordedRun(seed: number, maxCases = 10) {
  const targets: string[] = [];
  const mock = wrap(createMock({ auth: selfTestCredentials }), (request, next) => {
    targets.push(`${request.method} ${request.path}?${request.query.toString()}`);
    return next(request);
  });
  const server = await startHttpServer(mock, { port: 0 });
  try {
    const report = await runContract(selfTestOptions(server.url, { seed, maxCases }));
    return { report, targets };
  } finally {
    await server.close();
  }
}

describe('generated inputs', () => {
  it('find nothing against the kit’s own mock, print the seed, and repeat exactly under the same seed', async () => {
    const first = await recordedRun(20261129);
    const again = await recordedRun(20261129);
    const other = await recordedRun(7);
    expect(first.report.findings.filter((f) => f.check.startsWith('generated_'))).toEqual([]);
    expect(first.report.seed).toBe(20261129);
    expect(again.targets).toEqual(first.targets);
    expect(other.targets).not.toEqual(first.targets);
  });

  it('shrink a failure to its smallest input and say how to send it again', async () => {
    const narrow = mutants.find((m) => m.name === 'limits from 500 up refused as invalid')!;
    const server = await startHttpServer(narrow.apply(createMock({ auth: selfTestCredentials })), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { seed: 1, maxCases: 50, only: ['generated_positive_inputs'] }));
      const [finding] = report.findings.filter((f) => f.check === 'generated_positive_inputs');
      expect(finding?.message).toBe('refused as invalid (400) a value the document allows: query limit = 500 (allowed) (seed 1, shrunk)');
      expect(finding?.curl).toMatch(/limit=500'$/);
    } finally {
      await server.close();
    }
  });

  it('cover a query parameter added to a copy of the document, with no code change', async () => {
    const copy = structuredClone(openApiDocument) as OpenApiDocument;
    const list = copy.paths['/v2/tickets/used-diagnostic-equipment']!.get!;
    list.parameters = [...(list.parameters ?? []), { name: 'max_age', in: 'query', required: false, schema: { type: 'integer', minimum: 0, maximum: 10 } }];
    const server = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
    try {
      // The kit's mock does not know max_age and ignores it: every forbidden value is accepted.
      const report = await runContract(selfTestOptions(server.url, { spec: compileSpec(copy), seed: 1, only: ['generated_negative_inputs'] }));
      const messages = report.findings.map((f) => f.message);
      expect(messages).toContain('accepted (200) a value the document forbids: query max_age = 11 (one past the maximum (10))');
      expect(messages).toContain('accepted (200) a value the document forbids: query max_age = -1 (one below the minimum (0))');
      expect(messages).toContain('accepted (200) a value the document forbids: query max_age = ten (text where an integer belongs)');
    } finally {
      await server.close();
    }
  });
});
