// The pure core: createMock() gives a mock whose handle(request) → response runs synchronously,
// with no I/O, so the same core serves the node:http server, MSW in Node and MSW in a browser.
// Order of checks: route (404/405) → credentials (401) → input (400) → the operation's own rules.
// Everything that can refuse a request from its head alone (route, origin, credentials, admin token,
// media type) is in `screen`, so an adapter can answer before it reads a body it would throw away.
import { compiledSpec } from '../../src/spec/index.js';
import { integerFormatRange } from '../../src/spec/integer-formats.js';
import { defaultStartState } from '../state/default-state.js';
import { stateDocumentViolations, ticketKey, type CatalogEntry, type StateDocument, type Ticket } from '../state/state-document.js';
import { UsedEquipmentStore } from '../state/store.js';
import { adminPrefix, adminRouteRefusal, handleAdmin, type MockControls, type ScenarioSource } from './admin/admin-api.js';
import { pageOf } from './admin/admin-pages.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { adminTokenHeader, checkAdminToken, checkCredentials, type AuthOptions } from './auth.js';
import { preflight, readOnlyMethods, withCors } from './cors.js';
import { createOriginPolicy, type CorsOrigins } from './origins.js';
import { createFaults, type Fault } from './faults.js';
import { faultSpecProblem, FaultRefusedError } from './admin/fault-check.js';
import type { MockRequest, MockResponse } from './exchange.js';
import { mediaTypeOf, parseInput } from './input.js';
import { createJournal } from './journal.js';
import { operationHandlers } from './operations/used-equipment.js';
import {
  adminDisabled,
  internalError,
  methodNotAllowed,
  originMayNotWrite,
  originNotAllowed,
  injectedProblem,
  payloadTooLarge,
  routeNotFound,
  unsupportedMediaType,
  violations,
  type ProblemResult,
} from './problems.js';
import { isProblem, problemResponse, toResponse } from './response.js';
import { choicesOf, profiledProblem, type Profile } from './profile.js';
import { createRouter, type RouteMatch } from '../../src/spec/router.js';
import { defaultMaxAdminBodyBytes } from './admin-body-limit.js';

type OperationMatch = Extract<RouteMatch, { kind: 'operation' }>;

export interface MockOptions {
  /** Seed of the generated start state (ignored when `state` is given). Same seed, same state. */
  seed?: number;
  /** A start state to use instead of the generated one; reset returns to it. */
  state?: StateDocument;
  /** What the start state is called in GET /__admin/state/about (e.g. `scenario "large"`). */
  stateName?: string;
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
  /**
   * Browser origins that may call the mock, besides http(s)://localhost, 127.0.0.1 and [::1] on any
   * port; `'*'` lets any other origin read the API (GET and HEAD, without credentials; its writes get
   * 403, and it never reaches the admin API); other origins' writes get 403 as well; `'any'`
   * echoes every origin (the MSW adapter's default: a service worker serves only its own pages).
   */
  corsOrigins?: CorsOrigins;
  /** Scenarios the admin API may load by name or from an upload (the standalone mock passes the shipped ones). */
  scenarios?: ScenarioSource;
  /**
   * A deployment's choices where the document is silent (refusals' status, `type` and `title`, list
   * order, uuid case): the mock answers as that deployment does. Checked first: InvalidProfileError.
   */
  profile?: Profile;
}

/** A request before its body is read: what `screen` decides on. */
export type RequestHead = Omit<MockRequest, 'body' | 'bodyTooLarge'>;

export interface Mock extends MockControls {
  handle(request: MockRequest): MockResponse;
  /**
   * The answer to a request that is refused whatever its body holds (no route, wrong method, origin,
   * credentials, admin token, media type), or undefined when its body is worth reading. Adapters call
   * it before reading a body; the answer is journalled like any other.
   */
  screen(request: RequestHead): MockResponse | undefined;
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One ticket or catalogue entry checked as a state document holding it alone: its violations, by its own fields. */
function oneEntryViolations(list: 'tickets' | 'catalog', entry: unknown) {
  const document = { tickets: [], catalog: [], used: [], [list]: [entry] };
  return stateDocumentViolations(document).map((v) => ({ ...v, field: v.field.replace(`/${list}/0`, '') || 'body' }));
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The answer a fault gives in place of the operation's own, or undefined when it only delays. */
function faultResponse(fault: Fault): MockResponse | undefined {
  const delay = fault.delayMs === undefined ? {} : { delayMs: fault.delayMs };
  if (fault.networkError === true) return { status: 0, headers: {}, networkError: true, fault: fault.id, ...delay };
  if (fault.status === undefined) return undefined;
  return { ...problemResponse(injectedProblem(fault.status, fault.id)), fault: fault.id, ...delay };
}

/** A HEAD request is answered as its GET would be, without the body (RFC 9110 §9.3.2). */
function withoutBody(response: MockResponse): MockResponse {
  if (response.body === undefined) return response;
  return { status: response.status, headers: { ...response.headers, 'content-length': String(new TextEncoder().encode(response.body).byteLength) } };
}

export function createMock(options: MockOptions = {}): Mock {
  const choices = choicesOf(options.profile);
  const spec = compiledSpec();
  const router = createRouter(spec.operations);
  // The largest id its integer format allows (the path's integer parameter): a catalogue id the console leaves blank stays within it.
  const idFormat = spec.operations.flatMap((o) => o.pathParameters).find((p) => p.schema.type === 'integer')?.schema.format;
  const largestCatalogId = Number(integerFormatRange(idFormat)?.max ?? BigInt(Number.MAX_SAFE_INTEGER));
  const apiKeyHeader = apiKeyHeaderOf(spec.document);
  // Stryker disable next-line StringLiteral: any mode but 'off' requires credentials
  const auth: AuthOptions = { mode: 'required', ...options.auth };
  const adminEnabled = options.admin ?? true;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxAdminBodyBytes = options.maxAdminBodyBytes ?? defaultMaxAdminBodyBytes;
  const now = options.now ?? Date.now;
  // The document's API key header and the admin token header are named for the journal to redact; with
  // this document both already look like credentials, but a document may call its key anything.
  // Stryker disable next-line ArrayDeclaration: both names already match the journal's credential pattern
  const journal = createJournal(options.journalSize ?? 500, [apiKeyHeader, adminTokenHeader], (method, path) => {
    const match = router.match(method, path);
    return match.kind === 'operation' ? match.operation.operationId : undefined;
  });
  const origins = createOriginPolicy(options.corsOrigins);
  const faults = createFaults();

  // The default seed's precomputed state is known valid: checking it again was most of createHandlers()'s own time in a page.
  const { state: startState, knownValid } = options.state === undefined ? defaultStartState(options.seed) : { state: options.state, knownValid: false };
  const refused = knownValid ? [] : stateDocumentViolations(startState);
  if (refused.length > 0) throw new InvalidStateError(refused);
  let store = UsedEquipmentStore.fromDocument(startState);
  const startName = options.stateName ?? (options.state === undefined ? `the default state (seed ${options.seed ?? 1})` : 'the start state');
  let loaded = { name: startName, at: now(), changes: 0 };
  const changed = () => (loaded.changes += 1);

  const contains = (text: string | number | null, search: string | undefined) => search === undefined || (text !== null && String(text).toLowerCase().includes(search));
  const controls: MockControls = {
    state: () => store.toDocument(),
    counts: () => store.counts(),
    load(document, about = {}) {
      const found = stateDocumentViolations(document);
      if (found.length > 0) return found;
      store = UsedEquipmentStore.fromDocument(document as StateDocument);
      loaded = { name: about.loaded ?? 'a state document (PUT /__admin/state)', at: now(), changes: about.changes ?? 0 };
      return found;
    },
    about: () => ({ loaded: loaded.name, loadedAt: new Date(loaded.at).toISOString(), changes: loaded.changes, resetTo: startName }),
    ticketPage(page) {
      const { total, items } = pageOf(store.ticketSummaries(), (t) => (page.status === undefined || t.status === page.status) && contains(t.id, page.search), page);
      return { total, tickets: items };
    },
    catalogPage(page) {
      const { total, items } = pageOf(store.catalogEntries(), (e) => contains(e.diagnostic_equipment_id, page.search) || contains(e.name, page.search) || contains(e.version, page.search), page);
      return { total, catalog: items.map((entry) => ({ ...entry })) };
    },
    scenarios: () => options.scenarios?.list(),
    loadScenario(input) {
      const resolved = options.scenarios?.resolve(input);
      if (resolved === undefined) return undefined;
      if (!resolved.ok) return resolved.violations;
      return controls.load(resolved.state, { loaded: 'name' in input ? `scenario "${input.name}"` : 'an uploaded scenario' });
    },
    reset() {
      store = UsedEquipmentStore.fromDocument(startState);
      loaded = { name: startName, at: now(), changes: 0 };
      journal.clear();
      faults.clear();
    },
    // A uuid in any case names the same ticket (RFC 9562), as the state holds it.
    createTicket(input) {
      const ticket = isObject(input) && !('id' in input) ? { id: crypto.randomUUID(), ...input } : input;
      const refused = oneEntryViolations('tickets', ticket);
      if (refused.length > 0) return { ok: false, violations: refused };
      const { id, status } = ticket as Ticket;
      if (store.ticket(ticketKey(id)) !== undefined) return { ok: false, exists: `Ticket ${id}` };
      changed();
      return { ok: true, created: store.addTicket({ id, status }) };
    },
    createCatalogEntry(input) {
      const entry = isObject(input) ? { diagnostic_equipment_id: store.freeCatalogId(largestCatalogId), version: null, ...input } : input;
      const refused = oneEntryViolations('catalog', entry);
      if (refused.length > 0) return { ok: false, violations: refused };
      const { diagnostic_equipment_id: id, name, version } = entry as CatalogEntry;
      if (store.catalogEntry(id) !== undefined) return { ok: false, exists: `Catalogue entry ${id}` };
      changed();
      return { ok: true, created: store.addCatalogEntry({ diagnostic_equipment_id: id, name, version }) };
    },
    setTicketStatus(ticketId, status) {
      const ticket = store.setStatus(ticketKey(ticketId), status);
      if (ticket !== undefined) changed();
      return ticket;
    },
    requests: ((options?: { format?: 'journal' | 'har'; after?: number }) =>
      options?.format === 'har' ? journal.har(spec.document.info.version) : journal.list(options?.after)) as MockControls['requests'],
    request: (id) => journal.detail(id),
    clearRequests: () => journal.clear(),
    // The admin API's POST /__admin/faults comes through here too: one check for both doors.
    inject(spec) {
      const refused = faultSpecProblem(spec);
      if (refused !== undefined) throw new FaultRefusedError(refused.problem);
      const added = faults.inject(spec);
      if (!added.ok) throw new FaultRefusedError(added.problem.problem);
      return added.fault;
    },
    faults: () => faults.list(),
    clearFaults: (id) => faults.clear(id),
  };

  /**
   * What the head alone decides: a refusal, or where the request goes (the admin API, or an operation
   * with its path values). HEAD is routed as GET.
   */
  function screenHead(request: RequestHead): { refused: MockResponse | ProblemResult } | { admin: true } | { operation: OperationMatch } {
    const routed = request.method === 'HEAD' ? { ...request, method: 'GET' } : request;
    if (isUnder(request.path, adminPrefix)) {
      if (!adminEnabled) return { refused: adminDisabled() };
      // A page of another origin must not read or rewrite the state: refused before anything runs,
      // even a request a browser sends without asking (a form post, a no-cors fetch).
      const origin = request.headers.origin;
      if (origin !== undefined && !origins.adminAllowed(origin)) return { refused: originNotAllowed(origin) };
      const refused = checkAdminToken(request, options.adminToken) ?? adminRouteRefusal(routed);
      if (refused !== undefined) return { refused };
      // A cross-origin write with this media type needs a preflight, which an unnamed origin fails.
      if (!readOnlyMethods.has(request.method) && mediaTypeOf(request.headers['content-type']) !== 'application/json') {
        return { refused: unsupportedMediaType('application/json') };
      }
      // Stryker disable next-line BooleanLiteral: only the key is read ('admin' in screened)
      return { admin: true };
    }
    const match = router.match(routed.method, request.path);
    switch (match.kind) {
      case 'no-route':
        return { refused: profiledProblem(choices, routeNotFound(request.method, request.path)) };
      case 'bad-path':
        return { refused: profiledProblem(choices, violations([{ field: match.parameter, message: 'must be a valid percent-encoded path segment' }])) };
      case 'method-not-allowed':
        return { refused: request.method === 'OPTIONS' ? preflight(request, match.allowed) : profiledProblem(choices, methodNotAllowed(request.method, match.allowed)) };
      case 'operation': {
        // A page that may only read (`*`, or no grant at all) gets no write, even one a browser sends
        // without a preflight (a form post, a no-cors fetch).
        const origin = request.headers.origin;
        if (origin !== undefined && !readOnlyMethods.has(request.method) && !origins.writeAllowed(origin)) return { refused: originMayNotWrite(origin) };
        const denied = checkCredentials(request.headers, auth, apiKeyHeader);
        return denied === undefined ? { operation: match } : { refused: profiledProblem(choices, denied) };
      }
    }
  }

  /** Admin writes that got past the screen (origin, token, media type): journalled as admin actions. */
  const adminActions = new WeakSet<MockRequest>();

  function route(request: MockRequest): MockResponse | ProblemResult {
    const screened = screenHead(request);
    if ('refused' in screened) return screened.refused;
    if ('admin' in screened) {
      if (!readOnlyMethods.has(request.method) && !isUnder(request.path, `${adminPrefix}/requests`)) adminActions.add(request);
      return handleAdmin(request.method === 'HEAD' ? { ...request, method: 'GET' } : request, controls);
    }
    const { operation, pathValues } = screened.operation;
    const fault = faults.take(operation.operationId);
    const injected = fault === undefined ? undefined : faultResponse(fault);
    if (injected !== undefined) return injected;
    const parsed = parseInput(operation, request, pathValues, choices.uuidCase);
    // Stryker disable next-line OptionalChaining: every operation of the document has a handler (a test holds it), so `?.` never meets undefined
    const handled = !parsed.ok ? violations(parsed.violations) : (operationHandlers[operation.operationId]?.(store, parsed.input, choices) ?? internalError());
    // The operation's own refusals, worded as the profile says (never an injected fault's or the admin API's).
    const answer = isProblem(handled) ? profiledProblem(choices, handled) : handled;
    // A delay alone slows the operation's own answer.
    return fault?.delayMs === undefined ? answer : { ...toResponse(answer), delayMs: fault.delayMs, fault: fault.id };
  }

  /**
   * Journals an answer and adds CORS. Admin writes that were let through are journalled as admin
   * actions; admin reads (the console polls), calls on the journal itself and refused ones stay out.
   */
  function finish(request: RequestHead, response: MockResponse): MockResponse {
    if (isUnder(request.path, adminPrefix)) {
      if (adminActions.has(request as MockRequest)) journal.record(request, response, now(), true);
    } else {
      journal.record(request, response, now());
      if (!readOnlyMethods.has(request.method) && response.status >= 200 && response.status < 300) changed();
    }
    const answered = request.method === 'HEAD' ? withoutBody(response) : response;
    return withCors(request, answered, origins);
  }

  const mock: Mock = {
    ...controls,
    owns: (path) => isUnder(path, router.prefix) || isUnder(path, adminPrefix),
    bodyLimit: (path) => (isUnder(path, adminPrefix) ? maxAdminBodyBytes : maxBodyBytes),
    screen(request) {
      let refused: MockResponse | ProblemResult | undefined;
      try {
        const screened = screenHead(request);
        refused = 'refused' in screened ? screened.refused : undefined;
      } catch (error) {
        console.error('ude-kit mock: unexpected error', error);
        refused = internalError();
      }
      return refused === undefined ? undefined : finish(request, toResponse(refused));
    },
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
      return finish(request, response);
    },
  };
  return mock;
}
