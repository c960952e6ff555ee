// A profile: a deployment's choices where the document is silent (docs/behaviour.md "Profiles"), so the
// fake answers as that deployment does. Checked against the compiled document: a profile can choose
// only what the document allows, never make the fake answer outside it. Pure and browser-safe.
import { compiledSpec, type CompiledSpec } from '../../src/spec/index.js';
import { resolveResponse } from '../../src/spec/registry-schema.js';
import type { Problem, ProblemResult, Violation } from './problems.js';

/** The refusals of the API's own operations a profile may reword, and the operations that answer each. */
export const refusalOperations = {
  'ticket-not-found': ['addUsedDiagnosticEquipment', 'getUsedDiagnosticEquipment', 'removeUsedDiagnosticEquipment'],
  'diagnostic-equipment-not-found': ['addUsedDiagnosticEquipment'],
  'used-diagnostic-equipment-not-found': ['getUsedDiagnosticEquipment', 'removeUsedDiagnosticEquipment'],
  'diagnostic-equipment-already-used': ['addUsedDiagnosticEquipment'],
  'ticket-not-in-progress': ['addUsedDiagnosticEquipment', 'removeUsedDiagnosticEquipment'],
  // Every operation refuses bad input and missing credentials: their words are a deployment's choice too.
  violations: ['listUsedDiagnosticEquipment', 'addUsedDiagnosticEquipment', 'getUsedDiagnosticEquipment', 'removeUsedDiagnosticEquipment'],
  unauthorized: ['listUsedDiagnosticEquipment', 'addUsedDiagnosticEquipment', 'getUsedDiagnosticEquipment', 'removeUsedDiagnosticEquipment'],
  // A path or a method the document does not have: no operation answers it, any error status may.
  'not-found': [],
  'method-not-allowed': [],
} as const;

export type RefusalKind = keyof typeof refusalOperations;

export interface RefusalChoice {
  status?: number;
  type?: string;
  title?: string;
}

export interface Profile {
  $schema?: string;
  version: 1;
  /** One line: which deployment this profile describes. */
  description?: string;
  refusals?: Partial<Record<RefusalKind, RefusalChoice>>;
  /** `insertion` (the default): new records last; `newest-first`: the reverse. */
  listOrder?: 'insertion' | 'newest-first';
  /** `any` (the default): uuids are read in any case (RFC 9562); `exact`: another case is another, unknown, ticket. */
  uuidCase?: 'any' | 'exact';
}

/** The choices a mock runs with: a profile's, each filled in with the mock's own default. */
export interface Choices {
  refusals: Partial<Record<RefusalKind, RefusalChoice>>;
  listOrder: 'insertion' | 'newest-first';
  uuidCase: 'any' | 'exact';
}

export const defaultChoices: Choices = { refusals: {}, listOrder: 'insertion', uuidCase: 'any' };

/** Bounds: a profile is a few lines; anything far larger is not one. */
export const profileLimits = { fileBytes: 64 * 1024, text: 2_000 } as const;

/** Thrown by createMock (and so createHandlers) when the profile it is given is not a valid one. */
export class InvalidProfileError extends Error {
  constructor(readonly violations: Violation[]) {
    super(`invalid profile: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const say = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

/** Unknown keys of an object, each a violation at its path. */
function unknownKeys(object: Record<string, unknown>, known: readonly string[], at: string, found: Violation[]): void {
  for (const key of Object.keys(object)) if (!known.includes(key)) found.push({ field: `${at}/${key}`, message: 'is not a profile setting' });
}

function text(value: unknown, at: string, found: Violation[]): void {
  if (typeof value !== 'string') found.push({ field: at, message: 'must be a string' });
  else if (value.length === 0 || value.length > profileLimits.text) found.push({ field: at, message: `must be 1 to ${profileLimits.text} characters long` });
}

/**
 * Whether every operation that answers this refusal documents `status` with a problem body (an exact
 * code, a `4XX` range or `default`): read from the compiled document, never restated here.
 */
export function statusRefusal(kind: RefusalKind, status: number, spec: Pick<CompiledSpec, 'document' | 'operations'> = compiledSpec()): string | undefined {
  if (!Number.isInteger(status) || status < 400 || status > 599) return 'must be an error status, an integer from 400 to 599';
  const { document, operations } = spec;
  for (const operationId of refusalOperations[kind]) {
    const operation = operations.find((o) => o.operationId === operationId);
    const responses = operation?.operation.responses ?? {};
    const entry = [String(status), `${String(status)[0]}XX`, 'default'].map((key) => responses[key]).find((r) => r !== undefined);
    const content = entry === undefined ? undefined : resolveResponse(document, entry).content;
    if (content?.['application/problem+json'] === undefined) return `is not a status the document allows ${operationId} to answer with a problem`;
  }
  return undefined;
}

/** Everything wrong with a candidate profile, each at its JSON Pointer in the profile; empty when it is valid. */
export function profileViolations(candidate: unknown): Violation[] {
  const found: Violation[] = [];
  if (!isObject(candidate)) return [{ field: '/', message: 'must be an object' }];
  unknownKeys(candidate, ['$schema', 'version', 'description', 'refusals', 'listOrder', 'uuidCase'], '', found);
  if (candidate.version !== 1) found.push({ field: '/version', message: `must be 1 (the only profile version), not ${say(candidate.version)}` });
  if (candidate.$schema !== undefined && typeof candidate.$schema !== 'string') found.push({ field: '/$schema', message: 'must be a string' });
  if (candidate.description !== undefined) text(candidate.description, '/description', found);
  if (candidate.listOrder !== undefined && candidate.listOrder !== 'insertion' && candidate.listOrder !== 'newest-first') {
    found.push({ field: '/listOrder', message: `must be "insertion" or "newest-first", not ${say(candidate.listOrder)}` });
  }
  if (candidate.uuidCase !== undefined && candidate.uuidCase !== 'any' && candidate.uuidCase !== 'exact') {
    found.push({ field: '/uuidCase', message: `must be "any" or "exact", not ${say(candidate.uuidCase)}` });
  }
  const refusals = candidate.refusals;
  if (refusals === undefined) return found;
  if (!isObject(refusals)) return [...found, { field: '/refusals', message: 'must be an object' }];
  const kinds = Object.keys(refusalOperations) as RefusalKind[];
  for (const [kind, choice] of Object.entries(refusals)) {
    const at = `/refusals/${kind}`;
    if (!(kinds as string[]).includes(kind)) {
      found.push({ field: at, message: `is not a refusal a profile can set (${kinds.join(', ')})` });
      continue;
    }
    if (!isObject(choice)) {
      found.push({ field: at, message: 'must be an object' });
      continue;
    }
    unknownKeys(choice, ['status', 'type', 'title'], at, found);
    if (choice.status !== undefined) {
      const refused = typeof choice.status === 'number' ? statusRefusal(kind as RefusalKind, choice.status) : 'must be an integer';
      if (refused !== undefined) found.push({ field: `${at}/status`, message: refused });
    }
    if (choice.type !== undefined) text(choice.type, `${at}/type`, found);
    if (choice.title !== undefined) text(choice.title, `${at}/title`, found);
  }
  return found;
}

/** The choices of a profile (checked first: InvalidProfileError), or the mock's own without one. */
export function choicesOf(profile: unknown): Choices {
  if (profile === undefined) return defaultChoices;
  const refused = profileViolations(profile);
  if (refused.length > 0) throw new InvalidProfileError(refused);
  const { refusals = {}, listOrder = 'insertion', uuidCase = 'any' } = profile as Profile;
  return { refusals, listOrder, uuidCase };
}

/** The problem `type` a mock under these choices words a refusal with: the profile's, or its own. */
export const refusalType = (choices: Choices, kind: RefusalKind): string => choices.refusals[kind]?.type ?? `/problems/${kind}`;

/** Every problem `type` a mock under these choices refuses with. */
export const refusalTypes = (choices: Choices): Set<string> => new Set((Object.keys(refusalOperations) as RefusalKind[]).map((kind) => refusalType(choices, kind)));

/** An operation's refusal as the profile words it: status, `type` and `title` replaced, the detail kept. */
export function profiledProblem(choices: Choices, result: ProblemResult): ProblemResult {
  const kind = result.problem.type.replace(/^\/problems\//, '') as RefusalKind;
  const choice = Object.hasOwn(choices.refusals, kind) ? choices.refusals[kind] : undefined;
  if (choice === undefined) return result;
  const problem: Problem = { ...result.problem, ...choice };
  return { ...result, problem };
}
