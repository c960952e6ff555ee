// Checks every recorded response against the document: no 5xx, a documented status, the documented
// media type, a body that validates (all errors), a problem's status equal to the HTTP status, and
// (warning) properties the schema does not name.
import type { ErrorObject } from 'ajv';
import { jsonBounds } from '../../src/spec/json-bounds.js';
import { checkResponse, documentedResponse, listedSchemaViolationsCap, mediaTypeOf, pointerShape, type ResponseIssueKind } from '../../src/spec/response-validation.js';
import { defaultMaxBodyBytes } from '../http-client.js';
import { messageOf } from '../../src/spec/violation-message.js';
import { parsedBody } from '../parsed-body.js';
import { undocumentedProperties } from '../../src/spec/undocumented-properties.js';
import type { LabelledExchange } from '../http-client.js';
import type { Finding } from '../findings.js';
import { bodyOf, findingFor, type CheckContext } from './check.js';
import type { responseCheckNames } from '../check-names.js';
import { invariantFindings } from './invariants.js';

const checkOfIssue: Record<ResponseIssueKind, (typeof responseCheckNames)[number]> = {
  'undocumented-status': 'status_code_conformance',
  'content-type': 'content_type_conformance',
  'invalid-json': 'response_schema_conformance',
  schema: 'response_schema_conformance',
  'unexpected-body': 'response_schema_conformance',
  'problem-status': 'problem_status_conformance',
};

const documentationKeywords = new Set(['description', 'example', 'examples', 'title']);

/** A schema without the words that document it: what a reader compares a value with. */
function rules(schema: unknown): unknown {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: every schema of an OpenAPI 3.0 document is an object
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !documentationKeywords.has(key)));
}

function expectedSchema(error: ErrorObject, missing: string | undefined): unknown {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  if (parent === undefined) return { [error.keyword]: error.schema };
  if (missing !== undefined) return rules(parent.properties?.[missing] ?? { required: [missing] });
  return rules(parent);
}

function schemaFinding(exchange: LabelledExchange, error: ErrorObject, occurrences: number, context: CheckContext): Finding {
  // Stryker disable next-line ConditionalExpression: only a required error names a missingProperty
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  return findingFor(
    exchange,
    {
      check: checkOfIssue.schema,
      pointer: missing === undefined ? error.instancePath : `${error.instancePath}/${missing}`,
      // The whole schema of the place that broke (its `nullable`, its bounds): `{ type: "string" }`
      // alone would read as "null is forbidden" for a nullable string.
      expected: expectedSchema(error, missing),
      actual: missing === undefined ? error.data : undefined,
      message: missing === undefined ? messageOf(error) : 'is missing',
      occurrences,
    },
    context,
  );
}

/** Pointers folded by shape, at most `listedSchemaViolationsCap` kinds: a list of 250,000 rows is one finding. */
function foldedPointers(pointers: string[]): Array<{ pointer: string; occurrences: number }> {
  const folded = new Map<string, { pointer: string; occurrences: number }>();
  for (const pointer of pointers) {
    const shape = pointerShape(pointer);
    const seen = folded.get(shape);
    if (seen !== undefined) seen.occurrences++;
    else if (folded.size < listedSchemaViolationsCap) folded.set(shape, { pointer, occurrences: 1 });
  }
  return [...folded.values()];
}

export function responseFindings(exchange: LabelledExchange, context: CheckContext): Finding[] {
  const response = exchange.response;
  if (response === undefined) return [];
  if (response.status >= 500) {
    return [
      findingFor(exchange, { check: 'not_a_server_error', expected: 'a status below 500', actual: response.status, message: `the server failed with ${response.status}` }, context),
    ];
  }
  const findings: Finding[] = [];
  const parsed = parsedBody(response);
  if (parsed.kind === 'out-of-bounds') {
    findings.push(
      findingFor(
        exchange,
        {
          check: 'response_within_limits',
          expected: `a body of at most ${(response.bodyLimitExceeded ?? defaultMaxBodyBytes).toLocaleString('en-US')} bytes, nested at most ${jsonBounds.maxDepth} deep, with at most ${jsonBounds.maxValues.toLocaleString('en-US')} values`,
          actual: response.bodyLimitExceeded === undefined ? `${response.bodyText.length.toLocaleString('en-US')} characters` : 'more bytes than the limit',
          message: parsed.message,
        },
        context,
      ),
    );
  }
  const operation = context.spec.operations.find((o) => o.operationId === exchange.operationId);
  if (operation === undefined) return findings;
  const issues = checkResponse(operation, {
    status: response.status,
    contentType: response.headers['content-type'],
    bodyText: response.bodyText,
    // Stryker disable next-line ConditionalExpression,StringLiteral,ObjectLiteral: without it, checkResponse parses the text again and finds the same
    ...(parsed.kind === 'out-of-bounds' ? { parsed: 'unreadable' as const } : parsed.kind === 'json' ? { parsed: { value: parsed.value } } : {}),
  });
  for (const issue of issues) {
    // Stryker disable next-line ConditionalExpression: only a schema issue carries an ajv error
    if (issue.kind === 'schema' && issue.error !== undefined) {
      findings.push(schemaFinding(exchange, issue.error, issue.occurrences ?? 1, context));
      continue;
    }
    if (issue.kind === 'schema') {
      // The count of violations past the listed ones: one finding that says how many there were.
      const more = issue.occurrences ?? 1;
      findings.push(findingFor(exchange, { check: checkOfIssue.schema, expected: 'the documented response schema', actual: `${more} further violations`, message: issue.message, occurrences: more }, context));
      continue;
    }
    const actual =
      // Stryker disable next-line OptionalChaining: a problem-status issue is found in a problem's body, which is there
      issue.kind === 'content-type' ? (response.headers['content-type'] ?? null) : issue.kind === 'problem-status' ? (bodyOf(exchange) as { status?: unknown })?.status : response.status;
    findings.push(
      findingFor(
        exchange,
        {
          check: checkOfIssue[issue.kind],
          pointer: issue.pointer ?? '',
          expected: issue.kind === 'problem-status' ? response.status : Object.keys(operation.operation.responses),
          actual,
          message: issue.message,
        },
        context,
      ),
    );
  }
  const documented = documentedResponse(operation, response.status);
  const mediaType = mediaTypeOf(response.headers['content-type']);
  // Stryker disable next-line ConditionalExpression: no media type names no content
  const schema = mediaType === undefined ? undefined : documented?.response.content?.[mediaType]?.schema;
  const body = bodyOf(exchange);
  // Stryker disable next-line ConditionalExpression: undocumentedProperties finds none in no body
  if (schema !== undefined && body !== undefined) {
    for (const { pointer, occurrences } of foldedPointers(undocumentedProperties(context.spec.document, schema, body))) {
      findings.push(
        findingFor(
          exchange,
          {
            check: 'undocumented_property',
            severity: 'warning',
            pointer,
            expected: 'only the properties the schema names',
            actual: pointer.split('/').at(-1),
            message: 'a property the document does not name (allowed, but undocumented)',
            occurrences,
          },
          context,
        ),
      );
    }
  }
  findings.push(...invariantFindings(exchange, context));
  return findings;
}
