// Which requests a fake primed with the fixture tickets only can answer as the deployment would: those
// about the fixture tickets, and those about tickets the deployment never showed (an unknown ticket is
// unknown to both). A page of the whole list, or a request about another ticket the deployment has,
// would differ only because the fake was not told of it. Pure.
import type { ExchangeRequest, ExchangeResponse } from '../exchange.js';
import { parsedBody } from '../parsed-body.js';

const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Tickets remembered as shown by the deployment; past it any other ticket counts as shown (not compared). */
const maxShown = 100_000;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function createScope(only: ReadonlySet<string>, primedRows: readonly unknown[]) {
  const shown = new Set<string>();
  const show = (rows: readonly unknown[]) => {
    for (const row of rows) {
      const ticket = (row as { ticket_id?: unknown } | null)?.ticket_id;
      if (typeof ticket === 'string' && shown.size < maxShown) shown.add(ticket.toLowerCase());
    }
  };
  show(primedRows);
  const shownBefore = (ticket: string) => shown.has(ticket) || shown.size >= maxShown;

  return {
    /** Whether a request (with the deployment's answer) is beyond what the fake holds. */
    beyond(request: ExchangeRequest, operationId: string | undefined, deployment: ExchangeResponse): boolean {
      const parsed = deployment.status < 300 ? parsedBody(deployment) : undefined;
      const body = parsed?.kind === 'json' ? (parsed.value as { result?: unknown }) : undefined;
      show(Array.isArray(body?.result) ? body.result : body === undefined ? [] : [body]);
      const named = [...`${decoded(request.target)} ${request.body ?? ''}`.matchAll(uuids)].map((m) => m[0].toLowerCase());
      // The whole list (no ticket named): the fake holds only part of it.
      if (operationId === 'listUsedDiagnosticEquipment' && named.length === 0) return true;
      return named.some((ticket) => !only.has(ticket) && shownBefore(ticket));
    },
  };
}

export type Scope = ReturnType<typeof createScope>;
