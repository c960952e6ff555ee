// The suite's only I/O: sends a request with a timeout, and records the exchange whatever happens.
// A transport failure is an exchange with an `error`, never a thrown exception.
import type { CompiledSpec } from '../src/spec/index.js';
import { createRouter } from '../src/spec/router.js';
import { authHeaders, type AuthVariant, type Credentials } from './credentials.js';
import type { Exchange } from './exchange.js';
import { classifyTransportError } from './transport-errors.js';

export interface ClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Largest response body read, in bytes after decompression (default 10 MiB); past it reading stops. */
  maxBodyBytes?: number;
  /** Extra attempts for idempotent requests (never POST) after a dropped connection or a 502/503/504. */
  retries?: number;
  credentials: Credentials;
  spec: CompiledSpec;
}

export interface SendOptions {
  auth?: AuthVariant;
  /** A JSON value, sent with content-type application/json. */
  json?: unknown;
  /** A body sent as it is (generated inputs: JSON with int64 digits, or the wrong media type). */
  text?: string;
  headers?: Record<string, string>;
}

export interface LabelledExchange extends Exchange {
  /** The probe's name for this request, so a check's evaluation can find it. */
  label: string;
  /** Which credentials went with it. */
  auth: AuthVariant;
  /** How many times it was sent (more than 1 after retries). */
  attempts: number;
}

export const defaultMaxBodyBytes = 10 * 1024 * 1024;

/**
 * Reads a body up to a limit, counting the bytes after decompression (fetch inflates gzip and br), so
 * neither a body that never ends nor a small compressed bomb can fill the memory. Undefined past the limit.
 */
async function readBounded(response: Response, limit: number): Promise<string | undefined> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    // Decoded once at the end: one flat string, which the checks read far faster than a chain of pieces.
    if (done) return Buffer.concat(chunks, size).toString('utf8');
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

// Safe to send again: the same request cannot change the state twice (RFC 9110 §9.2.2).
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const retriableStatus = new Set([502, 503, 504]);

export function createClient(options: ClientOptions) {
  const router = createRouter(options.spec.operations);
  const base = options.baseUrl.replace(/\/+$/, '');
  const exchanges: LabelledExchange[] = [];

  async function send(label: string, method: string, target: string, sendOptions: SendOptions = {}): Promise<LabelledExchange> {
    const headers: Record<string, string> = {
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
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      exchange.attempts = attempt + 1;
      delete exchange.error;
      delete exchange.response;
      const started = performance.now();
      try {
        const signal = AbortSignal.timeout(options.timeoutMs);
        const response = await fetch(`${base}${target}`, { method, headers, body, signal, redirect: 'manual' });
        const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
        const bodyText = await readBounded(response, limit);
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          responseHeaders[name] = value;
        });
        exchange.response = {
          status: response.status,
          headers: responseHeaders,
          bodyText: bodyText ?? '',
          durationMs: performance.now() - started,
          ...(bodyText === undefined ? { bodyLimitExceeded: limit } : {}),
        };
        if (!retriableStatus.has(response.status)) break;
      } catch (error) {
        exchange.error = classifyTransportError(error);
        // A timeout is not retried: it would stretch the run past what --timeout promises.
        if (exchange.error.kind === 'timeout') break;
      }
    }
    exchanges.push(exchange);
    return exchange;
  }

  return { send, exchanges, baseUrl: base };
}

export type Client = ReturnType<typeof createClient>;
