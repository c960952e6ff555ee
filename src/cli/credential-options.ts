// The credential options that every command talking to a deployment takes (contract, seed --via-api):
// flags first, then UDE_KIT_* environment variables, or an OAuth2 client-credentials grant.
import { fetchClientCredentialsToken, secretsOf } from '../../contracts/credentials.js';
import { CliError } from './cli-error.js';
import { nonEmptyOption } from './options.js';

export const credentialOptions = {
  'api-key': { type: 'string' },
  'api-key-header': { type: 'string' },
  token: { type: 'string' },
  'token-url': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
} as const;

export const credentialUsage = `  --api-key KEY           API key (env UDE_KIT_API_KEY)
  --api-key-header NAME   its header (default: the document's, X-Api-Key)
  --token TOKEN           OAuth2 access token (env UDE_KIT_TOKEN)
  --token-url URL         or fetch one with the client-credentials grant (env UDE_KIT_TOKEN_URL)
  --client-id ID          (env UDE_KIT_CLIENT_ID)
  --client-secret SECRET  (env UDE_KIT_CLIENT_SECRET)`;

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
    throw new CliError(`--${name} must be an http(s) URL, not ${shown}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--${name} must be an http(s) URL, not ${shown}`);
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    throw new CliError(`--${name} must not hold a user name or password (${url.href} with credentials removed): pass them with --api-key, --token or the UDE_KIT_* variables, which the kit keeps out of its output`);
  }
  return value;
}

type Values = Partial<Record<keyof typeof credentialOptions, string>>;

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
    if (clientId === undefined || clientSecret === undefined) throw new CliError('--token-url needs --client-id and --client-secret');
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
