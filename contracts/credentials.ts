import { classifyTransportError } from './transport-errors.js';
import { quoted } from '../src/text/visible.js';
import { readBounded } from './bounded-body.js';
import { withDeadline } from './deadline.js';

/** A token answer is a few hundred bytes; this leaves room for any real one. */
const maxTokenAnswerBytes = 1024 * 1024;

// The credentials the suite sends, and the variants the auth check needs. Values never leave this
// module except as request headers; reports show them masked.

export interface Credentials {
  token?: string | undefined;
  apiKey?: string | undefined;
  apiKeyHeader: string;
}

export type AuthVariant = 'both' | 'none' | 'token-only' | 'key-only' | 'wrong-key' | 'wrong-token';

const wrong = 'ude-kit-deliberately-wrong';

export function authHeaders(credentials: Credentials, variant: AuthVariant): Record<string, string> {
  const header = credentials.apiKeyHeader.toLowerCase();
  const token = variant === 'wrong-token' ? wrong : credentials.token;
  const key = variant === 'wrong-key' ? wrong : credentials.apiKey;
  const headers: Record<string, string> = {};
  if (token !== undefined && (variant === 'both' || variant === 'token-only' || variant === 'wrong-key' || variant === 'wrong-token')) {
    headers.authorization = `Bearer ${token}`;
  }
  if (key !== undefined && (variant === 'both' || variant === 'key-only' || variant === 'wrong-key' || variant === 'wrong-token')) {
    headers[header] = key;
  }
  return headers;
}

/** Every secret value, of any length, for the scrub of anything printed (see secrets.ts). */
export function secretsOf(credentials: Credentials, extra: Array<string | undefined> = []): string[] {
  return [credentials.token, credentials.apiKey, ...extra].filter((s): s is string => s !== undefined && s.length > 0);
}

/** The OAuth2 client-credentials grant: the suite fetches its own token. */
export async function fetchClientCredentialsToken(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}): Promise<{ ok: true; token: string } | { ok: false; reason: string }> {
  // One deadline for the whole answer, head and body, and a bound on its size: a token answer is small.
  let answer: { status: number; ok: boolean; text: string | undefined };
  try {
    answer = await withDeadline(options.timeoutMs, async (signal) => {
      const response = await fetch(options.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: options.clientSecret,
        }).toString(),
        signal,
        // The client secret goes to the address given and nowhere else: a redirect is not followed.
        redirect: 'manual',
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, ok: false, text: '' };
      }
      return { status: response.status, ok: response.ok, text: await readBounded(response, maxTokenAnswerBytes) };
    });
  } catch (error) {
    return { ok: false, reason: `the token endpoint ${options.tokenUrl} could not be reached (${describeError(error)})` };
  }
  const response = answer;
  if (response.status >= 300 && response.status < 400) {
    return { ok: false, reason: `the token endpoint answered ${response.status} (a redirect); the suite does not follow it with the client secret: give --token-url the final address` };
  }
  if (response.text === undefined) return { ok: false, reason: `the token endpoint ${options.tokenUrl} answered more than ${maxTokenAnswerBytes} bytes` };
  const text = response.text;
  if (!response.ok) {
    // RFC 6749 §5.2: an `error` code says what was wrong (invalid_client: the id or the secret).
    let code: unknown;
    try {
      code = (JSON.parse(text) as { error?: unknown }).error;
    } catch {
      code = undefined;
    }
    const said = typeof code === 'string' && code.trim() !== '' ? ` (${quoted(code, 40)})` : '';
    const hint = response.status === 400 || response.status === 401 ? ': check --client-id and --client-secret' : '';
    return { ok: false, reason: `the token endpoint ${options.tokenUrl} answered ${response.status}${said}${hint}` };
  }
  try {
    const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
    if (typeof token === 'string' && token.length > 0) return { ok: true, token };
  } catch {
    // fall through
  }
  return { ok: false, reason: 'the token endpoint answered without an access_token' };
}

export function describeError(error: unknown): string {
  return classifyTransportError(error).message;
}
