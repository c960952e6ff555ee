// Checks every recorded response against the document: no 5xx, a documented status, the documented
// media type, a body that validates (all errors), a problem's status equal to the HTTP status, and
// (warning) properties the schema does not name.
import type { ErrorObject } from 'ajv';
import { checkResponse, documentedResponse, mediaTypeOf, type ResponseIssueKind } from '../../src/spec/response-validation.js';
import { undocumentedProperties } from '../../src/spec/undocumented-properties.js';
import type { LabelledExchange } from '../http-client.js';
import type { Finding } from '../findings.js';
import { bodyOf, findingFor, type CheckContext } from './check.js';

export const responseCheckNames = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'problem_status_conformance',
  'undocumented_property',
] as const;

const checkOfIssue: Record<ResponseIssueKind, (typeof responseCheckNames)[number]> = {
  'undocumented-status': 'status_code_conformance',
  'content-type': 'content_type_conformance',
  'invalid-json': 'response_schema_conformance',
  schema: 'response_schema_conformance',
  'unexpected-body': 'response_schema_conformance',
  'problem-status': 'problem_status_conformance',
};

function schemaFinding(exchange: LabelledExchange, error: ErrorObject, context: CheckContext): Finding {
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  return findingFor(
    exchange,
    {
      check: 'response_schema_conformance',
      pointer: missing === undefined ? error.instancePath : `${error.instancePath}/${missing}`,
      expected: { [error.keyword]: error.schema },
      actual: missing === undefined ? error.data : undefined,
      message: missing === undefined ? (error.message ?? 'is invalid') : 'is missing',
    },
    context,
  );
}

export function responseFindings(exchange: LabelledExchange, context: CheckContext): Finding[] {
  const response = exchange.response;
  if (response === undefined) return [];
  if (response.status >= 500) {
    return [
      findingFor(exchange, { check: 'not_a_server_error', expected: 'a status below 500', actual: response.status, message: `the server failed with ${response.status}` }, context),
    ];
  }
  const operation = context.spec.operations.find((o) => o.operationId === exchange.operationId);
  if (operation === undefined) return [];
  const findings: Finding[] = [];
  const issues = checkResponse(operation, { status: response.status, contentType: response.headers['content-type'], bodyText: response.bodyText });
  for (const issue of issues) {
    if (issue.kind === 'schema' && issue.error !== undefined) {
      findings.push(schemaFinding(exchange, issue.error, context));
      continue;
    }
    const actual =
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
  const schema = mediaType === undefined ? undefined : documented?.response.content?.[mediaType]?.schema;
  const body = bodyOf(exchange);
  if (schema !== undefined && body !== undefined) {
    for (const pointer of undocumentedProperties(context.spec.document, schema, body)) {
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
          },
          context,
        ),
      );
    }
  }
  return findings;
}
