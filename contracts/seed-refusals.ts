// What a deployment's refusal of one record means for the seeder: a reason to print (in its own words,
// made visible and cut short), and whether it applies to the whole ticket. The API documents no problem
// types, so the rule goes by status and by what the seeder already knows of the ticket.
import type { LabelledExchange } from './http-client.js';
import { visibleLine } from '../src/text/visible.js';

/** A refusal's kind (status and title: how refusals are grouped) and its full text (with the detail). */
export interface Refusal {
  kind: string;
  text: string;
  status?: number;
}

export function refusalOf(exchange: LabelledExchange): Refusal {
  if (exchange.response === undefined) {
    const text = exchange.error?.message ?? 'no answer';
    return { kind: text, text };
  }
  const status = exchange.response.status;
  try {
    const problem = JSON.parse(exchange.response.bodyText) as { title?: unknown; detail?: unknown };
    // The deployment's words, made visible and cut short: they are printed, and a title is a kind of refusal.
    const words = (value: unknown, max: number) => (typeof value === 'string' && value.trim() !== '' ? visibleLine(value, max) : undefined);
    const title = words(problem?.title, 120);
    return { kind: [status, title].filter(Boolean).join(' '), text: [status, title, words(problem?.detail, 300)].filter(Boolean).join(' '), status };
  } catch {
    return { kind: String(status), text: String(status), status };
  }
}

/**
 * Whether a refused add says the same of every other record of its ticket, so none is sent:
 * - 409 on a record the ticket's list did not hold: the ticket takes no writes (not In Progress);
 * - 404 on a ticket not known to exist (no records there, none added in this run): the ticket is
 *   unknown — unless the deployment's words name the catalogue entry rather than the ticket.
 * A 404 on a ticket known to exist is about that record's catalogue id alone.
 */
export function refusesWholeTicket(refusal: Refusal, ticketKnown: boolean): boolean {
  if (refusal.status === 409) return true;
  if (refusal.status !== 404 || ticketKnown) return false;
  return !/equipment|catalog/i.test(refusal.text);
}
