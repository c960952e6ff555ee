// What went wrong below HTTP, in words a CI log reader can act on. One place for every client of the kit.
import type { TransportErrorKind } from './exchange.js';

export function classifyTransportError(error: unknown): { kind: TransportErrorKind; message: string } {
  const name = (error as Error).name;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // fetch wraps the socket's error as its cause; undici's request() throws it as it is.
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  const message = cause?.message ?? (error as Error).message;
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { kind: 'timeout', message: 'no answer within the timeout' };
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: 'connection refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', message: `host not found (${code})` };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || /terminated|other side closed/i.test(`${(error as Error).message} ${message}`)) {
    return { kind: 'reset', message: 'the connection was closed before a complete answer' };
  }
  // fetch refuses the ports of other protocols (1, 9, 25, 6000, …) before connecting.
  if (message === 'bad port') return { kind: 'other', message: 'fetch will not connect to this port (it belongs to another protocol); use another port' };
  return { kind: 'other', message };
}
