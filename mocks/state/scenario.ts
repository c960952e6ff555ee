// A scenario file turned into a state: the scenario it extends, then what it generates (faker, under its
// own seed, so the same file always gives the same state), then its explicit entries. Every problem is
// reported by its path in the file that caused it. Pure and browser-safe: files are read elsewhere.
import { cappedValidator, type CappedValidator } from './capped-validation.js';
import { seededFaker } from './faker-slot.js';
import { precompiledSource } from '../../src/spec/validators.js';
import { validators as scenarioRequest } from '../../src/spec/generated/validators/scenario.request.js';
import { validators as scenarioFirstError } from '../../src/spec/generated/validators/scenario.firstError.js';
import type { Violation } from '../core/problems.js';
import { inProgressStatus } from '../core/in-progress-rule.js';
import { generateDefaultState, toolNames } from './default-state.js';
import { generationLimits, scenarioSchema } from './scenario-schema.js';
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

const defaultStatuses = { [inProgressStatus]: 0.6, Open: 0.2, Closed: 0.2 };
let validateScenario: CappedValidator | undefined;

/** Whether a lookup answered with why it could not read a scenario, rather than a scenario. */
export function isReadError(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { error?: unknown }).error === 'string';
}

/** A state document with, for each entry, where it came from (a path in a file, or "generate"). */
interface Sourced {
  state: StateDocument;
  origins: { tickets: string[]; catalog: string[]; used: string[] };
}

function schemaViolations(candidate: unknown): Violation[] {
  validateScenario ??= cappedValidator('scenario', scenarioSchema(), precompiledSource('scenario', { ...scenarioRequest, ...scenarioFirstError }));
  return validateScenario(candidate).list();
}

/** Appends without spreading: `push(...items)` overflows the call stack past ~100,000 items. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function generated(spec: GenerateSpec, into: Sourced, violations: Violation[]): void {
  const { state, origins } = into;
  const push = <K extends keyof StateDocument>(key: K, items: StateDocument[K], origin: string) => {
    append(state[key] as unknown[], items);
    for (let i = 0; i < items.length; i++) origins[key].push(origin);
  };
  if (spec.preset === 'default') {
    const preset = generateDefaultState({ seed: spec.seed });
    push('tickets', preset.tickets, '/generate/preset');
    push('catalog', preset.catalog, '/generate/preset');
    push('used', preset.used, '/generate/preset');
  }
  const [min, max] = spec.usedPerTicket ?? [0, 0];
  // Checked before any work: a typo must not cost minutes and the heap.
  const records = (spec.tickets ?? 0) * max + (spec.usedOn ?? []).reduce((sum, entry) => sum + entry.count, 0);
  if (records > generationLimits.records) {
    violations.push({
      field: '/generate',
      message: `would generate up to ${records.toLocaleString('en-US')} records (tickets × usedPerTicket max + usedOn); a scenario may generate at most ${generationLimits.records.toLocaleString('en-US')}`,
    });
    return;
  }
  const faker = seededFaker(spec.seed, 'A scenario that generates data');

  if (spec.catalog !== undefined && spec.catalog > 0) {
    const first = state.catalog.reduce((max, e) => Math.max(max, e.diagnostic_equipment_id), 0) + 1;
    const entries = Array.from({ length: spec.catalog }, (_, i): CatalogEntry => {
      const name = toolNames[i % toolNames.length]!;
      const round = Math.floor(i / toolNames.length);
      return {
        diagnostic_equipment_id: first + i,
        name: round === 0 ? name : `${name} (${round + 1})`,
        version: faker.datatype.boolean({ probability: 0.2 }) ? null : faker.system.semver(),
      };
    });
    push('catalog', entries, '/generate/catalog');
  }

  const weights = Object.entries(spec.statuses ?? defaultStatuses).map(([value, weight]) => ({ value, weight }));
  const newTickets = Array.from({ length: spec.tickets ?? 0 }, (): Ticket => ({ id: faker.string.uuid(), status: faker.helpers.weightedArrayElement(weights) }));
  push('tickets', newTickets, '/generate/tickets');

  if (max > state.catalog.length) {
    violations.push({ field: '/generate/usedPerTicket', message: `asks for up to ${max} records on a ticket, but the catalogue has ${state.catalog.length} ${state.catalog.length === 1 ? 'entry' : 'entries'}` });
  } else if (min > max) {
    violations.push({ field: '/generate/usedPerTicket', message: `[min, max] must not have min > max` });
  } else {
    for (const ticket of newTickets) {
      const picked = faker.helpers.arrayElements(state.catalog, faker.number.int({ min, max }));
      push('used', picked.map((e) => ({ ticket_id: ticket.id, diagnostic_equipment_id: e.diagnostic_equipment_id })), '/generate/usedPerTicket');
    }
  }

  (spec.usedOn ?? []).forEach(({ ticket_id, count }, index) => {
    const taken = new Set(state.used.filter((u) => u.ticket_id === ticket_id).map((u) => u.diagnostic_equipment_id));
    const free = state.catalog.filter((e) => !taken.has(e.diagnostic_equipment_id));
    if (count > free.length) {
      violations.push({ field: `/generate/usedOn/${index}/count`, message: `asks for ${count} records, but only ${free.length} ${free.length === 1 ? 'catalogue entry is' : 'catalogue entries are'} free on ticket ${ticket_id}` });
      return;
    }
    const picked = faker.helpers.arrayElements(free, count);
    push('used', picked.map((e) => ({ ticket_id, diagnostic_equipment_id: e.diagnostic_equipment_id })), `/generate/usedOn/${index}`);
  });
}

function resolve(document: unknown, lookup: ScenarioLookup, chain: string[]): { ok: true; sourced: Sourced } | { ok: false; violations: Violation[] } {
  const shape = schemaViolations(document);
  if (shape.length > 0) return { ok: false, violations: shape };
  const scenario = document as ScenarioDocument;
  const sourced: Sourced = { state: { tickets: [], catalog: [], used: [] }, origins: { tickets: [], catalog: [], used: [] } };
  const violations: Violation[] = [];

  if (scenario.extends !== undefined) {
    const name = scenario.extends;
    if (chain.includes(name)) return { ok: false, violations: [{ field: '/extends', message: `extends itself through ${[...chain, name].join(' → ')}` }] };
    const parent = lookup(name, chain);
    if (parent === undefined) return { ok: false, violations: [{ field: '/extends', message: `no scenario named "${name}"` }] };
    if (isReadError(parent)) return { ok: false, violations: [{ field: '/extends', message: parent.error }] };
    const inherited = resolve(parent, lookup, [...chain, name]);
    if (!inherited.ok) return { ok: false, violations: inherited.violations.map((v) => ({ field: `${name}: ${v.field}`, message: v.message })) };
    sourced.state = inherited.sourced.state;
    for (const key of ['tickets', 'catalog', 'used'] as const) sourced.origins[key] = inherited.sourced.origins[key].map(() => `${name} (extended)`);
  }
  if (scenario.generate !== undefined) generated(scenario.generate, sourced, violations);
  for (const key of ['tickets', 'catalog', 'used'] as const) {
    const items = scenario[key] ?? [];
    append(sourced.state[key] as unknown[], items);
    for (let index = 0; index < items.length; index++) sourced.origins[key].push(`/${key}/${index}`);
  }
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, sourced };
}

const entryPointer = /\/(tickets|catalog|used)\/(\d+)((?:\/[\w-]+)*)/g;
const isFilePath = (origin: string) => /^\/(tickets|catalog|used)\//.test(origin);

/** Where an entry of the merged state came from: its path in this file, or what generated or gave it. */
function originOf(key: string, index: string, origins: Sourced['origins']): string {
  return origins[key as keyof Sourced['origins']][Number(index)] ?? `/${key}/${index}`;
}

/** Maps a violation found on the merged state (`/used/17/ticket_id`, "duplicates /used/0") to the file's paths. */
function toOrigin(violation: Violation, origins: Sourced['origins']): Violation {
  const message = violation.message.replace(entryPointer, (_m, key: string, index: string, rest: string) => {
    const origin = originOf(key, index, origins);
    return isFilePath(origin) ? `${origin}${rest}` : origin;
  });
  const match = /^\/(tickets|catalog|used)\/(\d+)(.*)$/.exec(violation.field);
  if (match === null) return { field: violation.field, message };
  const origin = originOf(match[1]!, match[2]!, origins);
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
  const resolved = resolve(document, lookup, []);
  if (!resolved.ok) return resolved;
  const { state, origins } = resolved.sourced;
  const found = stateDocumentViolations(state);
  if (found.length > 0) return { ok: false, violations: found.map((v) => toOrigin(v, origins)) };
  return { ok: true, state };
}
