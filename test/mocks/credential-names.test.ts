// One list of credential names hides them everywhere: the journal and its HAR export redact every
// header, query parameter and body field the red team found passing in the clear (X-Auth,
// Authentication, X-JWT, X-Amz-Signature, X-CSRF-Token, ?auth= ?sig= ?jwt= ?code=, "password",
// "client_secret"), in a JSON body cut short by the preview too; the document's own names are not on it.
import { describe, expect, it } from 'vitest';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { createJournal, redacted } from '../../mocks/core/journal.js';
import { compiledSpec } from '../../src/spec/index.js';
import { credentialSpans, looksLikeCredential } from '../../src/text/credential-names.js';

const headers = { 'x-auth': 'hdr-1', authentication: 'hdr-2', 'x-jwt': 'hdr-3', 'x-amz-signature': 'hdr-4', 'x-csrf-token': 'hdr-5', 'x-xsrf-token': 'hdr-6' };
const query = 'limit=5&auth=qry-1&sig=qry-2&jwt=qry-3&code=qry-4&X-Amz-Signature=qry-5&offset=2';

function recorded(body: string, contentType: string): ReturnType<ReturnType<typeof createJournal>['har']> {
  const journal = createJournal(5, []);
  const request: Omit<MockRequest, 'bodyTooLarge'> = { method: 'POST', path: '/v2/x', query: new URLSearchParams(query), headers: { host: 'mock.test', 'content-type': contentType, ...headers }, body: new TextEncoder().encode(body) };
  journal.record(request, { status: 201, headers: { 'content-type': 'application/json' }, body: '{}' }, 0);
  return journal.har('1');
}

describe('the journal and its HAR export', () => {
  it('redact every credential header, query parameter and JSON body field, and keep the rest', () => {
    const har = recorded(JSON.stringify({ ticket_id: 'keep-me', password: 'bdy-1', nested: { client_secret: 'bdy-2', count: 3 } }), 'application/json');
    const text = JSON.stringify(har);
    for (const secret of ['hdr-', 'qry-', 'bdy-']) expect(text).not.toContain(secret);
    const [entry] = har.log.entries;
    for (const name of Object.keys(headers)) expect(entry!.request.headers).toContainEqual({ name, value: redacted });
    expect(Object.fromEntries(entry!.request.queryString.map((p) => [p.name, p.value]))).toEqual({ limit: '5', auth: redacted, sig: redacted, jwt: redacted, code: redacted, 'X-Amz-Signature': redacted, offset: '2' });
    expect(JSON.parse(entry!.request.postData!.text)).toEqual({ ticket_id: 'keep-me', password: redacted, nested: { client_secret: redacted, count: 3 } });
  });

  it('redact the fields of a form body, and of a JSON body the preview cut short', () => {
    const form = recorded('user=keep-me&password=bdy-1&client_secret=bdy-2', 'application/x-www-form-urlencoded').log.entries[0]!.request.postData!.text;
    expect(form).toBe('user=keep-me&password=%5Bredacted%5D&client_secret=%5Bredacted%5D');
    const long = `{"password":"bdy-1","padding":"${'p'.repeat(5000)}","client_secret":"bdy-2"}`;
    const cut = recorded(long, 'application/json').log.entries[0]!.request.postData!.text;
    expect(cut).toHaveLength(4096 + redacted.length - 'bdy-1'.length);
    expect(cut).not.toContain('bdy-');
    expect(cut.startsWith(`{"password":"${redacted}","padding":"ppp`)).toBe(true);
  });
});

describe('the credential names', () => {
  it('leave every name the document gives a parameter or a property alone (their values are data)', () => {
    const spec = compiledSpec();
    const names = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value === null || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'properties' && inner !== null && typeof inner === 'object') for (const name of Object.keys(inner)) names.add(name);
        if (key === 'parameters' && Array.isArray(inner)) for (const p of inner as Array<{ name?: unknown; in?: unknown }>) if (typeof p.name === 'string' && p.in !== 'header') names.add(p.name);
        walk(inner);
      }
    };
    walk(spec.document);
    expect(names.size).toBeGreaterThan(8);
    expect([...names].filter(looksLikeCredential)).toEqual([]);
  });

  it.each([
    ['X-Auth'], ['Authentication'], ['X-JWT'], ['X-Amz-Signature'], ['X-CSRF-Token'], ['auth'], ['sig'], ['jwt'], ['code'], ['pwd'], ['userPwd'], ['password'], ['passwd'], ['client_secret'], ['session'], ['Bearer'], ['credentials'], ['PHPSESSID'], ['oauth_token'],
  ])('takes %s for a credential', (name) => expect(looksLikeCredential(name)).toBe(true));

  it.each([['author'], [':authority'], ['design'], ['status_code'], ['country_code'], ['passenger'], ['signal'], ['accept'], ['limit']])('takes %s for data', (name) => expect(looksLikeCredential(name)).toBe(false));

  it('finds a credential member of a JSON body at any depth, a number too, and ignores a name that is only a value', () => {
    const text = '{"list":["password"],"a":{"b":[{"pin":1,"otp":123456}]},"note":"password","token":"t-1\\"x"}';
    expect(credentialSpans(text, 'application/json').map((s) => s.value)).toEqual(['123456', 't-1"x']);
  });
});
