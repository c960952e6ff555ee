// The admin console's files (built ahead of time into dist/console by `npm run build`), served by the
// standalone mock at /__admin/ui/. Read once at start into memory: a request can only ever name one of
// the files listed here, so no path from a request ever reaches the file system.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminPrefix } from '../core/admin/admin-api.js';
import type { MockResponse } from '../core/exchange.js';
import { problemResponse } from '../core/response.js';
import { consoleNotBuilt, methodNotAllowed, routeNotFound } from '../core/problems.js';

export const consolePath = `${adminPrefix}/ui`;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// Its own files and nothing else: no inline script, no other origin, never inside a frame.
const securityHeaders = {
  'content-security-policy': "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-cache',
};

/** Where the built console is: beside this module in dist/, or in dist/ when run from the sources. */
function consoleDirectory(): string | undefined {
  for (const candidate of ['../../console/', '../../dist/console/']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return undefined;
}

function filesUnder(dir: string, root = dir, found = new Map<string, { body: Buffer; type: string }>()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, root, found);
    else found.set(`/${relative(root, path).split(sep).join('/')}`, { body: readFileSync(path), type: types[extname(name)] ?? 'application/octet-stream' });
  }
  return found;
}

export interface ConsoleAnswer {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export type ConsoleFiles = (method: string, path: string) => ConsoleAnswer | undefined;

/**
 * Answers requests under /__admin/ui (undefined for any other path) from `dir` (default: the build's);
 * null when there is none, and then it says how to build it.
 */
export function consoleFiles(dir: string | null = consoleDirectory() ?? null): ConsoleFiles {
  const files = dir === null ? undefined : filesUnder(dir);
  const problem = (response: MockResponse): ConsoleAnswer => ({ status: response.status, headers: response.headers, ...(response.body === undefined ? {} : { body: response.body }) });
  return (method, path) => {
    if (path !== consolePath && !path.startsWith(`${consolePath}/`)) return undefined;
    if (method !== 'GET' && method !== 'HEAD') return problem(problemResponse(methodNotAllowed(method, ['GET', 'HEAD'])));
    // The page's files are named relative to it: it must be addressed as a folder.
    if (path === consolePath) return { status: 308, headers: { location: `${consolePath}/`, ...securityHeaders } };
    const name = path.slice(consolePath.length) === '/' ? '/index.html' : path.slice(consolePath.length);
    if (files === undefined) {
      return problem(problemResponse(consoleNotBuilt()));
    }
    const file = files.get(name);
    if (file === undefined) return problem(problemResponse(routeNotFound(method, path)));
    // For HEAD too: Node sends the length and leaves the body out.
    return { status: 200, headers: { 'content-type': file.type, ...securityHeaders }, body: file.body };
  };
}
