// The request reader and the origin policy pinned where mutation testing found them loose: which
// violation each broken input gives (and only that one), and which origins and Host names pass.
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { mediaTypeOf, parseInput, readJsonBody, violationsFrom } from '../../mocks/core/input.js';
import { createOriginPolicy, hostAllowed, normaliseOrigin } from '../../mocks/core/origins.js';
import type { Violation } from '../../mocks/core/problems.js';
import { jsonBounds } from '../../src/spec/json-bounds.js';
import { compiledSpec } from '../../src/spec/index.js';

const error = (keyword: string, instancePath: string, params: Record<string, unknown> = {}, message?: string) => ({ keyword, instancePath, params, schemaPath: '#', ...(message === undefined ? {} : { message }) }) as ErrorObject;

describe('violations from ajv errors', () => {
  it('names the child for required and additionalProperties, the place for the rest, the root for the top', () => {
    expect(
      violationsFrom(
        [
          error('required', '', { missingProperty: 'ticket_id' }, "must have required property 'ticket_id'"),
          error('additionalProperties', '/nested', { additionalProperty: 'extra' }, 'must NOT have additional properties'),
          error('type', '/diagnostic_equipment_id', { type: 'integer' }, 'must be integer'),
          error('type', '', { type: 'object' }, 'must be object'),
          error('maxLength', '/a/b', {}),
        ],
        'body',
      ),
    ).toStrictEqual([
      { field: 'ticket_id', message: 'is required' },
      { field: 'nested.extra', message: 'is not allowed' },
      { field: 'diagnostic_equipment_id', message: 'must be an integer' },
      { field: 'body', message: 'must be an object' },
      { field: 'a.b', message: 'is invalid' },
    ]);
  });

  it('keeps the first message of a field only, and takes none from nothing', () => {
    expect(violationsFrom([error('type', '/limit', { type: 'integer' }, 'must be integer'), error('minimum', '/limit', {}, 'must be >= 0')], 'query')).toStrictEqual([{ field: 'limit', message: 'must be an integer' }]);
    expect(violationsFrom(null, 'query')).toStrictEqual([]);
    expect(violationsFrom(undefined, 'query')).toStrictEqual([]);
  });
});

describe('reading a JSON body', () => {
  const json = { mediaType: 'application/json', required: true };
  const read = (body: Uint8Array | undefined, contentType: string | undefined, expected = json) => {
    const violations: Violation[] = [];
    const value = readJsonBody({ method: 'POST', path: '/', query: new URLSearchParams(), headers: contentType === undefined ? {} : { 'content-type': contentType }, body } as MockRequest, expected, violations);
    return { value, violations };
  };
  const text = (s: string) => new TextEncoder().encode(s);

  it('reads JSON under its media type, whatever its case and parameters', () => {
    expect(read(text('{"a":1}'), ' Application/JSON ; charset=utf-8')).toStrictEqual({ value: { a: 1 }, violations: [] });
    expect(mediaTypeOf('application/json;charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf('  ')).toBeUndefined();
    expect(mediaTypeOf(undefined)).toBeUndefined();
  });

  it('wants a required body, and lets an optional one be absent or empty', () => {
    for (const body of [undefined, new Uint8Array(0)]) {
      expect(read(body, 'application/json')).toStrictEqual({ value: undefined, violations: [{ field: 'body', message: 'is required (application/json)' }] });
      expect(read(body, 'application/json', { ...json, required: false })).toStrictEqual({ value: undefined, violations: [] });
    }
  });

  it('refuses another media type, or none, before reading', () => {
    expect(read(text('{}'), 'text/plain').violations).toStrictEqual([{ field: 'Content-Type', message: 'must be application/json, not text/plain' }]);
    expect(read(text('{}'), undefined).violations).toStrictEqual([{ field: 'Content-Type', message: 'must be application/json, not missing' }]);
  });

  it('refuses bytes that are not UTF-8, JSON nested past the bound, and broken JSON, each for what it is', () => {
    expect(read(new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json').violations).toStrictEqual([{ field: 'body', message: 'must be valid UTF-8' }]);
    const deep = '['.repeat(jsonBounds.maxDepth + 1) + ']'.repeat(jsonBounds.maxDepth + 1);
    expect(read(text(deep), 'application/json').violations).toStrictEqual([{ field: 'body', message: `nests deeper than ${jsonBounds.maxDepth} levels, more than this mock parses` }]);
    const broken = read(text('{"a":'), 'application/json');
    expect(broken.value).toBeUndefined();
    expect(broken.violations).toEqual([{ field: 'body', message: expect.stringMatching(/^must be valid JSON \(.+\)$/) as string }]);
  });
});

describe('parsing an operation’s input', () => {
  const spec = compiledSpec();
  const operation = (id: string) => spec.operations.find((o) => o.operationId === id)!;
  const request = (query: string, body?: string, contentType = 'application/json'): MockRequest => ({ method: 'POST', path: '/', query: new URLSearchParams(query), headers: { 'content-type': contentType }, ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }) });

  it('gives the typed values it was sent, leaving out those it was not, and defaults', () => {
    const result = parseInput(operation('listUsedDiagnosticEquipment'), request('offset=3'), new Map());
    expect(result).toStrictEqual({ ok: true, input: { query: { limit: 25, offset: 3 }, path: {}, body: undefined } });
  });

  it('lists query violations in the document’s order, whichever check found them', () => {
    const result = parseInput(operation('listUsedDiagnosticEquipment'), request('ticket_id=nope&offset=-1&limit=x'), new Map());
    expect(result.ok).toBe(false);
    const fields = (result as { violations: Violation[] }).violations.map((v) => v.field);
    const order = operation('listUsedDiagnosticEquipment').queryParameters.map((p) => p.name);
    expect(fields).toEqual([...fields].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(new Set(fields)).toEqual(new Set(['ticket_id', 'offset', 'limit']));
  });

  it('checks the body against its schema only when it could be read', () => {
    const add = operation('addUsedDiagnosticEquipment');
    expect(parseInput(add, request('', '{"ticket_id":'), new Map())).toEqual({ ok: false, violations: [{ field: 'body', message: expect.stringMatching(/^must be valid JSON/) as string }] });
    expect(parseInput(add, request('', undefined), new Map())).toStrictEqual({ ok: false, violations: [{ field: 'body', message: 'is required (application/json)' }] });
    expect(parseInput(add, request('', '{}'), new Map())).toStrictEqual({
      ok: false,
      violations: [
        { field: 'ticket_id', message: 'is required' },
        { field: 'diagnostic_equipment_id', message: 'is required' },
      ],
    });
  });
});

describe('origins', () => {
  it('normalises an origin as a browser sends it, and refuses what is not one', () => {
    expect(normaliseOrigin('*')).toBe('*');
    expect(normaliseOrigin('HTTPS://App.Example:443')).toBe('https://app.example');
    expect(normaliseOrigin('http://app.example:8080/')).toBe('http://app.example:8080');
    for (const bad of ['not a url', 'ftp://app.example', 'file:///etc', 'http://app.example/path', 'http://app.example/?q=1', 'http://user@app.example', 'http://user:pw@app.example']) {
      expect(normaliseOrigin(bad), bad).toBeUndefined();
    }
  });

  it('matches a named origin however it was written, and keeps `*` to the wildcard', () => {
    const policy = createOriginPolicy(['HTTPS://App.Example:443', '*']);
    expect(policy.grant('https://app.example')).toBe('echo');
    expect(policy.grant('https://other.example')).toBe('wildcard');
    expect(policy.grant('*')).toBe('wildcard');
    expect(policy.adminAllowed('*')).toBe(false);
    expect(createOriginPolicy(['https://app.example']).grant('https://other.example')).toBeUndefined();
  });

  it('takes a Host header with spaces around it', () => {
    expect(hostAllowed(' localhost:4010 ', [])).toBe(true);
    expect(hostAllowed(' evil.example ', [])).toBe(false);
    expect(hostAllowed(' Mock.Example ', ['mock.example'])).toBe(true);
  });
});
