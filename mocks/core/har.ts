// The journal as HAR 1.2 (the format Chrome, Firefox, Playwright's recordHar and mitmproxy save), so a
// front-end team can hand a session against the mock to the same tools as a recorded production session.
// Credentials are redacted exactly as in the journal; bodies larger than the journal keeps are cut, and
// say so in the entry's comment.

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
}

export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[] };
}

/** What the journal gives for one exchange, already redacted. */
export interface HarSource {
  time: string;
  method: string;
  path: string;
  query: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  requestBodyCut: boolean;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody?: string;
  responseBodyCut: boolean;
}

const statusTexts: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 417: 'Expectation Failed', 500: 'Internal Server Error' };
const pairs = (record: Record<string, string>): HarNameValue[] => Object.entries(record).map(([name, value]) => ({ name, value }));
const byteLength = (text: string | undefined) => new TextEncoder().encode(text ?? '').byteLength;

export function harEntry(source: HarSource): HarEntry {
  const host = source.requestHeaders.host ?? 'localhost';
  const query = new URLSearchParams(source.query);
  const responseType = source.responseHeaders['content-type'] ?? '';
  const requestType = source.requestHeaders['content-type'] ?? '';
  const cut = [source.requestBodyCut ? 'request body cut' : '', source.responseBodyCut ? 'response body cut' : ''].filter(Boolean);
  return {
    startedDateTime: source.time,
    time: 0,
    request: {
      method: source.method,
      url: `http://${host}${source.path}${source.query === '' ? '' : `?${source.query}`}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(source.requestHeaders),
      queryString: [...query].map(([name, value]) => ({ name, value })),
      ...(source.requestBody === undefined ? {} : { postData: { mimeType: requestType, text: source.requestBody } }),
      headersSize: -1,
      bodySize: byteLength(source.requestBody),
    },
    response: {
      status: source.status,
      statusText: statusTexts[source.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(source.responseHeaders),
      content: { size: byteLength(source.responseBody), mimeType: responseType, ...(source.responseBody === undefined ? {} : { text: source.responseBody }) },
      redirectURL: '',
      headersSize: -1,
      bodySize: byteLength(source.responseBody),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(cut.length > 0 ? { comment: `ude-kit journal: ${cut.join(', ')} at the journal's limit` } : {}),
  };
}

export function harOf(sources: HarSource[], version: string): Har {
  return { log: { version: '1.2', creator: { name: 'ude-kit', version }, entries: sources.map(harEntry) } };
}
