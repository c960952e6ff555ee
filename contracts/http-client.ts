// The suite's only I/O: sends a request with a timeout, and records the exchange whatever happens.
// A transport failure is an exchange with an `error`, never a thrown exception.
import type { CompiledSpec } from '../src/spec/index.js';
import { createRouter } from '../src/spec/router.js';
import { authHeaders, type AuthVariant, type Credentials } from './credentials.js';
import type { Exchange } from './exchange.js';
import { classifyTransportError } from './transport-errors.js';
import { isThrottled, type Throttle } from './throttle.js';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { readBounded, readStreamBounded } from './bounded-body.js';
import { withDeadline } from './deadline.js';

export interface ClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Largest response body read, in bytes after decompression (default 10 MiB); past it reading stops. */
  maxBodyBytes?: number;
  /** Extra attempts for idempotent requests (never POST) after a dropped connection or a 502/503/504. */
  retries?: number;
  credentials: Credentials;
  spec: CompiledSpec;
  /** Keep every exchange in `exchanges` (default true: the checks read them); seeding 100,000 records must not. */
  keepExchanges?: boolean;
  /**
   * 'fetch' (default: what the checks were written against; MSW in a test intercepts it) or 'undici'
   * (undici's request(): about four times the requests a second on Node 20, for seeding at scale; it
   * asks for no compression, so bodies are read as sent).
   */
  transport?: 'fetch' | 'undici';
  /** The connections the 'undici' transport sends on (default: undici's global agent); the seeder keeps its own alive. */
  dispatcher?: Dispatcher;
  /** The fetch the 'fetch' transport calls (default: the global one; tests pass an in-process mock's). */
  fetch?: typeof fetch;
  /** Throttled answers (429, 503 with Retry-After) waited out and sent again within its budget; --rate pacing. */
  throttle?: Throttle;
}

export interface SendOptions {
  auth?: AuthVariant;
  /** A JSON value, sent with content-type application/json. */
  json?: unknown;
  /** A body sent as it is (generated inputs: JSON with int64 digits, or the wrong media type). */
  text?: string;
  headers?: Record<string, string>;
  /** Spells every header name of the request so (HTTP names are case-insensitive: an equivalent form). */
  headerCase?: (name: string) => string;
}

export interface LabelledExchange extends Exchange {
  /** The probe's name for this request, so a check's evaluation can find it. */
  label: string;
  /** Which credentials went with it. */
  auth: AuthVariant;
  /** How many times it was sent (more than 1 after retries or throttled answers). */
  attempts: number;
  /** The answer is a throttled one (429, 503 with Retry-After) that the wait budget did not allow to wait out: never judged. */
  throttled?: true;
}

export const defaultMaxBodyBytes = 10 * 1024 * 1024;

type Answer = { status: number; headers: Record<string, string>; bodyText: string | undefined };

async function viaFetch(fetcher: typeof fetch, url: string, init: { method: string; headers: Record<string, string>; body: string | undefined; signal: AbortSignal }, limit: number): Promise<Answer> {
  const response = await fetcher(url, { ...init, redirect: 'manual' });
  const bodyText = await readBounded(response, limit);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, bodyText };
}

async function viaUndici(url: string, init: { method: string; headers: Record<string, string>; body: string | undefined; signal: AbortSignal }, limit: number, dispatcher: Dispatcher | undefined): Promise<Answer> {
  const response = await undiciRequest(url, { method: init.method as 'GET', headers: init.headers, body: init.body ?? null, signal: init.signal, ...(dispatcher === undefined ? {} : { dispatcher }) });
  const bodyText = await readStreamBounded(response.body, limit);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { status: response.statusCode, headers, bodyText };
}

// Safe to send again: the same request cannot change the state twice (RFC 9110 §9.2.2).
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const retriableStatus = new Set([502, 503, 504]);

export function createClient(options: ClientOptions) {
  const router = createRouter(options.spec.operations);
  const base = options.baseUrl.replace(/\/+$/, '');
  const exchanges: LabelledExchange[] = [];

  async function send(label: string, method: string, target: string, sendOptions: SendOptions = {}): Promise<LabelledExchange> {
    let headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...authHeaders(options.credentials, sendOptions.auth ?? 'both'),
      ...sendOptions.headers,
    };
    let body: string | undefined;
    if (sendOptions.json !== undefined) {
      body = JSON.stringify(sendOptions.json);
      headers['content-type'] ??= 'application/json';
    } else if (sendOptions.text !== undefined) {
      body = sendOptions.text;
      headers['content-type'] ??= 'application/json';
    }
    const rename = sendOptions.headerCase;
    if (rename !== undefined) headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [rename(name), value]));
    const path = target.split('?')[0] ?? target;
    const match = router.match(method, path);
    const exchange: LabelledExchange = {
      label,
      auth: sendOptions.auth ?? 'both',
      attempts: 0,
      request: { method, target, headers, ...(body === undefined ? {} : { body }) },
      ...(match.kind === 'operation' ? { operationId: match.operation.operationId } : {}),
    };
    const retries = idempotent.has(method) ? (options.retries ?? 0) : 0;
    const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
    const url = `${base}${target}`;
    let failures = 0;
    let throttledAnswers = 0;
    for (;;) {
      await options.throttle?.pace();
      exchange.attempts++;
      delete exchange.error;
      delete exchange.response;
      const started = performance.now();
      let retry = false;
      try {
        // The deadline covers the body as well as the head: --timeout is the most one request may take.
        const response = await withDeadline(options.timeoutMs, (signal) =>
          options.transport === 'undici' ? viaUndici(url, { method, headers, body, signal }, limit, options.dispatcher) : viaFetch(options.fetch ?? fetch, url, { method, headers, body, signal }, limit),
        );
        const { bodyText } = response;
        exchange.response = {
          status: response.status,
          headers: response.headers,
          bodyText: bodyText ?? '',
          durationMs: performance.now() - started,
          ...(bodyText === undefined ? { bodyLimitExceeded: limit } : {}),
        };
        // A throttled request was not carried out (that is what 429 says), so even a POST is sent again.
        if (options.throttle !== undefined && isThrottled(response.status, response.headers)) {
          if (await options.throttle.waitOut(response.headers, throttledAnswers++)) continue;
          exchange.throttled = true;
          break;
        }
        retry = retriableStatus.has(response.status);
      } catch (error) {
        exchange.error = classifyTransportError(error);
        // A timeout is not retried: it would stretch the run past what --timeout promises.
        retry = exchange.error.kind !== 'timeout';
      }
      if (!retry || failures >= retries) break;
      failures++;
      await new Promise((resolve) => setTimeout(resolve, 100 * failures));
    }
    if (options.keepExchanges !== false) exchanges.push(exchange);
    return exchange;
  }

  return { send, exchanges, baseUrl: base };
}

export type Client = ReturnType<typeof createClient>;
