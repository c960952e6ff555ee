// A response body parsed once, whatever number of checks read it, and only when it is within bounds:
// a deployment may answer a body too large to keep or nested too deep for the recursive walks of a
// validator. Such a body is a finding of its own, and no other check looks inside it.
import { exceededJsonBounds } from '../src/spec/json-bounds.js';
import type { ExchangeResponse } from './exchange.js';

export type ParsedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'invalid-json'; message: string }
  /** Too large, or nested too deep: not parsed at all. */
  | { kind: 'out-of-bounds'; message: string };

const parsed = new WeakMap<ExchangeResponse, ParsedBody>();

function parse(response: ExchangeResponse): ParsedBody {
  if (response.bodyLimitExceeded !== undefined) {
    return { kind: 'out-of-bounds', message: `the body is larger than ${response.bodyLimitExceeded.toLocaleString('en-US')} bytes (--max-body-bytes); the suite stopped reading it` };
  }
  if (response.bodyText.length === 0) return { kind: 'empty' };
  const exceeded = exceededJsonBounds(response.bodyText);
  if (exceeded !== undefined) return { kind: 'out-of-bounds', message: `the body ${exceeded}; the suite does not parse it` };
  try {
    return { kind: 'json', value: JSON.parse(response.bodyText) as unknown };
  } catch (error) {
    return { kind: 'invalid-json', message: (error as Error).message };
  }
}

export function parsedBody(response: ExchangeResponse): ParsedBody {
  let body = parsed.get(response);
  if (body === undefined) {
    body = parse(response);
    parsed.set(response, body);
  }
  return body;
}
