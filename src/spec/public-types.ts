// 'ude-kit/types': the document's generated types, and the query type of an operation for the typed
// client recipe. openapi-fetch checks a query object's keys only when no valid key sits beside a wrong
// one (`{ ticket_id, ofset: 5 }` compiles), so an app writes its query with `satisfies QueryOf<…>`,
// where TypeScript's excess-property check names the misspelt key.
import type { paths } from './generated/types.js';

export type * from './generated/types.js';

/** The query parameters of an operation, e.g. `QueryOf<'/v2/tickets/used-diagnostic-equipment', 'get'>`. */
export type QueryOf<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;
