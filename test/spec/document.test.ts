// The document itself: the seed's examples validate against its schemas, broken variants do not, and
// every example the document carries agrees with the schema beside it.
import { describe, expect, it } from 'vitest';
import { compiledSpec, schemaRef } from '../../src/spec/index.js';
import { ajvRegistries } from '../../src/spec/runtime-spec.js';
import type { JsonSchema } from '../../src/spec/openapi-document.js';
import { registrySchema } from '../../src/spec/schema-registry.js';
import { checkResponse } from '../../src/spec/response-validation.js';

const spec = compiledSpec();
const validatorOf = (name: string) => ajvRegistries().responseAjv.compile(schemaRef(name));
const operation = (id: string) => spec.operations.find((o) => o.operationId === id)!;

// The seed documentation's own samples, verbatim where it prints them.
const seedRecord = {
  ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8',
  diagnostic_equipment_id: 12,
  name: 'iCarsoft CR Pro',
  version: '2.0',
};
const seedList = { query: { limit: 25, offset: 0 }, result: [seedRecord], total: 3255 };
const seedProblem = {
  detail: 'The request violates one or more constraints. Please resolve all of them and try again.',
  status: 400,
  title: 'Bad request',
  type: '/problems/violations',
  violations: [],
};

describe('the OpenAPI document', () => {
  it('describes the four operations of the seed, with BETA marked', () => {
    expect(spec.operations.map((o) => `${o.method} ${o.pathTemplate} ${o.operationId}`)).toEqual([
      'GET /v2/tickets/used-diagnostic-equipment listUsedDiagnosticEquipment',
      'POST /v2/tickets/used-diagnostic-equipment addUsedDiagnosticEquipment',
      'GET /v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id} getUsedDiagnosticEquipment',
      'DELETE /v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id} removeUsedDiagnosticEquipment',
    ]);
    for (const o of spec.operations) {
      expect(o.operation['x-beta']).toBe(true);
      // One requirement naming both schemes: both credentials at once, not either.
      expect(o.operation.security).toHaveLength(1);
      expect(Object.keys(o.operation.security![0]!).sort()).toEqual(['ApiKey', 'OAuth2']);
    }
    expect(Object.keys(operation('addUsedDiagnosticEquipment').operation.responses)).toEqual(['201', '400', 'default']);
    expect(Object.keys(operation('removeUsedDiagnosticEquipment').operation.responses)).toEqual(['204', 'default']);
    expect(spec.document.components.securitySchemes.ApiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
  });

  it("accepts the seed's examples", () => {
    for (const [name, value] of [
      ['UsedDiagnosticEquipment', seedRecord],
      ['UsedDiagnosticEquipmentList', seedList],
      ['Problem', seedProblem],
      ['NewUsedDiagnosticEquipment', { ticket_id: seedRecord.ticket_id, diagnostic_equipment_id: 12 }],
      ['UsedDiagnosticEquipment', { ...seedRecord, version: null }],
      ['UsedDiagnosticEquipment', { ...seedRecord, name: '' }],
      ['UsedDiagnosticEquipment', { ...seedRecord, name: 'n'.repeat(255), version: 'v'.repeat(255) }],
      ['UsedDiagnosticEquipmentList', { ...seedList, query: { limit: 0, offset: 0, ticket_id: seedRecord.ticket_id } }],
    ] as const) {
      const validate = validatorOf(name);
      expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    ['an empty version', 'UsedDiagnosticEquipment', { ...seedRecord, version: '' }, '/version'],
    ['a 256-character name', 'UsedDiagnosticEquipment', { ...seedRecord, name: 'n'.repeat(256) }, '/name'],
    ['a 256-character version', 'UsedDiagnosticEquipment', { ...seedRecord, version: 'v'.repeat(256) }, '/version'],
    ['a ticket id that is not a uuid', 'UsedDiagnosticEquipment', { ...seedRecord, ticket_id: '595be628' }, '/ticket_id'],
    ['an id past int32', 'UsedDiagnosticEquipment', { ...seedRecord, diagnostic_equipment_id: 2 ** 31 }, '/diagnostic_equipment_id'],
    ['an id as a string', 'UsedDiagnosticEquipment', { ...seedRecord, diagnostic_equipment_id: '12' }, '/diagnostic_equipment_id'],
    ['a missing name', 'UsedDiagnosticEquipment', { ...seedRecord, name: undefined }, ''],
    ['limit 1001 echoed', 'UsedDiagnosticEquipmentList', { ...seedList, query: { limit: 1001, offset: 0 } }, '/query/limit'],
    ['a negative offset echoed', 'UsedDiagnosticEquipmentList', { ...seedList, query: { limit: 25, offset: -1 } }, '/query/offset'],
    ['no limit echoed', 'UsedDiagnosticEquipmentList', { ...seedList, query: { offset: 0 } }, '/query'],
    ['total as a string', 'UsedDiagnosticEquipmentList', { ...seedList, total: '3255' }, '/total'],
    ['a problem without a type', 'Problem', { ...seedProblem, type: undefined }, ''],
    ['a violation without a message', 'Problem', { ...seedProblem, violations: [{ field: 'limit' }] }, '/violations/0'],
  ])('rejects %s', (_name, schema, value, pointer) => {
    const validate = validatorOf(schema);
    expect(validate(JSON.parse(JSON.stringify(value)))).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain(pointer);
  });

  it('rejects limit 1001 as a request parameter, and applies the defaults', () => {
    const list = operation('listUsedDiagnosticEquipment');
    expect(list.validateQuery({ limit: 1001 })).toBe(false);
    const query = {};
    expect(list.validateQuery(query)).toBe(true);
    expect(query).toEqual({ limit: 25, offset: 0 });
  });

  it('has examples that validate against the schemas beside them', () => {
    const checked: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      const schema = object.schema as JsonSchema | undefined;
      if (schema !== undefined && 'example' in object) {
        const validate = ajvRegistries().responseAjv.compile(registrySchema(schema));
        expect(validate(object.example), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
        checked.push(path);
      }
      for (const [key, value] of Object.entries(object)) visit(value, `${path}/${key}`);
    };
    visit(spec.document.paths, '#/paths');
    visit(spec.document.components.responses, '#/components/responses');
    for (const [name, schema] of Object.entries(spec.document.components.schemas)) {
      if (schema.example === undefined) continue;
      const validate = validatorOf(name);
      expect(validate(schema.example), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('checks responses by operation: documented status, media type, schema and problem status', () => {
    const get = operation('getUsedDiagnosticEquipment');
    const remove = operation('removeUsedDiagnosticEquipment');
    const ok = (status: number, contentType: string, body: unknown) => ({ status, contentType, bodyText: JSON.stringify(body) });
    expect(checkResponse(get, ok(200, 'application/json', seedRecord))).toEqual([]);
    expect(checkResponse(get, ok(404, 'application/problem+json', { ...seedProblem, status: 404 }))).toEqual([]);
    expect(checkResponse(get, ok(200, 'application/problem+json', seedRecord)).map((i) => i.kind)).toEqual(['content-type']);
    expect(checkResponse(get, ok(404, 'application/json', { ...seedProblem, status: 404 })).map((i) => i.kind)).toEqual(['content-type']);
    expect(checkResponse(get, ok(404, 'application/problem+json', seedProblem)).map((i) => i.kind)).toEqual(['problem-status']);
    expect(checkResponse(get, ok(200, 'application/json', { ...seedRecord, version: '' })).map((i) => i.kind)).toEqual(['schema']);
    expect(checkResponse(get, { status: 200, contentType: 'application/json', bodyText: '{' }).map((i) => i.kind)).toEqual(['invalid-json']);
    expect(checkResponse(remove, { status: 204, contentType: undefined, bodyText: '' })).toEqual([]);
    // `default` describes errors: a success the operation does not name is undocumented.
    expect(checkResponse(remove, ok(200, 'application/json', {})).map((i) => i.kind)).toEqual(['undocumented-status']);
    const add = operation('addUsedDiagnosticEquipment');
    expect(checkResponse(add, ok(200, 'application/json', seedRecord)).map((i) => i.kind)).toEqual(['undocumented-status']);
    expect(checkResponse(add, ok(201, 'application/json', seedRecord))).toEqual([]);
    expect(checkResponse(remove, { status: 204, contentType: undefined, bodyText: 'x' }).map((i) => i.kind)).toEqual(['unexpected-body']);
  });
});
