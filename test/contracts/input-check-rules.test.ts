// The input checks pinned one rule at a time with hand-made answers: each way a deployment can get a
// rule wrong gives exactly one finding, asserted whole.
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { authCheck, methodCheck, negativeDataCheck, positiveDataCheck } from '../../contracts/checks/input-checks.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { compiledSpec } from '../../src/spec/index.js';

const context: CheckContext = { spec: compiledSpec(), fixtures: { equipment: [], probeRemoveRule: false }, readOnly: false, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };

function answered(label: string, status: number | undefined, options: { contentType?: string; body?: unknown; operationId?: string; allow?: string } = {}): LabelledExchange {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/problem+json' };
  if (options.allow !== undefined) headers.allow = options.allow;
  return {
    label,
    auth: 'both',
    attempts: 1,
    operationId: options.operationId ?? 'listUsedDiagnosticEquipment',
    request: { method: 'GET', target: '/v2/tickets/used-diagnostic-equipment?x=1', headers: {} },
    ...(status === undefined
      ? { error: { kind: 'reset', message: 'the connection was closed before a complete answer' } }
      : { response: { status, headers, bodyText: JSON.stringify(options.body ?? {}), durationMs: 1 } }),
  } as LabelledExchange;
}
const summary = (exchanges: LabelledExchange[], check: typeof authCheck) =>
  check.evaluate(exchanges, context).map((f) => ({ check: f.check, severity: f.severity, expected: f.expected, actual: f.actual.value, message: f.message }));
const violations = { violations: [{ field: 'limit', message: 'must be <= 1000' }] };

describe('negative data: a forbidden request must get 400 problem+json with violations', () => {
  it('accepts exactly that', () => {
    expect(summary([answered('limit above maximum', 400, { body: violations })], negativeDataCheck)).toEqual([]);
  });
  it.each([
    ['another status', answered('limit above maximum', 200, { contentType: 'application/json', body: violations }), 'limit above maximum: answered 200 instead of 400', 200],
    ['400 as plain JSON', answered('limit above maximum', 400, { contentType: 'application/json', body: violations }), 'limit above maximum: answered 400 but not as application/problem+json', 400],
    ['400 with an empty list', answered('limit above maximum', 400, { body: { violations: [] } }), 'limit above maximum: answered 400 without violations', 400],
    ['400 without the list', answered('limit above maximum', 400, { body: { title: 'Bad request' } }), 'limit above maximum: answered 400 without violations', 400],
    ['no answer', answered('limit above maximum', undefined), 'limit above maximum: answered no answer: the connection was closed before a complete answer instead of 400', 'no answer: the connection was closed before a complete answer'],
  ])('finds %s', (_name, exchange, message, actual) => {
    expect(summary([exchange], negativeDataCheck)).toEqual([{ check: 'negative_data_rejection', severity: 'error', expected: '400 application/problem+json with violations', actual, message }]);
  });
});

describe('positive data: a valid request at the bounds must not be refused', () => {
  it('wants 200 from the list, and 200 or 404 from get-one', () => {
    const ok = [answered('limit at maximum', 200), answered('id at its format maximum', 404, { operationId: 'getUsedDiagnosticEquipment' }), answered('id at its format minimum', 200, { operationId: 'getUsedDiagnosticEquipment' })];
    expect(summary(ok, positiveDataCheck)).toEqual([]);
    expect(summary([answered('limit at maximum', 404)], positiveDataCheck)).toEqual([{ check: 'positive_data_acceptance', severity: 'error', expected: 200, actual: 404, message: 'limit at maximum: a valid request was refused (404)' }]);
    expect(summary([answered('id at its format maximum', 400, { operationId: 'getUsedDiagnosticEquipment' })], positiveDataCheck)).toEqual([
      { check: 'positive_data_acceptance', severity: 'error', expected: '200 or 404', actual: 400, message: 'id at its format maximum: a valid request was refused (400)' },
    ]);
  });
});

describe('auth: a call missing or with a wrong credential must be refused', () => {
  it('takes 401 or 403, and finds anything else', () => {
    expect(summary([answered('no credentials', 401), answered('a wrong token', 403)], authCheck)).toEqual([]);
    expect(summary([answered('a wrong API key', 200)], authCheck)).toEqual([{ check: 'ignored_auth', severity: 'error', expected: '401 or 403', actual: 200, message: 'a wrong API key: not refused (200)' }]);
    expect(summary([answered('only the token', 404)], authCheck)).toHaveLength(1);
  });
});

describe('an undocumented method: 405 with Allow (a warning, the seed is silent)', () => {
  it('takes 405 with Allow, and tells 405 without Allow from another status', () => {
    expect(summary([answered('PUT on the collection', 405, { allow: 'GET, POST' })], methodCheck)).toEqual([]);
    expect(summary([answered('PUT on the collection', 405)], methodCheck)).toEqual([
      { check: 'unsupported_method', severity: 'warning', expected: '405 with an Allow header', actual: 'no Allow header', message: 'PUT on the collection: answered 405 without Allow' },
    ]);
    expect(summary([answered('PUT on the collection', 404, { allow: 'GET' })], methodCheck)).toEqual([
      { check: 'unsupported_method', severity: 'warning', expected: '405 with an Allow header', actual: 404, message: 'PUT on the collection: answered 404, not 405' },
    ]);
  });
  it('reports a PUT that got no answer, without failing', () => {
    expect(summary([answered('PUT on the collection', undefined)], methodCheck)).toEqual([
      { check: 'unsupported_method', severity: 'warning', expected: '405 with an Allow header', actual: 'no answer: the connection was closed before a complete answer', message: 'PUT on the collection: answered no answer: the connection was closed before a complete answer, not 405' },
    ]);
  });
});

describe('negative data: a refusal whose body is not JSON', () => {
  it('is a 400 without violations, said without failing', () => {
    const unreadable = { ...answered('limit above maximum', 400), response: { status: 400, headers: { 'content-type': 'application/problem+json' }, bodyText: 'refused', durationMs: 1 } };
    expect(summary([unreadable], negativeDataCheck)).toEqual([
      { check: 'negative_data_rejection', severity: 'error', expected: '400 application/problem+json with violations', actual: 400, message: 'limit above maximum: answered 400 without violations' },
    ]);
  });
});
