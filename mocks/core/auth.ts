// The document's security requirement: an OAuth2 bearer token AND an API key, both on every call. The
// API-key header name is read from the document (src/spec/security.ts).
import { unauthorized, type ProblemResult } from './problems.js';

export interface AuthOptions {
  /** `off` accepts every request; `required` (the default) demands both credentials. */
  mode: 'required' | 'off';
  /** When set, only this API key is accepted; otherwise any non-empty key. */
  apiKey?: string | undefined;
  /** When set, only this bearer token is accepted; otherwise any non-empty token. */
  token?: string | undefined;
}

const bearerPattern = /^Bearer[ ]+(\S.*)$/i;

/** Undefined when the request may pass, otherwise the 401 problem that says what is missing or wrong. */
export function checkCredentials(
  headers: Record<string, string>,
  options: AuthOptions,
  apiKeyHeader: string,
): ProblemResult | undefined {
  if (options.mode === 'off') return undefined;
  const token = bearerPattern.exec(headers.authorization ?? '')?.[1]?.trim();
  const key = headers[apiKeyHeader.toLowerCase()]?.trim();
  const missing = [
    token ? undefined : 'an OAuth2 access token (Authorization: Bearer <token>)',
    key ? undefined : `an API key (${apiKeyHeader})`,
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) return unauthorized(`This API needs ${missing.join(' and ')}.`, apiKeyHeader);
  if (options.token !== undefined && token !== options.token)
    return unauthorized('The access token is not valid.', apiKeyHeader);
  if (options.apiKey !== undefined && key !== options.apiKey)
    return unauthorized('The API key is not valid.', apiKeyHeader);
  return undefined;
}
