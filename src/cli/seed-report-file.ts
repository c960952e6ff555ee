// `seed --via-api --report FILE`: every record not added, with its reason, for QA to act on (which
// tickets to reopen, which catalogue ids are missing). JSON by default; CSV when the file ends in .csv,
// for a spreadsheet. Only records not added are kept, so a 100,000-record run that went well costs nothing.
import type { SeedOutcome, SeedStep } from '../../contracts/seed-via-api.js';

export interface ReportRow {
  ticketId: string;
  equipmentId: number;
  outcome: Exclude<SeedOutcome, 'added' | 'already there'>;
  reason: string;
}

/** A ticket that refused a record for the whole ticket: the first refusal, and how many of its records were not added. */
export interface RefusedTicket {
  ticketId: string;
  reason: string;
  records: number;
}

export interface ReportHead {
  target: string;
  scenario: string;
  dryRun: boolean;
  records: number;
  counts: Record<SeedOutcome, number>;
  interrupted: boolean;
}

/** Collects the rows as the seeder decides them. */
export function createReportRows() {
  const rows: ReportRow[] = [];
  const refusedTickets = new Map<string, RefusedTicket>();
  return {
    rows,
    refusedTickets,
    add(step: SeedStep): void {
      if (step.outcome === 'added' || step.outcome === 'already there') return;
      rows.push({ ticketId: step.ticketId, equipmentId: step.equipmentId, outcome: step.outcome, reason: step.reason ?? step.outcome });
      if (step.ticketRefused === true) refusedTickets.set(step.ticketId, { ticketId: step.ticketId, reason: step.reason ?? step.outcome, records: 1 });
      else if (step.outcome === 'skipped') {
        const ticket = refusedTickets.get(step.ticketId);
        if (ticket !== undefined) ticket.records++;
      }
    },
  };
}

export const isCsv = (file: string) => file.toLowerCase().endsWith('.csv');

export function reportJson(head: ReportHead, rows: ReportRow[], refusedTickets: Iterable<RefusedTicket>): string {
  return `${JSON.stringify({ ...head, refusedTickets: [...refusedTickets], notAdded: rows }, null, 2)}\n`;
}

/**
 * One field of a CSV row (RFC 4180): quoted when it holds a comma, quote or line break; and a text a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) kept as text with a leading quote (the
 * OWASP advice), since a reason quotes what the deployment said.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(rows: ReportRow[]): string {
  const lines = ['ticket_id,diagnostic_equipment_id,outcome,reason'];
  for (const row of rows) lines.push([row.ticketId, row.equipmentId, row.outcome, row.reason].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
