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

export interface FakeOptions {
  /** The same seed gives the same data (default 1). */
  seed?: number;
}

const fakerFor = (seed = 1) => {
  return seededFaker(seed, 'ude-kit/fake');
};

function record(faker: Faker, overrides: Partial<UsedEquipment>): UsedEquipment {
  return {
    ticket_id: faker.string.uuid(),
    diagnostic_equipment_id: faker.number.int({ min: 1, max: 99_999 }),
    name: faker.helpers.arrayElement(toolNames),
    version: faker.datatype.boolean({ probability: 0.2 }) ? null : faker.system.semver(),
    ...overrides,
  };
}

/** One used-diagnostic-equipment record; any field can be set. */
export function fakeUsedEquipment(overrides: Partial<UsedEquipment> = {}, options: FakeOptions = {}): UsedEquipment {
  return record(fakerFor(options.seed), overrides);
}

export interface FakeListOptions extends FakeOptions {
  /** Rows matching in all (default 3). */
  total?: number;
  limit?: number;
  offset?: number;
  /** The ticket every row belongs to, echoed in `query` as a filter. */
  ticket_id?: string;
  /** Fields every row gets. */
  row?: Partial<UsedEquipment>;
}

/** One page of the list, whose numbers add up: min(limit, total − offset) rows, ids distinct. */
export function fakeList(options: FakeListOptions = {}): UsedEquipmentList {
  const faker = fakerFor(options.seed);
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
