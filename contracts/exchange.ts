// What the suite sends and what comes back, recorded as plain data: the checks read only this.

export interface ExchangeRequest {
  method: string;
  /** Path and query, e.g. "/v2/tickets/used-diagnostic-equipment?limit=0". */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ExchangeResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body as text; empty when it was longer than the limit (see `bodyLimitExceeded`). */
  bodyText: string;
  durationMs: number;
  /** Set to the limit in bytes when the body (counted after decompression) went past it: reading stopped there. */
  bodyLimitExceeded?: number;
}

export type TransportErrorKind = 'timeout' | 'refused' | 'reset' | 'dns' | 'other';

export interface Exchange {
  request: ExchangeRequest;
  /** The document's operation the request addresses, when it addresses one. */
  operationId?: string;
  response?: ExchangeResponse;
  error?: { kind: TransportErrorKind; message: string };
}
