// Calls to a running mock's admin API, for seed and export: one function, clear failures.
// The admin token goes to the address given and nowhere else: a redirect is not followed (fetch drops
// only Authorization and Cookie when a redirect leaves the origin, never X-Admin-Token). The answer is
// read within --timeout (head and body in all) and --max-body-bytes, and every text of it that reaches a
// message is made visible (no escape sequence of the target's acts on the terminal).
import { readBounded } from '../../contracts/bounded-body.js';
import { describeError } from '../../contracts/credentials.js';
import { withDeadline } from '../../contracts/deadline.js';
import { defaultMaxAdminBodyBytes } from '../../mocks/core/admin-body-limit.js';
import { exceededJsonBounds } from '../spec/json-bounds.js';
import { quoted } from '../text/visible.js';
import { CliError } from './cli-error.js';

export const defaultAdminTimeoutMs = 60_000;

export interface AdminCallOptions {
  body?: unknown;
  timeoutMs?: number;
  adminToken?: string | undefined;
  /** Largest answer read, in bytes after decompression (default: the most the mock itself reads). */
  maxBodyBytes?: number;
}

export async function adminCall(target: string, method: string, path: string, options: AdminCallOptions = {}): Promise<{ status: number; json: unknown }> {
  const { body, timeoutMs = defaultAdminTimeoutMs, adminToken, maxBodyBytes = defaultMaxAdminBodyBytes } = options;
  const url = `${target.replace(/\/+$/, '')}/__admin${path}`;
  const { status, location, text } = await withDeadline(timeoutMs, async (signal): Promise<{ status: number; location?: string | null; text: string | undefined }> => {
    const response = await fetch(url, {
      method,
      // Every admin write carries this media type: the mock refuses writes without it (see its README).
      headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...(adminToken === undefined ? {} : { 'x-admin-token': adminToken }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      redirect: 'manual',
    });
    if ((response.status >= 300 && response.status < 400) || response.status === 404 || response.status === 401) {
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, location: response.headers.get('location'), text: '' };
    }
    return { status: response.status, text: await readBounded(response, maxBodyBytes) };
  }).catch((error: unknown) => {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new CliError(timedOut ? `${url} gave no complete answer within ${timeoutMs} ms (--timeout)` : `could not reach ${url}: ${describeError(error)}`);
  });
  if (status >= 300 && status < 400) {
    const to = location === undefined || location === null ? 'nowhere (no Location)' : quoted(location, 200);
    throw new CliError(`${url} answered ${status}, a redirect to ${to}; it is not followed, so the admin token goes nowhere else: give --target the mock's own address`);
  }
  if (status === 404) throw new CliError(`${target} has no admin API at /__admin (is it a ude-kit mock, started without --no-admin?)`);
  if (status === 401) throw new CliError(`${target} refused the admin call: give the mock's admin token with --admin-token (or UDE_KIT_ADMIN_TOKEN)`);
  if (text === undefined) throw new CliError(`${url} answered more than ${maxBodyBytes.toLocaleString('en-US')} bytes (--max-body-bytes); nothing was written`);
  if (text === '') return { status, json: undefined };
  const exceeded = exceededJsonBounds(text);
  if (exceeded !== undefined) throw new CliError(`${url} answered JSON a scenario cannot hold (${exceeded})`);
  try {
    return { status, json: JSON.parse(text) as unknown };
  } catch {
    throw new CliError(`${url} did not answer JSON (status ${status}): ${quoted(text)}`);
  }
}
