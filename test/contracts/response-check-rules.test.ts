// The checks every response goes through, pinned one at a time: a correct answer, then one way of
// getting each rule wrong, with the finding asserted whole (check, severity, pointer, expected, actual,
// message, occurrences).
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../contracts/checks/check.js';
import { responseFindings } from '../../contracts/checks/response-checks.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { specValues } from '../../contracts/spec-values.js';
import { listedSchemaViolationsCap } from '../../src/spec/capped-response-validation.js';
import { jsonBounds } from '../../src/spec/json-bounds.js';
import { compiledSpec } from '../../src/spec/index.js';
import { openApiDocument } from '../../src/spec/generated/document.js';
import type { OpenApiDocument } from '../../src/spec/openapi-document.js';
import { compileSpec } from '../../src/spec/runtime-spec.js';

const spec = compiledSpec();
const values = specValues(spec);
const context: CheckContext = { spec, fixtures: { equipment: [], probeRemoveRule: false }, readOnly: true, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
const ticket = 'aaaaaaaa-0000-4000-8000-000000000001';
const record = { ticket_id: ticket, diagnostic_equipment_id: 7, name: 'Tool 7', version: null };
const nameSchema = { type: 'string', minLength: 0, maxLength: 255 };
const versionSchema = { type: 'string', nullable: true, minLength: 1, maxLength: 255 };

interface Answer {
  status: number;
  contentType?: string | null;
  body?: unknown;
  text?: string;
  bodyLimitExceeded?: number;
}

function exchange(operationId: string, method: string, target: string, answer: Answer): LabelledExchange {
  const headers: Record<string, string> = {};
  const contentType = answer.contentType === undefined ? (answer.status >= 400 ? 'application/problem+json' : 'application/json') : answer.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const bodyText = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  return {
    label: 'probe',
    auth: 'both',
    attempts: 1,
    operationId,
    request: { method, target, headers: {} },
    response: { status: answer.status, headers, bodyText, durationMs: 1, ...(answer.bodyLimitExceeded === undefined ? {} : { bodyLimitExceeded: answer.bodyLimitExceeded }) },
  };
}

const getOne = (answer: Answer) => exchange('getUsedDiagnosticEquipment', 'GET', values.oneTarget(ticket, 7), answer);
const remove = (answer: Answer) => exchange('removeUsedDiagnosticEquipment', 'DELETE', values.oneTarget(ticket, 7), answer);
const listOf = (rows: unknown[]) => exchange('listUsedDiagnosticEquipment', 'GET', `${values.collection}?limit=${values.limit.max}`, { status: 200, body: { query: { limit: values.limit.max, offset: 0 }, result: rows, total: rows.length } });
const findingsOf = (e: LabelledExchange) =>
  responseFindings(e, context).map((f) => ({ check: f.check, severity: f.severity, pointer: f.pointer, expected: f.expected, actual: f.actual.value, message: f.message, occurrences: f.occurrences }));
const finding = (check: string, fields: { pointer?: string; expected: unknown; actual: unknown; message: string; severity?: string; occurrences?: number }) => ({
  check,
  severity: fields.severity ?? 'error',
  pointer: fields.pointer ?? '',
  expected: fields.expected,
  actual: fields.actual,
  message: fields.message,
  occurrences: fields.occurrences ?? 1,
});
const problem = (status: number) => ({ type: 'about:blank', title: 'Refused', status, detail: 'Refused for the test.' });

describe('every response, one rule at a time', () => {
  it('finds nothing in correct answers: a record, a problem below 500, an empty 204, a list', () => {
    expect(findingsOf(getOne({ status: 200, body: record }))).toEqual([]);
    expect(findingsOf(getOne({ status: 404, body: problem(404) }))).toEqual([]);
    expect(findingsOf(getOne({ status: 499, body: problem(499) }))).toEqual([]);
    expect(findingsOf(remove({ status: 204 }))).toEqual([]);
    expect(findingsOf(listOf([record]))).toEqual([]);
    expect(findingsOf(getOne({ status: 200, contentType: 'Application/JSON; charset=utf-8', body: record }))).toEqual([]);
  });

  it('a 5xx is a server error, and nothing else is said about it', () => {
    for (const status of [500, 503]) {
      expect(findingsOf(getOne({ status, contentType: 'text/html', text: '<h1>down</h1>' }))).toEqual([
        finding('not_a_server_error', { expected: 'a status below 500', actual: status, message: `the server failed with ${status}` }),
      ]);
    }
  });

  it('a body past the byte limit, or nested past the bound, is one finding and is not looked into', () => {
    const expected = (bytes: number) => `a body of at most ${bytes.toLocaleString('en-US')} bytes, nested at most ${jsonBounds.maxDepth} deep, with at most ${jsonBounds.maxValues.toLocaleString('en-US')} values`;
    expect(findingsOf(getOne({ status: 200, text: '', bodyLimitExceeded: 2048 }))).toEqual([
      finding('response_within_limits', { expected: expected(2048), actual: 'more bytes than the limit', message: 'the body is larger than 2,048 bytes (--max-body-bytes); the suite stopped reading it' }),
    ]);
    const deep = `${'['.repeat(jsonBounds.maxDepth + 1)}${']'.repeat(jsonBounds.maxDepth + 1)}`;
    expect(findingsOf(getOne({ status: 200, text: deep }))).toEqual([
      finding('response_within_limits', {
        expected: expected(10 * 1024 * 1024),
        actual: `${deep.length} characters`,
        message: `the body nests deeper than ${jsonBounds.maxDepth} levels; the suite does not parse it`,
      }),
    ]);
  });

  it('a success the operation does not document is a status finding, whatever its body', () => {
    expect(findingsOf(getOne({ status: 201, body: record }))).toEqual([
      finding('status_code_conformance', { expected: ['200', 'default'], actual: 201, message: 'success status 201 is not documented for getUsedDiagnosticEquipment; expected 200' }),
    ]);
  });

  it('a body where the document says none is a schema finding', () => {
    expect(findingsOf(remove({ status: 204, body: {} }))).toEqual([
      finding('response_schema_conformance', { expected: ['204', 'default'], actual: 204, message: 'status 204 is documented without a body, but one came back' }),
    ]);
  });

  it('a media type the document does not name, or none, is a content-type finding', () => {
    expect(findingsOf(getOne({ status: 200, contentType: 'text/plain', body: record }))).toEqual([
      finding('content_type_conformance', { expected: ['200', 'default'], actual: 'text/plain', message: 'content type text/plain is not documented for status 200; expected application/json' }),
    ]);
    expect(findingsOf(getOne({ status: 404, contentType: null, body: problem(404) }))).toEqual([
      finding('content_type_conformance', { expected: ['200', 'default'], actual: null, message: 'content type (none) is not documented for status 404; expected application/problem+json' }),
    ]);
  });

  it('a body that is not JSON is a schema finding that says why', () => {
    const [only, ...rest] = findingsOf(getOne({ status: 200, text: '{"ticket_id": ' }));
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ check: 'response_schema_conformance', pointer: '', expected: ['200', 'default'], actual: 200 });
    expect(only!.message).toMatch(/^the body is not valid JSON \(.+\)$/);
  });

  it('a value that breaks its schema names the place, the whole schema there (without its prose), and the value', () => {
    expect(findingsOf(getOne({ status: 200, body: { ...record, name: 42 } }))).toEqual([
      finding('response_schema_conformance', { pointer: '/name', expected: nameSchema, actual: 42, message: 'must be a string' }),
    ]);
    expect(findingsOf(getOne({ status: 200, body: { ...record, version: '' } }))).toEqual([
      finding('response_schema_conformance', { pointer: '/version', expected: versionSchema, actual: '', message: 'must NOT have fewer than 1 characters' }),
    ]);
  });

  it('a missing property points at it, expects its schema, and has no value', () => {
    const { name: _name, ...nameless } = record;
    expect(findingsOf(getOne({ status: 200, body: nameless }))).toEqual([finding('response_schema_conformance', { pointer: '/name', expected: nameSchema, actual: undefined, message: 'is missing' })]);
  });

  it('the same violation in every row is one finding that counts them', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ ...record, diagnostic_equipment_id: i + 1, name: i }));
    expect(findingsOf(listOf(rows))).toEqual([
      finding('response_schema_conformance', { pointer: '/result/0/name', expected: nameSchema, actual: 0, message: 'must be a string', occurrences: 30 }),
    ]);
  });

  it(`past ${listedSchemaViolationsCap} listed violations, the rest are counted in one finding`, () => {
    // Each row breaks in its own way (its own property name), so none fold together.
    const rows = Array.from({ length: listedSchemaViolationsCap + 40 }, (_, i) => {
      const { name: _name, ...row } = { ...record, diagnostic_equipment_id: i + 1 };
      return i % 2 === 0 ? row : { ...row, name: `n${i}`, version: i };
    });
    const found = findingsOf(listOf(rows));
    const more = found.filter((f) => f.actual !== undefined && typeof f.actual === 'string' && f.actual.endsWith('further violations'));
    expect(more).toHaveLength(1);
    expect(more[0]).toMatchObject({ check: 'response_schema_conformance', expected: 'the documented response schema', pointer: '' });
    expect(more[0]!.message).toMatch(/more rows break the schema, not listed/);
    expect(more[0]!.actual).toBe(`${more[0]!.occurrences} further violations`);
    // Each of the 140 rows breaks once: the first 100 violations are listed, the other 40 rows counted.
    expect(more[0]!.occurrences).toBe(40);
  });

  it('a problem whose status differs from the HTTP status is its own finding', () => {
    expect(findingsOf(getOne({ status: 404, body: problem(400) }))).toEqual([
      finding('problem_status_conformance', { pointer: '/status', expected: 404, actual: 400, message: 'problem status 400 differs from the HTTP status 404' }),
    ]);
  });

  it('a property the schema does not name is a warning, folded over the rows of a list', () => {
    expect(findingsOf(getOne({ status: 200, body: { ...record, colour: 'red' } }))).toEqual([
      finding('undocumented_property', { severity: 'warning', pointer: '/colour', expected: 'only the properties the schema names', actual: 'colour', message: 'a property the document does not name (allowed, but undocumented)' }),
    ]);
    const rows = [1, 2, 3].map((id) => ({ ...record, diagnostic_equipment_id: id, colour: 'red' }));
    expect(findingsOf(listOf(rows))).toEqual([
      finding('undocumented_property', { severity: 'warning', pointer: '/result/0/colour', expected: 'only the properties the schema names', actual: 'colour', message: 'a property the document does not name (allowed, but undocumented)', occurrences: 3 }),
    ]);
  });

  it('an exchange with no answer, or for no operation of the document, is judged on what there is', () => {
    const unanswered = { ...getOne({ status: 200 }), response: undefined, error: { kind: 'timeout' as const, message: 'no answer' } };
    expect(findingsOf(unanswered)).toEqual([]);
    const outside = exchange('', 'GET', '/elsewhere', { status: 200, contentType: 'text/plain', text: 'hello' });
    delete outside.operationId;
    expect(findingsOf(outside)).toEqual([]);
    expect(findingsOf({ ...outside, response: { ...outside.response!, status: 502 } })).toHaveLength(1);
  });

  it(`names at most ${listedSchemaViolationsCap} kinds of undocumented property`, () => {
    const extra = Object.fromEntries(Array.from({ length: listedSchemaViolationsCap + 1 }, (_, i) => [`extra${i}`, i]));
    const found = findingsOf(getOne({ status: 200, body: { ...record, ...extra } }));
    expect(found.filter((f) => f.check === 'undocumented_property')).toHaveLength(listedSchemaViolationsCap);
  });

  it('expects the schema of the place that broke without the words that document it', () => {
    // A row that is not an object breaks the record's schema, which has a title and an example.
    const [found] = findingsOf(listOf(['oops']));
    expect(found).toMatchObject({ check: 'response_schema_conformance', pointer: '/result/0', actual: 'oops' });
    expect(Object.keys(found!.expected as object).sort()).toEqual(['properties', 'required', 'type']);
    // A document whose property carries `examples` and a `title` (OpenAPI 3.1 style) reads the same.
    const copy = structuredClone(openApiDocument) as OpenApiDocument;
    const schemas = copy.components!.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    Object.assign(schemas.UsedDiagnosticEquipment!.properties.name!, { title: 'Name', examples: ['Tool'] });
    const other = { ...context, spec: compileSpec(copy) };
    const [named] = responseFindings(getOne({ status: 200, body: { ...record, name: 5 } }), other);
    expect(named!.expected).toEqual(nameSchema);
  });

  it('reads an answer of a status the operation does not document, where no default answers for it', () => {
    const copy = structuredClone(openApiDocument) as OpenApiDocument;
    const responses = copy.paths['/v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id}']!.get!.responses as Record<string, unknown>;
    delete responses.default;
    const other = { ...context, spec: compileSpec(copy) };
    const found = responseFindings(getOne({ status: 418, body: problem(418) }), other);
    expect(found.map((f) => [f.check, f.actual.value])).toEqual([['status_code_conformance', 418]]);
  });
});
