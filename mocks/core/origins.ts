// Who may reach the mock from a browser. A local dev server is attack surface: any page the developer
// has open can send requests to 127.0.0.1, and a public name can be re-bound to 127.0.0.1 (DNS
// rebinding). After Vite's fix for CVE-2025-24010: only loopback origins get CORS by default, more are
// named one by one, and Host names that are not loopback are refused.

/** `'any'` echoes every origin with credentials: right only where no other page can reach the mock (MSW). */
export type CorsOrigins = readonly string[] | 'any';

export interface OriginPolicy {
  /** The CORS grant for an origin: echo it (with credentials), `*` (without), or none. */
  grant(origin: string): 'echo' | 'wildcard' | undefined;
  /** Whether a page of this origin may use the admin API (a `*` grant never reaches it). */
  adminAllowed(origin: string): boolean;
  /** Whether a page of this origin may call the API's writes (a `*` grant is for reading only). */
  writeAllowed(origin: string): boolean;
}

// http(s)://localhost, *.localhost (RFC 6761 keeps them on loopback), 127.0.0.1 and [::1], any port.
const loopbackOrigin = /^https?:\/\/(?:(?:[^:/?#]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** An origin as browsers serialise it: lower-case scheme and host, no default port, no path. */
export function normaliseOrigin(text: string): string | undefined {
  if (text === '*') return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search !== '' || url.username !== '') return undefined;
  return url.origin;
}

// Stryker disable next-line ArrayDeclaration: a made-up entry in the default list names no real origin
export function createOriginPolicy(allowed: CorsOrigins = []): OriginPolicy {
  if (allowed === 'any') return { grant: () => 'echo', adminAllowed: () => true, writeAllowed: () => true };
  const listed = new Set(allowed.filter((origin) => origin !== '*').map((origin) => normaliseOrigin(origin) ?? origin));
  const wildcard = allowed.includes('*');
  const named = (origin: string) => loopbackOrigin.test(origin) || listed.has(origin.toLowerCase());
  return {
    grant: (origin) => (named(origin) ? 'echo' : wildcard ? 'wildcard' : undefined),
    adminAllowed: named,
    writeAllowed: named,
  };
}

// The Host header: a name, an IPv4 address or a bracketed IPv6 address, then an optional port.
const hostPattern = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i;
const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Whether a Host header may be answered. IP literals cannot be re-bound by DNS, and localhost names
 * resolve to loopback only; any other name must be listed. `'any'` turns the check off.
 */
export function hostAllowed(host: string | undefined, allowedHosts: readonly string[] | 'any'): boolean {
  if (allowedHosts === 'any') return true;
  if (host === undefined) return true;
  const match = hostPattern.exec(host.trim());
  if (match === null) return false;
  // A match always has its first group.
  const name = match[1]!.toLowerCase();
  if (name.startsWith('[') || ipv4.test(name)) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowedHosts.some((allowed) => allowed.toLowerCase() === name);
}
