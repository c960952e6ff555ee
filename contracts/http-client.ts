// The suite's only I/O: sends a request with a timeout, and records the exchange whatever happens.
// A transport failure is an exchange with an `error`, never a thrown exception.
import type { CompiledSpec } from '../src/spec/index.js';
import { createRouter } from '../src/spec/router.js';
import { authHeaders, type AuthVariant, type Credentials } from './credentials.js';
import type { Exchange, TransportErrorKind } from './exchange.js';

export interface ClientOptions {
  baseUrl: string;
  timeoutMs: number;
  credentials: Credentials;
  spec: CompiledSpec;
}

export interface SendOptions {
  auth?: AuthVariant;
  /** A JSON value, sent with content-type application/json. */
  json?: unknown;
  headers?: Record<string, string>;
}

export interface LabelledExchange extends Exchange {
  /** The probe's name for this request, so a check's evaluation can find it. */
  label: string;
  /** Which credentials went with it. */
  auth: AuthVariant;
}

function classify(error: unknown): { kind: TransportErrorKind; message: string } {
  const name = (error as Error).name;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', message: 'no answer within the timeout' };
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'connection refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', message: `host not found (${code})` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || /terminated|other side closed/i.test(`${(error as Error).message} ${cause?.message ?? ''}`)) {
    return { kind: 'reset', message: 'the connection was closed before a complete answer' };
  }
  const message = cause?.message ?? (error as Error).message;
  // fetch refuses the ports of other protocols (1, 25, 6000, …) before connecting.
  if (message === 'bad port') return { kind: 'other', message: 'fetch will not connect to this port (it belongs to another protocol); use another port' };
  return { kind: 'other', message };
}

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
    }
    const path = target.split('?')[0] ?? target;
    const match = router.match(method, path);
    const exchange: LabelledExchange = {
      label,
      auth: sendOptions.auth ?? 'both',
      request: { method, target, headers, ...(body === undefined ? {} : { body }) },
      ...(match.kind === 'operation' ? { operationId: match.operation.operationId } : {}),
    };
    const started = performance.now();
    try {
      const signal = AbortSignal.timeout(options.timeoutMs);
      const response = await fetch(`${base}${target}`, { method, headers, body, signal, redirect: 'manual' });
      const bodyText = await response.text();
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      exchange.response = { status: response.status, headers: responseHeaders, bodyText, durationMs: performance.now() - started };
    } catch (error) {
      exchange.error = classify(error);
    }
    exchanges.push(exchange);
    return exchange;
  }

  return { send, exchanges, baseUrl: base };
}

export type Client = ReturnType<typeof createClient>;
