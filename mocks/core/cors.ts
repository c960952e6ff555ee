// CORS, so that a browser app served from another origin (a Vite dev server on :5173, say) can call
// the standalone mock. Only origins the policy names get CORS headers (their Origin echoed, so calls
// made with `credentials: 'include'` work); with `*` listed, other origins may read without
// credentials, and a preflight names them the reading methods only (the mock refuses their writes
// too); any other origin gets none, and the browser keeps the answer from the page.
import type { MockRequest, MockResponse } from './exchange.js';
import type { OriginPolicy } from './origins.js';

const exposed = ['www-authenticate', 'allow', 'location', 'retry-after'].join(', ');

/** The methods that only read: all a `*` grant covers, and all the admin API takes without JSON. */
export const readOnlyMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The methods to name in `Allow`: HEAD wherever GET is served (RFC 9110 §9.3.2), and OPTIONS. */
export function allowedMethods(methods: readonly string[]): string[] {
  const all = new Set(methods);
  if (all.has('GET')) all.add('HEAD');
  all.add('OPTIONS');
  return [...all];
}

export function withCors(request: MockRequest, response: MockResponse, policy: OriginPolicy): MockResponse {
  const origin = request.headers.origin;
  if (origin === undefined) return response;
  const grant = policy.grant(origin);
  const headers: Record<string, string> = { ...response.headers, vary: 'Origin' };
  if (grant === 'echo') {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-credentials'] = 'true';
  } else if (grant === 'wildcard') {
    headers['access-control-allow-origin'] = '*';
    // A preflight for a write fails in the browser: the page learns it may not, before anything is sent.
    const methods = headers['access-control-allow-methods'];
    if (methods !== undefined) headers['access-control-allow-methods'] = methods.split(', ').filter((method) => readOnlyMethods.has(method)).join(', ');
  } else {
    // No grant: nothing that a preflight could take for permission either.
    for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
    return { ...response, headers };
  }
  headers['access-control-expose-headers'] = exposed;
  return { ...response, headers };
}

/** The answer to a preflight: what the browser asked for, for the methods the path serves. */
export function preflight(request: MockRequest, methods: string[]): MockResponse {
  const allow = allowedMethods(methods).join(', ');
  return {
    status: 204,
    headers: {
      allow,
      'access-control-allow-methods': allow,
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
      'access-control-max-age': '600',
    },
  };
}
