// The component's API client: openapi-fetch typed by the kit's generated types. It knows nothing about
// the mock; in production the same calls reach the real API.
import createClient from 'openapi-fetch';
import { callTimeFetch } from 'ude-kit/fetch';
import type { components, paths, QueryOf } from 'ude-kit/types';

export type UsedEquipment = components['schemas']['UsedDiagnosticEquipment'];
export type Page = components['schemas']['UsedDiagnosticEquipmentList'];
export type Problem = components['schemas']['Problem'];
export type ListQuery = QueryOf<'/v2/tickets/used-diagnostic-equipment', 'get'>;

// The page's own origin, as an app behind a proxy calls its API (happy-dom's fetch also refuses another
// origin on msw 3); callTimeFetch so that msw/node's patched fetch is the one called, however early
// this module loads.
export const api = createClient<paths>({
  baseUrl: location.origin,
  fetch: callTimeFetch,
  headers: { authorization: 'Bearer example-token', 'x-api-key': 'example-key' },
});
