// Data factories for component tests and stories (`ude-kit/fake`): records, list pages and problems
// that validate against the document, seeded (the same seed, the same data) and overridable. A list page
// adds up (rows = min(limit, total − offset)), as the contract suite's invariants require of an API.
import type { Faker } from '@faker-js/faker';
import '../state/faker-now.js';
import { seededFaker } from '../state/faker-slot.js';
import type { components } from '../../src/spec/generated/types.js';
import { ticketNotInProgress, unauthorized, usedEquipmentNotFound, violations, type Problem } from '../core/problems.js';
import { inProgressStatus } from '../core/in-progress-rule.js';
import { toolNames } from '../state/default-state.js';

export type UsedEquipment = components['schemas']['UsedDiagnosticEquipment'];
export type UsedEquipmentList = components['schemas']['UsedDiagnosticEquipmentList'];
export type { Problem };

const fakerFor = (seed: number) => seededFaker(seed, 'ude-kit/fake');

export interface FakeOptions {
  /** The same seed gives the same data. Without one, each call of a factory gives new data (see resetFakes). */
  seed?: number;
}

// Without a seed, the nth call of a factory draws with seed n: successive records differ (a list built
// from them has distinct React keys), and the first call gives what seed 1 gives. resetFakes() starts
// every count again, for a test that wants the same data as the test before it.
const calls = { usedEquipment: 0, list: 0 };

/** Starts every factory's sequence again: the next call without a seed gives what seed 1 gives. */
export function resetFakes(): void {
  calls.usedEquipment = 0;
  calls.list = 0;
}

/** The fields a record has, each named once: the type check fails if the document adds or drops one. */
const recordFields = ['ticket_id', 'diagnostic_equipment_id', 'name', 'version'] as const satisfies ReadonlyArray<keyof UsedEquipment>;
type Missing = Exclude<keyof UsedEquipment, (typeof recordFields)[number]>;
const allFields: Missing extends never ? true : never = true;
void allFields;
const fakeOptionNames = ['seed'] as const satisfies ReadonlyArray<keyof FakeOptions>;
const listOptionNames = ['total', 'limit', 'offset', 'ticket_id', 'row'] as const satisfies ReadonlyArray<keyof FakeListOptions>;

/** A TypeError for a name the factory does not know: in JavaScript it was silently ignored. */
function refuseUnknown(where: string, given: object, known: readonly string[], hint = ''): void {
  const unknown = Object.keys(given).filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  throw new TypeError(`${where}: unknown ${unknown.length === 1 ? 'name' : 'names'} ${unknown.map((n) => JSON.stringify(n)).join(', ')} (known: ${known.join(', ')})${hint}`);
}

function seedFor(factory: keyof typeof calls, options: FakeOptions, where: string): number {
  refuseUnknown(`${where}'s options`, options, fakeOptionNames);
  if (options.seed === undefined) return ++calls[factory];
  if (!Number.isSafeInteger(options.seed)) throw new TypeError(`${where}: the seed must be an integer, not ${String(options.seed)}`);
  return options.seed;
}

function record(faker: Faker, overrides: Partial<UsedEquipment>): UsedEquipment {
  return {
    ticket_id: faker.string.uuid(),
    diagnostic_equipment_id: faker.number.int({ min: 1, max: 99_999 }),
    name: faker.helpers.arrayElement(toolNames),
    version: faker.datatype.boolean({ probability: 0.2 }) ? null : faker.system.semver(),
    ...overrides,
  };
}

/** One used-diagnostic-equipment record; any field can be set. Successive calls without a seed differ. */
export function fakeUsedEquipment(overrides: Partial<UsedEquipment> = {}, options: FakeOptions = {}): UsedEquipment {
  refuseUnknown('fakeUsedEquipment', overrides, recordFields);
  return record(fakerFor(seedFor('usedEquipment', options, 'fakeUsedEquipment')), overrides);
}

export interface FakeListOptions {
  /** Rows matching in all (default 3). */
  total?: number;
  limit?: number;
  offset?: number;
  /** The ticket every row belongs to, echoed in `query` as a filter. */
  ticket_id?: string;
  /** Fields every row gets. */
  row?: Partial<UsedEquipment>;
}

/**
 * One page of the list, whose numbers add up: min(limit, total − offset) rows, ids distinct. The seed
 * is the second argument, as for every factory: `fakeList({ total: 40 }, { seed: 7 })`.
 */
export function fakeList(options: FakeListOptions = {}, fake: FakeOptions = {}): UsedEquipmentList {
  refuseUnknown('fakeList', options, listOptionNames, 'seed' in options ? '; the seed is the second argument: fakeList(options, { seed })' : '');
  refuseUnknown("fakeList's row", options.row ?? {}, recordFields);
  const faker = fakerFor(seedFor('list', fake, 'fakeList'));
  const total = options.total ?? 3;
  const limit = options.limit ?? 25;
  const offset = options.offset ?? 0;
  const count = Math.max(0, Math.min(limit, total - offset));
  const ticket = options.ticket_id ?? faker.string.uuid();
  const result = Array.from({ length: count }, (_, index) => record(faker, { ticket_id: ticket, diagnostic_equipment_id: offset + index + 1, ...options.row }));
  return { query: { limit, offset, ...(options.ticket_id === undefined ? {} : { ticket_id: options.ticket_id }) }, result, total };
}

/** The problem the mock answers with that status (400, 401, 404, 409), or a plain one for another. */
export function fakeProblem(status: number, overrides: Partial<Problem> = {}): Problem {
  const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
  const known: Record<number, () => Problem> = {
    400: () => violations([{ field: 'limit', message: 'must be <= 1000' }]).problem,
    401: () => unauthorized('This API needs an OAuth2 access token (Authorization: Bearer <token>).', 'X-Api-Key').problem,
    404: () => usedEquipmentNotFound(ticket, 12).problem,
    409: () => ticketNotInProgress(ticket, 'Closed', inProgressStatus).problem,
  };
  const problem = known[status]?.() ?? { type: '/problems/error', title: 'Error', status, detail: `The API answered ${status}.` };
  return { ...problem, ...overrides };
}
