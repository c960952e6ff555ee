// The pure core: createMock() gives a mock whose handle(request) → response runs synchronously,
// with no I/O, so the same core serves the node:http server, MSW in Node and MSW in a browser.
// Order of checks: route (404/405) → credentials (401) → input (400) → the operation's own rules.
import { compiledSpec } from '../../src/spec/index.js';
import { generateDefaultState } from '../state/default-state.js';
import { stateDocumentViolations, type StateDocument } from '../state/state-document.js';
import { UsedEquipmentStore } from '../state/store.js';
import { adminPrefix, handleAdmin, type MockControls } from './admin/admin-api.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { adminTokenHeader, checkAdminToken, checkCredentials, type AuthOptions } from './auth.js';
import { preflight, withCors } from './cors.js';
import type { MockRequest, MockResponse } from './exchange.js';
import { parseInput } from './input.js';
import { createJournal } from './journal.js';
import { operationHandlers } from './operations/used-equipment.js';
import {
  adminDisabled,
  internalError,
  methodNotAllowed,
  payloadTooLarge,
  routeNotFound,
  violations,
  type ProblemResult,
} from './problems.js';
import { problemResponse, toResponse } from './response.js';
import { createRouter } from '../../src/spec/router.js';

export interface MockOptions {
  /** Seed of the generated start state (ignored when `state` is given). Same seed, same state. */
  seed?: number;
  /** A start state to use instead of the generated one; reset returns to it. */
  state?: StateDocument;
  auth?: Partial<AuthOptions>;
  /** Serve the /__admin control API (default true). */
  admin?: boolean;
  /** When set, the admin API answers only requests that carry it in the X-Admin-Token header. */
  adminToken?: string | undefined;
  /** How many recent requests the journal keeps (default 500). */
  journalSize?: number;
  /** Largest API request body in bytes (default 64 KiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Largest admin request body in bytes (default 256 MiB: whole states are large). */
  maxAdminBodyBytes?: number;
  /** The clock (milliseconds since the epoch), for the journal's timestamps. */
  now?: () => number;
}

export interface Mock extends MockControls {
  handle(request: MockRequest): MockResponse;
  /** Whether a path is the mock's business (the API's paths or the admin API); adapters pass others on. */
  owns(path: string): boolean;
  /** The body size limit for a path, for adapters to enforce while reading. */
  bodyLimit(path: string): number;
}

/** Thrown by createMock when the start state it is given is not a loadable state document. */
export class InvalidStateError extends Error {
  constructor(readonly violations: ReturnType<typeof stateDocumentViolations>) {
    super(`invalid state document: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}`);
  }
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function createMock(options: MockOptions = {}): Mock {
  const spec = compiledSpec();
  const router = createRouter(spec.operations);
  const apiKeyHeader = apiKeyHeaderOf(spec.document);
  const auth: AuthOptions = { mode: 'required', ...options.auth };
  const adminEnabled = options.admin ?? true;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxAdminBodyBytes = options.maxAdminBodyBytes ?? 256 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const journal = createJournal(options.journalSize ?? 500, [apiKeyHeader, adminTokenHeader]);

  const startState = options.state ?? generateDefaultState({ seed: options.seed });
  const refused = stateDocumentViolations(startState);
  if (refused.length > 0) throw new InvalidStateError(refused);
  let store = UsedEquipmentStore.fromDocument(startState);

  const controls: MockControls = {
    state: () => store.toDocument(),
    load(document) {
      const found = stateDocumentViolations(document);
      if (found.length === 0) store = UsedEquipmentStore.fromDocument(document as StateDocument);
      return found;
    },
    reset() {
      store = UsedEquipmentStore.fromDocument(startState);
      journal.clear();
    },
    setTicketStatus: (ticketId, status) => store.setStatus(ticketId, status),
    requests: () => journal.list(),
    clearRequests: () => journal.clear(),
  };

  function route(request: MockRequest): MockResponse | ProblemResult {
    if (isUnder(request.path, adminPrefix)) {
      if (!adminEnabled) return adminDisabled();
      return checkAdminToken(request, options.adminToken) ?? handleAdmin(request, controls);
    }
    const match = router.match(request.method, request.path);
    switch (match.kind) {
      case 'no-route':
        return routeNotFound(request.method, request.path);
      case 'bad-path':
        return violations([{ field: match.parameter, message: 'must be a valid percent-encoded path segment' }]);
      case 'method-not-allowed':
        return request.method === 'OPTIONS' ? preflight(request, match.allowed) : methodNotAllowed(request.method, match.allowed);
      case 'operation': {
        const denied = checkCredentials(request.headers, auth, apiKeyHeader);
        if (denied !== undefined) return denied;
        const parsed = parseInput(match.operation, request, match.pathValues);
        if (!parsed.ok) return violations(parsed.violations);
        const handler = operationHandlers[match.operation.operationId];
        return handler === undefined ? internalError() : handler(store, parsed.input);
      }
    }
  }

  const mock: Mock = {
    ...controls,
    owns: (path) => isUnder(path, router.prefix) || isUnder(path, adminPrefix),
    bodyLimit: (path) => (isUnder(path, adminPrefix) ? maxAdminBodyBytes : maxBodyBytes),
    handle(request) {
      let response: MockResponse;
      try {
        const limit = mock.bodyLimit(request.path);
        response =
          request.bodyTooLarge === true || (request.body?.byteLength ?? 0) > limit
            ? problemResponse(payloadTooLarge(limit)) : toResponse(route(request));
      } catch (error) {
        // A bug in the mock must not take a team's dev server down: answer 500 and keep serving.
        console.error('ude-kit mock: unexpected error', error);
        response = problemResponse(internalError());
      }
      // The journal shows what an app sent to the API; the admin calls that inspect it stay out of it.
      if (!isUnder(request.path, adminPrefix)) journal.record(request, response.status, now());
      return withCors(request, response);
    },
  };
  return mock;
}
