// The JSON Schema of a profile, for editors (`npm run generate` writes mocks/profiles/profile.schema.json).
// profileViolations (profile.ts) is the check the mock runs; it adds what a schema cannot say: that each
// status is one the document allows the operations that answer the refusal (a test holds the two together).
import type { JsonSchema } from '../../src/spec/openapi-document.js';
import { profileLimits, refusalOperations } from './profile.js';

export function profileSchema(): JsonSchema {
  const text = { type: 'string', minLength: 1, maxLength: profileLimits.text };
  const refusal = {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { type: 'integer', minimum: 400, maximum: 599, description: 'An error status the document allows every operation that answers this refusal.' },
      type: { ...text, description: "The problem's `type`, e.g. https://api.example.com/problems/closed." },
      title: { ...text, description: "The problem's `title`." },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://ude-kit.dev/profile.schema.json',
    title: 'ude-kit profile',
    description: "A deployment's choices where the API document is silent: the mock answers as that deployment does (docs/behaviour.md).",
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
      $schema: { type: 'string' },
      version: { const: 1, description: 'The profile format version.' },
      description: { ...text, description: 'One line: which deployment this profile describes.' },
      refusals: {
        type: 'object',
        additionalProperties: false,
        description: "Per refusal of the API's operations, the status, `type` and `title` to answer with; the detail stays the mock's.",
        properties: Object.fromEntries(Object.entries(refusalOperations).map(([kind, operations]) => [kind, { ...refusal, description: operations.length === 0 ? 'Answered for a path or a method the document does not have.' : `Answered by ${operations.join(', ')}.` }])),
      },
      listOrder: { enum: ['insertion', 'newest-first'], description: 'insertion (default): new records last; newest-first: the reverse. Pages partition the list either way.' },
      uuidCase: { enum: ['any', 'exact'], description: 'any (default): uuids are read in any case (RFC 9562); exact: a uuid in another case than the stored one names no ticket.' },
    },
  };
}
