// What the admin API validates in a request body, as named validators (precompiled by `npm run
// generate`, looked up by the same names at run time).
import { httpMethods, type OpenApiDocument } from '../../../src/spec/openapi-document.js';
import type { WantedValidator } from '../../../src/spec/validators.js';
import { ticketStatusSchema } from '../../state/state-document.js';

/** PATCH /__admin/tickets/{id}: the new status. */
const ticketPatch = (): WantedValidator => ({
  flavour: 'request',
  name: 'ticket patch',
  schema: () => ({ type: 'object', additionalProperties: false, required: ['status'], properties: { status: ticketStatusSchema } }),
});

/** POST /__admin/faults: a fault; the operation names come from the document. */
const fault = (document: OpenApiDocument): WantedValidator => ({
  flavour: 'request',
  name: 'fault',
  schema: () => ({
    type: 'object',
    additionalProperties: false,
    properties: {
      operation: { enum: [...operationIdsOf(document), '*'] },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      networkError: { type: 'boolean' },
      delayMs: { type: 'integer', minimum: 0, maximum: 60_000 },
      times: { type: 'integer', minimum: 1 },
    },
  }),
});

/** POST /__admin/scenarios/load: a shipped scenario's name, or a whole scenario document (checked later). */
const scenarioLoad = (): WantedValidator => ({
  flavour: 'request',
  name: 'scenario load',
  schema: () => ({
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, scenario: {} },
  }),
});

/** The document's operationIds, in its order: what faults and the console name operations by. */
export function operationIdsOf(document: OpenApiDocument): string[] {
  return Object.values(document.paths).flatMap((item) => httpMethods.flatMap((method) => (item[method] === undefined ? [] : [item[method].operationId])));
}

export const adminValidator = { ticketPatch, fault, scenarioLoad };
/** Every validator the admin API asks for: what the generator compiles. */
export const adminValidators = (document: OpenApiDocument): WantedValidator[] => [ticketPatch(), fault(document), scenarioLoad()];
