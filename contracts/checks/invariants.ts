// Rules every exchange must obey, whatever request the suite made: a check that verifies the example
// it sent misses the drift nobody foresaw; these hold for any answer. Each is a pure function of the
// request, the response and the document.
//   record_identity  an answer that names a record names the one the request named (POST body, path)
//   list_arithmetic  rows, total, limit and offset add up; a filtered list holds only its ticket's rows
//   query_echo       the list's `query` echoes what was applied, defaults included, digit for digit
//   refusal_names_field  a 400 names, in `violations`, each field of the document the request broke
//                    (which ones, the kit's own validator says, compiled from the same document)
import { createRouter } from '../../src/spec/router.js';
import type { Finding } from '../findings.js';
import type { LabelledExchange } from '../http-client.js';
import { specValues } from '../spec-values.js';
import { bodyOf, findingFor, type CheckContext } from './check.js';
import { parseInput } from '../../mocks/core/input.js';
import type { CompiledOperation } from '../../src/spec/index.js';
import type { JsonSchema } from '../../src/spec/openapi-document.js';
import { inlinedSchema } from '../../src/spec/schema-registry.js';

import { invariantCheckNames } from '../check-names.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const integerText = /^-?\d+$/;
// One router per compiled document, not one per exchange judged.
const routers = new WeakMap<CheckContext['spec'], ReturnType<typeof createRouter>>();
const routerFor = (spec: CheckContext['spec']) => {
  let router = routers.get(spec);
  // Stryker disable next-line ConditionalExpression: a cache; a router made afresh answers the same
  if (router === undefined) routers.set(spec, (router = createRouter(spec.operations)));
  return router;
};

/** The value a query parameter was applied with: the request's, else the document's default. */
function applied(query: URLSearchParams, name: string, fallback: number | undefined): bigint | undefined {
  const given = query.getAll(name);
  if (given.length > 1) return undefined;
  if (given.length === 0) return fallback === undefined ? undefined : BigInt(fallback);
  return integerText.test(given[0]!) ? BigInt(given[0]!) : undefined;
}

/**
 * The digits of the list's echoed offset as the body wrote them (JSON.parse rounds past 2^53); failing
 * that (an echo holding nested objects, which the document allows), the parsed number's.
 */
function echoedOffsetDigits(bodyText: string, echoed: unknown): string | undefined {
  const query = /"query"\s*:\s*\{([^{}]*)\}/.exec(bodyText)?.[1] ?? '';
  return /"offset"\s*:\s*(-?[\d.eE+-]+)/.exec(query)?.[1] ?? (typeof echoed === 'number' ? String(echoed) : undefined);
}

/** Whether a violation's `field` names the document's field: as it is, or as the last part of a path ("body.ticket_id", "/limit"). */
export const namesField = (field: string, name: string) => field.split(/[^A-Za-z0-9_-]+/).includes(name);

/**
 * The document's fields (parameter names, the body's own properties) that a request breaks, as the
 * kit's validator finds them; headers, the media type and the body as a whole are left out: the
 * document's fields are what a client can map a violation back to.
 */
const fieldsOf = new WeakMap<CompiledOperation, Set<string>>();
/** An operation's parameter names and its body's own properties. */
function documentFields(spec: CheckContext['spec'], operation: CompiledOperation): Set<string> {
  let fields = fieldsOf.get(operation);
  if (fields === undefined) {
    const schema = Object.values(operation.operation.requestBody?.content ?? {})[0]?.schema;
    const bodyFields = schema === undefined ? [] : Object.keys((inlinedSchema(spec.document, schema as JsonSchema).properties ?? {}) as object);
    fieldsOf.set(operation, (fields = new Set([...operation.queryParameters, ...operation.pathParameters].map((p) => p.name).concat(bodyFields))));
  }
  return fields;
}

function brokenFields(exchange: LabelledExchange, context: CheckContext): string[] {
  const operation = context.spec.operations.find((o) => o.operationId === exchange.operationId);
  const [path = '', search = ''] = exchange.request.target.split('?');
  const match = routerFor(context.spec).match(exchange.request.method, path);
  if (operation === undefined || match.kind !== 'operation') return [];
  const headers = Object.fromEntries(Object.entries(exchange.request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const body = exchange.request.body === undefined ? undefined : new TextEncoder().encode(exchange.request.body);
  const parsed = parseInput(operation, { method: exchange.request.method, path, query: new URLSearchParams(search), headers, body }, match.pathValues);
  if (parsed.ok) return [];
  const names = documentFields(context.spec, operation);
  return [...new Set(parsed.violations.map((v) => v.field).filter((field) => names.has(field)))];
}

function refusalFindings(exchange: LabelledExchange, body: unknown, context: CheckContext): Finding[] {
  if (!isObject(body) || !Array.isArray(body.violations) || body.violations.length === 0) return [];
  const named = body.violations.map((v: unknown) => (isObject(v) && typeof v.field === 'string' ? v.field : undefined)).filter((f): f is string => f !== undefined);
  return brokenFields(exchange, context)
    .filter((name) => !named.some((field) => namesField(field, name)))
    .map((name) =>
      findingFor(
        exchange,
        { check: 'refusal_names_field', pointer: '/violations', expected: `a violation whose field names ${name}, the broken field`, actual: named, message: `the refusal does not name the broken field ${name} in violations` },
        context,
      ),
    );
}

export function invariantFindings(exchange: LabelledExchange, context: CheckContext): Finding[] {
  const response = exchange.response;
  if (response?.status === 400) return refusalFindings(exchange, bodyOf(exchange), context);
  if (response === undefined || response.status < 200 || response.status >= 300) return [];
  const body = bodyOf(exchange);
  // Not an object: the schema check has said so already; there is nothing here to add up.
  if (!isObject(body)) return [];
  const values = specValues(context.spec);
  const findings: Finding[] = [];
  const fail = (check: (typeof invariantCheckNames)[number], pointer: string, expected: unknown, actual: unknown, message: string) =>
    findings.push(findingFor(exchange, { check, pointer, expected, actual, message }, context));
  // Stryker disable next-line StringLiteral: split gives the path at least, and an empty search adds no parameter
  const [path = '', search = ''] = exchange.request.target.split('?');

  if (exchange.operationId === values.one.operationId) {
    const match = routerFor(context.spec).match('GET', path);
    if (match.kind === 'operation') {
      const [ticketId, id] = values.one.pathParameters.map((p) => match.pathValues.get(p.name));
      if (typeof body.ticket_id === 'string' && body.ticket_id.toLowerCase() !== ticketId?.toLowerCase())
        fail('record_identity', '/ticket_id', ticketId, body.ticket_id, 'the answer names another ticket than the path');
      if (body.diagnostic_equipment_id !== Number(id))
        fail('record_identity', '/diagnostic_equipment_id', Number(id), body.diagnostic_equipment_id, 'the answer names another diagnostic equipment than the path');
    }
  }

  if (exchange.operationId === values.add.operationId && exchange.request.body !== undefined) {
    const sent = JSON.parse(exchange.request.body) as Json;
    if (typeof body.ticket_id === 'string' && typeof sent.ticket_id === 'string' && body.ticket_id.toLowerCase() !== sent.ticket_id.toLowerCase())
      fail('record_identity', '/ticket_id', sent.ticket_id, body.ticket_id, 'the created record names another ticket than the one sent');
    if (body.diagnostic_equipment_id !== sent.diagnostic_equipment_id)
      fail('record_identity', '/diagnostic_equipment_id', sent.diagnostic_equipment_id, body.diagnostic_equipment_id, 'the created record names another diagnostic equipment than the one sent');
  }

  if (exchange.operationId === values.list.operationId) {
    const query = new URLSearchParams(search);
    const limit = applied(query, 'limit', values.limit.default);
    const offset = applied(query, 'offset', values.offset.default);
    const ticket = query.getAll('ticket_id');
    const echo = isObject(body.query) ? body.query : undefined;
    // The request's own limit or offset were not valid: input checks judge that answer, there is nothing
    // to add up. (Two ticket_id values: the rows still add up; only the filter's rules need one.)
    if (limit === undefined || offset === undefined) return findings;

    if (echo !== undefined) {
      if (echo.limit !== Number(limit)) fail('query_echo', '/query/limit', Number(limit), echo.limit, 'the applied limit is not echoed');
      const digits = echoedOffsetDigits(response.bodyText, echo.offset);
      if (digits !== offset.toString())
        fail('query_echo', '/query/offset', offset.toString(), digits ?? echo.offset, offset > BigInt(Number.MAX_SAFE_INTEGER) ? 'the applied offset is not echoed digit for digit (int64 past 2^53)' : 'the applied offset is not echoed');
      if (ticket.length === 1 && typeof echo.ticket_id === 'string' ? echo.ticket_id.toLowerCase() !== ticket[0]!.toLowerCase() : ticket.length === 1)
        fail('query_echo', '/query/ticket_id', ticket[0], echo.ticket_id, 'the applied ticket_id is not echoed');
    }

    const rows = body.result;
    if (Array.isArray(rows) && Number.isInteger(body.total)) {
      const left = BigInt(body.total as number) - offset;
      // Stryker disable next-line EqualityOperator: at either boundary both branches give the same count
      const expected = Number(left < 0n ? 0n : left < limit ? left : limit);
      if (rows.length !== expected)
        fail('list_arithmetic', '/result', `${expected} rows: min(limit ${limit}, total ${body.total} − offset ${offset})`, rows.length, 'the number of rows does not add up with total, limit and offset');
    }
    if (Array.isArray(rows) && ticket.length === 1) {
      const foreign = rows.findIndex((row) => isObject(row) && typeof row.ticket_id === 'string' && row.ticket_id.toLowerCase() !== ticket[0]!.toLowerCase());
      if (foreign >= 0) fail('list_arithmetic', `/result/${foreign}/ticket_id`, ticket[0], (rows[foreign] as Json).ticket_id, 'a list filtered by ticket_id holds a row of another ticket');
    }
  }
  return findings;
}
