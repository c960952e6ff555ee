// The mock's programmatic API, for Node: the core, the standalone server, and the state helpers.
// Browser code imports 'ude-kit/msw' instead, which reaches no Node built-in.
export { createMock, InvalidStateError, type Mock, type MockOptions } from './core/mock.js';
export type { MockRequest, MockResponse } from './core/exchange.js';
export type { AuthOptions } from './core/auth.js';
export { parseDelay, type DelayRange } from './core/delay.js';
export { inProgressStatus } from './core/in-progress-rule.js';
export type { Problem, Violation } from './core/problems.js';
export type { JournalEntry } from './core/journal.js';
export { startHttpServer, createRequestListener, type HttpServerOptions, type RunningServer } from './adapters/http-server.js';
export { generateDefaultState, defaultSeed, exampleTicketId, closedTicketId, type DefaultStateOptions } from './state/default-state.js';
export { stateDocumentSchema, stateDocumentViolations, type StateDocument, type Ticket, type CatalogEntry, type UsedReference } from './state/state-document.js';
