// Calls to a running mock's admin API, for seed and export: one function, clear failures.
import { describeError } from '../../contracts/credentials.js';
import { CliError } from './cli-error.js';

export async function adminCall(target: string, method: string, path: string, options: { body?: unknown; timeoutMs?: number; adminToken?: string | undefined } = {}): Promise<{ status: number; json: unknown }> {
  const { body, timeoutMs = 60_000, adminToken } = options;
  const url = `${target.replace(/\/+$/, '')}/__admin${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      // Every admin write carries this media type: the mock refuses writes without it (see its README).
      headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...(adminToken === undefined ? {} : { 'x-admin-token': adminToken }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new CliError(`could not reach ${url}: ${describeError(error)}`);
  }
  const text = await response.text();
  if (response.status === 404) throw new CliError(`${target} has no admin API at /__admin (is it a ude-kit mock, started without --no-admin?)`);
  if (response.status === 401) throw new CliError(`${target} refused the admin call: give the mock's admin token with --admin-token (or UDE_KIT_ADMIN_TOKEN)`);
  try {
    return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  } catch {
    throw new CliError(`${url} did not answer JSON (status ${response.status})`);
  }
}
