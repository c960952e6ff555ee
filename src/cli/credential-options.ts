// The credential options that every command talking to a deployment takes (contract, seed --via-api):
// flags first, then UDE_KIT_* environment variables, or an OAuth2 client-credentials grant.
import { fetchClientCredentialsToken, secretsOf } from '../../contracts/credentials.js';
import { CliError, UsageError } from './cli-error.js';
import { nonEmptyOption } from './options.js';

export function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function urlOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // A URL may carry a password: it is never echoed back.
  const shown = value.includes('@') ? 'what was given' : `"${value}"`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${name} must be an http(s) URL, not ${shown}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${name} must be an http(s) URL, not ${shown}`);
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    throw new UsageError(`--${name} must not hold a user name or password (${url.href} with credentials removed): pass them with --api-key, --token or the UDE_KIT_* variables, which the kit keeps out of its output`);
  }
  return value;
}

type Values = Partial<Record<'api-key' | 'api-key-header' | 'token' | 'token-url' | 'client-id' | 'client-secret', string>>;

export interface ResolvedCredentials {
  apiKey?: string | undefined;
  token?: string | undefined;
  apiKeyHeader?: string | undefined;
  /** Every secret value, to scrub from anything printed. */
  secrets: string[];
}

export async function resolveCredentials(values: Values, timeoutMs: number): Promise<ResolvedCredentials> {
  const apiKey = nonEmptyOption('api-key', values['api-key'] ?? env('UDE_KIT_API_KEY'));
  const clientSecret = values['client-secret'] ?? env('UDE_KIT_CLIENT_SECRET');
  let token = nonEmptyOption('token', values.token ?? env('UDE_KIT_TOKEN'));
  const tokenUrl = urlOption('token-url', values['token-url'] ?? env('UDE_KIT_TOKEN_URL'));
  if (tokenUrl !== undefined) {
    const clientId = values['client-id'] ?? env('UDE_KIT_CLIENT_ID');
    if (clientId === undefined || clientSecret === undefined) throw new UsageError('--token-url needs --client-id and --client-secret');
    const fetched = await fetchClientCredentialsToken({ tokenUrl, clientId, clientSecret, timeoutMs });
    if (!fetched.ok) throw new CliError(`could not get an access token: ${fetched.reason}`);
    token = fetched.token;
  }
  return {
    apiKey,
    token,
    apiKeyHeader: nonEmptyOption('api-key-header', values['api-key-header']),
    secrets: secretsOf({ token, apiKey, apiKeyHeader: '' }, [clientSecret]),
  };
}
