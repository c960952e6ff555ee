// A curl command that reproduces a request. Credentials become environment-variable references, so
// the command is safe to paste into a pull request and still runs where the variables are set. The URL
// is always absolute, only the headers that change the answer are kept, and a command that writes is
// followed by the one that undoes it: a reader who reproduces a finding leaves the deployment as it was.
import type { CompiledSpec } from '../src/spec/index.js';
import { createRouter } from '../src/spec/router.js';
import type { ExchangeRequest } from './exchange.js';
import { specValues } from './spec-values.js';
import { shellQuoted } from '../src/text/shell-quote.js';


/** The Accept every request of the suite carries: it changes nothing, so it is left out. */
export const defaultAccept = 'application/json, application/problem+json';

/**
 * Headers a client or a browser adds on its own, or that carry a secret the reproduction has no use for
 * (cookies): a recorded request holds dozens of them, and none changes what the API answers.
 */
const incidental = /^(:.*|host|user-agent|accept-encoding|accept-language|connection|content-length|cookie|origin|referer|sec-.*|x-forwarded-.*|cache-control|pragma|priority|dnt|upgrade-insecure-requests|te|via|if-none-match|if-modified-since|keep-alive)$/;

function curlLine(request: ExchangeRequest, url: string, apiKeyHeader: string): string {
  const parts = ['curl', '-i', '-X', request.method];
  const keyHeader = apiKeyHeader.toLowerCase();
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (incidental.test(lower) || (lower === 'accept' && value === defaultAccept)) continue;
    // The usual lower-case names are written as the document spells them; another spelling (a form the
    // suite sent on purpose) as it was sent.
    if (lower === 'authorization') {
      const spelt = name === lower ? 'Authorization' : name;
      parts.push('-H', value.startsWith('Bearer ude-kit-') ? shellQuoted(`${spelt}: ${value}`) : `"${spelt}: Bearer $UDE_KIT_TOKEN"`);
    } else if (lower === keyHeader) {
      const spelt = name === lower ? apiKeyHeader : name;
      parts.push('-H', value.startsWith('ude-kit-') ? shellQuoted(`${spelt}: ${value}`) : `"${spelt}: $UDE_KIT_API_KEY"`);
    } else {
      parts.push('-H', shellQuoted(`${name}: ${value}`));
    }
  }
  if (request.body !== undefined) parts.push('--data-raw', shellQuoted(request.body));
  parts.push(shellQuoted(url));
  return parts.join(' ');
}

const routers = new WeakMap<CompiledSpec, ReturnType<typeof createRouter>>();

/**
 * The request that undoes a write of the document's: a record added by POST is removed by DELETE of its
 * path, one removed by DELETE is added back by POST. Undefined for a request that writes nothing, or
 * whose record cannot be read from it.
 */
export function undoOf(request: ExchangeRequest, spec: CompiledSpec): ExchangeRequest | undefined {
  const values = specValues(spec);
  let router = routers.get(spec);
  if (router === undefined) routers.set(spec, (router = createRouter(spec.operations)));
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^content-type$/i.test(name)));
  const [path = ''] = request.target.split('?');
  const match = router.match(request.method.toUpperCase(), path);
  if (match.kind !== 'operation') return undefined;
  if (match.operation.operationId === values.add.operationId) {
    let body: unknown;
    try {
      body = JSON.parse(request.body ?? '');
    } catch {
      return undefined;
    }
    const { ticket_id: ticket, diagnostic_equipment_id: id } = (body ?? {}) as { ticket_id?: unknown; diagnostic_equipment_id?: unknown };
    if (typeof ticket !== 'string' || (typeof id !== 'number' && typeof id !== 'string')) return undefined;
    return { method: 'DELETE', target: values.oneTarget(ticket, id), headers };
  }
  if (match.operation.operationId === values.remove.operationId) {
    const [ticket, id] = values.one.pathParameters.map((p) => match.pathValues.get(p.name));
    if (ticket === undefined || id === undefined || !/^-?\d+$/.test(id)) return undefined;
    const body = `{"ticket_id":${JSON.stringify(ticket)},"diagnostic_equipment_id":${id}}`;
    return { method: 'POST', target: values.collection, headers: { ...headers, 'content-type': 'application/json' }, body };
  }
  return undefined;
}

/** The command that sends the request again, at `baseUrl` (where the deployment's paths start). */
export function curlFor(request: ExchangeRequest, baseUrl: string, apiKeyHeader: string): string {
  return curlLine(request, `${baseUrl}${request.target}`, apiKeyHeader);
}

/** curlFor, followed for a write by the line that undoes it. */
export function reproduction(request: ExchangeRequest, baseUrl: string, apiKeyHeader: string, spec: CompiledSpec): string {
  const undo = undoOf(request, spec);
  const line = curlFor(request, baseUrl, apiKeyHeader);
  return undo === undefined ? line : `${line}\n# undo:\n${curlFor(undo, baseUrl, apiKeyHeader)}`;
}
