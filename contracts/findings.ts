// A finding: one way the deployment and the document part. Checks return them; reporters print them.

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

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Array indices in a pointer become "*", so the same violation on 25 rows is recognised as one. */
export function pointerShape(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
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
