// Every problem the mock can answer, each modelled once as a value. Adapters only serialise them.
// Types are relative URI references, as in the seed's `/problems/violations`.
import { allowedMethods } from './cors.js';

export interface Violation {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  violations?: Violation[];
}

/** A problem plus the headers HTTP requires with it (`Allow` on 405, `WWW-Authenticate` on 401). */
export interface ProblemResult {
  problem: Problem;
  headers?: Record<string, string>;
}

const problem = (type: string, title: string, status: number, detail: string): ProblemResult => ({
  problem: { type: `/problems/${type}`, title, status, detail },
});

// Title and detail are the seed's own words for this problem.
export function violations(list: Violation[]): ProblemResult {
  return {
    problem: {
      type: '/problems/violations',
      title: 'Bad request',
      status: 400,
      detail: 'The request violates one or more constraints. Please resolve all of them and try again.',
      violations: list,
    },
  };
}

export function unauthorized(detail: string, apiKeyHeader: string): ProblemResult {
  return {
    ...problem('unauthorized', 'Unauthorized', 401, detail),
    headers: { 'www-authenticate': `Bearer realm="used-diagnostic-equipment", ApiKey header="${apiKeyHeader}"` },
  };
}

export const routeNotFound = (method: string, path: string): ProblemResult =>
  problem('not-found', 'Not found', 404, `No resource is served at ${method} ${path}.`);

export function methodNotAllowed(method: string, allowed: string[]): ProblemResult {
  const methods = allowedMethods(allowed);
  return {
    ...problem('method-not-allowed', 'Method not allowed', 405, `${method} is not allowed here; use ${methods.join(', ')}.`),
    headers: { allow: methods.join(', ') },
  };
}

export const consoleNotBuilt = (): ProblemResult =>
  problem('not-found', 'Not found', 404, 'The admin console is not built here: run npm run build (it writes dist/console).');

export const scenariosNotServed = (): ProblemResult =>
  problem('not-found', 'Not found', 404, 'This mock loads no scenarios by name: the standalone mock (ude-kit mock) does; in process, use mock.load(scenarioState(loadScenario(name))).');

export const ticketNotFound = (ticketId: string): ProblemResult =>
  problem('ticket-not-found', 'Ticket not found', 404, `Ticket ${ticketId} does not exist.`);

export const diagnosticEquipmentNotFound = (equipmentId: number): ProblemResult =>
  problem(
    'diagnostic-equipment-not-found',
    'Diagnostic equipment not found',
    404,
    `Diagnostic equipment ${equipmentId} is not in the catalogue.`,
  );

export const usedEquipmentNotFound = (ticketId: string, equipmentId: number): ProblemResult =>
  problem(
    'used-diagnostic-equipment-not-found',
    'Used diagnostic equipment not found',
    404,
    `Diagnostic equipment ${equipmentId} has not been used on ticket ${ticketId}.`,
  );

export const equipmentAlreadyUsed = (ticketId: string, equipmentId: number): ProblemResult =>
  problem(
    'diagnostic-equipment-already-used',
    'Diagnostic equipment already used',
    409,
    `Diagnostic equipment ${equipmentId} is already used on ticket ${ticketId}.`,
  );

export const alreadyExists = (what: string): ProblemResult => problem('already-exists', 'Already exists', 409, `${what} already exists: give another id, or none for a new one.`);

export const ticketNotInProgress = (ticketId: string, status: string, inProgress: string): ProblemResult =>
  problem(
    'ticket-not-in-progress',
    'Ticket not in progress',
    409,
    `Ticket ${ticketId} is '${status}'; diagnostic equipment can only be added to or removed from a '${inProgress}' ticket.`,
  );

export const payloadTooLarge = (limitBytes: number): ProblemResult =>
  problem('payload-too-large', 'Payload too large', 413, `The request body exceeds the limit of ${limitBytes} bytes.`);

export function adminTokenRequired(header: string): ProblemResult {
  return {
    ...problem('unauthorized', 'Unauthorized', 401, `The admin API needs the admin token in the ${header} header.`),
    headers: { 'www-authenticate': `AdminToken header="${header}"` },
  };
}

export const adminDisabled = (): ProblemResult =>
  problem('not-found', 'Not found', 404, 'The admin API is turned off (--no-admin).');

export const originNotAllowed = (origin: string): ProblemResult =>
  problem(
    'origin-not-allowed',
    'Origin not allowed',
    403,
    `Pages of ${origin} may not use the admin API; start the mock with --cors-origin ${origin} to allow it.`,
  );

export const originMayNotWrite = (origin: string): ProblemResult =>
  problem(
    'origin-not-allowed',
    'Origin not allowed',
    403,
    `Pages of ${origin} may not change the API's state (--cors-origin '*' lets any page read, not write); start the mock with --cors-origin ${origin} to allow it.`,
  );

export const hostNotAllowed = (host: string): ProblemResult =>
  problem(
    'host-not-allowed',
    'Host not allowed',
    403,
    `The mock does not answer requests for host "${host}" (a guard against DNS rebinding); start it with --allowed-host NAME to allow a name.`,
  );

export const unsupportedMediaType = (expected: string): ProblemResult =>
  problem('unsupported-media-type', 'Unsupported media type', 415, `This call needs Content-Type: ${expected}.`);

export const expectationFailed = (expectation: string): ProblemResult =>
  problem('expectation-failed', 'Expectation failed', 417, `The mock cannot meet "Expect: ${expectation}"; only 100-continue is supported.`);

/** The answer of a fault a test injected (mock.inject, POST /__admin/faults). */
export const injectedProblem = (status: number, faultId: number): ProblemResult =>
  problem('injected-fault', 'Injected fault', status, `The mock answers ${status} because fault ${faultId} was injected (mock.inject or POST /__admin/faults).`);

/** POST /__admin/faults or mock.inject past the bound on faults in force (faults.ts). */
export const tooManyFaults = (max: number): ProblemResult =>
  problem('too-many-faults', 'Too many faults', 400, `At most ${max.toLocaleString('en-US')} faults can be in force at once; clear some first (DELETE /__admin/faults).`);

/** The node:http adapter holds as many request bodies as it may at once (http-server.ts): try again soon. */
export function serverBusy(retryAfterSeconds: number): ProblemResult {
  return {
    ...problem('server-busy', 'Server busy', 503, 'The mock is already reading as many request bodies as it holds at once; try again shortly.'),
    headers: { 'retry-after': String(retryAfterSeconds) },
  };
}

export const internalError = (): ProblemResult =>
  problem('internal-error', 'Internal server error', 500, 'The mock failed to handle the request; see its log.');

// Problems of a request that could not even be read as HTTP; the node:http adapter sends them raw.
export const malformedRequest = (reason: string): ProblemResult =>
  violations([{ field: 'request', message: `is not valid HTTP (${reason})` }]);

export const headersTooLarge = (): ProblemResult =>
  problem('request-header-fields-too-large', 'Request header fields too large', 431, 'The request headers are too large.');

export const requestTimeout = (): ProblemResult =>
  problem('request-timeout', 'Request timeout', 408, 'The request was not received in time.');
