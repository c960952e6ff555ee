// The mock's start state, generated with faker under a seed: the same seed gives the same state in
// every process. It always holds the seed documentation's example (ticket 595be628-… In Progress,
// equipment 12 "iCarsoft CR Pro" version "2.0"), so the documentation's example URLs work at once.
// The default seed's state is precomputed (`npm run generate`), so the usual start needs no faker.
import { inProgressStatus } from '../core/in-progress-rule.js';
import { precomputedDefaultState } from './generated/default-state.js';
import { seededFaker } from './faker-slot.js';
import type { CatalogEntry, StateDocument, Ticket, UsedReference } from './state-document.js';

export const defaultSeed = 1;
export const exampleTicketId = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
export const exampleEquipment: CatalogEntry = { diagnostic_equipment_id: 12, name: 'iCarsoft CR Pro', version: '2.0' };
/** A ticket that is always 'Closed', for trying the rule (and the contract suite's --closed-ticket). */
export const closedTicketId = 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11';
/** How many of the last catalogue ids are never used on the example ticket, so they can always be added. */
export const freeOnExampleTicket = 3;

// Real tools a workshop uses to diagnose a vehicle; faker has no such list.
export const toolNames = [
  'Autel MaxiSys MS906BT', 'Autel MaxiCOM MK808', 'Launch X431 V+', 'Launch CRP129E', 'Bosch KTS 560',
  'Bosch KTS 350', 'Snap-on ZEUS', 'Snap-on SOLUS Legend', 'Foxwell NT510 Elite', 'Topdon Phoenix Plus',
  'Delphi DS150E', 'Texa Navigator TXTs', 'Ross-Tech VCDS HEX-V2', 'Hella Gutmann mega macs 56',
  'Fluke 88V Automotive Multimeter', 'Pico Technology 4425A', 'Midtronics GR8 Battery Tester',
  'Actron CP9690', 'Innova 5610', 'BlueDriver Pro', 'Thinkcar ThinkTool Pro', 'Xtool D8',
  'Jaltest Link', 'TOPDON ArtiDiag800', 'OTC Encore', 'Carman Scan VG+', 'G-Scan 3', 'Icarsoft MB V3.0',
  'Schrader EZ-Sensor Tool', 'Bosch ADS 625X', 'Snap-on Verus Edge', 'Autel MaxiTPMS TS508',
  'Launch Creader 8011', 'Foxwell GT60', 'Texa Konfort 760R', 'Fluke 1587 FC Insulation Tester',
  'Pico Technology 2204A', 'Ancel FX6000', 'Yanhua ACDP', 'Hella Gutmann CSC Tool',
];

const statuses: Array<{ weight: number; value: string }> = [
  { weight: 5, value: inProgressStatus },
  { weight: 3, value: 'Open' },
  { weight: 3, value: 'Closed' },
  { weight: 1, value: 'On Hold' },
];

export interface DefaultStateOptions {
  seed?: number;
  tickets?: number;
}

/** Whether the options ask for the precomputed state: the default seed and ticket count. */
const isPrecomputed = (options: DefaultStateOptions) => (options.seed ?? defaultSeed) === defaultSeed && (options.tickets ?? defaultTicketCount) === defaultTicketCount;

/** The start state for a seed: a copy of the precomputed one for the default seed and ticket count. */
export function generateDefaultState(options: DefaultStateOptions = {}): StateDocument {
  if (isPrecomputed(options)) return structuredClone(precomputedDefaultState);
  return computeDefaultState({ ...options, seed: options.seed ?? defaultSeed });
}

/**
 * The state a mock starts from when it is given none, and whether it is already known to be valid. The
 * default seed's is the precomputed document itself: not copied (a mock only reads its start state; the
 * store copies what it keeps) and not checked again (a test checks it, as `npm run generate` writes
 * it). Copying and checking it were most of what createHandlers() itself cost a fresh browser page.
 */
export function defaultStartState(seed: number | undefined): { state: StateDocument; knownValid: boolean } {
  if (isPrecomputed({ seed })) return { state: precomputedDefaultState, knownValid: true };
  return { state: generateDefaultState({ seed }), knownValid: false };
}

const defaultTicketCount = 12;
const recordsOnExample = 27;
const recordsOnClosed = 3;
const recordsOnOthersAtMost = 8;

/** The most entries (tickets, catalogue, records) the start state holds for any seed: what a preset costs. */
export const defaultStateEntriesAtMost =
  defaultTicketCount + toolNames.length + 1 + recordsOnExample + recordsOnClosed + (defaultTicketCount - 2) * recordsOnOthersAtMost;

/** Generates the start state with faker; what `npm run generate` precomputes for the default seed. */
export function computeDefaultState(options: DefaultStateOptions = {}): StateDocument {
  const seed = options.seed ?? defaultSeed;
  const faker = seededFaker(seed, `The start state for seed ${seed}`);

  const catalog: CatalogEntry[] = toolNames.map((name, index) => {
    const id = index + 1;
    if (id === exampleEquipment.diagnostic_equipment_id) return { ...exampleEquipment };
    const version = faker.datatype.boolean({ probability: 0.2 }) ? null : faker.system.semver();
    return { diagnostic_equipment_id: id, name, version };
  });

  const tickets: Ticket[] = [
    { id: exampleTicketId, status: inProgressStatus },
    { id: closedTicketId, status: 'Closed' },
  ];
  for (let i = 2; i < (options.tickets ?? defaultTicketCount); i++) {
    tickets.push({ id: faker.string.uuid(), status: faker.helpers.weightedArrayElement(statuses) });
  }

  // The example ticket gets more than one page of records (the example equipment first); the others
  // get a few each, so the unfiltered list spans several pages too.
  const used: UsedReference[] = [];
  const others = catalog.filter((e) => e.diagnostic_equipment_id !== exampleEquipment.diagnostic_equipment_id);
  const forExample = others.slice(0, others.length - freeOnExampleTicket);
  for (const ticket of tickets) {
    const count = ticket.id === exampleTicketId ? recordsOnExample : ticket.id === closedTicketId ? recordsOnClosed : faker.number.int({ min: 0, max: recordsOnOthersAtMost });
    const chosen = faker.helpers.arrayElements(ticket.id === exampleTicketId ? forExample : others, count);
    if (ticket.id === exampleTicketId) chosen.unshift(exampleEquipment);
    for (const entry of chosen) used.push({ ticket_id: ticket.id, diagnostic_equipment_id: entry.diagnostic_equipment_id });
  }
  return { tickets, catalog, used };
}
