// The findings of a recording, folded as they are found, so that a million broken entries make a report
// of a few findings with their counts: one finding per check, operation, severity, pointer shape and
// kind of message, the first occurrence standing for all, with the number of entries it was seen in.
// At most `maxKept` are kept for the whole run; past that a finding joins one of its check at the same
// place, or is counted in a last finding per check that says how many more there were.
import { pointerShape, type Finding } from '../findings.js';
import { counted } from '../../src/text/counted.js';

/** The most findings a run over recordings keeps (each is bounded, so the report is too). */
export const defaultMaxFindings = 1000;

/** The most characters a finding keeps of a text that came from the recording (a URL, a curl line). */
const maxTextChars = { target: 2048, curl: 4096, message: 1024, pointer: 512 } as const;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A finding whose texts from the recording are cut to a bound (values are bounded where they are made). */
function bounded(finding: Finding): Finding {
  return {
    ...finding,
    request: { method: cut(finding.request.method, 32), target: cut(finding.request.target, maxTextChars.target) },
    pointer: cut(finding.pointer, maxTextChars.pointer),
    message: cut(finding.message, maxTextChars.message),
    curl: cut(finding.curl, maxTextChars.curl),
  };
}

/** What varies from entry to entry is left out of the kind: row numbers, counts, a parser's quote of the body. */
const kindOf = (message: string) =>
  message
    .replace(/\([^)]*\)/g, '()')
    .replace(/"[^"]*"|'[^']*'/g, '""')
    .replace(/\d+/g, '#');

interface Folded {
  finding: Finding;
  where: string;
  entries: number;
  lastWhere: string;
  /** Past the bound: how many findings this one counts. */
  count?: number;
}

export function createFoldedFindings(maxKept = defaultMaxFindings) {
  const folded = new Map<string, Folded>();
  /** Where a finding past the bound joins one of its check at the same place. */
  const places = new Map<string, Folded>();
  const overflow = new Map<string, Folded & { count: number }>();

  const join = (into: Folded, from: Folded) => {
    into.finding.occurrences += from.finding.occurrences;
    into.entries += from.where === into.lastWhere ? from.entries - 1 : from.entries;
    into.lastWhere = from.lastWhere;
  };

  function addFolded(record: Folded): void {
    const { finding } = record;
    const place = JSON.stringify([finding.check, finding.operation, finding.severity, pointerShape(finding.pointer)]);
    const key = JSON.stringify([place, kindOf(finding.message)]);
    const seen = folded.get(key) ?? (folded.size >= maxKept ? places.get(place) : undefined);
    if (seen !== undefined) return join(seen, record);
    if (folded.size < maxKept) {
      const kept: Folded = { ...record, finding: { ...bounded(finding), pointer: cut(pointerShape(finding.pointer), maxTextChars.pointer) } };
      folded.set(key, kept);
      if (!places.has(place)) places.set(place, kept);
      return;
    }
    const other = JSON.stringify([finding.check, finding.severity]);
    const more = overflow.get(other);
    if (more !== undefined) {
      more.count += record.count ?? 1;
      return join(more, record);
    }
    overflow.set(other, { ...record, finding: bounded(finding), count: record.count ?? 1 });
  }

  return {
    /** Adds a finding of the entry `where` ("entry 3 of a.har (time)"). */
    add(finding: Finding, where: string): void {
      addFolded({ finding: { ...finding }, where, entries: 1, lastWhere: where });
    },
    /** Adds what another fold holds (a file's findings, told only once the file is read). */
    absorb(other: { records(): Folded[] }): void {
      for (const record of other.records()) addFolded(record);
    },
    records(): Folded[] {
      return [...folded.values(), ...overflow.values()];
    },
    /** How many entries the findings were seen in, in all. */
    entries(): number {
      return this.records().reduce((sum, record) => sum + record.entries, 0);
    },
    /** How many findings were not kept, past the bound. */
    unlisted(): number {
      return [...overflow.values()].reduce((sum, more) => sum + more.count, 0);
    },
    /** The findings, each message ending with where it was first seen and in how many more entries. */
    list(): Finding[] {
      const seenIn = ({ where, entries }: Folded) => ` — ${where}${entries > 1 ? ` and ${counted(entries - 1, 'more entry', 'more entries')}` : ''}`;
      return [
        ...[...folded.values()].map((kept) => ({ ...kept.finding, message: `${kept.finding.message}${seenIn(kept)}` })),
        ...[...overflow.values()].map((more) => ({
          ...more.finding,
          message: `${counted(more.count, 'more finding', 'more findings')} of ${more.finding.check}, not listed (a run lists at most ${maxKept.toLocaleString('en-US')}); the first: ${more.finding.message}${seenIn(more)}`,
        })),
      ];
    },
  };
}
