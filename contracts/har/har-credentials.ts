// The credentials a recording holds, found by name (the list the mock's journal redacts with) in
// headers, cookies, query parameters and form or JSON bodies, of requests and answers alike. Each value
// found is masked twice: in its own place, whatever its length, and by value everywhere in the report
// (a token seen in entry 9 and echoed in the answer of entry 3 is masked there too).
import { credentialSpans, looksLikeCredential, redactedBody } from '../../src/text/credential-names.js';
import { mask } from '../secrets.js';
import type { HarFileEntry, HarNameValue } from './read-har.js';

/**
 * A value this short, or one of these words, is masked in its own place only: masking every "1", "yes"
 * or "true" of a report would destroy it and protect nothing a credential this short could.
 */
const minValueChars = 4;
const notSecrets = new Set(['true', 'false', 'null', 'undefined', '[redacted]', 'redacted', mask]);

/** An authorization scheme before the credential itself ("Bearer", "Basic", "Digest"…). */
const scheme = /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*\s+(?=\S)/;

export function createCredentialCollector(apiKeyHeader: string) {
  const values = new Set<string>();
  const keyHeader = apiKeyHeader.toLowerCase();
  const add = (value: string) => {
    const trimmed = value.trim();
    if (trimmed.length >= minValueChars && !notSecrets.has(trimmed.toLowerCase())) values.add(trimmed);
  };
  const addWithScheme = (value: string) => {
    add(value);
    add(value.replace(scheme, ''));
  };
  /** The pairs of a Cookie header ("a=1; b=2"), or the first of a Set-Cookie (the rest are its attributes). */
  const addCookies = (header: string, first: boolean) => {
    const pairs = header.split(';');
    for (const pair of first ? pairs.slice(0, 1) : pairs) {
      const at = pair.indexOf('=');
      add(at < 0 ? pair : pair.slice(at + 1));
    }
  };
  const isSecretHeader = (name: string) => looksLikeCredential(name) || name.toLowerCase() === keyHeader;
  const fromHeaders = (headers: HarNameValue[]) => {
    for (const { name, value } of headers) {
      const lower = name.toLowerCase();
      if (!isSecretHeader(lower)) continue;
      addWithScheme(value);
      if (lower === 'cookie') addCookies(value, false);
      if (lower === 'set-cookie') for (const line of value.split('\n')) addCookies(line, true);
    }
  };
  const fromPairs = (pairs: HarNameValue[], all: boolean) => {
    for (const { name, value } of pairs) if (all || looksLikeCredential(name)) add(value);
  };
  const fromBody = (text: string | undefined, contentType: string | undefined) => {
    if (text !== undefined) for (const { value } of credentialSpans(text, contentType)) add(value);
  };

  return {
    /** Every credential of the entry, by name, into the set of values masked everywhere. */
    collect(entry: HarFileEntry, url: URL | undefined, requestBody: string | undefined, responseBody: string | undefined): void {
      const { request, response } = entry;
      if (request !== undefined) {
        fromHeaders(request.headers);
        fromPairs(request.cookies, true);
        if (request.postData !== undefined) fromPairs(request.postData.params, false);
        fromBody(requestBody, request.postData?.mimeType ?? headerValue(request.headers, 'content-type'));
      }
      if (url !== undefined) {
        for (const [name, value] of url.searchParams) if (looksLikeCredential(name)) add(value);
        if (url.password !== '') add(decodeURIComponent(url.password));
      }
      if (response !== undefined) {
        fromHeaders(response.headers);
        fromPairs(response.cookies, true);
        fromBody(responseBody, response.content?.mimeType ?? headerValue(response.headers, 'content-type'));
      }
    },
    /** The values found so far. */
    values(): ReadonlySet<string> {
      return values;
    },
    /** A header's value as a report shows it: masked when its name is a credential's. */
    shownHeader(name: string, value: string): string {
      return isSecretHeader(name) ? mask : value;
    },
  };
}

function headerValue(headers: HarNameValue[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/** A query string ("a=1&token=x") with each credential parameter's value masked, the rest as it was. */
export function maskedQuery(search: string): string {
  if (search.length <= 1) return search;
  return `?${redactedBody(search.slice(1), 'application/x-www-form-urlencoded', mask)}`;
}

/** A request body with each credential field's value masked. */
export function maskedBody(text: string, contentType: string | undefined): string {
  return redactedBody(text, contentType, mask);
}
