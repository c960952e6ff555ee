// A scenario file turned into a state: the scenario it extends, then what it generates (faker, under its
// own seed, so the same file always gives the same state), then its explicit entries. The whole `extends`
// chain is read and its cost reckoned before anything is generated. Every problem is reported by its path
// in the file that caused it. Pure and browser-safe: files are read elsewhere.
import { cappedValidator, type CappedValidator } from './capped-validation.js';
import { precompiledSource } from '../../src/spec/validators.js';
import { validators as scenarioRequest } from '../../src/spec/generated/validators/scenario.request.js';
import { validators as scenarioFirstError } from '../../src/spec/generated/validators/scenario.firstError.js';
import type { Violation } from '../core/problems.js';
import { costViolations, type ChainLink } from './scenario-cost.js';
import { generate, type Adder } from './scenario-generate.js';
import { scenarioSchema } from './scenario-schema.js';
import { stateDocumentViolations, type CatalogEntry, type StateDocument, type Ticket, type UsedReference } from './state-document.js';

export interface GenerateSpec {
  seed: number;
  preset?: 'default';
  catalog?: number;
  tickets?: number;
  usedPerTicket?: [number, number];
  statuses?: Record<string, number>;
  usedOn?: Array<{ ticket_id: string; count: number }>;
}

export interface ScenarioDocument {
  $schema?: string;
  description: string;
  extends?: string;
  tickets?: Ticket[];
  catalog?: CatalogEntry[];
  used?: UsedReference[];
  generate?: GenerateSpec;
}

/**
 * Finds a scenario by name (or path) for `extends`. `chain` holds the names that led here, from the
 * top file's `extends` down to the scenario that names this one, so a relative path can be resolved
 * against the file that wrote it.
 */
export type ScenarioLookup = (name: string, chain: readonly string[]) => ScenarioDocument | { error: string } | undefined;

/** `missing`: the scenario named is not there at all (no such file, no such shipped name). */
export type ScenarioResult = { ok: true; state: StateDocument } | { ok: false; violations: Violation[]; missing?: true };

let validateScenario: CappedValidator | undefined;

/** Whether a lookup answered with why it could not read a scenario, rather than a scenario. */
export function isReadError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { error?: unknown }).error === 'string';
}

type Key = keyof StateDocument;
const keys = ['tickets', 'catalog', 'used'] as const;

/**
 * A state document with, for each entry of the file loaded, where it came from (a path in the file, or
 * what generated it); entries below `inherited` came from the scenario it extends, named `extended`.
 */
interface Sourced {
  state: StateDocument;
  inherited: Record<Key, number>;
  extended: string;
  origins: Record<Key, string[]>;
}

function schemaViolations(candidate: unknown): Violation[] {
  validateScenario ??= cappedValidator('scenario', scenarioSchema(), precompiledSource('scenario', { ...scenarioRequest, ...scenarioFirstError }));
  return validateScenario(candidate).list();
}

/** Appends without spreading: `push(...items)` overflows the call stack past ~100,000 items. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * The files of the chain, its root first, each shape-checked before the next is looked up. A problem in
 * a file it extends is named under the names that led there ("base: /description").
 */
function chainOf(document: unknown, lookup: ScenarioLookup): { ok: true; chain: ChainLink[] } | { ok: false; violations: Violation[] } {
  const chain: ChainLink[] = [];
  const names: string[] = [];
  let current = document;
  for (;;) {
    const prefix = names.map((name) => `${name}: `).join('');
    const refused = (found: Violation[]) => ({ ok: false as const, violations: found.map((v) => ({ field: `${prefix}${v.field}`, message: v.message })) });
    const shape = schemaViolations(current);
    if (shape.length > 0) return refused(shape);
    const scenario = current as ScenarioDocument;
    chain.unshift({ ...(names.length === 0 ? {} : { name: names[names.length - 1] }), prefix, scenario });
    if (scenario.extends === undefined) return { ok: true, chain };
    const name = scenario.extends;
    if (names.includes(name)) return refused([{ field: '/extends', message: `extends itself through ${[...names, name].join(' → ')}` }]);
    const parent = lookup(name, names);
    if (parent === undefined) return refused([{ field: '/extends', message: `no scenario named "${name}"` }]);
    if (isReadError(parent)) return refused([{ field: '/extends', message: parent.error }]);
    names.push(name);
    current = parent;
  }
}

/** Builds the chain's state, its root first; only the file loaded keeps where each entry came from. */
function built(chain: readonly ChainLink[]): { ok: true; sourced: Sourced } | { ok: false; violations: Violation[] } {
  const top = chain[chain.length - 1]!.scenario;
  const sourced: Sourced = {
    state: { tickets: [], catalog: [], used: [] },
    inherited: { tickets: 0, catalog: 0, used: 0 },
    extended: `${top.extends ?? ''} (extended)`,
    origins: { tickets: [], catalog: [], used: [] },
  };
  for (const [index, { prefix, scenario }] of chain.entries()) {
    const isTop = index === chain.length - 1;
    if (isTop) for (const key of keys) sourced.inherited[key] = sourced.state[key].length;
    const add: Adder = (key, items, origin) => {
      append(sourced.state[key] as unknown[], items);
      if (isTop) for (let i = 0; i < items.length; i++) sourced.origins[key].push(origin);
    };
    const violations: Violation[] = [];
    if (scenario.generate !== undefined) generate(scenario.generate, sourced.state, add, violations);
    for (const key of keys) {
      const items = scenario[key] ?? [];
      append(sourced.state[key] as unknown[], items);
      if (isTop) for (let index = 0; index < items.length; index++) sourced.origins[key].push(`/${key}/${index}`);
    }
    if (violations.length > 0) return { ok: false, violations: violations.map((v) => ({ field: `${prefix}${v.field}`, message: v.message })) };
  }
  return { ok: true, sourced };
}

function resolve(document: unknown, lookup: ScenarioLookup): { ok: true; sourced: Sourced } | { ok: false; violations: Violation[] } {
  const read = chainOf(document, lookup);
  if (!read.ok) return read;
  // Checked before any work: a typo must not cost minutes and the heap, nor a chain add up past a bound.
  const tooCostly = costViolations(read.chain);
  if (tooCostly.length > 0) return { ok: false, violations: tooCostly };
  return built(read.chain);
}

const entryPointer = /\/(tickets|catalog|used)\/(\d+)((?:\/[\w-]+)*)/g;
const isFilePath = (origin: string) => /^\/(tickets|catalog|used)\//.test(origin);

/** Where an entry of the merged state came from: its path in this file, or what generated or gave it. */
function originOf(key: string, index: string, sourced: Sourced): string {
  const inherited = sourced.inherited[key as Key];
  if (Number(index) < inherited) return sourced.extended;
  return sourced.origins[key as Key][Number(index) - inherited] ?? `/${key}/${index}`;
}

/** Maps a violation found on the merged state (`/used/17/ticket_id`, "duplicates /used/0") to the file's paths. */
function toOrigin(violation: Violation, sourced: Sourced): Violation {
  const message = violation.message.replace(entryPointer, (_m, key: string, index: string, rest: string) => {
    const origin = originOf(key, index, sourced);
    return isFilePath(origin) ? `${origin}${rest}` : origin;
  });
  const match = /^\/(tickets|catalog|used)\/(\d+)(.*)$/.exec(violation.field);
  if (match === null) return { field: violation.field, message };
  const origin = originOf(match[1]!, match[2]!, sourced);
  // An explicit entry is named by its own path; a generated or inherited one by where it came from.
  return isFilePath(origin) ? { field: `${origin}${match[3]}`, message } : { field: origin, message: `${message} (merged entry ${violation.field})` };
}

/** Thrown by scenarioState for a refused scenario; `violations` holds every problem by its path. */
export class ScenarioRefusedError extends Error {
  constructor(readonly violations: Violation[]) {
    super(`the scenario is refused: ${violations.slice(0, 5).map((v) => `${v.field} ${v.message}`).join('; ')}${violations.length > 5 ? '; …' : ''}`);
  }
}

/** The state of a resolved scenario, or a ScenarioRefusedError: `mock.load(scenarioState(loadScenario('closed-ticket')))`. */
export function scenarioState(result: ScenarioResult): StateDocument {
  if (!result.ok) throw new ScenarioRefusedError(result.violations);
  return result.state;
}

export function resolveScenario(document: unknown, lookup: ScenarioLookup = () => undefined): ScenarioResult {
  const resolved = resolve(document, lookup);
  if (!resolved.ok) return resolved;
  const { state } = resolved.sourced;
  const found = stateDocumentViolations(state);
  if (found.length > 0) return { ok: false, violations: found.map((v) => toOrigin(v, resolved.sourced)) };
  return { ok: true, state };
}
