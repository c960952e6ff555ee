// The JSON Schema of a scenario file, built from the OpenAPI document's own field schemas (inlined, so
// the written file stands alone for editors). `npm run generate` writes it to
// mocks/scenarios/scenario.schema.json; the mock validates scenarios with this same object.
import { openApiDocument as document } from '../../src/spec/generated/document.js';
import { toJsonSchema } from '../../src/spec/json-schema.js';
import type { JsonSchema } from '../../src/spec/openapi-document.js';

const closedObject = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

/**
 * How much a scenario may generate: enough for the benchmark's 1,000,000 records, bounded so that a typo
 * (`tickets: 100000000`) is a clear refusal instead of minutes of work and an out-of-memory crash.
 * `records` and `work` hold for the whole `extends` chain (scenario-cost.ts reckons them); `work` bounds
 * how long a load may block the mock (docs/scenarios.md).
 */
export const generationLimits = { catalog: 100_000, tickets: 500_000, usedPerTicket: 1_000, usedOn: 100_000, records: 2_000_000, work: 3_000_000 } as const;

export function scenarioSchema(): JsonSchema {
  const record = document.components.schemas.UsedDiagnosticEquipment?.properties as Record<string, JsonSchema>;
  const field = (name: string) => toJsonSchema(document, record[name]!);
  const status = { type: 'string', minLength: 1, description: "Free text; only 'In Progress' allows changes.", examples: ['In Progress', 'Open', 'Closed'] };
  const count = (maximum: number) => ({ type: 'integer', minimum: 0, maximum });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://ude-kit.dev/scenario.schema.json',
    title: 'ude-kit scenario',
    description: 'A named state of the Used diagnostic equipment mock: explicit tickets, catalogue and records, and/or data generated under a seed.',
    type: 'object',
    additionalProperties: false,
    required: ['description'],
    properties: {
      $schema: { type: 'string' },
      description: { type: 'string', minLength: 1, description: 'One line: what a tester gets from this scenario.' },
      extends: { type: 'string', minLength: 1, description: 'The name (or path) of a scenario whose state this one starts from.' },
      tickets: { type: 'array', items: closedObject({ id: field('ticket_id'), status }) },
      catalog: {
        type: 'array',
        items: closedObject({ diagnostic_equipment_id: field('diagnostic_equipment_id'), name: field('name'), version: field('version') }),
      },
      used: { type: 'array', items: closedObject({ ticket_id: field('ticket_id'), diagnostic_equipment_id: field('diagnostic_equipment_id') }) },
      generate: {
        type: 'object',
        additionalProperties: false,
        required: ['seed'],
        description: 'Data made with faker under `seed`: the same file always gives the same state.',
        properties: {
          seed: { type: 'integer', minimum: 0 },
          preset: { enum: ['default'], description: "'default': the mock's own start state for this seed." },
          catalog: { ...count(generationLimits.catalog), description: 'How many catalogue entries to generate (ids follow the highest existing id).' },
          tickets: { ...count(generationLimits.tickets), description: 'How many tickets to generate.' },
          usedPerTicket: {
            type: 'array',
            items: count(generationLimits.usedPerTicket),
            minItems: 2,
            maxItems: 2,
            description: `[min, max] records on each generated ticket (over the whole extends chain, at most ${generationLimits.records.toLocaleString('en-US')} generated records and ${generationLimits.work.toLocaleString('en-US')} units of work: docs/scenarios.md).`,
          },
          statuses: { type: 'object', additionalProperties: { type: 'number', exclusiveMinimum: 0 }, description: 'Weights of the generated tickets\' statuses.' },
          usedOn: {
            type: 'array',
            description: 'Generate `count` records on an existing ticket.',
            items: closedObject({ ticket_id: field('ticket_id'), count: count(generationLimits.usedOn) }),
          },
        },
      },
    },
  };
}
