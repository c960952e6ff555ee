// Checks one HTTP response against what the document promises for its operation: a documented status,
// the documented media type, a body that validates (all errors), and a problem's `status` equal to the
// HTTP status. Used by the kit's own tests and by the contract suite.
import type { ErrorObject } from 'ajv';
import { cappedSchemaErrors, listedSchemaViolationsCap, type CappedErrors } from './capped-response-validation.js';
import type { CompiledOperation } from './operations.js';
import type { ResponseObject } from './openapi-document.js';
import { compiledSpec } from './index.js';
import { resolveResponse } from './schema-registry.js';
import { messageOf } from './violation-message.js';

export type ResponseIssueKind =
  | 'undocumented-status'
  | 'content-type'
  | 'invalid-json'
  | 'schema'
  | 'unexpected-body'
  | 'problem-status';

export interface ResponseIssue {
  kind: ResponseIssueKind;
  message: string;
  /** JSON pointer into the body, for schema issues: the first place this violation was found. */
  pointer?: string;
  /** The ajv error behind a schema issue (the first of its kind). */
  error?: ErrorObject;
  /** How many places of the body break the schema this same way (rows of a list): 1 when absent. */
  occurrences?: number;
}

export interface ObservedResponse {
  status: number;
  contentType: string | undefined;
  bodyText: string;
  /**
   * The body already parsed, so that it is parsed once however many checks read it; `'unreadable'`
   * when it is out of the reader's bounds: then only the status and the media type are checked.
   */
  parsed?: { value: unknown } | 'unreadable';
}

export { listedSchemaViolationsCap };

/** Array indices in a pointer become "*", so the same violation on 25 rows is recognised as one. */
export function pointerShape(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * The first of a response's schema errors, folded by (pointer shape, keyword, message) so that the same
 * violation on 25 rows is one issue with its count; rows broken past the cap are counted in one issue.
 */
function schemaIssues({ errors, unlistedRows }: CappedErrors): ResponseIssue[] {
  const folded = new Map<string, ResponseIssue>();
  for (const error of errors) {
    const message = messageOf(error);
    const key = `${pointerShape(error.instancePath)}\u0000${error.keyword}\u0000${message}`;
    const seen = folded.get(key);
    if (seen !== undefined) seen.occurrences = (seen.occurrences ?? 1) + 1;
    else folded.set(key, { kind: 'schema', message: `${error.instancePath || '/'} ${message}`, pointer: error.instancePath, error, occurrences: 1 });
  }
  const issues = [...folded.values()];
  if (unlistedRows > 0) {
    issues.push({
      kind: 'schema',
      message: `${unlistedRows.toLocaleString('en-US')} more rows break the schema, not listed (the first ${listedSchemaViolationsCap} violations are)`,
      pointer: '',
      occurrences: unlistedRows,
    });
  }
  return issues;
}

/** The response object the document gives for a status: exact code, then `4XX`-style range, then default. */
export function documentedResponse(
  operation: CompiledOperation,
  status: number,
): { key: string; response: ResponseObject } | undefined {
  const responses = operation.operation.responses;
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const entry = responses[key];
    if (entry !== undefined) return { key, response: resolveResponse(compiledSpec().document, entry) };
  }
  return undefined;
}

/** The 2xx statuses an operation documents, e.g. ['201'] for add. */
export function successStatuses(operation: CompiledOperation): string[] {
  return Object.keys(operation.operation.responses).filter((key) => /^2(\d\d|XX)$/.test(key));
}

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function checkResponse(operation: CompiledOperation, observed: ObservedResponse): ResponseIssue[] {
  const documented = documentedResponse(operation, observed.status);
  if (documented === undefined) {
    return [{ kind: 'undocumented-status', message: `status ${observed.status} is not documented for ${operation.operationId}` }];
  }
  // `default` stands for errors ("An error occurred"); a success must be one the operation names.
  const successes = successStatuses(operation);
  if (observed.status >= 200 && observed.status < 300 && documented.key === 'default' && successes.length > 0) {
    return [
      {
        kind: 'undocumented-status',
        message: `success status ${observed.status} is not documented for ${operation.operationId}; expected ${successes.join(' or ')}`,
      },
    ];
  }
  const content = documented.response.content;
  if (content === undefined) {
    return observed.bodyText.length > 0
      ? [{ kind: 'unexpected-body', message: `status ${observed.status} is documented without a body, but one came back` }]
      : [];
  }
  const mediaType = mediaTypeOf(observed.contentType);
  const media = mediaType === undefined ? undefined : content[mediaType];
  if (media === undefined) {
    return [
      {
        kind: 'content-type',
        message: `content type ${mediaType ?? '(none)'} is not documented for status ${observed.status}; expected ${Object.keys(content).join(' or ')}`,
      },
    ];
  }
  if (observed.parsed === 'unreadable') return [];
  let body: unknown;
  if (observed.parsed !== undefined) body = observed.parsed.value;
  else {
    try {
      body = JSON.parse(observed.bodyText);
    } catch (error) {
      return [{ kind: 'invalid-json', message: `the body is not valid JSON (${(error as Error).message})` }];
    }
  }
  const issues: ResponseIssue[] = [];
  if (media.schema !== undefined) issues.push(...schemaIssues(cappedSchemaErrors(`${operation.operationId} ${documented.key} ${mediaType}`, media.schema, body)));
  if (mediaType === 'application/problem+json' && typeof body === 'object' && body !== null) {
    const status = (body as { status?: unknown }).status;
    if (status !== observed.status) {
      issues.push({ kind: 'problem-status', message: `problem status ${String(status)} differs from the HTTP status ${observed.status}`, pointer: '/status' });
    }
  }
  return issues;
}
