// Response validation whose work is bounded however many rows break: the first 100 errors in full,
// every further broken row counted with one yes/no, and a list of n rows costing n, not n².
import { describe, expect, it } from 'vitest';
import { cappedSchemaErrors, listedSchemaViolationsCap } from '../../src/spec/capped-response-validation.js';
import { compiledSpec } from '../../src/spec/index.js';
import { documentedResponse } from '../../src/spec/response-validation.js';

const list = compiledSpec().operations.find((o) => o.operationId === 'listUsedDiagnosticEquipment')!;
const schema = documentedResponse(list, 200)!.response.content!['application/json']!.schema!;
const good = { ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', diagnostic_equipment_id: 12, name: 'iCarsoft CR Pro', version: '2.0' };
const broken = { ticket_id: 'not-a-uuid', diagnostic_equipment_id: 'twelve', name: 'x', version: '' };
const body = (rows: unknown[]) => ({ query: { limit: 25, offset: 0 }, result: rows, total: rows.length });

describe('cappedSchemaErrors', () => {
  it('finds nothing in a valid list', () => {
    expect(cappedSchemaErrors('list', schema, body([good, good]))).toEqual({ errors: [], unlistedRows: 0 });
  });

  it('gives every error of a few broken rows, with paths into the list', () => {
    const { errors, unlistedRows } = cappedSchemaErrors('list', schema, body([good, broken]));
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/result/1/ticket_id format', '/result/1/diagnostic_equipment_id type', '/result/1/version minLength']);
    expect(unlistedRows).toBe(0);
  });

  it('keeps the first 100 errors of 250,000 broken rows and counts the other rows, in linear time', () => {
    const rows = Array.from({ length: 250_000 }, () => broken);
    const started = performance.now();
    const { errors, unlistedRows } = cappedSchemaErrors('list', schema, body(rows));
    const elapsed = performance.now() - started;
    // Rows of 3 errors each: 34 rows give 102 errors, the cap is then reached.
    expect(errors.length).toBeGreaterThanOrEqual(listedSchemaViolationsCap);
    expect(errors.length).toBeLessThan(listedSchemaViolationsCap + 3);
    expect(unlistedRows).toBe(250_000 - 34);
    // Quadratic (the errors of each row concatenated into the list's) took minutes here.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('still checks the list as a whole and the rest of the body', () => {
    const { errors } = cappedSchemaErrors('list', schema, { query: { limit: 'x', offset: 0 }, result: 'not a list', total: '3' });
    expect(errors.map((e) => e.instancePath).sort()).toEqual(['/query/limit', '/result', '/total']);
  });
});
