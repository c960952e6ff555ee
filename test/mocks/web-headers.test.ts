// The adapters hand the core header names in lower case, a repeated name joined once, whatever the
// environment's Headers does: the Fetch standard lower-cases, happy-dom's keeps the case the page wrote.
import { describe, expect, it } from 'vitest';
import { normalisedHeaders, type HeaderSource } from '../../mocks/adapters/web-headers.js';

/** A Headers that is not spec-exact: names as written, a repeated name given twice. */
const oddHeaders = (pairs: Array<[string, string]>): HeaderSource => ({ forEach: (callback) => pairs.forEach(([name, value]) => callback(value, name)) });

describe('normalisedHeaders', () => {
  it('lower-cases every name, and joins a repeated one as HTTP does (Cookie with "; ", others with ", ")', () => {
    const headers = normalisedHeaders(
      oddHeaders([
        ['Content-Type', 'application/json'],
        ['AUTHORIZATION', 'Bearer t'],
        ['X-Api-Key', 'k'],
        ['Accept', 'application/json'],
        ['accept', 'application/problem+json'],
        ['Cookie', 'a=1'],
        ['cookie', 'b=2'],
      ]),
    );
    expect(headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer t', 'x-api-key': 'k', accept: 'application/json, application/problem+json', cookie: 'a=1; b=2' });
  });

  it("gives a spec-exact Headers' names and values as they are", () => {
    const headers = new Headers([['Content-Type', 'application/json'], ['X-Api-Key', 'k']]);
    expect(normalisedHeaders(headers)).toEqual({ 'content-type': 'application/json', 'x-api-key': 'k' });
  });
});
