// Finds the operation a request addresses, from the document's path templates. A path that matches
// a template but not the method gives the methods that would have matched, for 405 and `Allow`.
import type { CompiledOperation } from './operations.js';

export type RouteMatch =
  | { kind: 'operation'; operation: CompiledOperation; pathValues: Map<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'no-route' }
  /** A path segment whose percent-encoding cannot be decoded. */
  | { kind: 'bad-path'; parameter: string };

type SegmentMatch = Map<string, string> | 'no-match' | { badParameter: string };

function matchSegments(operation: CompiledOperation, parts: string[]): SegmentMatch {
  if (parts.length !== operation.segments.length) return 'no-match';
  const values = new Map<string, string>();
  for (const [index, segment] of operation.segments.entries()) {
    const part = parts[index] ?? '';
    if ('literal' in segment) {
      if (part !== segment.literal) return 'no-match';
      continue;
    }
    if (part === '') return 'no-match';
    try {
      values.set(segment.parameter, decodeURIComponent(part));
    } catch {
      return { badParameter: segment.parameter };
    }
  }
  return values;
}

export function createRouter(operations: CompiledOperation[]) {
  return {
    /** Whether a path lies under one of the document's templates, whatever the method. */
    match(method: string, path: string): RouteMatch {
      const parts = path.split('/').slice(1);
      const allowed: string[] = [];
      for (const operation of operations) {
        const matched = matchSegments(operation, parts);
        if (matched === 'no-match') continue;
        if ('badParameter' in matched) return { kind: 'bad-path', parameter: matched.badParameter };
        if (operation.method === method) return { kind: 'operation', operation, pathValues: matched };
        allowed.push(operation.method);
      }
      return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'no-route' };
    },
    /** The path prefix every operation shares: requests outside it are not the mock's business. */
    prefix: commonPrefix(operations.map((o) => o.pathTemplate)),
  };
}

export type Router = ReturnType<typeof createRouter>;

function commonPrefix(templates: string[]): string {
  const split = templates.map((t) => t.split('/'));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length] && !first[length]?.startsWith('{'))) length++;
  return first.slice(0, length).join('/');
}
