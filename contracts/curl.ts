// A curl command that reproduces a request. Credentials become environment-variable references, so
// the command is safe to paste into a pull request and still runs where the variables are set.
import type { ExchangeRequest } from './exchange.js';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlFor(request: ExchangeRequest, baseUrl: string, apiKeyHeader: string): string {
  const parts = ['curl', '-i', '-X', request.method];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'accept') continue;
    if (name === 'authorization') {
      parts.push('-H', value.startsWith('Bearer ude-kit-') ? quote(`Authorization: ${value}`) : '"Authorization: Bearer $UDE_KIT_TOKEN"');
    } else if (name === apiKeyHeader.toLowerCase()) {
      parts.push('-H', value.startsWith('ude-kit-') ? quote(`${apiKeyHeader}: ${value}`) : `"${apiKeyHeader}: $UDE_KIT_API_KEY"`);
    } else {
      parts.push('-H', quote(`${name}: ${value}`));
    }
  }
  if (request.body !== undefined) parts.push('--data-raw', quote(request.body));
  parts.push(quote(`${baseUrl}${request.target}`));
  return parts.join(' ');
}
