// Each rule of the core pinned on its own, at its edges: the cases mutation testing found no test for
// (a check's condition dropped, an anchor removed, a header or problem type blanked) each fail here.
import { describe, expect, it } from 'vitest';
import { adminTokenHeader, checkAdminToken, checkCredentials, type AuthOptions } from '../../mocks/core/auth.js';
import { allowedMethods, preflight, withCors } from '../../mocks/core/cors.js';
import type { MockRequest, MockResponse } from '../../mocks/core/exchange.js';
import { convertParameters } from '../../mocks/core/input.js';
import { createJournal, looksLikeCredential, redacted } from '../../mocks/core/journal.js';
import type { CompiledParameter } from '../../src/spec/operations.js';
import { toJson } from '../../mocks/core/json.js';
import { createOriginPolicy } from '../../mocks/core/origins.js';
import { createMock } from '../../mocks/core/mock.js';
import * as problems from '../../mocks/core/problems.js';
import { listedViolationsCap, ViolationCollector } from '../../mocks/core/violation-collector.js';

const apiKeyHeader = 'X-Api-Key';
const required: AuthOptions = { mode: 'required', token: 's3cret-token', apiKey: 's3cret-key' };
const headersWith = (authorization: string | undefined, key: string | undefined) => ({
  ...(authorization === undefined ? {} : { authorization }),
  ...(key === undefined ? {} : { 'x-api-key': key }),
});
const detailOf = (result: problems.ProblemResult | undefined) => result?.problem.detail;

describe('credentials', () => {
  it('accepts exactly the configured token and key, and neither with a character more or less', () => {
    expect(checkCredentials(headersWith('Bearer s3cret-token', 's3cret-key'), required, apiKeyHeader)).toBeUndefined();
    // Trailing spaces are not part of a credential (an adapter that passes them on must not lock a user out).
    expect(checkCredentials(headersWith('Bearer s3cret-token  ', ' s3cret-key '), required, apiKeyHeader)).toBeUndefined();
    for (const token of ['s3cret-tokenX', 's3cret-toke', 'S3cret-token', 'x3cret-token']) {
      expect(detailOf(checkCredentials(headersWith(`Bearer ${token}`, 's3cret-key'), required, apiKeyHeader)), token).toBe('The access token is not valid.');
    }
    for (const key of ['s3cret-keyX', 's3cret-ke', 's3cret-kez']) {
      expect(detailOf(checkCredentials(headersWith('Bearer s3cret-token', key), required, apiKeyHeader)), key).toBe('The API key is not valid.');
    }
  });

  it('reads the bearer scheme only at the start, any case, with at least one space', () => {
    const any: AuthOptions = { mode: 'required' };
    expect(checkCredentials(headersWith('bearer t', 'k'), any, apiKeyHeader)).toBeUndefined();
    expect(checkCredentials(headersWith('BEARER   t', 'k'), any, apiKeyHeader)).toBeUndefined();
    for (const authorization of ['xBearer t', 'Bearert', 'Basic dTpw', ' Bearer', 'Bearer    ', 'Token Bearer t']) {
      expect(detailOf(checkCredentials(headersWith(authorization, 'k'), any, apiKeyHeader)), authorization).toBe('This API needs an OAuth2 access token (Authorization: Bearer <token>).');
    }
  });

  it('counts a whitespace-only key as none, and names each missing credential', () => {
    const any: AuthOptions = { mode: 'required' };
    expect(detailOf(checkCredentials(headersWith('Bearer t', '   '), any, apiKeyHeader))).toBe('This API needs an API key (X-Api-Key).');
    const neither = checkCredentials({}, any, apiKeyHeader);
    expect(neither?.problem).toMatchObject({ type: '/problems/unauthorized', status: 401, detail: 'This API needs an OAuth2 access token (Authorization: Bearer <token>) and an API key (X-Api-Key).' });
    expect(neither?.headers).toEqual({ 'www-authenticate': 'Bearer realm="used-diagnostic-equipment", ApiKey header="X-Api-Key"' });
    expect(checkCredentials({}, { mode: 'off' }, apiKeyHeader)).toBeUndefined();
  });

  it('asks the admin token of every admin call but a preflight, exactly', () => {
    const request = (method: string, token?: string) => ({ method, path: '/__admin/state', query: new URLSearchParams(), headers: token === undefined ? {} : { [adminTokenHeader.toLowerCase()]: token } }) as MockRequest;
    expect(checkAdminToken(request('GET', 'adm1n'), 'adm1n')).toBeUndefined();
    expect(checkAdminToken(request('OPTIONS'), 'adm1n')).toBeUndefined();
    expect(checkAdminToken(request('GET'), undefined)).toBeUndefined();
    for (const given of [undefined, 'adm1nX', 'adm1', 'ADM1N', '']) {
      const refused = checkAdminToken(request('GET', given), 'adm1n');
      expect(refused?.problem, String(given)).toMatchObject({ type: '/problems/unauthorized', status: 401, detail: 'The admin API needs the admin token in the X-Admin-Token header.' });
      expect(refused?.headers).toEqual({ 'www-authenticate': 'AdminToken header="X-Admin-Token"' });
    }
  });
});

describe('CORS', () => {
  const answer: MockResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
  const from = (origin?: string) => ({ method: 'GET', path: '/x', query: new URLSearchParams(), headers: origin === undefined ? {} : { origin } }) as MockRequest;
  const exposed = 'www-authenticate, allow, location, retry-after';

  it('echoes a named origin with credentials, says it varies by Origin, and exposes the problem headers', () => {
    const headers = withCors(from('http://localhost:5173'), answer, createOriginPolicy()).headers;
    expect(headers).toEqual({ 'content-type': 'application/json', vary: 'Origin', 'access-control-allow-origin': 'http://localhost:5173', 'access-control-allow-credentials': 'true', 'access-control-expose-headers': exposed });
  });

  it('lets any page read without credentials under *, and gives an unnamed origin no CORS header at all', () => {
    const wildcard = withCors(from('https://elsewhere.test'), answer, createOriginPolicy(['*'])).headers;
    expect(wildcard).toEqual({ 'content-type': 'application/json', vary: 'Origin', 'access-control-allow-origin': '*', 'access-control-expose-headers': exposed });
    const refusedPreflight = preflight(from('https://evil.test'), ['GET']);
    const none = withCors(from('https://evil.test'), refusedPreflight, createOriginPolicy()).headers;
    expect(Object.keys(none).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(none.vary).toBe('Origin');
    expect(none.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('leaves an answer to a request without Origin as it is', () => {
    expect(withCors(from(), answer, createOriginPolicy())).toBe(answer);
  });

  it('answers a preflight with 204, the methods (HEAD with GET, always OPTIONS), the asked headers and a max-age', () => {
    const request = { ...from('http://localhost:1'), headers: { origin: 'http://localhost:1', 'access-control-request-headers': 'authorization, x-api-key' } } as MockRequest;
    expect(preflight(request, ['GET', 'POST'])).toEqual({
      status: 204,
      headers: { allow: 'GET, POST, HEAD, OPTIONS', 'access-control-allow-methods': 'GET, POST, HEAD, OPTIONS', 'access-control-allow-headers': 'authorization, x-api-key', 'access-control-max-age': '600' },
    });
    expect(preflight(from('http://localhost:1'), ['DELETE']).headers['access-control-allow-headers']).toBe('');
    expect(allowedMethods(['DELETE'])).toEqual(['DELETE', 'OPTIONS']);
  });
});

describe('problems', () => {
  it('gives every problem its own type, title and status (the API’s contract with clients)', () => {
    const table: Array<[problems.ProblemResult, string, string, number]> = [
      [problems.violations([]), '/problems/violations', 'Bad request', 400],
      [problems.unauthorized('The access token is not valid.', 'X-Api-Key'), '/problems/unauthorized', 'Unauthorized', 401],
      [problems.routeNotFound('GET', '/x'), '/problems/not-found', 'Not found', 404],
      [problems.methodNotAllowed('PUT', ['GET']), '/problems/method-not-allowed', 'Method not allowed', 405],
      [problems.ticketNotFound('t'), '/problems/ticket-not-found', 'Ticket not found', 404],
      [problems.diagnosticEquipmentNotFound(1), '/problems/diagnostic-equipment-not-found', 'Diagnostic equipment not found', 404],
      [problems.usedEquipmentNotFound('t', 1), '/problems/used-diagnostic-equipment-not-found', 'Used diagnostic equipment not found', 404],
      [problems.equipmentAlreadyUsed('t', 1), '/problems/diagnostic-equipment-already-used', 'Diagnostic equipment already used', 409],
      [problems.ticketNotInProgress('t', 'Closed', 'In Progress'), '/problems/ticket-not-in-progress', 'Ticket not in progress', 409],
      [problems.payloadTooLarge(10), '/problems/payload-too-large', 'Payload too large', 413],
      [problems.adminTokenRequired('X-Admin-Token'), '/problems/unauthorized', 'Unauthorized', 401],
      [problems.adminDisabled(), '/problems/not-found', 'Not found', 404],
      [problems.originNotAllowed('https://e.test'), '/problems/origin-not-allowed', 'Origin not allowed', 403],
      [problems.hostNotAllowed('e.test'), '/problems/host-not-allowed', 'Host not allowed', 403],
      [problems.unsupportedMediaType('application/json'), '/problems/unsupported-media-type', 'Unsupported media type', 415],
      [problems.expectationFailed('x'), '/problems/expectation-failed', 'Expectation failed', 417],
      [problems.injectedProblem(503, 1), '/problems/injected-fault', 'Injected fault', 503],
      [problems.internalError(), '/problems/internal-error', 'Internal server error', 500],
      [problems.headersTooLarge(), '/problems/request-header-fields-too-large', 'Request header fields too large', 431],
      [problems.requestTimeout(), '/problems/request-timeout', 'Request timeout', 408],
      [problems.consoleNotBuilt(), '/problems/not-found', 'Not found', 404],
      [problems.scenariosNotServed(), '/problems/not-found', 'Not found', 404],
    ];
    for (const [result, type, title, status] of table) {
      expect(result.problem, type).toMatchObject({ type, title, status });
      expect(result.problem.detail.length, type).toBeGreaterThan(10);
    }
    expect(problems.methodNotAllowed('PUT', ['GET']).headers).toEqual({ allow: 'GET, HEAD, OPTIONS' });
    expect(problems.methodNotAllowed('PUT', ['GET']).problem.detail).toBe('PUT is not allowed here; use GET, HEAD, OPTIONS.');
    expect(problems.malformedRequest('HPE_X').problem.violations).toEqual([{ field: 'request', message: 'is not valid HTTP (HPE_X)' }]);
    expect(problems.payloadTooLarge(65536).problem.detail).toBe('The request body exceeds the limit of 65536 bytes.');
  });
});

describe('the journal', () => {
  const request = (headers: Record<string, string> = {}, query = '', body?: Uint8Array): Omit<MockRequest, 'bodyTooLarge'> => ({ method: 'GET', path: '/v2/x', query: new URLSearchParams(query), headers, ...(body === undefined ? {} : { body }) });
  const ok: MockResponse = { status: 200, headers: { 'set-cookie': 'sid=1', 'content-type': 'application/json' }, body: '{}' };

  it('numbers entries 1, 2, 3… and goes on counting after a clear', () => {
    const journal = createJournal(10, []);
    for (let i = 0; i < 3; i++) journal.record(request(), ok, 0);
    expect(journal.list().map((e) => e.id)).toEqual([1, 2, 3]);
    journal.clear();
    expect(journal.list()).toEqual([]);
    journal.record(request(), ok, 0);
    expect(journal.list().map((e) => e.id)).toEqual([4]);
  });

  it('keeps the newest `capacity` entries, and never holds more than twice that', () => {
    const journal = createJournal(5, []);
    for (let i = 0; i < 23; i++) {
      journal.record(request(), ok, i);
      expect(journal.held()).toBeLessThanOrEqual(10);
    }
    expect(journal.list().map((e) => e.id)).toEqual([19, 20, 21, 22, 23]);
    expect(journal.held()).toBeGreaterThanOrEqual(5);
    const off = createJournal(0, []);
    off.record(request(), ok, 0);
    expect(off.list()).toEqual([]);
    expect(off.held()).toBe(0);
  });

  it('redacts every header and query parameter that looks like a credential, and only those', () => {
    const journal = createJournal(5, ['X-Vendor-Auth']);
    const secretHeaders = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-admin-token', 'x-vendor-auth', 'x-session-id', 'x-client-secret', 'x-password', 'x-passwd', 'x-credential'];
    const plain = ['accept', 'content-type', 'user-agent', 'origin'];
    journal.record(request(Object.fromEntries([...secretHeaders, ...plain].map((name) => [name, `value-of-${name}`])), 'api_key=k1&access_token=t1&limit=5'), ok, 0);
    const [entry] = journal.list();
    for (const name of secretHeaders) expect(entry!.headers[name], name).toBe(redacted);
    for (const name of plain) expect(entry!.headers[name], name).toBe(`value-of-${name}`);
    expect(new URLSearchParams(entry!.query).get('api_key')).toBe(redacted);
    expect(new URLSearchParams(entry!.query).get('access_token')).toBe(redacted);
    expect(new URLSearchParams(entry!.query).get('limit')).toBe('5');
    expect(journal.detail(entry!.id)!.response.headers['set-cookie']).toBe(redacted);
    expect(journal.detail(entry!.id)!.response.headers['content-type']).toBe('application/json');
    expect(looksLikeCredential('Accept')).toBe(false);
  });

  it('keeps a preview of a long request body and cuts a huge answer, saying so', () => {
    const journal = createJournal(5, []);
    const long = new TextEncoder().encode('x'.repeat(5000));
    journal.record(request({}, '', long), { status: 200, headers: {}, body: 'y'.repeat(300 * 1024) }, 0);
    const [entry] = journal.list();
    expect(entry!.body).toHaveLength(4096);
    const detail = journal.detail(entry!.id)!;
    expect(detail.response.bodyCut).toBe(true);
    expect(detail.response.body).toHaveLength(256 * 1024);
    journal.record(request({}, '', new TextEncoder().encode('z'.repeat(4096))), ok, 0);
    expect(journal.list()[1]!.body).toHaveLength(4096);
    expect(journal.detail(journal.list()[1]!.id)!.response.bodyCut).toBe(false);
  });

  it('holds no copy of a body it can write again, writes it on reading, and cuts it there too', () => {
    const journal = createJournal(5, []);
    let writes = 0;
    const bodyAgain = () => (writes++, 'w'.repeat(300 * 1024));
    // The body sent stands for what was answered; the journal must not keep that string alive.
    journal.record(request(), { status: 200, headers: {}, body: 'sent', bodyAgain }, 0);
    expect(writes).toBe(0);
    const [entry] = journal.list();
    const detail = journal.detail(entry!.id)!;
    expect(writes).toBe(1);
    expect(detail.response.body).toBe('w'.repeat(256 * 1024));
    expect(detail.response.bodyCut).toBe(true);
    expect(journal.har('0').log.entries[0]!.response.content.text).toHaveLength(256 * 1024);
    journal.record(request(), { status: 200, headers: {}, body: 'short', bodyAgain: () => 'short' }, 0);
    expect(journal.detail(journal.list()[1]!.id)!.response).toMatchObject({ body: 'short', bodyCut: false });
  });
});

describe('the JSON writer', () => {
  it('writes a bigint as bare digits, and a string that looks like its marker stays a string', () => {
    expect(toJson({ offset: 9007199254740993n })).toBe('{"offset":9007199254740993}');
    expect(toJson({ offset: -5n, note: 'bigint-1234' })).toBe('{"offset":-5,"note":"bigint-1234"}');
    expect(toJson({ a: 1 })).toBe('{"a":1}');
  });

  it('retries only for a bigint: any other error is thrown, not papered over by a second attempt', () => {
    let calls = 0;
    const flaky = {
      get value() {
        calls++;
        if (calls === 1) throw new RangeError('first read fails');
        return 1;
      },
    };
    expect(() => toJson(flaky)).toThrow(RangeError);
    expect(calls).toBe(1);
  });
});

describe('parameter conversion, for every type a document could declare', () => {
  const param = (name: string, schema: Record<string, unknown>): CompiledParameter => ({ name, location: 'query', required: false, schema });
  const convert = (schema: Record<string, unknown>, ...values: string[]) => {
    const found: problems.Violation[] = [];
    const result = convertParameters([param('p', schema)], (name) => (name === 'p' ? values : []), found);
    return { value: result.checked.p, exact: result.exact.p, violations: found };
  };

  it('integers: digits with an optional minus, within the format, exact past 2^53', () => {
    expect(convert({ type: 'integer' }, '-3')).toEqual({ value: -3, exact: undefined, violations: [] });
    for (const text of ['3.0', '1e3', ' 3', '', '+3', '0x10']) expect(convert({ type: 'integer' }, text).violations, text).toEqual([{ field: 'p', message: 'must be an integer' }]);
    expect(convert({ type: 'integer', format: 'int32' }, '2147483648').violations).toEqual([{ field: 'p', message: 'must match format "int32"' }]);
    expect(convert({ type: 'integer', format: 'int32' }, '2147483647').violations).toEqual([]);
    expect(convert({ type: 'integer', format: 'int64' }, '9007199254740993')).toEqual({ value: 9007199254740992, exact: 9007199254740993n, violations: [] });
    expect(convert({ type: 'integer', format: 'int64' }, '9007199254740991').exact).toBeUndefined();
  });

  it('numbers: any finite number, nothing else', () => {
    expect(convert({ type: 'number' }, '1.5').value).toBe(1.5);
    expect(convert({ type: 'number' }, '-2e3').value).toBe(-2000);
    for (const text of ['', '  ', 'abc', 'Infinity', 'NaN', '1.5.1']) expect(convert({ type: 'number' }, text).violations, text).toEqual([{ field: 'p', message: 'must be a number' }]);
  });

  it('booleans: exactly true or false', () => {
    expect(convert({ type: 'boolean' }, 'true').value).toBe(true);
    expect(convert({ type: 'boolean' }, 'false').value).toBe(false);
    for (const text of ['TRUE', '1', '', 'yes']) expect(convert({ type: 'boolean' }, text).violations, text).toEqual([{ field: 'p', message: 'must be true or false' }]);
  });

  it('strings as they came; a value given twice refused; an absent one left out', () => {
    expect(convert({ type: 'string' }, ' a b ').value).toBe(' a b ');
    expect(convert({ type: 'string' }, 'a', 'b')).toEqual({ value: undefined, exact: undefined, violations: [{ field: 'p', message: 'must be given once' }] });
    expect(convert({ type: 'integer' })).toEqual({ value: undefined, exact: undefined, violations: [] });
  });
});

describe('bounds and routes of the core', () => {
  const post = (path: string, bytes: number, headers: Record<string, string> = {}): MockRequest => ({
    method: 'POST',
    path,
    query: new URLSearchParams(),
    headers: { authorization: 'Bearer t', 'x-api-key': 'k', 'content-type': 'application/json', ...headers },
    body: new TextEncoder().encode(' '.repeat(bytes)),
  });

  it('takes a body of exactly the limit and refuses one byte more with 413', () => {
    const mock = createMock({ maxBodyBytes: 100 });
    expect(mock.handle(post('/v2/tickets/used-diagnostic-equipment', 100)).status).toBe(400);
    const over = mock.handle(post('/v2/tickets/used-diagnostic-equipment', 101));
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body!)).toMatchObject({ type: '/problems/payload-too-large', detail: 'The request body exceeds the limit of 100 bytes.' });
    expect(mock.bodyLimit('/v2/tickets/used-diagnostic-equipment')).toBe(100);
  });

  it('answers admin paths only when the whole path matches a route', () => {
    const mock = createMock();
    const get = (path: string) => mock.handle({ method: 'GET', path, query: new URLSearchParams(), headers: {} }).status;
    expect(get('/__admin/state')).toBe(200);
    expect(get('/__admin/requests/1')).toBe(404);
    for (const path of ['/__admin/statex', '/__admin/x/state', '/__admin/state/x', '/__admin/faults/1/x', '/__admin/requests/1x', '/__admin/tickets/a/b', '/__admin/catalogx', '/__admin/scenarios/load/x', '/__admin/resetx']) {
      const answer = mock.handle({ method: 'GET', path, query: new URLSearchParams(), headers: {} });
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.body!).type, path).toBe('/problems/not-found');
    }
  });
});

describe('the violation collector', () => {
  const v = (n: number) => ({ field: `f${n}`, message: `m${n}` });

  it('lists up to its cap exactly, and says nothing more while nothing was left out', () => {
    const found = new ViolationCollector(3);
    expect(found.empty).toBe(true);
    found.add(v(1));
    found.addLazily(() => v(2));
    expect(found.full).toBe(false);
    found.add(v(3));
    expect(found.full).toBe(true);
    expect(found.empty).toBe(false);
    expect(found.list()).toStrictEqual([v(1), v(2), v(3)]);
  });

  it('counts what it does not list, never building a lazy one past the cap, and closes with one line', () => {
    const found = new ViolationCollector(2);
    found.add(v(1));
    found.addLazily(() => v(2));
    let built = 0;
    for (let i = 0; i < 1500; i++) found.addLazily(() => (built++, v(99)));
    found.add(v(100));
    expect(built).toBe(0);
    expect(found.list()).toStrictEqual([v(1), v(2), { field: '(more)', message: '1,501 more violations, not listed (only the first 2 violations are); fix these and try again' }]);
    for (let i = 0; i < 2000; i++) found.addUnlistedEntry();
    expect(found.list().at(-1)).toStrictEqual({ field: '(more)', message: '1,501 more violations and 2,000 more entries with violations, not listed (only the first 2 violations are); fix these and try again' });
    const entriesOnly = new ViolationCollector(1);
    entriesOnly.add(v(1));
    entriesOnly.addUnlistedEntry();
    expect(entriesOnly.list().at(-1)!.message).toBe('1 more entry with violations, not listed (only the first violation is); fix these and try again');
    entriesOnly.add(v(2));
    expect(entriesOnly.list().at(-1)!.message).toBe('1 more violation and 1 more entry with violations, not listed (only the first violation is); fix these and try again');
  });

  it('lists a hundred by default', () => {
    const found = new ViolationCollector();
    for (let i = 0; i < listedViolationsCap + 1; i++) found.add(v(i));
    expect(found.list()).toHaveLength(listedViolationsCap + 1);
    expect(found.list().at(-1)!.field).toBe('(more)');
    expect(listedViolationsCap).toBe(100);
  });
});
