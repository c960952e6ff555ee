// What a scenario's `generate` adds to the state built so far: faker under its own seed, so the same file
// always gives the same state. Each step costs what scenario-cost.ts reckons for it, and no more: draws
// take O(draws) from a deck (deck.ts), never a copy of the catalogue per ticket, and what each `usedOn`
// ticket already holds is found in one pass, not one pass per entry.
import type { Faker } from '@faker-js/faker';
import type { Violation } from '../core/problems.js';
import { inProgressStatus } from '../core/in-progress-rule.js';
import { createDeck, type Deck } from './deck.js';
import { generateDefaultState, toolNames } from './default-state.js';
import { seededFaker } from './faker-slot.js';
import type { GenerateSpec } from './scenario.js';
import type { CatalogEntry, StateDocument, Ticket, UsedReference } from './state-document.js';

/** Adds entries to one list of the state, saying where they came from ("/generate/usedOn/3"). */
export type Adder = <K extends keyof StateDocument>(key: K, items: StateDocument[K], origin: string) => void;

const defaultStatuses = { [inProgressStatus]: 0.6, Open: 0.2, Closed: 0.2 };

function generatedCatalog(faker: Faker, count: number, existing: readonly CatalogEntry[]): CatalogEntry[] {
  const first = existing.reduce((max, e) => Math.max(max, e.diagnostic_equipment_id), 0) + 1;
  return Array.from({ length: count }, (_, i): CatalogEntry => {
    const name = toolNames[i % toolNames.length]!;
    const round = Math.floor(i / toolNames.length);
    return {
      diagnostic_equipment_id: first + i,
      name: round === 0 ? name : `${name} (${round + 1})`,
      version: faker.datatype.boolean({ probability: 0.2 }) ? null : faker.system.semver(),
    };
  });
}

const recordsOf = (ticketId: string, positions: readonly number[], catalog: readonly CatalogEntry[]): UsedReference[] =>
  positions.map((position) => ({ ticket_id: ticketId, diagnostic_equipment_id: catalog[position]!.diagnostic_equipment_id }));

/**
 * One deck per ticket named in `usedOn`, holding the catalogue positions still free on it: built from one
 * pass over the records, so an entry costs its count, however many entries there are.
 */
function freeDecks(spec: GenerateSpec, state: StateDocument): Map<string, Deck> {
  const named = new Set((spec.usedOn ?? []).map((entry) => entry.ticket_id));
  const positionOf = new Map(state.catalog.map((entry, position) => [entry.diagnostic_equipment_id, position]));
  const decks = new Map<string, Deck>();
  for (const ticketId of named) decks.set(ticketId, createDeck(state.catalog.length));
  for (const record of state.used) {
    const position = positionOf.get(record.diagnostic_equipment_id);
    if (position !== undefined) decks.get(record.ticket_id)?.remove(position);
  }
  return decks;
}

export function generate(spec: GenerateSpec, state: StateDocument, add: Adder, violations: Violation[]): void {
  if (spec.preset === 'default') {
    const preset = generateDefaultState({ seed: spec.seed });
    add('tickets', preset.tickets, '/generate/preset');
    add('catalog', preset.catalog, '/generate/preset');
    add('used', preset.used, '/generate/preset');
  }
  const faker = seededFaker(spec.seed, 'A scenario that generates data');
  if (spec.catalog !== undefined && spec.catalog > 0) add('catalog', generatedCatalog(faker, spec.catalog, state.catalog), '/generate/catalog');

  const weights = Object.entries(spec.statuses ?? defaultStatuses).map(([value, weight]) => ({ value, weight }));
  const newTickets = Array.from({ length: spec.tickets ?? 0 }, (): Ticket => ({ id: faker.string.uuid(), status: faker.helpers.weightedArrayElement(weights) }));
  add('tickets', newTickets, '/generate/tickets');

  const [min, max] = spec.usedPerTicket ?? [0, 0];
  if (max > state.catalog.length) {
    violations.push({ field: '/generate/usedPerTicket', message: `asks for up to ${max} records on a ticket, but the catalogue has ${state.catalog.length} ${state.catalog.length === 1 ? 'entry' : 'entries'}` });
  } else if (min > max) {
    violations.push({ field: '/generate/usedPerTicket', message: `[min, max] must not have min > max` });
  } else {
    const made: UsedReference[] = [];
    for (const ticket of newTickets) {
      const count = faker.number.int({ min, max });
      // A deck only for a ticket that draws: a million tickets of none must not make a million decks.
      if (count === 0) continue;
      for (const position of createDeck(state.catalog.length).draw(faker, count)) made.push({ ticket_id: ticket.id, diagnostic_equipment_id: state.catalog[position]!.diagnostic_equipment_id });
    }
    add('used', made, '/generate/usedPerTicket');
  }

  if (spec.usedOn === undefined || spec.usedOn.length === 0) return;
  const decks = freeDecks(spec, state);
  spec.usedOn.forEach(({ ticket_id, count }, index) => {
    const free = decks.get(ticket_id)!;
    if (count > free.size) {
      violations.push({ field: `/generate/usedOn/${index}/count`, message: `asks for ${count} records, but only ${free.size} ${free.size === 1 ? 'catalogue entry is' : 'catalogue entries are'} free on ticket ${ticket_id}` });
      return;
    }
    add('used', recordsOf(ticket_id, free.draw(faker, count), state.catalog), `/generate/usedOn/${index}`);
  });
}
