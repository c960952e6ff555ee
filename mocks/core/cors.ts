// CORS, so that a browser app served from another origin (a Vite dev server on :5173, say) can call
// the standalone mock. The request's Origin is echoed rather than `*` so that calls made with
// `credentials: 'include'` work too.
import type { MockRequest, MockResponse } from './exchange.js';

const exposed = ['www-authenticate', 'allow', 'location', 'retry-after'].join(', ');

export function withCors(request: MockRequest, response: MockResponse): MockResponse {
  const origin = request.headers.origin;
  if (origin === undefined) return response;
  return {
    ...response,
    headers: {
      ...response.headers,
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': exposed,
      vary: 'Origin',
    },
  };
}

/** The answer to a preflight: what the browser asked for, for the methods the path serves. */
export function preflight(request: MockRequest, allowedMethods: string[]): MockResponse {
  const methods = [...allowedMethods, 'OPTIONS'].join(', ');
  return {
    status: 204,
    headers: {
      allow: methods,
      'access-control-allow-methods': methods,
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
      'access-control-max-age': '600',
    },
  };
}
