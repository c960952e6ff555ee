// What `import … from 'ude-kit'` gives a browser build: the mock's core, state and scenario helpers and
// the types, none of which reaches a Node built-in. The Node-only parts (the standalone server, scenario
// files, the contract suite) are in 'ude-kit/node'; asking a browser build for one of them fails the
// build with the name ("… is not exported by …"), rather than shipping Node code to a page.
export { createMock, InvalidStateError, type Mock, type MockOptions } from '../mocks/core/mock.js';
export { InvalidProfileError, profileViolations, type Profile } from '../mocks/core/profile.js';
export type { MockRequest, MockResponse } from '../mocks/core/exchange.js';
export type { AuthOptions } from '../mocks/core/auth.js';
export { parseDelay, type DelayRange } from '../mocks/core/delay.js';
export { inProgressStatus } from '../mocks/core/in-progress-rule.js';
export type { Problem, Violation } from '../mocks/core/problems.js';
export type { JournalEntry } from '../mocks/core/journal.js';
export type { Fault, FaultSpec, OperationId } from '../mocks/core/faults.js';
export { FaultRefusedError } from '../mocks/core/admin/fault-check.js';
export { generateDefaultState, defaultSeed, exampleTicketId, closedTicketId, type DefaultStateOptions } from '../mocks/state/default-state.js';
export { stateDocumentSchema, stateDocumentViolations, type StateDocument, type Ticket, type CatalogEntry, type UsedReference } from '../mocks/state/state-document.js';
export { loadDataGenerator, DataGeneratorNotLoadedError } from '../mocks/state/faker-slot.js';
export { resolveScenario, scenarioState, ScenarioRefusedError, type ScenarioDocument, type ScenarioResult, type GenerateSpec } from '../mocks/state/scenario.js';
export type { components, operations, paths } from './spec/generated/types.js';
