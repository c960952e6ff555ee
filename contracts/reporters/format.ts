// Small helpers the text reporters share.
import type { Finding } from '../findings.js';

export function short(value: unknown, max = 80): string {
  const text = value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function groupByOperation(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.operation) ?? [];
    group.push(finding);
    groups.set(finding.operation, group);
  }
  return groups;
}

export const occurrences = (finding: Finding) => (finding.occurrences > 1 ? ` (${finding.occurrences} occurrences)` : '');
