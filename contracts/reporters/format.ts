// Small helpers the text reporters share.
import type { Finding } from '../findings.js';

/**
 * A value as one short line: cut at a word (or a JSON delimiter) and marked with "…", never in the
 * middle of a word; the JSON report keeps it whole.
 */
export function short(value: unknown, max = 80): string {
  const text = value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? cutAtWord(text, max) : text;
}

export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // The head ends where a word does: keep it whole.
  if (/[\s,:]/.test(text[max - 1] ?? '')) return `${head}…`;
  // The last break that keeps at least half the room; a single long word is cut where it must be.
  const at = Math.max(head.lastIndexOf(' '), head.lastIndexOf(','), head.lastIndexOf(':'));
  return `${at >= max / 2 ? head.slice(0, at + (head[at] === ' ' ? 0 : 1)) : head}…`;
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
