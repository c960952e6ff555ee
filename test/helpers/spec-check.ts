// Every response a test receives goes through here: API responses are checked against the document
// (status documented, media type, schema, problem status), everything else must be a well-formed
// problem or JSON. A 5xx fails the test wherever it happens.
import { expect } from 'vitest';
import { compiledSpec, schemaRef } from '../../src/spec/index.js';
import { ajvRegistries } from '../../src/spec/runtime-spec.js';
import { checkResponse, mediaTypeOf } from '../../src/spec/response-validation.js';
import { createRouter } from '../../src/spec/router.js';
import type { ValidateFunction } from 'ajv';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

const router = createRouter(compiledSpec().operations);
let validateProblem: ValidateFunction | undefined;

export function expectProblemBody(reply: Reply): void {
  expect(mediaTypeOf(reply.headers.get('content-type') ?? undefined)).toBe('application/problem+json');
  const body = JSON.parse(reply.text) as { status?: unknown };
  validateProblem ??= ajvRegistries().responseAjv.compile(schemaRef('Problem'));
  expect(validateProblem(body), JSON.stringify(validateProblem.errors)).toBe(true);
  expect(body.status).toBe(reply.status);
}

export function expectConformingReply(method: string, path: string, reply: Reply, options: { serverErrorExpected?: boolean } = {}): void {
  if (options.serverErrorExpected === true) {
    expectProblemBody(reply);
    return;
  }
  expect(reply.status, `${method} ${path} answered ${reply.status}: ${reply.text}`).toBeLessThan(500);
  // HEAD: GET's status and headers, never a body (the tests compare it with its GET).
  if (method === 'HEAD') {
    expect(reply.text).toBe('');
    return;
  }
  const match = router.match(method, path);
  if (match.kind === 'operation') {
    const issues = checkResponse(match.operation, {
      status: reply.status,
      contentType: reply.headers.get('content-type') ?? undefined,
      bodyText: reply.text,
    });
    expect(issues, `${method} ${path} → ${reply.status} ${reply.text}`).toEqual([]);
  } else if (reply.status >= 400) {
    expectProblemBody(reply);
  } else if (reply.text.length > 0) {
    expect(mediaTypeOf(reply.headers.get('content-type') ?? undefined)).toBe('application/json');
    expect(() => JSON.parse(reply.text)).not.toThrow();
  }
}
