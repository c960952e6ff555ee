// The control API under /__admin (after WireMock's): read and replace the state, reset it, change a
// ticket's status, read the request journal. It speaks problem+json like the API it controls.
import { precompiledSource, type Validator } from '../../../src/spec/validators.js';
import { validators as adminRequestValidators } from '../../../src/spec/generated/validators/admin.request.js';
import { adminValidator } from './admin-schemas.js';
import { FaultRefusedError } from './fault-check.js';
import { preflight } from '../cors.js';
import { emptyResponse, jsonResponse, type MockRequest, type MockResponse } from '../exchange.js';
import { readJsonBody, violationsFrom } from '../input.js';
import { toJson } from '../json.js';
import type { JournalDetail, JournalEntry } from '../journal.js';
import { pageOf, pageQuery, type PageQuery } from './admin-pages.js';
import type { Har } from '../har.js';
import type { Fault, FaultSpec } from '../faults.js';
import { alreadyExists, methodNotAllowed, routeNotFound, scenariosNotServed, ticketNotFound, violations, type ProblemResult, type Violation } from '../problems.js';
import type { CatalogEntry, StateDocument, Ticket } from '../../state/state-document.js';

export const adminPrefix = '/__admin';

/**
 * Named scenarios and uploaded scenario files, resolved into states. Reading files is Node's business:
 * the standalone mock passes one (scenario-source-node.ts); in MSW there is none and the routes say so.
 */
export interface ScenarioSource {
  list(): Array<{ name: string; description: string }>;
  resolve(input: { name: string } | { scenario: unknown }): { ok: true; state: StateDocument } | { ok: false; violations: Violation[] };
}

export type TicketSummary = Ticket & { used: number };

export type Created<T> = { ok: true; created: T } | { ok: false; violations: Violation[] } | { ok: false; exists: string };

/** Where the state came from and whether it changed since: what the console's header shows. */
export interface StateAbout {
  /** What was loaded last: the start state, `scenario NAME`, an uploaded scenario, a state document. */
  loaded: string;
  /** When (ISO 8601). */
  loadedAt: string;
  /** Successful writes since: API POST/PUT/PATCH/DELETE answered 2xx, and admin status changes. */
  changes: number;
  /** What POST /__admin/reset returns to. */
  resetTo: string;
}

/** What the admin API needs from a mock: the same calls a Node test can make directly. */
export interface MockControls {
  state(): StateDocument;
  /** How many tickets, catalogue entries and used records the state holds (without building it). */
  counts(): { tickets: number; catalog: number; used: number };
  /**
   * Replaces the state; returns the violations (and changes nothing) when the document is refused.
   * `about` says what it was (default: a state document, no changes since), for state/about.
   */
  load(document: unknown, about?: { loaded?: string; changes?: number }): Violation[];
  /** Where the state came from and how many writes changed it since (GET /__admin/state/about). */
  about(): StateAbout;
  reset(): void;
  setTicketStatus(ticketId: string, status: string): Ticket | undefined;
  /**
   * Adds a ticket `{ id?, status }` (a new uuid when no id is given) or a catalogue entry
   * `{ diagnostic_equipment_id?, name, version? }` (the next free id when none), checked with the
   * state document's schemas: the entry made, its violations, or `exists` for an id already in use.
   */
  createTicket(input: unknown): Created<Ticket>;
  createCatalogEntry(input: unknown): Created<CatalogEntry>;
  /**
   * The journal; with `{ format: 'har' }`, as HAR 1.2 (credentials redacted) for the tools that read HAR;
   * with `{ after: id }`, only the entries newer than that one.
   */
  requests(options?: { format?: 'journal'; after?: number }): JournalEntry[];
  requests(options: { format: 'har' }): Har;
  requests(options?: { format?: 'journal' | 'har'; after?: number }): JournalEntry[] | Har;
  /** One journal entry with the answer the mock gave (headers redacted), or undefined when gone. */
  request(id: number): JournalDetail | undefined;
  /** A page of the tickets (with their record counts) whose id contains `search`, of one status if given. */
  ticketPage(page: PageQuery & { status?: string | undefined }): { total: number; tickets: TicketSummary[] };
  /** A page of the catalogue whose id, name or version contains `search`. */
  catalogPage(page: PageQuery): { total: number; catalog: CatalogEntry[] };
  /** The scenarios this mock can load by name, or undefined when it has no scenario source. */
  scenarios(): Array<{ name: string; description: string }> | undefined;
  /** Loads a named or uploaded scenario; its violations when refused, undefined when there is no source. */
  loadScenario(input: { name: string } | { scenario: unknown }): Violation[] | undefined;
  clearRequests(): void;
  /**
   * Fails or slows an operation on demand (see faults.ts); reset clears every fault. Checked as
   * POST /__admin/faults checks its body: a FaultRefusedError with the problem when refused.
   */
  inject(spec: FaultSpec): Fault;
  faults(): Fault[];
  clearFaults(id?: number): boolean;
}

const json = { mediaType: 'application/json', required: true };
// Precompiled (npm run generate): looked up on first use, by the names admin-schemas.ts gives them.
const precompiled = precompiledSource('admin', adminRequestValidators);
let validatePatch: Validator | undefined;
let validateScenarioLoad: Validator | undefined;

function readBody(request: MockRequest): { ok: true; body: unknown } | { ok: false; problem: ProblemResult } {
  const found: Violation[] = [];
  const body = readJsonBody(request, json, found);
  return found.length > 0 ? { ok: false, problem: violations(found) } : { ok: true, body };
}

/** 201 with what was made, 400 with its violations, or 409 when its id is taken. */
function created<T>(request: MockRequest, create: (body: unknown) => Created<T>): MockResponse | ProblemResult {
  const read = readBody(request);
  if (!read.ok) return read.problem;
  const result = create(read.body);
  if (result.ok) return jsonResponse(201, toJson(result.created));
  return 'exists' in result ? alreadyExists(result.exists) : violations(result.violations);
}

const maxLoadedLabel = 200;

function aboutQuery(query: URLSearchParams): { ok: true; about: { loaded?: string; changes?: number } } | { ok: false; violations: Violation[] } {
  const loaded = query.get('loaded');
  const changes = query.get('changes');
  const found: Violation[] = [];
  if (loaded !== null && (loaded.length === 0 || loaded.length > maxLoadedLabel)) found.push({ field: 'loaded', message: `must be 1 to ${maxLoadedLabel} characters` });
  if (changes !== null && !/^\d{1,9}$/.test(changes)) found.push({ field: 'changes', message: 'must be a non-negative integer' });
  if (found.length > 0) return { ok: false, violations: found };
  return { ok: true, about: { ...(loaded === null ? {} : { loaded }), ...(changes === null ? {} : { changes: Number(changes) }) } };
}

type Route = { pattern: RegExp; methods: Record<string, (request: MockRequest, controls: MockControls, match: RegExpExecArray) => MockResponse | ProblemResult> };

const routes: Route[] = [
  {
    pattern: /^\/state$/,
    methods: {
      GET: (_request, controls) => jsonResponse(200, toJson(controls.state())),
      PUT: (request, controls) => {
        // ?loaded=TEXT&changes=N: what state/about says afterwards (the console's undo puts both back).
        const about = aboutQuery(request.query);
        if (!about.ok) return violations(about.violations);
        const read = readBody(request);
        if (!read.ok) return read.problem;
        const refused = controls.load(read.body, about.about);
        return refused.length > 0 ? violations(refused) : jsonResponse(200, toJson(controls.counts()));
      },
    },
  },
  {
    pattern: /^\/state\/about$/,
    methods: { GET: (_request, controls) => jsonResponse(200, toJson(controls.about())) },
  },
  {
    pattern: /^\/reset$/,
    methods: {
      POST: (_request, controls) => {
        controls.reset();
        return jsonResponse(200, toJson(controls.counts()));
      },
    },
  },
  {
    pattern: /^\/tickets\/([^/]+)$/,
    methods: {
      PATCH: (request, controls, match) => {
        let ticketId: string;
        try {
          // Stryker disable next-line StringLiteral: the pattern's group always matches, so `?? ''` is never taken
          ticketId = decodeURIComponent(match[1] ?? '');
        } catch {
          return violations([{ field: 'id', message: 'must be a valid percent-encoded path segment' }]);
        }
        const read = readBody(request);
        if (!read.ok) return read.problem;
        validatePatch ??= precompiled(adminValidator.ticketPatch());
        if (!validatePatch(read.body)) return violations(violationsFrom(validatePatch.errors, 'body'));
        const ticket = controls.setTicketStatus(ticketId, (read.body as { status: string }).status);
        return ticket === undefined ? ticketNotFound(ticketId) : jsonResponse(200, toJson(ticket));
      },
    },
  },
  {
    pattern: /^\/faults$/,
    methods: {
      GET: (_request, controls) => jsonResponse(200, toJson({ faults: controls.faults() })),
      POST: (request, controls) => {
        const read = readBody(request);
        if (!read.ok) return read.problem;
        try {
          return jsonResponse(201, toJson(controls.inject(read.body as FaultSpec)));
        } catch (error) {
          // controls.inject checks the body (fault-check.ts) and the bound on faults in force.
          if (error instanceof FaultRefusedError) return { problem: error.problem };
          throw error;
        }
      },
      DELETE: (_request, controls) => {
        controls.clearFaults();
        return emptyResponse(204);
      },
    },
  },
  {
    pattern: /^\/requests\/(\d{1,15})$/,
    methods: {
      GET: (request, controls, match) => {
        const entry = controls.request(Number(match[1]));
        return entry === undefined ? routeNotFound('GET', request.path) : jsonResponse(200, toJson(entry));
      },
    },
  },
  {
    pattern: /^\/faults\/(\d+)$/,
    methods: {
      DELETE: (_request, controls, match) =>
        controls.clearFaults(Number(match[1])) ? emptyResponse(204) : routeNotFound('DELETE', `${adminPrefix}/faults/${match[1]}`),
    },
  },
  {
    pattern: /^\/tickets$/,
    methods: {
      POST: (request, controls) => created(request, (body) => controls.createTicket(body)),
      GET: (request, controls) => {
        const read = pageQuery(request.query);
        if (!read.ok) return violations(read.violations);
        const status = request.query.get('status') ?? undefined;
        return jsonResponse(200, toJson({ offset: read.page.offset, limit: read.page.limit, ...controls.ticketPage({ ...read.page, status }) }));
      },
    },
  },
  {
    pattern: /^\/catalog$/,
    methods: {
      POST: (request, controls) => created(request, (body) => controls.createCatalogEntry(body)),
      GET: (request, controls) => {
        const read = pageQuery(request.query);
        if (!read.ok) return violations(read.violations);
        return jsonResponse(200, toJson({ offset: read.page.offset, limit: read.page.limit, ...controls.catalogPage(read.page) }));
      },
    },
  },
  {
    pattern: /^\/scenarios$/,
    methods: {
      GET: (_request, controls) => {
        const scenarios = controls.scenarios();
        return scenarios === undefined ? scenariosNotServed() : jsonResponse(200, toJson({ scenarios }));
      },
    },
  },
  {
    pattern: /^\/scenarios\/load$/,
    methods: {
      POST: (request, controls) => {
        const read = readBody(request);
        if (!read.ok) return read.problem;
        validateScenarioLoad ??= precompiled(adminValidator.scenarioLoad());
        if (!validateScenarioLoad(read.body)) return violations(violationsFrom(validateScenarioLoad.errors, 'body'));
        const refused = controls.loadScenario(read.body as { name: string } | { scenario: unknown });
        if (refused === undefined) return scenariosNotServed();
        return refused.length > 0 ? violations(refused) : jsonResponse(200, toJson(controls.counts()));
      },
    },
  },
  {
    pattern: /^\/requests$/,
    methods: {
      GET: (request, controls) => {
        const format = request.query.get('format') ?? 'journal';
        if (format === 'har') return jsonResponse(200, toJson(controls.requests({ format: 'har' })));
        if (format !== 'journal') return violations([{ field: 'format', message: 'must be journal or har' }]);
        const afterText = request.query.get('after');
        const after = afterText === null ? 0 : /^\d{1,15}$/.test(afterText) ? Number(afterText) : undefined;
        if (after === undefined) return violations([{ field: 'after', message: 'must be a journal entry id (a non-negative integer)' }]);
        return jsonResponse(200, toJson({ requests: controls.requests({ after }) }));
      },
      DELETE: (_request, controls) => {
        controls.clearRequests();
        return emptyResponse(204);
      },
    },
  },
];

type AdminMatch = { handler: Route['methods'][string]; match: RegExpExecArray } | { refused: MockResponse | ProblemResult };

/** The admin route and method a request addresses: found from its head alone, before any body is read. */
function matchAdmin(request: Pick<MockRequest, 'method' | 'path' | 'headers'>): AdminMatch {
  const subPath = request.path.slice(adminPrefix.length);
  for (const route of routes) {
    const match = route.pattern.exec(subPath);
    if (match === null) continue;
    const methods = Object.keys(route.methods);
    if (request.method === 'OPTIONS') return { refused: preflight(request as MockRequest, methods) };
    const handler = route.methods[request.method];
    if (handler === undefined) return { refused: methodNotAllowed(request.method, methods) };
    return { handler, match };
  }
  return { refused: routeNotFound(request.method, request.path) };
}

/** 404, 405 or a preflight's answer when the head alone decides; undefined when a handler will run. */
export function adminRouteRefusal(request: Pick<MockRequest, 'method' | 'path' | 'headers'>): MockResponse | ProblemResult | undefined {
  const matched = matchAdmin(request);
  return 'refused' in matched ? matched.refused : undefined;
}

export function handleAdmin(request: MockRequest, controls: MockControls): MockResponse | ProblemResult {
  const matched = matchAdmin(request);
  return 'refused' in matched ? matched.refused : matched.handler(request, controls, matched.match);
}
