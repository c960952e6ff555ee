// The helpers every check reads exchanges with: which operation an exchange addressed, what came back,
// and whether it is a problem. Each reads exchanges that lack parts (no answer, no content type).
import { describe, expect, it } from 'vitest';
import { isProblem, operationName, outcome } from '../../contracts/checks/check.js';
import type { LabelledExchange } from '../../contracts/http-client.js';

const sent = (headers: Record<string, string> | undefined, extra: Partial<LabelledExchange> = {}): LabelledExchange => ({
  label: 'x',
  auth: 'both',
  attempts: 1,
  request: { method: 'GET', target: '/v2/elsewhere?limit=1', headers: {} },
  ...(headers === undefined ? {} : { response: { status: 409, headers, bodyText: '{}', durationMs: 1 } }),
  ...extra,
});

describe('the check helpers', () => {
  it('name an exchange by its operation, or by method and path when the document has none for it', () => {
    expect(operationName(sent({}, { operationId: 'listUsedDiagnosticEquipment' }))).toBe('listUsedDiagnosticEquipment');
    expect(operationName(sent({}))).toBe('GET /v2/elsewhere');
  });

  it('say what came back: the status, the transport error, or that nothing was sent', () => {
    expect(outcome(sent({}))).toBe(409);
    expect(outcome(sent(undefined, { error: { kind: 'timeout', message: 'no answer within 100 ms' } }))).toBe('no answer: no answer within 100 ms');
    expect(outcome(sent(undefined))).toBe('no answer: not sent');
  });

  it('take a problem by its media type, parameters and spaces aside, and nothing else', () => {
    expect(isProblem(sent({ 'content-type': 'application/problem+json' }))).toBe(true);
    expect(isProblem(sent({ 'content-type': 'application/problem+json ; charset=utf-8' }))).toBe(true);
    expect(isProblem(sent({ 'content-type': 'application/json' }))).toBe(false);
    expect(isProblem(sent({}))).toBe(false);
    expect(isProblem(sent(undefined))).toBe(false);
    expect(isProblem(undefined)).toBe(false);
  });
});
