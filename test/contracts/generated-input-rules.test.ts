// The judgement of generated inputs pinned: which answers break "allowed values are not refused as
// invalid" and "forbidden values are refused", and the finding each gives, asserted whole.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { generatedInputsCheck, judgeGenerated } from '../../contracts/checks/generated-inputs.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { compiledSpec } from '../../src/spec/index.js';

const context: CheckContext = { spec: compiledSpec(), fixtures: { equipment: [], probeRemoveRule: false }, readOnly: true, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 99, maxCases: 5 } };
const answered = (label: string, status: number | undefined): LabelledExchange => ({
  label,
  auth: 'both',
  attempts: 1,
  request: { method: 'GET', target: '/v2/tickets/used-diagnostic-equipment?limit=7', headers: {} },
  ...(status === undefined ? { error: { kind: 'timeout' as const, message: 'slow' } } : { response: { status, headers: { 'content-type': 'application/json' }, bodyText: '{}', durationMs: 1 } }),
});

describe('judging a generated input', () => {
  it.each([
    [200, undefined],
    [404, undefined],
    [409, undefined],
    [400, 'refused as invalid (400) a value the document allows'],
    [422, 'refused as invalid (422) a value the document allows'],
    [500, undefined],
    [undefined, undefined],
  ])('an allowed value answered %s', (status, why) => {
    expect(judgeGenerated('accept', answered('x', status))).toBe(why);
  });

  it.each([
    [400, undefined],
    [404, undefined],
    [499, undefined],
    [199, undefined],
    [200, 'accepted (200) a value the document forbids'],
    [204, 'accepted (204) a value the document forbids'],
    [299, 'accepted (299) a value the document forbids'],
    [300, undefined],
    [500, 'failed (500) on a value the document forbids, instead of refusing it'],
    [503, 'failed (503) on a value the document forbids, instead of refusing it'],
    [undefined, undefined],
  ])('a forbidden value answered %s', (status, why) => {
    expect(judgeGenerated('refuse', answered('x', status))).toBe(why);
  });
});

describe('the findings of generated inputs', () => {
  const summary = (exchanges: LabelledExchange[]) => generatedInputsCheck.evaluate(exchanges, context).map((f) => ({ check: f.check, expected: f.expected, actual: f.actual.value, message: f.message }));

  it('reports a refused allowed value with the seed, and an accepted forbidden one, and only labelled cases', () => {
    const exchanges = [
      answered('generated positive: query limit = 7 (allowed)', 400),
      answered('generated negative: query limit = 1001 (above the maximum)', 200),
      answered('generated positive: query offset = 0 (allowed)', 200),
      answered('generated negative: query limit = -1 (below the minimum)', 400),
      answered('generated search', 400),
      answered('generated cleanup', 500),
    ];
    expect(summary(exchanges)).toEqual([
      { check: 'generated_positive_inputs', expected: 'not refused as invalid', actual: 400, message: 'refused as invalid (400) a value the document allows: query limit = 7 (allowed) (seed 99, shrunk)' },
      { check: 'generated_negative_inputs', expected: 'a 4xx refusal', actual: 200, message: 'accepted (200) a value the document forbids: query limit = 1001 (above the maximum)' },
    ]);
  });
});
