// autocannon's requests for a load plan; used by the load worker and the soak run.
import type { LoadPlan } from './load.js';

/** The write mix adds then removes one record per cycle, each connection its own tool from the pool. */
export function requestsOf(plan: LoadPlan): unknown[] {
  if ('requests' in plan) return plan.requests;
  const { collection, ticketId, first, size } = plan.writeMix;
  let next = 0;
  return [
    {
      method: 'POST',
      path: collection,
      setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
        context.id = first + (next++ % size);
        return { ...request, body: JSON.stringify({ ticket_id: ticketId, diagnostic_equipment_id: context.id }) };
      },
    },
    {
      method: 'DELETE',
      path: `${collection}/${ticketId}/${first}`,
      setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => ({ ...request, path: `${collection}/${ticketId}/${context.id as number}` }),
    },
  ];
}

