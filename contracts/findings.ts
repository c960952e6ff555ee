// A finding: one way the deployment and the document part. Checks return them; reporters print them.
import { pointerShape } from '../src/spec/response-validation.js';

export { pointerShape };

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  check: string;
  /** The operationId, or "METHOD path" for requests outside the document. */
  operation: string;
  request: { method: string; target: string };
  /** JSON pointer into the response body ("" for the whole body or the response itself). */
  pointer: string;
  /** What the document or its rule expects: a schema fragment, a status, a sentence. */
  expected: unknown;
  actual: { value: unknown; type: string };
  message: string;
  /** A curl command that reproduces the request, secrets masked. */
  curl: string;
  /** How many occurrences this finding stands for (rows of a page, repeated requests). */
  occurrences: number;
}

/** The most characters of JSON a finding keeps of a value (a whole 50 MB body must not land in a report). */
export const findingValueChars = 2048;

/**
 * The value itself when its JSON is short, otherwise the start of its JSON text followed by "…". The
 * replacer stops visiting once the budget is spent, so a huge value costs only what is kept.
 */
export function boundedValue(value: unknown, scrub: (text: string) => string = (text) => text, maxChars = findingValueChars): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'string') return value;
    const clean = scrub(value);
    return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean;
  }
  let budget = maxChars;
  let cut = false;
  // Strings are scrubbed as they are met, before the budget (and so the cut) sees them.
  const text = safeStringify(value, (_key, inner: unknown) => {
    if (cut) return undefined;
    const clean = typeof inner === 'string' ? scrub(inner) : inner;
    budget -= typeof clean === 'string' ? clean.length + 2 : typeof clean === 'object' && clean !== null ? 2 : String(clean).length + 1;
    if (budget < 0) cut = true;
    return clean;
  });
  if (!cut) return JSON.parse(text ?? 'null') as unknown;
  return `${(text ?? '').slice(0, maxChars)}…`;
}

function safeStringify(value: unknown, replacer: (key: string, inner: unknown) => unknown): string | undefined {
  try {
    return JSON.stringify(value, replacer);
  } catch {
    // A bigint, a cycle: a value no JSON report could hold as it is.
    return JSON.stringify(String(value));
  }
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}



/**
 * Folds findings that are the same drift (same check, operation, severity, pointer shape and message)
 * into one, counting occurrences; the first occurrence's request and value stand for all.
 */
export function deduplicate(findings: Finding[]): Finding[] {
  const folded = new Map<string, Finding>();
  for (const finding of findings) {
    const shape = pointerShape(finding.pointer);
    const key = JSON.stringify([finding.check, finding.operation, finding.severity, shape, finding.message]);
    const seen = folded.get(key);
    if (seen === undefined) folded.set(key, { ...finding, pointer: shape });
    else seen.occurrences += finding.occurrences;
  }
  return [...folded.values()];
}
