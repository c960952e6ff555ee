// How the console talks to the mock: the admin API (X-Admin-Token when set) and the real API (its two
// credentials). Every answer comes back as a value; a problem+json answer becomes a Problem to show.
import { openApiDocument } from '../spec/generated/document.js';
import { apiKeyHeaderOf } from '../spec/security.js';
import type { Settings } from './settings.js';

export interface Violation {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  type?: string;
  violations?: Violation[];
}

export type Result<T> = { ok: true; status: number; value: T } | { ok: false; problem: Problem };

/** The admin API lives beside the console: /__admin/ui/ → /__admin/. */
const adminBase = new URL('..', window.location.href).pathname.replace(/\/$/, '');
/** The API's collection path, from the document (the one path without parameters). */
export const collectionPath = Object.keys(openApiDocument.paths).find((path) => !path.includes('{'))!;
const apiKeyHeader = apiKeyHeaderOf(openApiDocument);

const noAnswer = (error: unknown): { ok: false; problem: Problem } => ({
  ok: false,
  problem: { status: 0, title: 'No answer', detail: `The mock did not answer (${(error as Error).message}). Is it still running?` },
});

async function call<T>(url: string, init: RequestInit): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    return noAnswer(error);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, value: body as T };
  const problem = (body ?? {}) as Partial<Problem>;
  return {
    ok: false,
    problem: {
      status: response.status,
      title: typeof problem.title === 'string' ? problem.title : response.statusText || 'Error',
      detail: typeof problem.detail === 'string' ? problem.detail : text.slice(0, 300),
      ...(typeof problem.type === 'string' ? { type: problem.type } : {}),
      ...(Array.isArray(problem.violations) ? { violations: problem.violations } : {}),
    },
  };
}

const jsonHeaders = (body: unknown): Record<string, string> => (body === undefined ? {} : { 'content-type': 'application/json' });

export function admin<T>(settings: Settings, method: string, path: string, body?: unknown): Promise<Result<T>> {
  return call<T>(`${adminBase}${path}`, adminInit(settings, method, body === undefined ? undefined : JSON.stringify(body)));
}

/** An admin call whose answer is kept as text (a whole state, put back later exactly as it came). */
export async function adminText(settings: Settings, method: string, path: string, bodyText?: string): Promise<Result<string>> {
  let response: Response;
  try {
    response = await fetch(`${adminBase}${path}`, adminInit(settings, method, bodyText));
  } catch (error) {
    return noAnswer(error);
  }
  const text = await response.text();
  return response.ok ? { ok: true, status: response.status, value: text } : { ok: false, problem: { status: response.status, title: response.statusText || 'Error', detail: text.slice(0, 300) } };
}

function adminInit(settings: Settings, method: string, bodyText: string | undefined): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (settings.adminToken !== '') headers['x-admin-token'] = settings.adminToken;
  // Every admin write must say application/json, even without a body (the mock's CSRF rule).
  if (method !== 'GET') headers['content-type'] = 'application/json';
  return { method, headers, ...(bodyText === undefined ? {} : { body: bodyText }) };
}

export function api<T>(settings: Settings, method: string, pathAndQuery: string, body?: unknown): Promise<Result<T>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${settings.bearerToken}`,
    [apiKeyHeader]: settings.apiKey,
    ...jsonHeaders(body),
  };
  return call<T>(pathAndQuery, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
