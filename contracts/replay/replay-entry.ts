// One recorded entry as the request a replay sends and the answer it is compared with, or why it is
// not replayed. Only what addresses one of the document's operations is replayed, at --base-url,
// whatever host it was recorded on. Of the recorded headers only Accept and Content-Type go again:
// recordings hold other people's credentials (Authorization, the API key, cookies), and a browser's
// other headers change nothing the document describes. Pure.
import type { Router } from '../../src/spec/router.js';
import type { ExchangeRequest, ExchangeResponse } from '../exchange.js';
import { bodyOf } from '../har/har-run.js';
import type { HarFileEntry, HarNameValue } from '../har/read-har.js';
import { isThrottled } from '../throttle.js';

export interface ReplayEntry {
  operationId: string;
  method: string;
  /** Path and query as recorded, from the document's paths on (a deployment's own prefix left out). */
  target: string;
  /** The path's values by parameter name, as the router read them. */
  pathValues: ReadonlyMap<string, string>;
  /** The headers sent again: Accept and Content-Type, when recorded. */
  headers: Record<string, string>;
  body?: string;
  /** Where it was recorded (origin and prefix): the recorded side's curl points there. */
  recordedAt: string;
  recorded: ExchangeResponse;
  /** The recorded answer's body could not be kept (too long, left out, an unknown encoding): compared on status and media type only. */
  recordedBodyMissing?: string;
}

export type ReplayDecision = { replay: ReplayEntry } | { skip: string };

const sentAgain = new Set(['accept', 'content-type']);
const lowerCased = (pairs: HarNameValue[] | undefined): Record<string, string> => Object.fromEntries((pairs ?? []).map((h) => [h.name.toLowerCase(), h.value]));

export function replayEntry(entry: HarFileEntry, router: Router, maxBodyBytes: number): ReplayDecision {
  const { request, response } = entry;
  if (request?.url === undefined || request.method === undefined) return { skip: 'no request URL or method' };
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { skip: 'a URL that cannot be parsed' };
  }
  // The document's paths may sit under a prefix of the recorded deployment's own (/api/v2/…).
  const at = url.pathname.indexOf(router.prefix);
  const path = at < 0 ? '' : url.pathname.slice(at);
  const method = request.method.toUpperCase();
  const match = at < 0 ? undefined : router.match(method, path);
  if (match?.kind !== 'operation') return { skip: 'not one of the document’s operations' };
  const status = response?.status;
  if (response === undefined || typeof status !== 'number' || status <= 0) return { skip: 'no recorded answer (an aborted request)' };
  const recordedHeaders = lowerCased(response.headers);
  if (isThrottled(status, recordedHeaders)) return { skip: 'a throttled answer was recorded (429, or 503 with Retry-After): a gateway’s, nothing to compare with' };
  const requestBody = bodyOf(request.postData?.text, undefined, request.postData?.tooLongBytes, maxBodyBytes);
  if (requestBody.tooLong === true) return { skip: `a request body over ${maxBodyBytes.toLocaleString('en-US')} bytes (--max-body-bytes)` };
  const content = response.content;
  const answer = bodyOf(content?.text, content?.encoding, content?.tooLongBytes, maxBodyBytes);
  const missing =
    answer.tooLong === true ? `a recorded answer over ${maxBodyBytes.toLocaleString('en-US')} bytes` : answer.unknownEncoding !== undefined ? 'a recorded answer in an unknown encoding' : answer.text === undefined && status !== 204 ? 'a recorded answer whose body the recorder left out' : undefined;
  const sent = Object.fromEntries(Object.entries(lowerCased(request.headers)).filter(([name]) => sentAgain.has(name)));
  if (request.postData?.mimeType && requestBody.text !== undefined) sent['content-type'] ??= request.postData.mimeType;
  const contentType = recordedHeaders['content-type'] ?? content?.mimeType;
  return {
    replay: {
      operationId: match.operation.operationId,
      method,
      target: `${path}${url.search}`,
      pathValues: match.pathValues,
      headers: sent,
      ...(requestBody.text === undefined ? {} : { body: requestBody.text }),
      recordedAt: `${url.origin}${url.pathname.slice(0, at)}`,
      recorded: { status, headers: { ...recordedHeaders, ...(contentType ? { 'content-type': contentType } : {}) }, bodyText: answer.text ?? '', durationMs: 0 },
      ...(missing === undefined ? {} : { recordedBodyMissing: missing }),
    },
  };
}
