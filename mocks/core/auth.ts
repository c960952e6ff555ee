// The document's security requirement: an OAuth2 bearer token AND an API key, both on every call. The
// API-key header name is read from the document (src/spec/security.ts).
import type { MockRequest } from './exchange.js';
import { adminTokenRequired, unauthorized, type ProblemResult } from './problems.js';

export interface AuthOptions {
  /** `off` accepts every request; `required` (the default) demands both credentials. */
  mode: 'required' | 'off';
  /** When set, only this API key is accepted; otherwise any non-empty key. */
  apiKey?: string | undefined;
  /** When set, only this bearer token is accepted; otherwise any non-empty token. */
  token?: string | undefined;
}

const bearerPattern = /^Bearer[ ]+(\S.*)$/i;
export const adminTokenHeader = 'X-Admin-Token';

/** Compares secrets in time independent of where they differ, so none can be guessed byte by byte. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined || given.length !== expected.length) return false;
  let difference = 0;
  // `!==`, not `<`: the lengths are equal, and `<=` would be a mutant no test can tell apart (NaN ^ NaN is 0).
  for (let i = 0; i !== expected.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}

/** Undefined when an admin call may pass: no token is configured, it matches, or it is a preflight. */
export function checkAdminToken(request: MockRequest, token: string | undefined): ProblemResult | undefined {
  // Preflights carry no credentials: answer them so a page on another origin can then send the token.
  if (token === undefined || request.method === 'OPTIONS') return undefined;
  return sameSecret(request.headers[adminTokenHeader.toLowerCase()], token) ? undefined : adminTokenRequired(adminTokenHeader);
}

/** Undefined when the request may pass, otherwise the 401 problem that says what is missing or wrong. */
export function checkCredentials(
  headers: Record<string, string>,
  options: AuthOptions,
  apiKeyHeader: string,
): ProblemResult | undefined {
  if (options.mode === 'off') return undefined;
  // Stryker disable next-line StringLiteral: any text the pattern cannot match reads as '' does
  const bearer = bearerPattern.exec(headers.authorization ?? '');
  // A match always has its group.
  const token = bearer === null ? undefined : bearer[1]!.trim();
  const key = headers[apiKeyHeader.toLowerCase()]?.trim();
  const missing = [
    token ? undefined : 'an OAuth2 access token (Authorization: Bearer <token>)',
    key ? undefined : `an API key (${apiKeyHeader})`,
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) return unauthorized(`This API needs ${missing.join(' and ')}.`, apiKeyHeader);
  if (options.token !== undefined && !sameSecret(token, options.token))
    return unauthorized('The access token is not valid.', apiKeyHeader);
  if (options.apiKey !== undefined && !sameSecret(key, options.apiKey))
    return unauthorized('The API key is not valid.', apiKeyHeader);
  return undefined;
}
