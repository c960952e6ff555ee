// What the first answer says about the run itself, before any check: a deployment that cannot be
// reached, that refuses the credentials, or a base URL that already holds the API's path would
// otherwise show up as a page of "drift" findings that all have one cause.
import type { LabelledExchange } from './http-client.js';
import { bodyOf } from './checks/check.js';
import { quoted } from '../src/text/visible.js';

/** The status, and the deployment's own words for it when its answer is a problem (its detail, else its title). */
function said(exchange: LabelledExchange): string {
  const body = bodyOf(exchange) as { title?: unknown; detail?: unknown } | undefined;
  const words = [body?.detail, body?.title].find((text): text is string => typeof text === 'string' && text.trim() !== '');
  return words === undefined ? String(exchange.response?.status) : `${exchange.response?.status}: ${quoted(words)}`;
}


/** How a command names what the preflight speaks of: the option holding the base URL, and what had not happened yet. */
export interface PreflightWords {
  option: string;
  /** Who adds the API's path ("the suite"). */
  who: string;
  before: string;
}

/** Why the run cannot go on after the first request, or undefined when it can. Shared by contract and seed --via-api. */
export function preflightReason(first: LabelledExchange, baseUrl: string, collection: string, credentialsGiven = true, words: PreflightWords = { option: '--base-url', who: 'the suite', before: 'before any check ran' }): string | undefined {
  if (first.error !== undefined) {
    // A slow deployment is reached, just not in time: say what to change.
    const slow = first.error.kind === 'timeout' ? ': raise --timeout if it is only slow, or check that it is up' : '';
    return `could not reach ${baseUrl}: ${first.error.message}${slow}`;
  }
  const status = first.response?.status;
  if (status === 401 || status === 403) {
    if (!credentialsGiven) return noCredentials(baseUrl, status);
    return `${baseUrl} refused the credentials (${said(first)}) on the first call, ${words.before}; check --api-key, --token and --api-key-header`;
  }
  if (status === 404) {
    const doubled = doubledPath(baseUrl, collection);
    if (doubled !== undefined) {
      return `${words.option} already ends with ${doubled.suffix}, which ${words.who} adds itself (it asked for ${doubled.asked}); use ${words.option} ${doubled.suggested}`;
    }
  }
  return undefined;
}

/** When the base URL's path ends with the start of the collection's path ("/v2", "/v2/tickets", …). */
function doubledPath(baseUrl: string, collection: string): { suffix: string; suggested: string; asked: string } | undefined {
  const url = new URL(baseUrl);
  const basePath = url.pathname.replace(/\/+$/, '');
  const segments = collection.split('/').filter(Boolean);
  for (let length = segments.length; length >= 1; length--) {
    const suffix = `/${segments.slice(0, length).join('/')}`;
    if (basePath.endsWith(suffix)) {
      url.pathname = basePath.slice(0, -suffix.length) || '/';
      return { suffix, suggested: url.href.replace(/\/$/, ''), asked: `${basePath}${collection}` };
    }
  }
  return undefined;
}

/** Said when the user gave none: "refused the credentials" would send them looking for a wrong one. */
export const noCredentials = (baseUrl: string, status: number) =>
  `no credentials were given, and ${baseUrl} requires them (${status}): pass --api-key and --token (or --token-url with --client-id and --client-secret), or set UDE_KIT_API_KEY and UDE_KIT_TOKEN`;
